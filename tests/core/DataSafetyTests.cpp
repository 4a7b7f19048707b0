// Faults: backups, damaged and empty files, a full disk, write protection, long notes.
#include "demo/DemoData.h"
#include "recorder/SessionRecorder.h"
#include "storage/Backups.h"
#include "storage/SessionStore.h"

#include "SessionFixtures.h"
#include "TestSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>

namespace {
QList<Session> someSessions(int weeks = 2)
{
    DemoDataOptions options;
    options.firstDay = QDate(2026, 11, 2);
    options.weeks = weeks;
    options.sessionsPerDay = 4;
    options.utcOffsetS = [](qint64) { return 3600; };
    return generateDemoSessions(options);
}

bool isPrivate(const QString &path)
{
    return !(QFileInfo(path).permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteOther));
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}
} // namespace

TEST_CASE("Backups are verified copies, private, in backups/ beside the database")
{
    TempDatabase db;
    SessionStore store(db.database);
    REQUIRE(store.saveSessions(someSessions()));
    QString error;
    const QString backup = Backups::take(db.database, QStringLiteral("daily"), error);
    INFO(error.toStdString());
    REQUIRE_FALSE(backup.isEmpty());
    CHECK(QFileInfo(backup).absolutePath() == QDir(db.dir.path()).filePath("backups"));
    CHECK(isPrivate(backup));
    CHECK(isPrivate(QFileInfo(backup).absolutePath()));
    CHECK(Database::integrityOf(backup) == "ok");
    const auto listed = Backups::list(db.path, true);
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].sessions == 56);
    CHECK(listed[0].problem.isEmpty());
    CHECK(QDir(Backups::folderFor(db.path)).entryList({".partial-*"}, QDir::Files | QDir::Hidden).isEmpty());
}

TEST_CASE("A backup is due after a day with changes, once a day")
{
    TempDatabase db;
    SessionStore store(db.database);
    FakeClock clock; // 2025-11-28, whatever the real date
    ProcessClockScope scope(clock);
    const QDate today = localToday(clock);
    bool due = true;
    QString error;
    REQUIRE(Backups::isDue(db.database, today, due, error));
    CHECK_FALSE(due); // nothing to keep yet
    REQUIRE(store.saveSessions(someSessions(1)));
    REQUIRE(Backups::isDue(db.database, today, due, error));
    CHECK(due);
    REQUIRE(Backups::runDaily(db.path, today, error).startsWith("Backed up"));
    REQUIRE(Backups::isDue(db.database, today, due, error));
    CHECK_FALSE(due); // one today already
    REQUIRE(Backups::isDue(db.database, today.addDays(1), due, error));
    CHECK_FALSE(due); // tomorrow, but nothing changed
    REQUIRE(store.deleteSession(someSessions(1).first().uuid));
    REQUIRE(Backups::isDue(db.database, today.addDays(1), due, error));
    CHECK(due);
}

TEST_CASE("Backup thinning over a simulated year keeps 7 daily, 4 weekly and 12 monthly")
{
    TempDatabase db;
    const QString folder = Backups::folderFor(db.path);
    REQUIRE(QDir().mkpath(folder));
    for (QDate day(2026, 1, 1); day <= QDate(2026, 12, 31); day = day.addDays(1))
        writeFile(
            QDir(folder).filePath(QStringLiteral("letdown-%1-220000-daily.sqlite").arg(day.toString("yyyyMMdd"))), "x");
    CHECK(Backups::list(db.path, false).size() == 365);
    CHECK(Backups::thin(db.path) == 345);
    QStringList kept;
    for (const auto &backup : Backups::list(db.path, false))
        kept << backup.takenAt.date().toString(Qt::ISODate);
    // Days: 25-31 Dec. Weeks (Monday start): also 20 and 13 Dec. Months: the last day of each.
    CHECK(kept
        == QStringList {"2026-12-31", "2026-12-30", "2026-12-29", "2026-12-28", "2026-12-27", "2026-12-26",
            "2026-12-25", "2026-12-20", "2026-12-13", "2026-11-30", "2026-10-31", "2026-09-30", "2026-08-31",
            "2026-07-31", "2026-06-30", "2026-05-31", "2026-04-30", "2026-03-31", "2026-02-28", "2026-01-31"});
}

