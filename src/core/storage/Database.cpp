#include "storage/Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Database", text);
}

// Creates an empty file readable by the owner only. SQLite gives its -wal and -shm files
// the same permissions as the database file.
bool createPrivateFile(const QString &path, QString &error)
{
    const QFileInfo info(path);
    QDir dir = info.absoluteDir();
    if (!dir.exists()) {
        if (!dir.mkpath(QStringLiteral("."))) {
            error = tr("Cannot create the folder %1.").arg(dir.path());
            return false;
        }
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        error = tr("Cannot create %1: %2").arg(path, file.errorString());
        return false;
    }
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    return true;
}
} // namespace

Database::Database()
    : m_connectionName(QStringLiteral("letdown-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{ }

Database::~Database()
{
    close();
}

void Database::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool Database::isOpen() const
{
    return connection().isOpen();
}

bool Database::open(const QString &path, OpenMode mode)
{
    close();
    m_path = path;
    m_error.clear();

    if (mode == OpenMode::MustExist && !QFileInfo::exists(path)) {
        m_error = tr("There is no database at %1.").arg(path);
        return false;
    }
    if (!QFileInfo::exists(path) && !createPrivateFile(path, m_error))
        return false;
    if (QFileInfo(path).isDir()) {
        m_error = tr("%1 is a folder, not a database file.").arg(path);
        return false;
    }

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(path);
    // Another process holding a write lock (a backup, a second window) gets 5 s to finish.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        m_error = tr("Cannot open %1: %2").arg(path, db.lastError().text());
        return false;
    }

    int userVersion = 0;
    if (!checkOwnershipAndVersion(userVersion) || !applyPragmas() || !migrate(userVersion)) {
        close();
        return false;
    }
    return true;
}

bool Database::checkOwnershipAndVersion(int &userVersion)
{
    // Read-only look first: nothing is written to a file we may have to refuse.
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("SELECT (SELECT application_id FROM pragma_application_id),"
                                   " (SELECT user_version FROM pragma_user_version),"
                                   " (SELECT count(*) FROM sqlite_schema)"))
        || !query.next()) {
        m_error = tr("%1 is not a Letdown database, or it is damaged (%2). It was left untouched.")
                      .arg(m_path, query.lastError().databaseText());
        return false;
    }
    const qint32 applicationId = query.value(0).toInt();
    userVersion = query.value(1).toInt();
    const int objectCount = query.value(2).toInt();
    query.finish();

    const bool isEmptyFile = applicationId == 0 && userVersion == 0 && objectCount == 0;
    if (!isEmptyFile && applicationId != kApplicationId) {
        m_error = tr("%1 belongs to another application, not Letdown. It was left untouched.").arg(m_path);
        return false;
    }
    if (userVersion > kSchemaVersion) {
        m_error = tr("%1 was made by a newer version of Letdown (data format %2; this version "
                     "reads up to %3). Please update Letdown. The file was left untouched.")
                      .arg(m_path)
                      .arg(userVersion)
                      .arg(kSchemaVersion);
        return false;
    }
    return true;
}

bool Database::applyPragmas()
{
    // WAL + synchronous=FULL: every committed transaction survives a power cut.
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !query.next()
        || query.value(0).toString().compare(QStringLiteral("wal"), Qt::CaseInsensitive) != 0) {
        m_error = tr("Cannot switch %1 to write-ahead logging: %2").arg(m_path, query.lastError().text());
        return false;
    }
    query.finish();
    return exec(QStringLiteral("PRAGMA synchronous=FULL")) && exec(QStringLiteral("PRAGMA foreign_keys=ON"))
        && exec(QStringLiteral("PRAGMA secure_delete=ON"));
}

bool Database::exec(const QString &sql)
{
    QSqlQuery query(connection());
    if (!query.exec(sql)) {
        m_error = tr("Database error in %1: %2").arg(m_path, query.lastError().text());
        return false;
    }
    return true;
}

bool Database::begin()
{
    // IMMEDIATE takes the write lock up front, so a busy database fails here, not half way.
    return exec(QStringLiteral("BEGIN IMMEDIATE"));
}

bool Database::commit()
{
    if (exec(QStringLiteral("COMMIT")))
        return true;
    const QString commitError = m_error;
    rollback();
    m_error = commitError;
    return false;
}

bool Database::rollback()
{
    const QString cause = m_error;
    QSqlQuery(connection()).exec(QStringLiteral("ROLLBACK"));
    m_error = cause;
    return false;
}

bool Database::migrate(int fromVersion)
{
    if (fromVersion == kSchemaVersion)
        return true;
    // Cumulative steps, all in one transaction: a failed migration leaves the file as it was.
    return write([&] {
        if (fromVersion < 1) {
            const QStringList statements = {
                QStringLiteral("CREATE TABLE sessions ("
                               " id INTEGER PRIMARY KEY,"
                               " uuid TEXT NOT NULL UNIQUE,"
                               " kind TEXT NOT NULL CHECK (kind IN ('nursing','pumping')),"
                               " state TEXT NOT NULL CHECK (state IN ('running','paused','stopped')),"
                               " started_at_utc_ms INTEGER NOT NULL,"
                               " started_utc_offset_s INTEGER NOT NULL,"
                               " ended_at_utc_ms INTEGER,"
                               " ended_utc_offset_s INTEGER,"
                               " active_ms INTEGER NOT NULL CHECK (active_ms >= 0),"
                               " paused_ms INTEGER NOT NULL CHECK (paused_ms >= 0),"
                               " last_event_at_utc_ms INTEGER NOT NULL,"
                               " side TEXT NOT NULL CHECK (side IN ('left','right','both')),"
                               " left_ms INTEGER NOT NULL DEFAULT 0,"
                               " right_ms INTEGER NOT NULL DEFAULT 0,"
                               " both_ms INTEGER NOT NULL DEFAULT 0,"
                               " note TEXT NOT NULL DEFAULT '',"
                               " pumped_volume_ml REAL,"
                               " pre_feed_weight_g REAL,"
                               " post_feed_weight_g REAL,"
                               " clock_jump_detected INTEGER NOT NULL DEFAULT 0)"),
                QStringLiteral("CREATE INDEX sessions_started ON sessions(started_at_utc_ms)"),
                QStringLiteral("CREATE INDEX sessions_unfinished ON sessions(state) WHERE state <> 'stopped'"),
                QStringLiteral("CREATE TABLE ejections ("
                               " id INTEGER PRIMARY KEY,"
                               " session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
                               " at_utc_ms INTEGER NOT NULL,"
                               " utc_offset_s INTEGER NOT NULL,"
                               " offset_ms INTEGER NOT NULL CHECK (offset_ms >= 0),"
                               " side TEXT NOT NULL CHECK (side IN ('left','right','both')),"
                               " measured_volume_ml REAL)"),
                QStringLiteral("CREATE INDEX ejections_by_session ON ejections(session_id, offset_ms)"),
                QStringLiteral("CREATE TABLE session_techniques ("
                               " session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
                               " technique TEXT NOT NULL,"
                               " PRIMARY KEY (session_id, technique)) WITHOUT ROWID"),
                QStringLiteral("PRAGMA application_id=%1").arg(kApplicationId),
            };
            for (const auto &sql : statements)
                if (!exec(sql))
                    return false;
        }
        return exec(QStringLiteral("PRAGMA user_version=%1").arg(kSchemaVersion));
    });
}
