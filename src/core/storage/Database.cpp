#include "storage/Database.h"

#include "storage/FileSync.h"
#include "storage/SqlStatement.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QUrl>
#include <sqlite3.h>
#include <sys/statvfs.h>

#include <algorithm>
#include <cstdio>

namespace {
// Less free space than this, with an I/O error, is a full disk rather than damage.
constexpr qint64 kDiskFullBytes = 1024 * 1024;

// lupdate reads Text::tr("...") with this context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Database)
};

// Asked of SQLite once per process, before its first connection (afterwards it refuses, and
// nothing is lost but the speed): no memory statistics, which Letdown never reads. With them,
// every allocation SQLite makes takes and releases a process-wide lock: 4 % of an import's
// instructions, and part of every row read or written.
void configureSqliteOnce()
{
    static const bool configured = [] { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK; }();
    Q_UNUSED(configured);
}

// Creates an empty file readable by the owner only. SQLite gives its -wal and -shm files
// the same permissions as the database file.
bool createPrivateFile(const QString &path, QString &error)
{
    const QFileInfo info(path);
    QDir dir = info.absoluteDir();
    if (!dir.exists()) {
        if (!dir.mkpath(QStringLiteral("."))) {
            error = Text::tr("Cannot create the folder %1.").arg(dir.path());
            return false;
        }
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        error = Text::tr("Cannot create %1: %2").arg(path, file.errorString());
        return false;
    }
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    return true;
}
} // namespace

Database::Database() = default;

Database::~Database()
{
    close();
}

void Database::close()
{
    if (!m_handle)
        return;
    for (const auto &[text, statement] : m_keptStatements)
        sqlite3_finalize(statement); // before the connection closes, or it cannot
    m_keptStatements.clear();
    // The last connection to close folds the WAL into the file (every statement is
    // finalized by now: a SqlStatement lives only inside the call that made it).
    sqlite3_close_v2(m_handle);
    m_handle = nullptr;
    m_lockWaitMs = kDefaultLockWaitMs; // what the next connection opens with
    if (m_openedCleanly)
        rememberVerifiedState();
    m_openedCleanly = false;
}

bool Database::isOpen() const
{
    return m_handle != nullptr;
}

bool Database::fail(Problem problem, const QString &message)
{
    m_problem = problem;
    m_error = message;
    return false;
}

bool Database::open(const QString &path, OpenMode mode)
{
    close();
    ++m_generation;
    // Every check runs with its queries finished before the connection is closed.
    if (openChecked(path, mode))
        return true;
    close();
    return false;
}

bool Database::createComplete(const QString &path)
{
    // A new file is made whole under a name of its own and then given her file's name in one
    // step: a kill or power cut while it is being made leaves nothing half made under that
    // name (an empty file there would be taken for a damaged one at the next start).
    const QFileInfo info(path);
    const QString prefix = info.fileName() + QStringLiteral(".new-");
    const QDir folder = info.absoluteDir();
    for (const QString &name : folder.entryList({prefix + QLatin1Char('*')}, QDir::Files | QDir::Hidden))
        if (processIsGone(name.mid(prefix.size()).section(u'-', 0, 0).section(u'.', 0, 0).toLongLong()))
            QFile::remove(folder.filePath(name)); // left by a creation that was killed
    const QString building = path + QStringLiteral(".new-%1").arg(QCoreApplication::applicationPid());
    const auto removeBuilding = [&] {
        for (const QString &suffix :
            {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral(".checked")})
            QFile::remove(building + suffix);
    };
    removeBuilding();
    if (!createPrivateFile(building, m_error)) {
        m_error.replace(building, path); // her file's name is the one she knows
        return false;
    }
    {
        Database fresh;
        if (!fresh.open(building, OpenMode::CreateIfMissing)) {
            m_error = fresh.errorString();
            removeBuilding();
            return false;
        }
    } // closed: the whole schema is in the file itself now
    // QFile::rename never replaces a file: one another program made meanwhile is kept, and
    // opened below like any other.
    const bool named = QFile::rename(building, path);
    removeBuilding();
    if (!named && !QFileInfo::exists(path)) {
        m_error = Text::tr("Cannot create %1.").arg(path);
        return false;
    }
    syncFolderOf(path);
    return true;
}