TEST_CASE("Restoring a backup brings its data back in place")
{
    TempDatabase db;
    SessionStore store(db.database);
    const QList<Session> sessions = someSessions(1);
    REQUIRE(store.saveSessions(sessions));
    QString error;
    const QString backup = Backups::take(db.database, QStringLiteral("daily"), error);
    REQUIRE_FALSE(backup.isEmpty());
    REQUIRE(store.deleteSession(sessions[0].uuid));
    CHECK(db.scalar("SELECT count(*) FROM sessions") == 27);
    QString safety;
    REQUIRE(db.file.restoreFrom(backup, safety, error));
    CHECK(db.scalar("SELECT count(*) FROM sessions") == 28);
    CHECK(safety.contains("before-restore")); // what was there is kept too
    CHECK(isPrivate(db.path));
    // The store keeps working on the reopened file.
    Session more = finishedSession(SessionKind::Nursing, berlin(2026, 12, 1, 9, 0), {60});
    CHECK(store.saveSession(more, more.letdowns));
}

TEST_CASE("A damaged file is refused untouched, and can be replaced by the newest good backup")
{
    TempDatabase source;
    SessionStore store(source.database);
    REQUIRE(store.saveSessions(someSessions(4)));
    QString error;
    REQUIRE_FALSE(Backups::take(source.database, QStringLiteral("daily"), error).isEmpty());

    const QString path = source.dir.filePath("damaged.sqlite");
    SECTION("a truncated copy")
    {
        QFile::copy(source.path, path);
        TestQuery(source.database).exec("PRAGMA wal_checkpoint(TRUNCATE)");
        QFile::remove(path);
        REQUIRE(QFile::copy(source.path, path));
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadWrite));
        REQUIRE(file.resize(file.size() / 2));
    }
    SECTION("garbage bytes")
    {
        writeFile(path, QByteArray("SQLite format 3\0", 16) + QByteArray(40000, '\x5a'));
    }
    const QByteArray before = fileHash(path);
    Database database;
    CHECK_FALSE(database.open(path));
    CHECK(database.problem() == Database::Problem::Damaged);
    CHECK(fileHash(path) == before);

    // The app's way out: the damaged file goes aside, untouched; a good copy takes its place.
    const QString backup = Backups::newestUsable(source.path);
    REQUIRE_FALSE(backup.isEmpty());
    QString aside;
    REQUIRE(Backups::restoreOverDamaged(path, backup, aside, error));
    CHECK(fileHash(aside) == before);
    REQUIRE(database.open(path));
    TestQuery count(database);
    REQUIRE((count.exec("SELECT count(*) FROM sessions") && count.next()));
    CHECK(count.value(0).toInt() == 112);
}

TEST_CASE("An empty file is never silently started over when backups of it exist")
{
    QTemporaryDir fresh;
    const QString firstRun = fresh.filePath("letdown.sqlite");
    writeFile(firstRun, {});
    Database created;
    CHECK(created.open(firstRun)); // no backups beside it: a new, empty database is right

    TempDatabase db;
    SessionStore store(db.database);
    REQUIRE(store.saveSessions(someSessions(1)));
    QString error;
    REQUIRE_FALSE(Backups::take(db.database, QStringLiteral("daily"), error).isEmpty());
    // An empty Letdown file beside those backups means data went missing.
    const QString emptied = db.dir.filePath("emptied.sqlite");
    writeFile(emptied, {});
    Database refused;
    DataFile refusedFile(refused);
    CHECK_FALSE(refusedFile.open(emptied));
    CHECK(refusedFile.problem() == Database::Problem::Damaged);
    CHECK(QFileInfo(emptied).size() == 0);
}

