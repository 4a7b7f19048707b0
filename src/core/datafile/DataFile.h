#pragma once

#include "storage/Database.h"

#include <QDate>
#include <QFutureWatcher>
#include <QObject>
#include <QString>

// The one owner of her data file's life: opening it (with the checks of Database, refusing
// an emptied file that has backups, and a verified backup before any schema update),
// backing it up, restoring a backup over it, and moving it. These run one at a time: the
// daily backup runs off the calling thread (QtConcurrent, its own connection), and a
// restore or move first waits for it, so a backup never runs while the file is being
// replaced; destroying the DataFile waits for it too.
//
// Database itself knows nothing of backups (the hook below is how the owner gets its say).
class DataFile : public QObject
{
    Q_OBJECT

public:
    explicit DataFile(Database &database, QObject *parent = nullptr);
    ~DataFile() override;

    Database &database() { return m_database; }
    QString path() const { return m_database.path(); }

    // Opens the file; false with errorString() and problem() saying why.
    bool open(const QString &path, Database::OpenMode mode = Database::OpenMode::CreateIfMissing);
    QString errorString() const { return m_error; }
    Database::Problem problem() const { return m_problem; }
    QString details() const { return m_problem == m_database.problem() ? m_database.details() : QString(); }

    // For a file that cannot be opened because it is damaged: the newest backup that
    // passes the check (empty when none), and when it was taken.
    static QString newestUsableBackup(const QString &path, QDateTime &takenAt);
    // Moves the damaged file (with its -wal and -shm) aside, untouched, as
    // `<name>.damaged-<time>`, and puts a checked copy of the backup in its place.
    static bool restoreOverDamaged(const QString &path, const QString &backupPath, QString &asidePath, QString &error);

    // A verified backup now, into backups/ beside the file. Returns its path, or empty.
    QString backUp(const QString &reason, QString &error);
    // Backs up the current file ("before-restore"), then puts a checked copy of the backup in
    // its place and reopens. `safetyBackup` names the backup of what was there.
    bool restoreFrom(const QString &backupPath, QString &safetyBackup, QString &error);
    // Backs up ("before-move"), then moves the file and its backups folder to `newPath`
    // (which must not exist) and reopens it there.
    bool moveTo(const QString &newPath, QString &error);

    // Takes the daily backup if one is due, off this thread; dailyBackupFinished() tells
    // how it went. False (nothing started) while one is still running.
    bool startDailyBackup(QDate today);
    bool isBackingUp() const { return m_daily.isRunning(); }
    // Blocks until a running daily backup has finished (restore, move and closing call it).
    void waitForBackground();

signals:
    // `message` for the status bar ("Backed up to ..."), empty when none was due.
    void dailyBackupFinished(const QString &message, const QString &error);

private:
    struct DailyResult {
        QString message;
        QString error;
    };
    bool fail(Database::Problem problem, const QString &message);

    Database &m_database;
    QString m_error;
    Database::Problem m_problem = Database::Problem::None;
    QFutureWatcher<DailyResult> m_daily;
};