bool Database::openConnection(const QString &path, bool hasContent)
{
    QByteArray name;
    int flags = 0;
    if (m_readOnly) {
        // A WAL file needs its -shm beside it; where we may create nothing, read the file
        // as it stands (immutable), which SQLite allows without the -shm.
        QUrl uri = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath());
        uri.setScheme(QStringLiteral("file"));
        const bool canCreateShm = QFileInfo(QFileInfo(path).absolutePath()).isWritable();
        const bool immutable = !canCreateShm && !QFileInfo::exists(path + QStringLiteral("-shm"));
        // Immutable reading skips the -wal: with committed steps still in there, it would
        // show an old state, so refuse rather than mislead.
        if (immutable && QFileInfo(path + QStringLiteral("-wal")).size() > 0)
            return fail(Problem::Unavailable,
                Text::tr("%1 cannot be read safely: its folder is write-protected and its "
                         "latest changes are still in %1-wal. Make the folder writable "
                         "and start Letdown again.")
                    .arg(path));
        uri.setQuery(immutable ? QStringLiteral("mode=ro&immutable=1") : QStringLiteral("mode=ro"));
        name = uri.toString(QUrl::FullyEncoded).toUtf8();
        flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
    } else {
        // Whose file is it, and from which version? Asked first through a read-only
        // connection: the read-write one would fold a -wal into the file when it closes,
        // and a file that is refused must be left exactly as it was (its -wal too).
        if (hasContent && !checkOwnershipAndVersionReadOnly())
            return false;
        name = QFile::encodeName(path);
        // Never creates: a missing file was made whole by createComplete() before this.
        flags = SQLITE_OPEN_READWRITE;
    }
    // One thread uses a connection at a time (as QtSql opened it): without SQLite's own mutex
    // around every call, which cost each column read of ten years a lock and an unlock.
    flags |= SQLITE_OPEN_NOMUTEX;
    configureSqliteOnce();
    sqlite3 *db = nullptr;
    const int result = sqlite3_open_v2(name.constData(), &db, flags, nullptr);
    if (result != SQLITE_OK) {
        const QString why = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(result));
        sqlite3_close_v2(db); // a handle comes back even when opening fails
        return fail(Problem::Unavailable, Text::tr("Cannot open %1: %2").arg(path, why));
    }
    m_handle = db;
    // Another process holding a write lock (a backup, a second window) gets 5 s to finish.
    sqlite3_busy_timeout(m_handle, kDefaultLockWaitMs);
    return true;
}

bool Database::finishReadOnly(const QString &path, OpenMode mode, int userVersion)
{
    // Looking at an older file (a backup) is fine; running the app on one is not.
    if (mode != OpenMode::ReadOnly && userVersion != kSchemaVersion)
        return fail(Problem::Unavailable,
            Text::tr("%1 is write-protected and needs updating to this version of "
                     "Letdown; make it writable and try again.")
                .arg(path));
    // Belt and braces: SQLite itself refuses writes on this connection.
    if (!exec(QStringLiteral("PRAGMA query_only=ON")))
        return fail(Problem::Unavailable, Text::tr("Cannot open %1 read-only.").arg(path));
    return true;
}

bool Database::openChecked(const QString &path, OpenMode mode)
{
    m_path = path;
    m_error.clear();
    m_details.clear();
    m_problem = Problem::None;
    m_readOnly = mode == OpenMode::ReadOnly;

    if (!QFileInfo::exists(path)) {
        if (mode != OpenMode::CreateIfMissing)
            return fail(Problem::Missing, Text::tr("There is no database at %1.").arg(path));
        if (!createComplete(path))
            return fail(Problem::Unavailable, m_error);
    }
    const QFileInfo info(path);
    if (QFileInfo(path).isDir())
        return fail(Problem::Unavailable, Text::tr("%1 is a folder, not a database file.").arg(path));
    // WAL needs to write beside the file too; without that, look but do not touch.
    if (!QFileInfo(path).isWritable() || !QFileInfo(QFileInfo(path).absolutePath()).isWritable())
        m_readOnly = true;

    if (!openConnection(path, info.exists() && info.size() > 0))
        return false;

    int userVersion = 0;
    if (!checkOwnershipAndVersion(userVersion) || !checkPageCount())
        return false;
    // The full check reads every page (a fifth of a second for ten years of data). A file
    // exactly as Letdown left it after a check needs no second one.
    if (!isUnchangedSinceVerified() && !checkIntegrity())
        return false;
    if (m_readOnly)
        return finishReadOnly(path, mode, userVersion);
    if (!applyPragmas())
        return fail(Problem::Unavailable, m_error);
    if (userVersion > 0 && userVersion < kSchemaVersion) {
        // Its owner's say first (DataFile: a verified backup); with no owner, no update.
        QString backupError = Text::tr("no backup could be taken first");
        if (!m_beforeUpdate || !m_beforeUpdate(*this, backupError))
            return fail(Problem::Unavailable,
                Text::tr("Not updating %1: the backup before the update failed (%2).").arg(path, backupError));
    }
    if (!migrate(userVersion))
        return fail(Problem::Unavailable, m_error);
    m_openedCleanly = true;
    return true;
}

QString Database::verifiedStatePath() const
{
    return m_path + QStringLiteral(".checked");
}

QByteArray Database::fileState() const
{
    const QFileInfo info(m_path);
    return QByteArray::number(info.size()) + ' ' + QByteArray::number(info.lastModified().toMSecsSinceEpoch());
}

bool Database::isUnchangedSinceVerified() const
{
    if (QFileInfo(m_path + QStringLiteral("-wal")).size() > 0)
        return false; // not closed cleanly, or another program has it open
    QFile record(verifiedStatePath());
    return record.open(QIODevice::ReadOnly) && record.readAll() == fileState();
}

void Database::rememberVerifiedState()
{
    // Written after the last connection closed (the WAL is folded in by then), so the
    // size and time are final.
    if (QFileInfo(m_path + QStringLiteral("-wal")).size() > 0)
        return;
    // A record that cannot be written completely is removed: the next start then checks
    // the whole file again, which is slower but never wrong.
    QFile record(verifiedStatePath());
    const QByteArray state = fileState();
    const bool written = record.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && record.setPermissions(QFile::ReadOwner | QFile::WriteOwner) && record.write(state) == state.size()
        && record.flush();
    record.close();
    if (!written)
        QFile::remove(verifiedStatePath());
}