TEST_CASE("Upgrading an old file takes a verified backup first")
{
    TempDatabase db;
    SessionStore store(db.database);
    REQUIRE(store.saveSessions(someSessions(1)));
    // Make it look like a version 1 file: no phone-remote tables, no change counter yet.
    db.dropWeekFigures(); // came with version 9
    for (const char *table : {"sync_settings", "sync_versions", "sync_files", "sync_peers", "sync_conflicts"})
        db.exec(QStringLiteral("DROP TABLE %1").arg(table)); // came with version 8
    db.exec("DROP TABLE scale_recordings"); // came with version 7
    db.exec("DROP TABLE change_log");
    db.exec("DROP TABLE spontaneous_letdowns");
    for (const char *table : {"sessions", "ejections", "session_techniques"})
        for (const char *event : {"INSERT", "UPDATE", "DELETE"})
            db.exec(QStringLiteral("DROP TRIGGER IF EXISTS %1_%2_counts").arg(table, event));
    db.exec("DROP TABLE meta");
    // ... nor the columns of version 3.
    for (const char *column :
        {"source", "letdowns_logged", "left_volume_ml", "right_volume_ml", "topup_ml", "topup_kind"})
        db.exec(QStringLiteral("ALTER TABLE sessions DROP COLUMN %1").arg(column));
    db.exec("PRAGMA user_version=1");
    // Without an owner to take the backup first, the old file is not updated.
    Database alone;
    CHECK_FALSE(alone.open(db.path));
    CHECK_THAT(alone.errorString().toStdString(), Catch::Contains("Not updating"));
    CHECK(Backups::list(db.path, false).isEmpty());
    Database reopened;
    DataFile owner(reopened);
    REQUIRE(owner.open(db.path));
    const auto backups = Backups::list(db.path, true);
    REQUIRE(backups.size() == 1);
    CHECK(backups[0].path.contains("before-update"));
    CHECK(backups[0].sessions == 28);
    qint64 changes = -1;
    CHECK(reopened.changeCount(changes));
}

TEST_CASE("A full disk: the tap is kept, the error said, and it is saved once there is room")
{
    RecorderRig rig;
    auto &[db, store, clock, recorder] = rig;
    REQUIRE(recorder.start(SessionKind::Pumping, Side::Both));
    const qint64 pages = db.scalar("PRAGMA page_count");
    db.exec(QStringLiteral("PRAGMA max_page_count=%1").arg(pages)); // the disk is full now
    bool failed = false;
    for (int tap = 0; tap < 5000 && !failed; ++tap) {
        clock.advance(1500);
        failed = !recorder.markLetdown();
    }
    REQUIRE(failed);
    CHECK(recorder.hasUnsavedChanges());
    CHECK(recorder.unsavedLetdownCount() == 1);
    CHECK_THAT(recorder.lastError().toStdString(), Catch::Contains("Not saved yet") && Catch::Contains("full"));
    const int shown = int(recorder.currentSession().letdowns.size());
    clock.advance(1500);
    CHECK_FALSE(recorder.markLetdown()); // still full: kept too
    CHECK(recorder.unsavedLetdownCount() == 2);

    db.exec("PRAGMA max_page_count=1000000"); // space is back
    REQUIRE(recorder.retrySave());
    CHECK(db.scalar("SELECT count(*) FROM ejections") == shown + 1);
}

TEST_CASE("A read-only database can be read, and every write says why it failed")
{
    TempDatabase db;
    SessionStore writer(db.database);
    REQUIRE(writer.saveSessions(someSessions(1)));
    Database readOnly;
    REQUIRE(readOnly.open(db.path, Database::OpenMode::ReadOnly));
    CHECK(readOnly.isReadOnly());
    SessionStore store(readOnly);
    QList<SessionSummary> recent;
    REQUIRE(store.loadRecentSummaries(5, recent));
    CHECK(recent.size() == 5);
    Session s = finishedSession(SessionKind::Nursing, berlin(2026, 12, 1, 9, 0), {60});
    CHECK_FALSE(store.saveSession(s, s.letdowns));
    CHECK_FALSE(store.errorString().isEmpty());
}

