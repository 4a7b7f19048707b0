#include "storage/Backups.h"

#include "base/Clock.h"

#include "storage/Database.h"
#include "storage/FileSync.h"
#include "storage/SqlStatement.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUuid>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

namespace {

// lupdate reads Text::tr("...") with this context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Backups)
};

const QString kTimeFormat = QStringLiteral("yyyyMMdd-HHmmss");

QDateTime timeFromName(const QString &fileName)
{
    static const QRegularExpression pattern(QStringLiteral("^letdown-(\\d{8}-\\d{6})(?:-[a-z0-9-]+)?\\.sqlite$"));
    const auto match = pattern.match(fileName);
    return match.hasMatch() ? QDateTime::fromString(match.captured(1), kTimeFormat) : QDateTime();
}

bool makePrivateFolder(const QString &folder)
{
    if (!QDir().mkpath(folder))
        return false;
    return QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}
} // namespace

QString Backups::folderFor(const QString &databasePath)
{
    return QFileInfo(databasePath).absoluteDir().filePath(QStringLiteral("backups"));
}

namespace {
// Copies left by a killed backup: `.partial-PID-...` whose process is gone, and copies from
// versions before 0.2 (no process id in the name) once they are an hour old.
void removeLeftoverPartials(const QString &folder)
{
    const QDir dir(folder);
    static const QRegularExpression withPid(QStringLiteral("^\\.partial-(\\d+)-"));
    for (const QFileInfo &file : dir.entryInfoList({QStringLiteral(".partial-*")}, QDir::Files | QDir::Hidden)) {
        const auto match = withPid.match(file.fileName());
        const bool gone = match.hasMatch()
            ? processIsGone(match.captured(1).toLongLong())
            : processClock().wallUtcMs() - file.lastModified().toMSecsSinceEpoch() > 3600 * 1000;
        if (gone)
            QFile::remove(file.filePath());
    }
}
} // namespace

QString Backups::take(Database &database, const QString &reason, QString &error)
{
    const QString folder = folderFor(database.path());
    if (!makePrivateFolder(folder)) {
        error = Text::tr("Cannot create the backup folder %1.").arg(folder);
        return {};
    }
    removeLeftoverPartials(folder);
    // `.partial-PID-UUID.sqlite`, created empty and private (0600) before SQLite fills it.
    const QString partial = QDir(folder).filePath(QStringLiteral(".partial-%1-%2.sqlite")
            .arg(QCoreApplication::applicationPid())
            .arg(QUuid::createUuid().toString(QUuid::WithoutBraces)));
    const int fd = ::open(QFile::encodeName(partial).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        error = Text::tr("Cannot create a file in the backup folder %1.").arg(folder);
        return {};
    }
    ::close(fd);
    {
        SqlStatement vacuum(database, "VACUUM INTO ?");
        vacuum.bind(1, partial);
        if (!vacuum.run()) {
            error = Text::tr("The copy failed: %1").arg(vacuum.error());
            QFile::remove(partial);
            return {};
        }
    }
    QFile::setPermissions(partial, QFile::ReadOwner | QFile::WriteOwner);
    const QString verdict = Database::integrityOf(partial);
    if (verdict != QLatin1String("ok")) {
        error = Text::tr("The copy did not check out: %1").arg(verdict);
        QFile::remove(partial);
        return {};
    }
    if (!syncFile(partial)) {
        error = Text::tr("The copy could not be written to the disk (fsync failed).");
        QFile::remove(partial);
        return {};
    }
    QString name = QStringLiteral("letdown-%1-%2").arg(localNow(processClock()).toString(kTimeFormat), reason);
    QString target = QDir(folder).filePath(name + QStringLiteral(".sqlite"));
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = QDir(folder).filePath(QStringLiteral("%1-%2.sqlite").arg(name).arg(n));
    if (!renamePath(partial, target)) {
        error = Text::tr("Cannot name the backup %1.").arg(target);
        QFile::remove(partial);
        return {};
    }
    if (!syncFolderOf(target)) {
        error = Text::tr("The backup %1 was written, but its folder could not be synced to the disk.").arg(target);
        return {};
    }
    return target;
}

QList<Backups::BackupInfo> Backups::list(const QString &databasePath, bool withDetails)
{
    QList<BackupInfo> backups;
    const QDir folder(folderFor(databasePath));
    for (const QFileInfo &file : folder.entryInfoList({QStringLiteral("letdown-*.sqlite")}, QDir::Files)) {
        BackupInfo info;
        info.path = file.absoluteFilePath();
        info.takenAt = timeFromName(file.fileName());
        if (!info.takenAt.isValid())
            continue; // not one of ours
        if (withDetails) {
            Database copy;
            if (copy.open(info.path, Database::OpenMode::ReadOnly)) {
                {
                    SqlStatement query(copy, "SELECT count(*) FROM sessions");
                    if (query.next())
                        info.sessions = int(query.integer(0));
                }
                copy.changeCount(info.changeCount);
            } else {
                info.problem = copy.errorString();
            }
        }
        backups.append(info);
    }
    std::sort(
        backups.begin(), backups.end(), [](const BackupInfo &a, const BackupInfo &b) { return a.takenAt > b.takenAt; });
    return backups;
}

