#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

class Database;

// Verified copies of the database in a backups/ folder beside it (0700, files 0600):
// VACUUM INTO a temporary name, fsync, PRAGMA quick_check on the copy, then rename.
// Thinned to the newest of each of the last 7 days, 4 weeks and 12 months.
namespace Backups {
inline constexpr int kDailyKept = 7;
inline constexpr int kWeeklyKept = 4;
inline constexpr int kMonthlyKept = 12;

QString folderFor(const QString &databasePath);

// Returns the new backup's path, or an empty string with `error` set.
QString take(Database &database, const QString &reason, QString &error);

struct BackupInfo {
    QString path;
    QDateTime takenAt; // local time, from the file name
    int sessions = -1; // -1: not read (or unreadable)
    qint64 changeCount = -1;
    QString problem; // empty when the copy is usable
};
// Newest first. With details, each file is opened read-only and checked.
QList<BackupInfo> list(const QString &databasePath, bool withDetails);

// Which backups to keep, given their times newest first: the newest of each of the last
// 7 days, of the last 4 ISO weeks and of the last 12 months (indexes into the list).
QSet<int> toKeep(const QList<QDateTime> &takenNewestFirst);
// Deletes the backups that toKeep() does not keep. Returns how many were removed.
int thin(const QString &databasePath);

// A backup is due when the data changed since the newest backup and that backup was
// taken on an earlier day (or there is none yet and there is data).
bool isDue(Database &database, QDate today, bool &due, QString &error);

// The newest backup that passes the integrity check, or empty.
QString newestUsable(const QString &databasePath);

// The daily routine, for a background thread (it opens its own connection): a backup if
// one is due, then thinning. Returns a line for the status bar, empty when nothing was due.
QString runDaily(const QString &databasePath, QDate today, QString &error);

// Checks a backup and copies it, fsynced and 0600, to `<target>.restoring` beside the
// database it will replace. Returns that path, or empty with `error`.
QString stageBeside(const QString &backupPath, const QString &targetPath, QString &error);

// For a database that cannot be opened: moves the damaged file (and its -wal/-shm) aside,
// untouched, to `<name>.damaged-<time>`, and puts a copy of the backup in its place.
bool restoreOverDamaged(const QString &databasePath, const QString &backupPath, QString &asidePath, QString &error);
} // namespace Backups