bool Database::checkPageCount()
{
    // A truncated copy: the header promises more pages than the file holds. Cheap, so it
    // runs even when the full check is skipped.
    qint64 expected = 0;
    {
        SqlStatement query(*this,
            "SELECT (SELECT page_count FROM pragma_page_count), (SELECT page_size FROM pragma_page_size)");
        if (!query.next())
            return fail(Problem::Damaged,
                Text::tr("%1 is damaged: parts of it cannot be read. It was left untouched.").arg(m_path));
        expected = query.integer(0) * query.integer(1);
    }
    if (QFileInfo(m_path).size() < expected && QFileInfo(m_path + QStringLiteral("-wal")).size() == 0) {
        m_details
            = Text::tr("The file is %1 bytes long; its header says %2.").arg(QFileInfo(m_path).size()).arg(expected);
        return fail(Problem::Damaged, Text::tr("%1 is damaged: it was cut short. It was left untouched.").arg(m_path));
    }
    return true;
}

bool Database::checkIntegrity()
{
    // quick_check reads every page: a truncated or scribbled file shows here, before we
    // trust it (and long before a write could make it worse).
    QString verdict;
    {
        SqlStatement query(*this, "PRAGMA quick_check");
        while (query.next())
            verdict += (verdict.isEmpty() ? QString() : QStringLiteral("\n")) + query.text(0);
        if (!query.ok())
            verdict += (verdict.isEmpty() ? QString() : QStringLiteral("\n")) + query.error();
    }
    if (verdict == QLatin1String("ok"))
        return true;
    m_details = verdict;
    return fail(
        Problem::Damaged, Text::tr("%1 is damaged: parts of it cannot be read. It was left untouched.").arg(m_path));
}

QString Database::integrityOf(const QString &path)
{
    // Any Letdown file, of any schema version, opened read-only: ours, and every page sound.
    Database probe;
    if (!probe.open(path, OpenMode::ReadOnly))
        return probe.errorString();
    return QStringLiteral("ok");
}

bool Database::changeCount(qint64 &count)
{
    SqlStatement query(*this, "SELECT value FROM meta WHERE key = 'change_count'");
    if (!query.next()) {
        m_error = query.ok() ? Text::tr("%1 has no change count.").arg(m_path) : query.error();
        return false;
    }
    count = query.integer(0);
    return true;
}

bool Database::moveTo(const QString &newPath)
{
    const QString oldPath = m_path;
    if (QFileInfo::exists(newPath)) {
        m_error = Text::tr("%1 already exists; choose a new file name.").arg(newPath);
        return false;
    }
    if (!QDir().mkpath(QFileInfo(newPath).absolutePath())) {
        m_error = Text::tr("Cannot create the folder for %1.").arg(newPath);
        return false;
    }
    close(); // the last connection folds the WAL into the file
    const auto moveFile = [](const QString &from, const QString &to) {
        // rename(2) on one disk; a checked copy across disks.
        if (renamePath(from, to))
            return true;
        if (!QFile::copy(from, to) || !syncFile(to)) {
            QFile::remove(to);
            return false;
        }
        QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner);
        return QFile::remove(from);
    };
    if (!moveFile(oldPath, newPath)) {
        m_error = Text::tr("Cannot move %1 to %2.").arg(oldPath, newPath);
        open(oldPath);
        return false;
    }
    QFile::remove(oldPath + QStringLiteral(".checked"));
    if (!syncFolderOf(newPath)) {
        // The file is there and whole; only the folder entry may not be on the disk yet.
        open(newPath);
        m_error = Text::tr("%1 was moved, but its folder could not be synced to the disk.").arg(newPath);
        return false;
    }
    return open(newPath);
}

bool Database::replaceWithStaged(const QString &incoming)
{
    const QString target = m_path;
    close(); // the last connection closing checkpoints and removes the WAL
    QFile::remove(target + QStringLiteral("-wal"));
    QFile::remove(target + QStringLiteral("-shm"));
    if (!renamePath(incoming, target)) {
        m_error = Text::tr("Cannot put the backup in place of %1.").arg(target);
        open(target);
        return false;
    }
    const bool synced = syncFolderOf(target);
    if (!open(target))
        return false;
    if (!synced) {
        m_error = Text::tr("The backup is in place, but the folder could not be synced to the disk.");
        return false;
    }
    return true;
}

bool Database::checkOwnershipAndVersionReadOnly()
{
    QUrl uri = QUrl::fromLocalFile(QFileInfo(m_path).absoluteFilePath());
    uri.setScheme(QStringLiteral("file"));
    uri.setQuery(QStringLiteral("mode=ro"));
    configureSqliteOnce();
    sqlite3 *peek = nullptr;
    const int result = sqlite3_open_v2(uri.toString(QUrl::FullyEncoded).toUtf8().constData(), &peek,
        SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr);
    bool ok = false;
    if (result != SQLITE_OK) {
        failToRead(result, peek ? QString::fromUtf8(sqlite3_errmsg(peek)) : QString::fromUtf8(sqlite3_errstr(result)));
    } else {
        sqlite3_busy_timeout(peek, kDefaultLockWaitMs);
        sqlite3 *const own = m_handle; // null: the read-write connection is opened after this look
        m_handle = peek; // checkOwnershipAndVersion reads through m_handle
        int userVersion = 0;
        ok = checkOwnershipAndVersion(userVersion);
        m_handle = own;
    }
    sqlite3_close_v2(peek);
    return ok;
}

