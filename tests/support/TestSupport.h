#pragma once

#include "datafile/DataFile.h"
#include "journal/Journal.h"
#include "base/Clock.h"
#include "recorder/SessionRecorder.h"
#include "storage/Database.h"
#include "storage/SessionStore.h"
#include "storage/SqlStatement.h"

#include <catch2/catch.hpp>

#include <QByteArray>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QFile>
#include <QSettings>
#include <QString>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <sqlite3.h>
#include <ostream>

// Catch2 prints QString as {?} otherwise.
inline std::ostream &operator<<(std::ostream &os, const QString &text)
{
    return os << text.toStdString();
}
namespace Catch {
template <> struct StringMaker<QString> {
    static std::string convert(const QString &text) { return '"' + text.toStdString() + '"'; }
};
} // namespace Catch

using Catch::Detail::Approx;

// A clock the test moves by hand. advance() moves both clocks like real time passing;
// jumpWall() moves only the wall clock, like someone changing the system time.
class FakeClock final : public Clock
{
public:
    explicit FakeClock(qint64 wallUtcMs = 1'764'300'000'000, int utcOffsetS = 3600)
        : m_wallMs(wallUtcMs)
        , m_offsetS(utcOffsetS)
    { }
    qint64 wallUtcMs() const override { return m_wallMs; }
    int utcOffsetS(qint64 utcMs) const override { return m_offsetRule ? m_offsetRule(utcMs) : m_offsetS; }
    qint64 monotonicMs() const override { return m_monotonicMs; }

    void advance(qint64 ms)
    {
        m_wallMs += ms;
        m_monotonicMs += ms;
    }
    void jumpWall(qint64 ms) { m_wallMs += ms; }
    // After a restart the monotonic clock starts from somewhere else entirely.
    void restartMonotonic(qint64 ms) { m_monotonicMs = ms; }
    void setOffsetRule(std::function<int(qint64)> rule) { m_offsetRule = std::move(rule); }

private:
    qint64 m_wallMs;
    qint64 m_monotonicMs = 5'000'000;
    int m_offsetS;
    std::function<int(qint64)> m_offsetRule;
};

// Runs the event loop until `condition` holds or `ms` pass; returns whether it holds. For
// waiting on what a timer or another process does, instead of a fixed sleep.
inline bool waitUntil(const std::function<bool()> &condition, int ms = 10'000)
{
    QDeadlineTimer deadline(ms);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return true;
}

// A test that cannot run on this machine says why and is reported to ctest as skipped, not
// passed: under ctest each test case runs alone (LETDOWN_TEST_ALONE is set) and the process
// ends with kSkipExitCode, which the tests' SKIP_RETURN_CODE names. Run by hand with every
// case, it only warns and goes on.
inline constexpr int kSkipExitCode = 77;
#define LETDOWN_SKIP(reason)                                                                                           \
    do {                                                                                                               \
        WARN("Skipped: " << reason);                                                                                   \
        if (qEnvironmentVariableIsSet("LETDOWN_TEST_ALONE")) {                                                         \
            std::fflush(stdout);                                                                                       \
            std::exit(kSkipExitCode);                                                                                  \
        }                                                                                                              \
        return;                                                                                                        \
    } while (false)

// Makes `clock` the process clock (what backups, reports and "today" read) for a scope.
struct ProcessClockScope {
    explicit ProcessClockScope(const Clock &clock) { setProcessClock(&clock); }
    ~ProcessClockScope() { setProcessClock(nullptr); }
    ProcessClockScope(const ProcessClockScope &) = delete;
    ProcessClockScope &operator=(const ProcessClockScope &) = delete;
};

inline QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

// QSqlQuery's shape over the storage layer's SqlStatement, for a test's checks on a
// Database's own connection: exec(sql) runs it (and steps to the first row), next(), value(i).
class TestQuery
{
public:
    explicit TestQuery(Database &database)
        : m_database(database)
    { }
    bool exec(const QString &sql)
    {
        m_statement.reset(); // finalized before the next is prepared
        m_statement = std::make_unique<SqlStatement>(m_database, sql.toUtf8());
        m_rowWaiting = m_statement->next();
        return m_statement->ok();
    }
    bool next()
    {
        if (m_rowWaiting) {
            m_rowWaiting = false;
            return true;
        }
        return m_statement && m_statement->next();
    }
    QVariant value(int column) const { return m_statement->value(column); }
    void finish()
    {
        m_statement.reset();
        m_rowWaiting = false;
    }

private:
    Database &m_database;
    std::unique_ptr<SqlStatement> m_statement;
    bool m_rowWaiting = false;
};

// Another program's connection to a file: plain SQLite, none of Letdown's checks (to hold
// the write lock, or to make files Letdown did not write).
class OtherProgramConnection
{
public:
    explicit OtherProgramConnection(const QString &path)
    {
        REQUIRE(sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                    nullptr)
            == SQLITE_OK);
        sqlite3_busy_timeout(m_db, 5000);
    }
    ~OtherProgramConnection() { close(); }
    OtherProgramConnection(const OtherProgramConnection &) = delete;
    OtherProgramConnection &operator=(const OtherProgramConnection &) = delete;
    bool exec(const QString &sql)
    {
        return m_db && sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, nullptr) == SQLITE_OK;
    }
    void close()
    {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }

private:
    sqlite3 *m_db = nullptr;
};

// A fresh database file in a temporary folder, open.
struct TempDatabase {
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("letdown.sqlite"));
    Database database;
    DataFile file {database}; // its owner: backups, restore, move

    TempDatabase() { REQUIRE(database.open(path)); }

    // Runs SQL on the same connection (to prepare failures and check contents).
    void exec(const QString &sql)
    {
        TestQuery query(database);
        REQUIRE(query.exec(sql));
    }
    // Takes the file back to before version 9 (no kept weekly figures; nor the kept answers
    // of version 10, and its let-downs in a table with a row id and an index by session, as
    // versions 5 to 9 kept them), for the migration tests.
    void dropWeekFigures()
    {
        exec(QStringLiteral("DROP TABLE kept_results"));
        exec(QStringLiteral("CREATE TABLE ejections_before_10 (id INTEGER PRIMARY KEY,"
                            " session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
                            " at_utc_ms INTEGER NOT NULL, utc_offset_s INTEGER NOT NULL,"
                            " offset_ms INTEGER NOT NULL CHECK (offset_ms >= 0),"
                            " side TEXT NOT NULL CHECK (side = 'left' OR side = 'right' OR side = 'both'),"
                            " measured_volume_ml REAL)"));
        exec(QStringLiteral("INSERT INTO ejections_before_10 (session_id, at_utc_ms, utc_offset_s, offset_ms, side,"
                            " measured_volume_ml) SELECT session_id, at_utc_ms, utc_offset_s, offset_ms, side,"
                            " measured_volume_ml FROM ejections ORDER BY session_id, offset_ms, id"));
        exec(QStringLiteral("DROP TABLE ejections")); // its version 9 triggers with it
        exec(QStringLiteral("ALTER TABLE ejections_before_10 RENAME TO ejections"));
        exec(QStringLiteral("CREATE INDEX ejections_by_session ON ejections(session_id, offset_ms, id, measured_volume_ml)"));
        for (const char *event : {"UPDATE", "DELETE"})
            exec(QStringLiteral("CREATE TRIGGER ejections_%1_counts AFTER %1 ON ejections BEGIN UPDATE meta"
                                " SET value = value + 1 WHERE key = 'change_count'; END")
                     .arg(QLatin1String(event)));
        for (const char *trigger : {"sessions_figures_insert", "sessions_figures_update", "sessions_figures_delete"})
            exec(QStringLiteral("DROP TRIGGER %1").arg(QLatin1String(trigger)));
        exec(QStringLiteral("DROP TABLE week_figures"));
        exec(QStringLiteral("DROP TABLE figures_dirty"));
    }
    qint64 scalar(const QString &sql)
    {
        TestQuery query(database);
        REQUIRE(query.exec(sql));
        REQUIRE(query.next());
        return query.value(0).toLongLong();
    }
};

// The usual test set-up: a temporary database, its store, a clock the test moves and a
// recorder on them. `auto &[db, store, clock, recorder] = rig;` names the parts.
struct RecorderRig {
    TempDatabase db;
    SessionStore store {db.database};
    FakeClock clock;
    SessionRecorder recorder {store, clock};
};

// The same with the journal over it: what the window, `serve` and the commands use.
struct JournalRig : RecorderRig {
    Journal journal {db.file, store, recorder, clock};
    Journal::Outcome ask(Journal::Step step, Origin origin = Origin::Key)
    {
        return journal.apply(Journal::ask(step, origin));
    }
};

// The tests' own preferences file, empty from construction to destruction.
struct CleanSettings {
    CleanSettings() { QSettings().clear(); }
    ~CleanSettings() { QSettings().clear(); }
};
