#include "datafile/DataFile.h"

#include "storage/Backups.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace {
// lupdate reads Text::tr("...") with this context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(DataFile)
};
} // namespace

DataFile::DataFile(Database &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
    // A verified copy of an older file comes first, whatever the update does next.
    m_database.setBeforeUpdate([](Database &db, QString &error) {
        return !Backups::take(db, QStringLiteral("before-update"), error).isEmpty();
    });
    connect(&m_daily, &QFutureWatcher<DailyResult>::finished, this, [this] {
        const DailyResult result = m_daily.result();
        emit dailyBackupFinished(result.message, result.error);
    });
}

DataFile::~DataFile()
{
    waitForBackground();
    m_database.setBeforeUpdate({});
}

bool DataFile::fail(Database::Problem problem, const QString &message)
{
    m_problem = problem;
    m_error = message;
    return false;
}

bool DataFile::open(const QString &path, Database::OpenMode mode)
{
    waitForBackground();
    m_problem = Database::Problem::None;
    m_error.clear();
    // SQLite would take an empty file as a new database. With backups beside it, an empty
    // file means data went missing: never start over silently.
    const QFileInfo info(path);
    if (info.isFile() && info.size() == 0 && !Backups::list(path, false).isEmpty())
        return fail(Database::Problem::Damaged,
            Text::tr("%1 is empty, but backups of it exist. It was left untouched.").arg(path));
    if (m_database.open(path, mode))
        return true;
    return fail(m_database.problem(), m_database.errorString());
}

QString DataFile::backUp(const QString &reason, QString &error)
{
    waitForBackground();
    return Backups::take(m_database, reason, error);
}

bool DataFile::restoreFrom(const QString &backupPath, QString &safetyBackup, QString &error)
{
    waitForBackground(); // never replace the file under a running backup
    safetyBackup = Backups::take(m_database, QStringLiteral("before-restore"), error);
    if (safetyBackup.isEmpty()) {
        error = Text::tr("the backup of your current data failed (%1)").arg(error);
        return false;
    }
    const QString staged = Backups::stageBeside(backupPath, m_database.path(), error);
    if (staged.isEmpty())
        return false;
    if (!m_database.replaceWithStaged(staged)) {
        error = m_database.errorString();
        return false;
    }
    return true;
}

bool DataFile::moveTo(const QString &newPath, QString &error)
{
    waitForBackground();
    const QString target = QFileInfo(newPath).absoluteFilePath();
    if (QFileInfo::exists(target)) {
        error = Text::tr("%1 already exists; choose a new file name.").arg(target);
        return false;
    }
    if (Backups::take(m_database, QStringLiteral("before-move"), error).isEmpty()) {
        error = Text::tr("the backup before the move failed (%1)").arg(error);
        return false;
    }
    const QString oldPath = m_database.path();
    if (!m_database.moveTo(target)) {
        error = m_database.errorString();
        return false;
    }
    // The backups go along when they can be renamed; otherwise they stay (and still work by hand).
    const QString oldBackups = Backups::folderFor(oldPath);
    const QString newBackups = Backups::folderFor(target);
    if (QFileInfo::exists(oldBackups) && !QFileInfo::exists(newBackups))
        QDir().rename(oldBackups, newBackups);
    return true;
}

bool DataFile::startDailyBackup(QDate today)
{
    if (m_daily.isRunning() || m_database.isReadOnly())
        return false;
    const QString path = m_database.path();
    // Its own connection on a worker thread: a tap never waits behind a backup.
    m_daily.setFuture(QtConcurrent::run([path, today] {
        DailyResult result;
        result.message = Backups::runDaily(path, today, result.error);
        return result;
    }));
    return true;
}

void DataFile::waitForBackground()
{
    m_daily.waitForFinished();
}

QString DataFile::newestUsableBackup(const QString &path, QDateTime &takenAt)
{
    const QString backup = Backups::newestUsable(path);
    takenAt = {};
    for (const Backups::BackupInfo &info : Backups::list(path, false))
        if (info.path == backup)
            takenAt = info.takenAt;
    return backup;
}

bool DataFile::restoreOverDamaged(
    const QString &path, const QString &backupPath, QString &asidePath, QString &error)
{
    return Backups::restoreOverDamaged(path, backupPath, asidePath, error);
}