TEST_CASE("Notes are capped at 10,000 characters")
{
    RecorderRig rig;
    auto &[db, store, clock, recorder] = rig;
    REQUIRE(recorder.start(SessionKind::Nursing, Side::Left));
    CHECK(recorder.setNote(QString(kMaxNoteLength, u'a')));
    CHECK_FALSE(recorder.setNote(QString(kMaxNoteLength + 1, u'a')));
    CHECK_THAT(recorder.lastError().toStdString(), Catch::Contains("10000"));
    CHECK(recorder.currentSession().note.size() == kMaxNoteLength);
}

TEST_CASE("Recorder: a pumping session across the New York fall-back has its true length")
{
    TempDatabase db;
    SessionStore store(db.database);
    // 00:55 EDT; at 02:00 EDT the clocks go back to 01:00 EST.
    const QDateTime start = newYork(2026, 11, 1, 0, 55);
    FakeClock clock(start.toMSecsSinceEpoch());
    clock.setOffsetRule([](qint64 utcMs) {
        return QDateTime::fromMSecsSinceEpoch(utcMs, QTimeZone("America/New_York")).offsetFromUtc();
    });
    SessionRecorder recorder(store, clock);
    REQUIRE(recorder.start(SessionKind::Pumping, Side::Both));
    clock.advance(90 * 60 * 1000); // ends 01:25 EST
    REQUIRE(recorder.markLetdown());
    REQUIRE(recorder.stop());
    const Session s = recorder.currentSession();
    CHECK(s.activeMs == 90 * 60 * 1000); // not 30 minutes (wall clock) and not 150
    CHECK(s.startedUtcOffsetS == -4 * 3600);
    CHECK(s.endedUtcOffsetS == -5 * 3600);
    CHECK(*s.endedAtUtcMs - s.startedAtUtcMs == 90 * 60 * 1000);
    CHECK_FALSE(s.clockJumpDetected);
}

TEST_CASE("DataFile: the daily backup runs off the caller's thread, and restore and move wait for it")
{
    TempDatabase db;
    SessionStore store(db.database);
    REQUIRE(store.saveSessions(someSessions(1)));
    FakeClock clock;
    ProcessClockScope scope(clock);
    QString error;
    const QString taken = db.file.backUp(QStringLiteral("manual"), error);
    REQUIRE_FALSE(taken.isEmpty());
    // Kept aside: the daily backup's thinning may remove that one (same day).
    const QString older = db.dir.filePath("older.sqlite");
    REQUIRE(QFile::copy(taken, older));
    REQUIRE(store.deleteSession(someSessions(1).first().uuid)); // a change since: a backup is due tomorrow

    QSignalSpy finished(&db.file, &DataFile::dailyBackupFinished);
    REQUIRE(db.file.startDailyBackup(localToday(clock).addDays(1)));
    CHECK_FALSE(db.file.startDailyBackup(localToday(clock).addDays(1))); // one at a time
    // A restore now waits for that backup to finish before the file is replaced.
    QString safety;
    const bool restored = db.file.restoreFrom(older, safety, error);
    INFO(error.toStdString());
    REQUIRE(restored);
    CHECK_FALSE(db.file.isBackingUp());
    CHECK(db.scalar("SELECT count(*) FROM sessions") == 28);
    REQUIRE(finished.wait(5000));
    CHECK(finished.first().at(0).toString().startsWith("Backed up"));
    CHECK(finished.first().at(1).toString().isEmpty());

    // Moving: the file and its backups folder go together, after a backup of their own.
    QTemporaryDir elsewhere;
    const QString target = elsewhere.filePath("moved/letdown.sqlite");
    REQUIRE(db.file.moveTo(target, error));
    CHECK(db.database.path() == target);
    const auto backups = Backups::list(target, false);
    CHECK(backups.size() >= 3); // manual, daily, before-restore, before-move (thinned per day)
    CHECK(std::any_of(backups.begin(), backups.end(), [](const auto &b) { return b.path.contains("before-move"); }));
    CHECK_FALSE(db.file.moveTo(target, error)); // the target exists now
    CHECK_THAT(error.toStdString(), Catch::Contains("already exists"));
}