bool Database::failToRead(int sqliteResult, const QString &sqliteMessage)
{
    // A full disk shows up as an I/O error (no room for the -shm or the -wal): say so, not "damaged".
    // statvfs on the folder itself (QStorageInfo guesses the mount from /proc, which a chroot hides).
    struct statvfs disk {
    };
    const bool known = ::statvfs(QFile::encodeName(QFileInfo(m_path).absolutePath()).constData(), &disk) == 0;
    const qint64 freeBytes = known ? qint64(disk.f_bavail) * qint64(disk.f_frsize) : -1;
    const bool full = (sqliteResult & 0xff) == SQLITE_FULL || (known && freeBytes < kDiskFullBytes);
    if (full)
        return fail(Problem::DiskFull,
            Text::tr("The disk that holds %1 is full (%2 free). Free some space and start Letdown again; "
                     "the file was left untouched and is not damaged.")
                .arg(m_path, QLocale::c().formattedDataSize(qMax<qint64>(0, freeBytes))));
    return fail(Problem::Damaged,
        Text::tr("%1 is not a Letdown database, or it is damaged (%2). It was left untouched.")
            .arg(m_path, sqliteMessage));
}

bool Database::checkOwnershipAndVersion(int &userVersion)
{
    // Read-only look first: nothing is written to a file we may have to refuse.
    qint32 applicationId = 0;
    int objectCount = 0;
    {
        SqlStatement query(*this,
            "SELECT (SELECT application_id FROM pragma_application_id),"
            " (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_schema)");
        if (!query.next())
            return failToRead(query.errorCode(), query.error());
        applicationId = qint32(query.integer(0));
        userVersion = int(query.integer(1));
        objectCount = int(query.integer(2));
    }

    const bool isEmptyFile = applicationId == 0 && userVersion == 0 && objectCount == 0;
    if (!isEmptyFile && applicationId != kApplicationId)
        return fail(Problem::Foreign,
            Text::tr("%1 belongs to another application, not Letdown. It was left untouched.").arg(m_path));
    if (userVersion > kSchemaVersion)
        return fail(Problem::Newer,
            Text::tr("%1 was made by a newer version of Letdown (data format %2; this version "
                     "reads up to %3). Please update Letdown. The file was left untouched.")
                .arg(m_path)
                .arg(userVersion)
                .arg(kSchemaVersion));
    return true;
}

bool Database::applyPragmas()
{
    // WAL + synchronous=FULL: every committed transaction survives a power cut.
    {
        SqlStatement query(*this, "PRAGMA journal_mode=WAL");
        if (!query.next() || query.text(0).compare(QStringLiteral("wal"), Qt::CaseInsensitive) != 0) {
            m_error = Text::tr("Cannot switch %1 to write-ahead logging: %2").arg(m_path, query.error());
            return false;
        }
    }
    return exec(QStringLiteral("PRAGMA synchronous=FULL")) && exec(QStringLiteral("PRAGMA foreign_keys=ON"))
        && exec(QStringLiteral("PRAGMA secure_delete=ON"));
}

namespace {
// The Monday-start week of a session's local start, as a number (weeks since 1970-01-05;
// stats/WeekFigures.h computes the same), for the row alias `row`. Rounded down also
// before 1970 (SQLite's integer division rounds toward zero).
QString weekOfSessionSql(const char *row)
{
    const QString localDay = QStringLiteral("((%1.started_at_utc_ms + %1.started_utc_offset_s * 1000"
                                            " - (%1.started_at_utc_ms + %1.started_utc_offset_s * 1000"
                                            " < 0) * 86399999) / 86400000)")
                                 .arg(QLatin1String(row));
    // CAST: a start beyond any date (a damaged file) overflows into a real number, which an
    // INTEGER key would refuse, and with it the change that corrects that very row.
    return QStringLiteral("CAST(((%1 + 3 - (%1 + 3 < 0) * 6) / 7) AS INTEGER)").arg(localDay);
}

// Marks the weeks `weeks` selects (a column w) as changed, once each. Not INSERT OR IGNORE:
// inside a trigger, an upsert's own conflict rule would override it.
QString markWeeksSql(const QString &weeks)
{
    return QStringLiteral("INSERT INTO figures_dirty (week) SELECT w FROM (%1)"
                          " WHERE NOT EXISTS (SELECT 1 FROM figures_dirty d WHERE d.week = w)")
        .arg(weeks);
}
// The change counter's trigger for `event` on `table` (from version 2; let-down inserts have
// none: a live tap would pay for an extra page, and a session whose let-downs change
// otherwise has its own row written too).
QString changeCountTriggerSql(const char *table, const char *event)
{
    return QStringLiteral("CREATE TRIGGER %1_%2_counts AFTER %2 ON %1 BEGIN UPDATE meta"
                          " SET value = value + 1 WHERE key = 'change_count'; END")
        .arg(QLatin1String(table), QLatin1String(event));
}

// The kept weekly figures' trigger for a let-down's UPDATE or DELETE (from version 9): marks
// the week of its session when that session is finished.
QString letdownFiguresTriggerSql(const char *event)
{
    const char *row = event == QByteArrayView("DELETE") ? "OLD" : "NEW";
    return QStringLiteral("CREATE TRIGGER ejections_figures_%1 AFTER %1 ON ejections BEGIN %2; END")
        .arg(QLatin1String(event),
            markWeeksSql(QStringLiteral("SELECT %1 AS w FROM sessions s WHERE s.id = %2.session_id"
                                        " AND s.state = 'stopped'")
                             .arg(weekOfSessionSql("s"), QLatin1String(row))));
}
} // namespace