QSet<int> Backups::toKeep(const QList<QDateTime> &takenNewestFirst)
{
    QSet<int> keep;
    // For each period kind: the first (newest) backup of each of the first N periods.
    const auto keepNewestPer = [&](int periods, auto periodOf) {
        QList<qint64> seen;
        for (int i = 0; i < takenNewestFirst.size() && seen.size() <= periods; ++i) {
            const qint64 period = periodOf(takenNewestFirst[i].date());
            if (seen.contains(period))
                continue;
            seen.append(period);
            if (seen.size() <= periods)
                keep.insert(i);
        }
    };
    keepNewestPer(kDailyKept, [](QDate d) { return d.toJulianDay(); });
    keepNewestPer(kWeeklyKept, [](QDate d) { return d.addDays(1 - d.dayOfWeek()).toJulianDay(); });
    keepNewestPer(kMonthlyKept, [](QDate d) { return qint64(d.year()) * 12 + d.month(); });
    return keep;
}

int Backups::thin(const QString &databasePath)
{
    const QList<BackupInfo> backups = list(databasePath, false);
    QList<QDateTime> times;
    for (const BackupInfo &backup : backups)
        times.append(backup.takenAt);
    const QSet<int> keep = toKeep(times);
    int removed = 0;
    for (int i = 0; i < backups.size(); ++i)
        if (!keep.contains(i) && QFile::remove(backups[i].path))
            ++removed;
    return removed;
}

bool Backups::isDue(Database &database, QDate today, bool &due, QString &error)
{
    due = false;
    qint64 changes = 0;
    if (!database.changeCount(changes)) {
        error = database.errorString();
        return false;
    }
    const QList<BackupInfo> backups = list(database.path(), false);
    if (backups.isEmpty()) {
        due = changes > 0;
        return true;
    }
    if (backups.first().takenAt.date() >= today)
        return true; // one a day is enough
    Database newest;
    qint64 backedUpChanges = -1;
    if (newest.open(backups.first().path, Database::OpenMode::ReadOnly))
        newest.changeCount(backedUpChanges);
    due = backedUpChanges != changes;
    return true;
}

QString Backups::newestUsable(const QString &databasePath)
{
    for (const BackupInfo &backup : list(databasePath, false))
        if (Database::integrityOf(backup.path) == QLatin1String("ok"))
            return backup.path;
    return {};
}

QString Backups::stageBeside(const QString &backupPath, const QString &targetPath, QString &error)
{
    const QString verdict = Database::integrityOf(backupPath);
    if (verdict != QLatin1String("ok")) {
        error = Text::tr("That backup cannot be used: %1").arg(verdict);
        return {};
    }
    const QString incoming = targetPath + QStringLiteral(".restoring");
    QFile::remove(incoming);
    if (!QFile::copy(backupPath, incoming) || !syncFile(incoming)) {
        QFile::remove(incoming);
        error = Text::tr("Cannot copy the backup next to %1.").arg(targetPath);
        return {};
    }
    QFile::setPermissions(incoming, QFile::ReadOwner | QFile::WriteOwner);
    return incoming;
}

bool Backups::restoreOverDamaged(
    const QString &databasePath, const QString &backupPath, QString &asidePath, QString &error)
{
    const QString incoming = stageBeside(backupPath, databasePath, error);
    if (incoming.isEmpty())
        return false;
    asidePath = databasePath + QStringLiteral(".damaged-") + localNow(processClock()).toString(kTimeFormat);
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        if (QFileInfo::exists(databasePath + suffix)
            && !renamePath(databasePath + suffix, asidePath + suffix)) {
            error = Text::tr("Cannot move the damaged file aside.");
            QFile::remove(incoming);
            return false;
        }
    }
    if (!renamePath(incoming, databasePath)) {
        error = Text::tr("Cannot put the backup in place of %1.").arg(databasePath);
        return false;
    }
    if (!syncFolderOf(databasePath)) {
        error = Text::tr("The backup was put in place of %1, but the folder could not be synced to the disk.")
                    .arg(databasePath);
        return false;
    }
    return true;
}

QString Backups::runDaily(const QString &databasePath, QDate today, QString &error)
{
    Database database;
    if (!database.open(databasePath, Database::OpenMode::MustExist)) {
        error = database.errorString();
        return {};
    }
    bool due = false;
    if (!isDue(database, today, due, error) || !due)
        return {};
    const QString taken = take(database, QStringLiteral("daily"), error);
    if (taken.isEmpty())
        return {};
    thin(databasePath);
    return Text::tr("Backed up to %1.").arg(QFileInfo(taken).fileName());
}