TEST_CASE("A version 2 file grows the columns of imported sessions, per-breast volumes and top-ups")
{
    TempDatabase db;
    SessionStore store(db.database);
    const QList<Session> original = someSessions(1);
    REQUIRE(store.saveSessions(original));
    for (const char *column :
        {"source", "letdowns_logged", "left_volume_ml", "right_volume_ml", "topup_ml", "topup_kind"})
        db.exec(QStringLiteral("ALTER TABLE sessions DROP COLUMN %1").arg(column));
    db.exec("DROP TABLE change_log");
    db.exec("DROP TABLE spontaneous_letdowns");
    db.dropWeekFigures(); // came with version 9
    for (const char *table : {"sync_settings", "sync_versions", "sync_files", "sync_peers", "sync_conflicts"})
        db.exec(QStringLiteral("DROP TABLE %1").arg(table)); // came with version 8
    db.exec("DROP TABLE scale_recordings"); // came with version 7
    db.exec("PRAGMA user_version=2");

    Database reopened;
    DataFile owner(reopened);
    REQUIRE(owner.open(db.path));
    CHECK(Backups::list(db.path, true).size() == 1); // the verified backup came first
    SessionStore upgraded(reopened);
    QList<Session> sessions;
    REQUIRE(upgraded.loadSessionsStartedBetween(0, std::numeric_limits<qint64>::max(), sessions));
    REQUIRE(sessions.size() == original.size());
    for (const Session &s : sessions) {
        CHECK(s.source == "letdown");
        CHECK(s.letdownsLogged);
        CHECK_FALSE(s.leftVolumeMl);
        CHECK_FALSE(s.topupKind);
    }
    // The new columns take values, and bad ones are refused by the schema.
    Session pumped = sessions[0];
    pumped.leftVolumeMl = 40;
    pumped.rightVolumeMl = 35.5;
    pumped.topupMl = 30;
    pumped.topupKind = TopupKind::Formula;
    REQUIRE(upgraded.saveSession(pumped, {}));
    REQUIRE(upgraded.loadSessionsStartedBetween(0, std::numeric_limits<qint64>::max(), sessions));
    CHECK(sessions[0].leftVolumeMl == 40);
    CHECK(sessions[0].rightVolumeMl == 35.5);
    CHECK(sessions[0].topupKind == TopupKind::Formula);
    TestQuery bad(reopened);
    CHECK_FALSE(bad.exec("UPDATE sessions SET topup_kind = 'juice'"));
    CHECK_FALSE(bad.exec("UPDATE sessions SET letdowns_logged = 2"));
    // Version 4's tables came with it: a let-down without a feed is a change to back up.
    qint64 before = 0;
    qint64 after = 0;
    REQUIRE(reopened.changeCount(before));
    qint64 id = 0;
    REQUIRE(upgraded.addSpontaneousLetdown(1'800'000'000'000, 3600, id));
    REQUIRE(reopened.changeCount(after));
    CHECK(after == before + 1);
    std::optional<SessionStore::Receipt> receipt;
    REQUIRE(upgraded.findReceipt(QStringLiteral("never-sent-01"), receipt));
    CHECK_FALSE(receipt);
}