bool Database::withoutInsertCounters(const std::function<bool()> &body)
{
    Q_ASSERT(inTransaction());
    // The triggers' own text is kept and replayed: one definition, in migrate().
    QStringList names;
    QStringList definitions;
    {
        SqlStatement triggers(*this,
            "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'"
            " AND (name LIKE '%\\_INSERT\\_counts' ESCAPE '\\' OR name = 'sessions_figures_insert')");
        while (triggers.next()) {
            names << triggers.text(0);
            definitions << triggers.text(1);
        }
        if (!triggers.ok()) {
            m_error = Text::tr("Database error in %1: %2").arg(m_path, triggers.error());
            return false;
        }
    }
    // The weeks' marks too (kept weekly figures): set once for the sessions added, by id.
    // Let-downs added to a session already there come with its row rewritten, or after its
    // let-downs were deleted (a sync): those triggers are not set aside and mark its week.
    qint64 lastSessionId = 0;
    {
        SqlStatement last(*this, "SELECT coalesce(max(id), 0) FROM sessions");
        if (!last.next()) {
            m_error = Text::tr("Database error in %1: %2").arg(m_path, last.error());
            return false;
        }
        lastSessionId = last.integer(0);
    }
    for (const QString &name : std::as_const(names))
        if (!exec(QStringLiteral("DROP TRIGGER \"%1\"").arg(name)))
            return false;
    if (!body())
        return false; // the caller rolls back, which brings the triggers back too
    if (!exec(QStringLiteral("UPDATE meta SET value = value + 1 WHERE key = 'change_count'")))
        return false;
    if (names.contains(QStringLiteral("sessions_figures_insert"))) {
        SqlStatement added(*this,
            markWeeksSql(QStringLiteral("SELECT DISTINCT %1 AS w FROM sessions s WHERE s.state = 'stopped'"
                                        " AND s.id > ?")
                             .arg(weekOfSessionSql("s")))
                .toUtf8());
        added.bind(1, lastSessionId);
        if (!added.run()) {
            m_error = Text::tr("Database error in %1: %2").arg(m_path, added.error());
            return false;
        }
    }
    for (const QString &definition : std::as_const(definitions))
        if (!exec(definition))
            return false;
    return true;
}

bool Database::exec(const QString &sql)
{
    SqlStatement statement(*this, sql.toUtf8());
    if (!statement.run()) {
        m_error = Text::tr("Database error in %1: %2").arg(m_path, statement.error());
        return false;
    }
    return true;
}

sqlite3_stmt *Database::preparedForConnection(QByteArrayView sql)
{
    const std::string_view text(sql.data(), size_t(sql.size()));
    if (const auto kept = m_keptStatements.find(text); kept != m_keptStatements.end())
        return kept->second;
    sqlite3_stmt *statement = nullptr;
    if (!m_handle
        || sqlite3_prepare_v3(m_handle, sql.data(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &statement, nullptr)
            != SQLITE_OK) {
        m_error = Text::tr("Database error in %1: %2")
                      .arg(m_path, m_handle ? QString::fromUtf8(sqlite3_errmsg(m_handle)) : QString());
        sqlite3_finalize(statement);
        return nullptr;
    }
    m_keptStatements.emplace(std::string(text), statement);
    return statement;
}

qint64 Database::lastInsertRowId() const
{
    return m_handle ? sqlite3_last_insert_rowid(m_handle) : 0;
}

void Database::setLockWaitMs(int ms)
{
    // Called twice for every tap: only when it changes, and without looking the connection up.
    if (ms == m_lockWaitMs)
        return;
    if (m_handle && sqlite3_busy_timeout(m_handle, ms) == SQLITE_OK)
        m_lockWaitMs = ms;
}

bool Database::execPrepared(const QByteArray &sql)
{
    // Preparing is a good part of a tap's cost: BEGIN and COMMIT are prepared once.
    SqlStatement statement(*this, sql, SqlStatement::Prepared::ForTheConnection);
    m_lastFailureWasBusy = false;
    if (!statement.run()) {
        // Another connection holds the write lock.
        m_lastFailureWasBusy = statement.failedBusy();
        m_error = Text::tr("Database error in %1: %2").arg(m_path, statement.error());
        return false;
    }
    return true;
}

bool Database::begin()
{
    // IMMEDIATE takes the write lock up front, so a busy database fails here, not half way.
    return execPrepared(QByteArrayLiteral("BEGIN IMMEDIATE"));
}

bool Database::commit()
{
    if (execPrepared(QByteArrayLiteral("COMMIT")))
        return true;
    const QString commitError = m_error;
    rollback();
    m_error = commitError;
    return false;
}

bool Database::inTransaction() const
{
    return m_handle && sqlite3_get_autocommit(m_handle) == 0;
}

bool Database::rollback()
{
    const QString cause = m_error;
    if (!SqlStatement(*this, "ROLLBACK").run() && inTransaction()) {
        // The transaction may still be open: close and reopen the connection, which ends it
        // without writing anything, so the next write does not run inside this one.
        const QString path = m_path;
        close();
        open(path);
        m_error = Text::tr("%1 (and undoing the half-done change failed, so the file was reopened)").arg(cause);
        return false;
    }
    m_error = cause;
    return false;
}

bool Database::migrate(int fromVersion)
{
    if (fromVersion == kSchemaVersion)
        return true;
    // Each step's statements in order, stopping at the first that fails.
    const auto execAll = [this](const QStringList &statements) {
        return std::all_of(statements.begin(), statements.end(), [this](const QString &sql) { return exec(sql); });
    };
    // Cumulative steps, all in one transaction: a failed migration leaves the file as it was.
    return write([&] {
        if (fromVersion < 1) {
            const QStringList statements = {
                // CHECKs with OR, not IN (...): SQLite builds a temporary table for an IN list
                // on every insert, which cost each let-down tap and import row a good part of its time.
                QStringLiteral(
                    "CREATE TABLE sessions ("
                    " id INTEGER PRIMARY KEY,"
                    " uuid TEXT NOT NULL UNIQUE,"
                    " kind TEXT NOT NULL CHECK (kind = 'nursing' OR kind = 'pumping'),"
                    " state TEXT NOT NULL CHECK (state = 'running' OR state = 'paused' OR state = 'stopped'),"
                    " started_at_utc_ms INTEGER NOT NULL,"
                    " started_utc_offset_s INTEGER NOT NULL,"
                    " ended_at_utc_ms INTEGER,"
                    " ended_utc_offset_s INTEGER,"
                    " active_ms INTEGER NOT NULL CHECK (active_ms >= 0),"
                    " paused_ms INTEGER NOT NULL CHECK (paused_ms >= 0),"
                    " last_event_at_utc_ms INTEGER NOT NULL,"
                    " side TEXT NOT NULL CHECK (side = 'left' OR side = 'right' OR side = 'both'),"
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
                               " side TEXT NOT NULL CHECK (side = 'left' OR side = 'right' OR side = 'both'),"
                               " measured_volume_ml REAL)"),
                QStringLiteral("CREATE INDEX ejections_by_session ON ejections(session_id, offset_ms)"),
                QStringLiteral("CREATE TABLE session_techniques ("
                               " session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
                               " technique TEXT NOT NULL,"
                               " PRIMARY KEY (session_id, technique)) WITHOUT ROWID"),
                QStringLiteral("PRAGMA application_id=%1").arg(kApplicationId),
            };
            if (!execAll(statements))
                return false;
        }
        if (fromVersion < 2) {
            // A change counter kept by triggers: a backup is due when it moved.
            QStringList statements = {
                QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID"),
                QStringLiteral("INSERT INTO meta (key, value) VALUES ('change_count', 0)"),
            };
            // Not on let-down inserts: a live tap would pay for an extra page, and every
            // session with new let-downs also changes its own row (start, stop, edits, import).
            for (const char *table : {"sessions", "ejections", "session_techniques"})
                for (const char *event : {"INSERT", "UPDATE", "DELETE"})
                    if (QByteArray(table) != "ejections" || QByteArray(event) != "INSERT")
                        statements << changeCountTriggerSql(table, event);
            if (!execAll(statements))
                return false;
        }
        if (fromVersion < 3) {
            // Sessions brought from other trackers, per-breast pumped volumes and a top-up
            // bottle (docs/schema.md). Existing rows are Letdown's own, with let-downs logged.
            const QStringList statements = {
                QStringLiteral("ALTER TABLE sessions ADD COLUMN source TEXT NOT NULL DEFAULT 'letdown'"),
                QStringLiteral("ALTER TABLE sessions ADD COLUMN letdowns_logged INTEGER NOT NULL DEFAULT 1"
                               " CHECK (letdowns_logged = 0 OR letdowns_logged = 1)"),
                QStringLiteral("ALTER TABLE sessions ADD COLUMN left_volume_ml REAL"),
                QStringLiteral("ALTER TABLE sessions ADD COLUMN right_volume_ml REAL"),
                QStringLiteral("ALTER TABLE sessions ADD COLUMN topup_ml REAL"),
                QStringLiteral("ALTER TABLE sessions ADD COLUMN topup_kind TEXT"
                               " CHECK (topup_kind IS NULL OR topup_kind = 'breast_milk' OR topup_kind = 'formula')"),
            };
            if (!execAll(statements))
                return false;
        }
        if (fromVersion < 4) {
            // The phone remote (docs/remote.md): the ids of taps already recorded, written in
            // the same transaction as the step, so a tap sent again is never recorded twice;
            // and let-downs felt with no session running, kept apart from every session.
            const QStringList statements = {
                QStringLiteral("CREATE TABLE remote_taps (tap_id TEXT PRIMARY KEY, received_at_utc_ms INTEGER NOT NULL)"
                               " WITHOUT ROWID"),
                QStringLiteral("CREATE TABLE spontaneous_letdowns ("
                               " id INTEGER PRIMARY KEY,"
                               " at_utc_ms INTEGER NOT NULL,"
                               " utc_offset_s INTEGER NOT NULL,"
                               " source TEXT NOT NULL DEFAULT 'letdown')"),
                QStringLiteral("CREATE INDEX spontaneous_letdowns_at ON spontaneous_letdowns(at_utc_ms)"),
                QStringLiteral("CREATE TRIGGER spontaneous_letdowns_INSERT_counts AFTER INSERT ON spontaneous_letdowns"
                               " BEGIN UPDATE meta SET value = value + 1 WHERE key = 'change_count'; END"),
                QStringLiteral("CREATE TRIGGER spontaneous_letdowns_DELETE_counts AFTER DELETE ON spontaneous_letdowns"
                               " BEGIN UPDATE meta SET value = value + 1 WHERE key = 'change_count'; END"),
            };
            if (!execAll(statements))
                return false;
        }
        if (fromVersion < 5) {
            // The let-down index carries the measured volume too (and the row id, so the
            // order "by time, then as entered" needs no sort): reading every let-down for
            // statistics then never visits the table itself (a fifth of that read).
            const QStringList statements = {
                QStringLiteral("DROP INDEX ejections_by_session"),
                QStringLiteral("CREATE INDEX ejections_by_session"
                               " ON ejections(session_id, offset_ms, id, measured_volume_ml)"),
            };
            if (!execAll(statements))
                return false;
        }
        if (fromVersion < 6) {
            // The journal's change log (docs/schema.md): one row per change applied, in the
            // same transaction as its effect, with the sender's receipt id. It takes over the
            // phone's tap receipts, which keep their answer ("recorded") under the same id.
            const QStringList statements = {
                // No index on change_id (a UUID is unique by construction; an index would cost
                // every tap a page), and the receipts' index holds only rows that have one:
                // a key's tap writes the let-down, the log row and nothing more.
                QStringLiteral("CREATE TABLE change_log ("
                               " id INTEGER PRIMARY KEY,"
                               " change_id TEXT NOT NULL,"
                               " at_utc_ms INTEGER NOT NULL,"
                               " utc_offset_s INTEGER NOT NULL,"
                               " command TEXT NOT NULL,"
                               " origin TEXT NOT NULL,"
                               " receipt_id TEXT,"
                               " result TEXT NOT NULL,"
                               " message TEXT NOT NULL DEFAULT '',"
                               " session_uuid TEXT,"
                               " payload TEXT NOT NULL DEFAULT '{}')"),
                QStringLiteral("CREATE UNIQUE INDEX change_log_receipts ON change_log(receipt_id)"
                               " WHERE receipt_id IS NOT NULL"),
                QStringLiteral("INSERT INTO change_log (change_id, at_utc_ms, utc_offset_s, command, origin, receipt_id,"
                               " result) SELECT lower(hex(randomblob(16))), received_at_utc_ms, 0, 'tap', 'phone',"
                               " tap_id, 'recorded' FROM remote_taps"),
                QStringLiteral("DROP TABLE remote_taps"),
            };
            if (!execAll(statements))
                return false;
        }
        if (fromVersion < 7) {
            // A scale's readings kept with a pumping session (docs/scale.md): compact, one
            // row per session, gone with it.
            QStringList statements = {
                QStringLiteral("CREATE TABLE scale_recordings ("
                               " session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,"
                               " started_at_utc_ms INTEGER NOT NULL,"
                               " sample_count INTEGER NOT NULL CHECK (sample_count >= 0),"
                               " samples BLOB NOT NULL)"),
            };
            for (const char *event : {"INSERT", "UPDATE", "DELETE"})
                statements << QStringLiteral("CREATE TRIGGER scale_recordings_%1_counts AFTER %1 ON scale_recordings"
                                             " BEGIN UPDATE meta SET value = value + 1 WHERE key = 'change_count'; END")
                                  .arg(QLatin1String(event));
            if (!execAll(statements))
                return false;
        }
        if (fromVersion < 8) {
            // Sync through a shared folder (docs/sync.md): this file's device id and where its
            // export stands, the version of each session as every device agrees on it, the
            // other devices' files already read, the devices seen, and edits that lost a
            // conflict (kept for her to see). Nothing existing changes.
            const QStringList statements = {
                QStringLiteral("CREATE TABLE sync_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID"),
                QStringLiteral("CREATE TABLE sync_versions ("
                               " item TEXT PRIMARY KEY," // a session's uuid, or felt:<at_utc_ms>
                               " hlc INTEGER NOT NULL,"
                               " device_id TEXT NOT NULL,"
                               " base_hlc INTEGER NOT NULL,"
                               " owner_device TEXT NOT NULL,"
                               " from_elsewhere INTEGER NOT NULL DEFAULT 0,"
                               " deleted INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID"),
                QStringLiteral("CREATE TABLE sync_files ("
                               " device_id TEXT NOT NULL,"
                               " file_name TEXT NOT NULL,"
                               " size INTEGER NOT NULL,"
                               " status TEXT NOT NULL," // applied, refused, skipped
                               " message TEXT NOT NULL DEFAULT '',"
                               " PRIMARY KEY (device_id, file_name)) WITHOUT ROWID"),
                QStringLiteral("CREATE TABLE sync_peers ("
                               " device_id TEXT PRIMARY KEY,"
                               " name TEXT NOT NULL,"
                               " last_change_at_utc_ms INTEGER NOT NULL,"
                               " last_arrival_at_utc_ms INTEGER NOT NULL) WITHOUT ROWID"),
                QStringLiteral("CREATE TABLE sync_conflicts ("
                               " item TEXT NOT NULL,"
                               " hlc INTEGER NOT NULL,"
                               " device_id TEXT NOT NULL,"
                               " device_name TEXT NOT NULL,"
                               " kept_at_utc_ms INTEGER NOT NULL,"
                               " payload TEXT NOT NULL,"
                               " PRIMARY KEY (item, hlc, device_id)) WITHOUT ROWID"),
            };
            if (!execAll(statements))
                return false;
        }
        if (fromVersion < 9) {
            // Trends' figures kept as data (docs/performance.md): one row per week, rebuilt by
            // the journal before each commit for the weeks these triggers mark as changed.
            // A week is the Monday-start week of a session's local start, as a number: weeks
            // since 1970-01-05 (stats/WeekFigures.h computes the same). Only finished
            // sessions count, so a live tap marks nothing (its one lookup finds it running).
            const auto week = weekOfSessionSql;
            const auto mark = markWeeksSql;
            QStringList statements = {
                QStringLiteral("CREATE TABLE week_figures (week INTEGER PRIMARY KEY, figures BLOB NOT NULL)"),
                QStringLiteral("CREATE TABLE figures_dirty (week INTEGER PRIMARY KEY)"),
                QStringLiteral("CREATE TRIGGER sessions_figures_insert AFTER INSERT ON sessions"
                               " WHEN NEW.state = 'stopped' BEGIN %1; END")
                    .arg(mark(QStringLiteral("SELECT %1 AS w").arg(week("NEW")))),
                QStringLiteral("CREATE TRIGGER sessions_figures_update AFTER UPDATE ON sessions"
                               " WHEN OLD.state = 'stopped' OR NEW.state = 'stopped' BEGIN %1; %2; END")
                    .arg(mark(QStringLiteral("SELECT %1 AS w WHERE OLD.state = 'stopped'").arg(week("OLD"))),
                        mark(QStringLiteral("SELECT %1 AS w WHERE NEW.state = 'stopped'").arg(week("NEW")))),
                QStringLiteral("CREATE TRIGGER sessions_figures_delete AFTER DELETE ON sessions"
                               " WHEN OLD.state = 'stopped' BEGIN %1; END")
                    .arg(mark(QStringLiteral("SELECT %1 AS w").arg(week("OLD")))),
                // Every session already there counts: all its weeks are built at the next commit.
                mark(QStringLiteral("SELECT DISTINCT %1 AS w FROM sessions s WHERE s.state = 'stopped'").arg(week("s"))),
            };
            // Not on let-down inserts: that trigger cost every live tap a third of its time.
            // A let-down is added to a stopped session only with its row written too (an
            // edit, an import, SessionStore::appendLetdowns), which marks the week.
            for (const char *event : {"UPDATE", "DELETE"})
                statements << letdownFiguresTriggerSql(event);
            if (!execAll(statements))
                return false;
        }
        if (fromVersion < 10) {
            // Answers kept from an earlier ask (docs/schema.md): what `stats --json` computes
            // from every session, valid while the data's stamp is the one it was made with.
            // And the let-downs kept session by session in the order entered, without a
            // separate index: a live tap then writes two pages (its let-down's and its
            // change-log row's), not three. `id` is that order (readers sort a session's few
            // let-downs by time, ties as entered); rows already there keep theirs, new ones
            // count on from their session's highest.
            QStringList statements = {
                QStringLiteral("CREATE TABLE kept_results (key BLOB PRIMARY KEY, stamp BLOB NOT NULL,"
                               " bytes BLOB NOT NULL)"),
                QStringLiteral("CREATE TABLE ejections_by_session_order ("
                               " session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
                               " id INTEGER NOT NULL,"
                               " at_utc_ms INTEGER NOT NULL,"
                               " utc_offset_s INTEGER NOT NULL,"
                               " offset_ms INTEGER NOT NULL CHECK (offset_ms >= 0),"
                               " side TEXT NOT NULL CHECK (side = 'left' OR side = 'right' OR side = 'both'),"
                               " measured_volume_ml REAL,"
                               " PRIMARY KEY (session_id, id)) WITHOUT ROWID"),
                QStringLiteral("INSERT INTO ejections_by_session_order (session_id, id, at_utc_ms, utc_offset_s,"
                               " offset_ms, side, measured_volume_ml) SELECT session_id, id, at_utc_ms, utc_offset_s,"
                               " offset_ms, side, measured_volume_ml FROM ejections"
                               // Rows of no session (a damaged file) would fail the new table's
                               // foreign key, and with it the update; no read ever showed them,
                               // and the backup taken before the update keeps them.
                               " WHERE session_id IN (SELECT id FROM sessions) ORDER BY session_id, id"),
                QStringLiteral("DROP TABLE ejections"), // with its index and triggers
                QStringLiteral("ALTER TABLE ejections_by_session_order RENAME TO ejections"),
                changeCountTriggerSql("ejections", "UPDATE"),
                changeCountTriggerSql("ejections", "DELETE"),
            };
            for (const char *event : {"UPDATE", "DELETE"})
                statements << letdownFiguresTriggerSql(event);
            if (!execAll(statements))
                return false;
        }
        return exec(QStringLiteral("PRAGMA user_version=%1").arg(kSchemaVersion));
    });
}