TEST_CASE("A version 5 file gets the change log, and the phone's tap receipts move into it")
{
    TempDatabase db;
    SessionStore store(db.database);
    REQUIRE(store.saveSessions(someSessions(1)));
    db.exec("DROP TABLE change_log");
    db.exec("CREATE TABLE remote_taps (tap_id TEXT PRIMARY KEY, received_at_utc_ms INTEGER NOT NULL) WITHOUT ROWID");
    db.exec("INSERT INTO remote_taps VALUES ('old-tap-0001', 1764300000000), ('old-tap-0002', 1764300001000)");
    db.dropWeekFigures(); // came with version 9
    for (const char *table : {"sync_settings", "sync_versions", "sync_files", "sync_peers", "sync_conflicts"})
        db.exec(QStringLiteral("DROP TABLE %1").arg(table)); // came with version 8
    db.exec("DROP TABLE scale_recordings"); // came with version 7
    db.exec("PRAGMA user_version=5");

    Database reopened;
    DataFile owner(reopened);
    REQUIRE(owner.open(db.path));
    CHECK(Backups::list(db.path, true).size() == 1); // the verified backup came first
    SessionStore upgraded(reopened);
    std::optional<SessionStore::Receipt> receipt;
    REQUIRE(upgraded.findReceipt(QStringLiteral("old-tap-0002"), receipt));
    REQUIRE(receipt);
    CHECK(receipt->result == "recorded");
    TestQuery gone(reopened);
    CHECK_FALSE(gone.exec("SELECT count(*) FROM remote_taps"));
    QList<ChangeRecord> log;
    REQUIRE(upgraded.loadChangeLog(0, 10, log));
    REQUIRE(log.size() == 2);
    CHECK(log[0].command == "tap");
    CHECK(log[0].atUtcMs == 1764300000000);
    CHECK(log[0].changeId != log[1].changeId);
    // A receipt is found through its index, not by reading the whole log.
    TestQuery plan(reopened);
    REQUIRE(plan.exec("EXPLAIN QUERY PLAN SELECT result, message FROM change_log"
                      " WHERE receipt_id = 'old-tap-0002' AND receipt_id IS NOT NULL"));
    QStringList steps;
    while (plan.next())
        steps << plan.value(3).toString();
    CHECK_THAT(steps.join(';').toStdString(), Catch::Contains("change_log_receipts"));
}

TEST_CASE("A version 4 file is updated to let-downs kept session by session, those at one moment in the order entered")
{
    TempDatabase db;
    SessionStore store(db.database);
    QList<Session> original = someSessions(1);
    // Two let-downs at the same moment, the second with a measured volume: read back in
    // the order they were entered, before and after the update.
    Session &tied = original[0];
    tied.letdowns = {tied.letdowns.value(0), tied.letdowns.value(0)};
    tied.letdowns[1].measuredVolumeMl = 12.5;
    REQUIRE(store.saveSessions(original));
    db.dropWeekFigures(); // came with version 9; the let-downs as version 9 kept them
    db.exec("DROP INDEX ejections_by_session");
    db.exec("CREATE INDEX ejections_by_session ON ejections(session_id, offset_ms)");
    db.exec("DROP TABLE change_log"); // version 4 kept the phone's receipts apart
    db.exec("CREATE TABLE remote_taps (tap_id TEXT PRIMARY KEY, received_at_utc_ms INTEGER NOT NULL) WITHOUT ROWID");
    for (const char *table : {"sync_settings", "sync_versions", "sync_files", "sync_peers", "sync_conflicts"})
        db.exec(QStringLiteral("DROP TABLE %1").arg(table)); // came with version 8
    db.exec("DROP TABLE scale_recordings"); // came with version 7
    db.exec("PRAGMA user_version=4");

    Database reopened;
    DataFile owner(reopened);
    REQUIRE(owner.open(db.path));
    CHECK(Backups::list(db.path, true).size() == 1); // the verified backup came first
    // No index beside the table: the table itself is in the order every read wants (a live
    // tap writes one page less), so reading every let-down needs no sort.
    TestQuery index(reopened);
    REQUIRE(index.exec("SELECT count(*) FROM sqlite_master WHERE tbl_name = 'ejections' AND type = 'index'"
                       " AND sql IS NOT NULL"));
    CHECK(index.value(0).toInt() == 0);
    TestQuery plan(reopened);
    REQUIRE(plan.exec("EXPLAIN QUERY PLAN SELECT e.session_id, e.offset_ms, e.measured_volume_ml FROM ejections e"
                      " ORDER BY e.session_id, e.id"));
    QStringList steps;
    while (plan.next())
        steps << plan.value(3).toString();
    CHECK(steps.join(" | ").toStdString() == "SCAN e");
    SessionStore upgraded(reopened);
    QList<Session> sessions;
    REQUIRE(upgraded.loadSessionsStartedBetween(0, std::numeric_limits<qint64>::max(), sessions));
    REQUIRE(sessions.size() == original.size());
    CHECK(sessions == original);
    // A let-down added after the update comes after both, though at the same moment.
    Session more = sessions[0];
    more.letdowns << more.letdowns[0];
    more.letdowns.last().measuredVolumeMl = 3;
    REQUIRE(upgraded.appendLetdowns(more.uuid, {more.letdowns.last()}));
    REQUIRE(upgraded.loadSessionsStartedBetween(0, std::numeric_limits<qint64>::max(), sessions));
    CHECK(sessions[0].letdowns == more.letdowns);
}

TEST_CASE("A file with let-downs of no session (damaged) is still updated, and they stay in its backup")
{
    TempDatabase db;
    SessionStore store(db.database);
    const QList<Session> original = someSessions(2);
    REQUIRE(store.saveSessions(original));
    db.dropWeekFigures(); // back to version 8
    db.exec("PRAGMA user_version=8");
    db.exec("PRAGMA foreign_keys=OFF");
    db.exec("INSERT INTO ejections (session_id, at_utc_ms, utc_offset_s, offset_ms, side)"
            " VALUES (999999, 1000, 0, 5000, 'left')");
    const qint64 letdowns = db.scalar("SELECT count(*) FROM ejections");

    Database reopened;
    DataFile owner(reopened);
    REQUIRE(owner.open(db.path));
    const auto backups = Backups::list(db.path, true);
    REQUIRE(backups.size() == 1);
    TestQuery count(reopened);
    REQUIRE(count.exec("SELECT count(*) FROM ejections"));
    CHECK(count.value(0).toLongLong() == letdowns - 1);
    SessionStore upgraded(reopened);
    QList<Session> sessions;
    REQUIRE(upgraded.loadSessionsStartedBetween(0, std::numeric_limits<qint64>::max(), sessions));
    CHECK(sessions == original);
    CHECK(Database::integrityOf(backups.constFirst().path) == "ok");
}

TEST_CASE("A version 7 file gets the sync tables, and its sessions stay as they were")
{
    TempDatabase db;
    SessionStore store(db.database);
    const QList<Session> original = someSessions(2);
    REQUIRE(store.saveSessions(original));
    db.dropWeekFigures(); // came with version 9
    for (const char *table : {"sync_settings", "sync_versions", "sync_files", "sync_peers", "sync_conflicts"})
        db.exec(QStringLiteral("DROP TABLE %1").arg(table));
    db.exec("PRAGMA user_version=7");

    Database reopened;
    DataFile owner(reopened);
    REQUIRE(owner.open(db.path));
    CHECK(Backups::list(db.path, true).size() == 1); // the verified backup came first
    TestQuery tables(reopened);
    REQUIRE(tables.exec("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE 'sync\\_%' ESCAPE '\\'"));
    REQUIRE(tables.next());
    CHECK(tables.value(0).toInt() == 5);
    SessionStore upgraded(reopened);
    QList<Session> sessions;
    REQUIRE(upgraded.loadSessionsStartedBetween(0, std::numeric_limits<qint64>::max(), sessions));
    CHECK(sessions == original);
    // Unsynced, the unfinished session (if any) is still this device's to resume.
    std::optional<Session> unfinished;
    REQUIRE(upgraded.loadUnfinished(unfinished));
}
