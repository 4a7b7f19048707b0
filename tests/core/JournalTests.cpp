// The journal: the one owner of every change, applied once, logged, announced.
#include "journal/Journal.h"

#include "domain/SessionJson.h"
#include "domain/SessionValidation.h"

#include "TestSupport.h"

#include <QFileInfo>

#include <algorithm>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>

namespace {
QJsonObject payloadOf(const ChangeRecord &change)
{
    return QJsonDocument::fromJson(change.payload).object();
}

QList<ChangeRecord> changeLog(SessionStore &store)
{
    QList<ChangeRecord> log;
    REQUIRE(store.loadChangeLog(0, 1000, log));
    return log;
}

Journal::Request tap(Journal::Step step, const QString &receipt, std::optional<qint64> atMonotonicMs = {})
{
    Journal::Request request = Journal::ask(step, Origin::Phone);
    request.receiptId = receipt;
    request.tappedAtMonotonicMs = atMonotonicMs;
    return request;
}

// Another program holding the write lock for the scope.
struct LockHolder {
    explicit LockHolder(const QString &path)
        : other(path)
    {
        REQUIRE(other.exec(QStringLiteral("BEGIN IMMEDIATE")));
    }
    ~LockHolder() { other.exec(QStringLiteral("COMMIT")); }
    OtherProgramConnection other;
};
} // namespace

TEST_CASE("Journal: each step is one change-log row with its origin and what it wrote, and one signal")
{
    JournalRig rig;
    QSignalSpy changed(&rig.journal, &Journal::changed);
    REQUIRE(rig.ask(Journal::Step::Start, Origin::Mouse).result == "recorded");
    rig.clock.advance(40'000);
    REQUIRE(rig.ask(Journal::Step::Letdown, Origin::Key).result == "recorded");
    rig.clock.advance(20'000);
    REQUIRE(rig.ask(Journal::Step::Stop, Origin::MiniTimer).result == "recorded");
    CHECK(changed.size() == 3);
    CHECK(changed.last().at(0).value<Journal::Change>().sessionsChanged); // Stop: the views re-read

    const QList<ChangeRecord> log = changeLog(rig.store);
    REQUIRE(log.size() == 3);
    CHECK(log[0].command == "start");
    CHECK(log[0].origin == "mouse");
    CHECK(log[1].command == "letdown");
    CHECK(log[1].origin == "key");
    CHECK(log[2].origin == "mini_timer");
    const Session stored = rig.recorder.currentSession();
    for (const ChangeRecord &change : log) {
        CHECK(change.sessionUuid == stored.uuid);
        CHECK(change.changeId.size() == 36); // a UUID: the same change has the same id anywhere
        CHECK(change.result == "recorded");
    }
    // The payload is what the change wrote, free of this file's row ids: enough to replay it.
    const QJsonObject letdown = payloadOf(log[1]).value("letdown").toObject();
    CHECK(letdown.value("at_utc_ms").toInteger() == stored.letdowns.first().atUtcMs);
    CHECK(letdown.value("offset_ms").toInteger() == 40'000);
    CHECK(payloadOf(log[2]).value("session").toObject().value("state").toString() == "stopped");
    CHECK_FALSE(log[1].payload.contains("\"id\""));
    CHECK(payloadOf(log[1]).keys() == QStringList {"letdown"}); // a plain let-down: no session row

    // A key pressed in vain (nothing to stop) writes nothing and logs nothing.
    CHECK(rig.ask(Journal::Step::Stop).result == "unchanged");
    CHECK(changeLog(rig.store).size() == 3);
}

TEST_CASE("Journal: a receipt seen before gets the first answer and changes nothing, also after a restart")
{
    JournalRig rig;
    REQUIRE(rig.journal.apply(tap(Journal::Step::Start, "phone-start-01")).result == "recorded");
    rig.clock.advance(30'000);
    REQUIRE(rig.journal.apply(tap(Journal::Step::Letdown, "phone-tap-0001")).result == "recorded");
    // The same tap again: the first answer, marked as a repeat.
    const Journal::Outcome again = rig.journal.apply(tap(Journal::Step::Letdown, "phone-tap-0001"));
    CHECK(again.result == "recorded");
    CHECK(again.repeated);
    // A second tap within the double-tap second adds nothing, and its answer is kept too.
    rig.clock.advance(400);
    CHECK(rig.journal.apply(tap(Journal::Step::Letdown, "phone-tap-0002")).result == "unchanged");
    // A step that does not apply keeps its answer under its receipt.
    CHECK(rig.journal.apply(tap(Journal::Step::Start, "phone-start-02")).result == "unchanged");
    CHECK(rig.db.scalar("SELECT count(*) FROM change_log WHERE receipt_id IS NOT NULL") == 4);
    CHECK(rig.db.scalar("SELECT count(*) FROM ejections") == 1);

    // A restart: a new recorder and journal on the same file (the session is picked up).
    rig.clock.restartMonotonic(90'000'000);
    rig.clock.advance(200);
    SessionRecorder restarted(rig.store, rig.clock);
    REQUIRE(restarted.restoreUnfinished());
    Journal after(rig.db.file, rig.store, restarted, rig.clock);
    for (const char *receipt : {"phone-tap-0001", "phone-tap-0002", "phone-start-02"}) {
        const Journal::Outcome outcome = after.apply(tap(Journal::Step::Letdown, QString::fromLatin1(receipt)));
        CHECK(outcome.repeated);
    }
    CHECK(after.apply(tap(Journal::Step::Letdown, "phone-start-02")).result == "unchanged");
    // A new tap within the double-tap second of the stored let-down is that let-down.
    CHECK(after.apply(tap(Journal::Step::Letdown, "phone-tap-0003")).result == "unchanged");
    CHECK(rig.db.scalar("SELECT count(*) FROM ejections") == 1);
    rig.clock.advance(2'000);
    CHECK(after.apply(tap(Journal::Step::Letdown, "phone-tap-0004")).result == "recorded");
    CHECK(rig.db.scalar("SELECT count(*) FROM ejections") == 2);
}

TEST_CASE("Journal: a tap kept while the file is busy keeps its receipt when a later tap changes nothing")
{
    JournalRig rig;
    rig.recorder.setRetryIntervalsMs(60'000, 60'000);
    REQUIRE(rig.journal.apply(tap(Journal::Step::Start, "busy-start-01")).result == "recorded");
    rig.clock.advance(10'000);
    {
        LockHolder other(rig.db.path);
        CHECK(rig.journal.apply(tap(Journal::Step::Letdown, "busy-tap-0001")).result == "kept");
        // A later tap that changes nothing cannot be saved either, and must not take the
        // kept one's receipt with it.
        CHECK(rig.journal.apply(tap(Journal::Step::Start, "busy-start-02")).result == "failed");
        CHECK(rig.journal.apply(tap(Journal::Step::Letdown, "busy-tap-0001")).result == "kept"); // not twice
    }
    REQUIRE(rig.recorder.retrySave());
    CHECK(rig.db.scalar("SELECT count(*) FROM change_log WHERE receipt_id = 'busy-tap-0001'") == 1);
    CHECK(rig.db.scalar("SELECT count(*) FROM ejections") == 1);
    // After a restart the same tap is known.
    SessionRecorder restarted(rig.store, rig.clock);
    REQUIRE(restarted.restoreUnfinished());
    Journal after(rig.db.file, rig.store, restarted, rig.clock);
    CHECK(after.apply(tap(Journal::Step::Letdown, "busy-tap-0001")).repeated);
    CHECK(rig.db.scalar("SELECT count(*) FROM ejections") == 1);
}

TEST_CASE("Journal: let-downs sent late keep their own moment and side after a later switch, pause or resume")
{
    JournalRig rig;
    REQUIRE(rig.ask(Journal::Step::Start).result == "recorded"); // on the left
    rig.clock.advance(8'000);
    const qint64 switchedAt = rig.clock.monotonicMs();
    REQUIRE(rig.ask(Journal::Step::SwitchSide).result == "recorded");
    rig.clock.advance(1'000);
    // Two taps kept on the phone, from 6 s and 3 s before the switch, arrive now.
    CHECK(rig.journal.apply(tap(Journal::Step::Letdown, "late-tap-0001", switchedAt - 6'000)).result == "recorded");
    CHECK(rig.journal.apply(tap(Journal::Step::Letdown, "late-tap-0002", switchedAt - 3'000)).result == "recorded");
    rig.clock.advance(1'000);
    const qint64 pausedAt = rig.clock.monotonicMs();
    REQUIRE(rig.ask(Journal::Step::TogglePause).result == "recorded");
    rig.clock.advance(5'000);
    REQUIRE(rig.ask(Journal::Step::TogglePause).result == "recorded"); // resumed
    rig.clock.advance(1'000);
    // One from while it was paused, and one from just before the pause (on the right).
    CHECK(rig.journal.apply(tap(Journal::Step::Letdown, "late-tap-0003", pausedAt + 2'000)).result == "recorded");
    CHECK(rig.journal.apply(tap(Journal::Step::Letdown, "late-tap-0004", pausedAt - 500)).result == "recorded");

    const QList<Letdown> letdowns = rig.recorder.currentSession().letdowns;
    REQUIRE(letdowns.size() == 4);
    CHECK(letdowns[0].offsetMs == 2'000);
    CHECK(letdowns[0].side == Side::Left);
    CHECK(letdowns[1].offsetMs == 5'000);
    CHECK(letdowns[1].side == Side::Left);
    CHECK(letdowns[2].offsetMs == 9'500); // 8 s on the left, 1.5 s on the right
    CHECK(letdowns[2].side == Side::Right);
    CHECK(letdowns[3].offsetMs == 10'000); // paused: the active time stood still
    CHECK(letdowns[3].side == Side::Right);
    CHECK(rig.db.scalar("SELECT count(*) FROM ejections WHERE side = 'left'") == 2);
    CHECK(rig.db.scalar("SELECT count(*) FROM change_log WHERE receipt_id LIKE 'late-tap-%'") == 4);
}

TEST_CASE("Journal: a let-down without a feed waits for a busy file like any tap, and is saved in order")
{
    JournalRig rig;
    rig.recorder.setRetryIntervalsMs(60'000, 60'000);
    {
        LockHolder other(rig.db.path);
        QElapsedTimer waited;
        waited.start();
        const Journal::Outcome kept = rig.journal.apply(tap(Journal::Step::LetdownWithoutFeed, "felt-tap-0001"));
        CHECK(kept.result == "kept");
        CHECK(waited.elapsed() < Database::kDefaultLockWaitMs / 2); // never waits for the lock
        CHECK(rig.recorder.hasUnsavedChanges());
        // Starting a session now would leave the let-down behind: refused until it is saved.
        CHECK(rig.ask(Journal::Step::Start).result == "refused");
    }
    REQUIRE(rig.recorder.retrySave());
    CHECK(rig.db.scalar("SELECT count(*) FROM spontaneous_letdowns") == 1);
    CHECK(rig.db.scalar("SELECT count(*) FROM change_log WHERE receipt_id = 'felt-tap-0001'"
                        " AND command = 'letdown_without_feed'")
        == 1);
    CHECK(rig.ask(Journal::Step::Start).result == "recorded");
}

TEST_CASE("Journal: History's changes and imports are logged and announced like taps")
{
    JournalRig rig;
    QSignalSpy changed(&rig.journal, &Journal::changed);
    Session session;
    session.uuid = QStringLiteral("11111111-2222-3333-4444-555555555555");
    session.state = SessionState::Stopped;
    session.startedAtUtcMs = rig.clock.wallUtcMs() - 3'600'000;
    session.endedAtUtcMs = session.startedAtUtcMs + 600'000;
    session.activeMs = 600'000;
    session.lastEventAtUtcMs = *session.endedAtUtcMs;
    QString error;
    REQUIRE(rig.journal.addSession(session, Origin::History, error));
    session.note = QStringLiteral("edited");
    REQUIRE(rig.journal.replaceSession(session, Origin::History, error));
    REQUIRE(rig.journal.deleteSession(session.uuid, Origin::Undo, error));
    Journal::ImportCounts counts;
    REQUIRE(rig.journal.importSessions({session}, {}, Origin::CommandLine, counts, error));
    CHECK(counts.added == 1);
    REQUIRE(changed.size() == 4);
    for (const QList<QVariant> &signal : std::as_const(changed))
        CHECK(signal.at(0).value<Journal::Change>().sessionsChanged);
    const QList<ChangeRecord> log = changeLog(rig.store);
    REQUIRE(log.size() == 4);
    CHECK(log[0].command == "add_session");
    CHECK(log[1].command == "edit_session");
    CHECK(payloadOf(log[1]).value("session").toObject().value("note").toString() == "edited");
    CHECK(log[2].command == "delete_session");
    CHECK(log[2].origin == "undo");
    CHECK(log[3].command == "import");
    CHECK(log[3].origin == "command_line");
    // A change that fails writes neither its effect nor its row.
    CHECK_FALSE(rig.journal.addSession(session, Origin::History, error));
    CHECK(changeLog(rig.store).size() == 4);
}

TEST_CASE("Journal: a session outside the plausible dates is refused by every way in")
{
    JournalRig rig;
    ProcessClockScope now(rig.clock); // "a year after today" is the tests' today
    Session farFuture;
    farFuture.uuid = QStringLiteral("99999999-0000-4000-8000-000000000009");
    farFuture.state = SessionState::Stopped;
    farFuture.startedAtUtcMs = QDateTime(QDate(9999, 6, 1), QTime(8, 0), Qt::UTC).toMSecsSinceEpoch();
    farFuture.endedAtUtcMs = farFuture.startedAtUtcMs + 600'000;
    farFuture.activeMs = 600'000;
    farFuture.lastEventAtUtcMs = *farFuture.endedAtUtcMs;
    QString error;
    CHECK_FALSE(rig.journal.addSession(farFuture, Origin::History, error));
    CHECK_THAT(error.toStdString(), Catch::Contains("between 2000-01-01 and"));
    Journal::ImportCounts counts;
    CHECK_FALSE(rig.journal.importSessions({farFuture}, {}, Origin::Import, counts, error));
    Session ancient = farFuture;
    ancient.startedAtUtcMs = QDateTime(QDate(1, 1, 1), QTime(8, 0), Qt::UTC).toMSecsSinceEpoch();
    ancient.endedAtUtcMs = ancient.startedAtUtcMs + 600'000;
    CHECK_FALSE(rig.journal.replaceSession(ancient, Origin::History, error));
    CHECK(rig.db.scalar("SELECT count(*) FROM sessions") == 0);
    CHECK(rig.db.scalar("SELECT count(*) FROM change_log") == 0);
    CHECK(implausibleDatesError(farFuture, QDate(2026, 11, 28)).contains("2027-11-28"));
}

TEST_CASE("Journal: a Stop taken back runs the same session again, the time between counted as paused")
{
    JournalRig rig;
    REQUIRE(rig.ask(Journal::Step::Start).result == "recorded");
    rig.clock.advance(60'000);
    REQUIRE(rig.ask(Journal::Step::Letdown).result == "recorded");
    rig.clock.advance(60'000);
    REQUIRE(rig.ask(Journal::Step::Stop).result == "recorded");
    const Session stopped = rig.recorder.currentSession();
    rig.clock.advance(90'000); // she notices the slip a minute and a half later
    REQUIRE(rig.ask(Journal::Step::ResumeStopped, Origin::Undo).result == "recorded");
    CHECK(rig.recorder.state() == SessionRecorder::State::Running);
    rig.clock.advance(30'000);
    REQUIRE(rig.ask(Journal::Step::Stop).result == "recorded");
    std::optional<Session> stored;
    REQUIRE(rig.store.loadSession(stopped.uuid, stored));
    REQUIRE(stored);
    CHECK(stored->activeMs == 150'000); // 2:00 before the slip, 0:30 after
    CHECK(stored->pausedMs == stopped.pausedMs + 90'000);
    CHECK(stored->letdowns.size() == 1);
    CHECK(*stored->endedAtUtcMs == stopped.startedAtUtcMs + 240'000); // 2:00 + 1:30 paused + 0:30
    QList<SessionSummary> all;
    REQUIRE(rig.store.loadRecentSummaries(10, all));
    CHECK(all.size() == 1); // the same session, not a second one
    const QList<ChangeRecord> log = changeLog(rig.store);
    CHECK(log[3].command == "resume_stopped");
    CHECK(log[3].origin == "undo");

    // Not while one runs, and not after 15 minutes: a new feed is a new session.
    rig.clock.advance(SessionRecorder::kReopenWithinMs + 1000);
    CHECK_FALSE(rig.recorder.reopenableUntilUtcMs());
    const Journal::Outcome late = rig.ask(Journal::Step::ResumeStopped, Origin::Phone);
    CHECK(late.result == "refused");
    CHECK_THAT(late.message.toStdString(), Catch::Contains("15 minutes"));
}

TEST_CASE("Journal: a Start taken back removes the session while it has no let-downs, and is logged")
{
    JournalRig rig;
    REQUIRE(rig.ask(Journal::Step::Start).result == "recorded");
    const QString uuid = rig.recorder.currentSession().uuid;
    rig.clock.advance(5'000);
    REQUIRE(rig.ask(Journal::Step::UndoStart, Origin::Undo).result == "recorded");
    CHECK(rig.recorder.state() == SessionRecorder::State::Idle);
    std::optional<Session> gone;
    REQUIRE(rig.store.loadSession(uuid, gone));
    CHECK_FALSE(gone);
    const QList<ChangeRecord> log = changeLog(rig.store);
    REQUIRE(log.size() == 2);
    CHECK(log[1].command == "undo_start");
    CHECK(log[1].sessionUuid == uuid);

    // With a let-down in it, taking the start back would lose the let-down: refused, kept.
    REQUIRE(rig.ask(Journal::Step::Start).result == "recorded");
    rig.clock.advance(40'000);
    REQUIRE(rig.ask(Journal::Step::Letdown).result == "recorded");
    const Journal::Outcome refused = rig.ask(Journal::Step::UndoStart, Origin::Undo);
    CHECK(refused.result == "refused");
    CHECK(rig.recorder.isLive());
    CHECK(changeLog(rig.store).size() == 4);
}

TEST_CASE("Journal: an import's entry is the JSON QJsonDocument writes, ids written directly or not")
{
    const auto throughQt = [](const QList<Session> &sessions, const QList<SpontaneousLetdown> &felt) {
        QJsonArray uuids;
        for (const Session &session : sessions)
            uuids.append(session.uuid);
        QJsonArray rows;
        for (const SpontaneousLetdown &letdown : felt)
            rows.append(QJsonObject {{"at_utc_ms", letdown.atUtcMs}, {"utc_offset_s", letdown.utcOffsetS}});
        return QJsonDocument(QJsonObject {{"imported_sessions", uuids}, {"spontaneous_letdowns", rows}})
            .toJson(QJsonDocument::Compact);
    };
    const auto withIds = [](const QStringList &ids) {
        QList<Session> sessions;
        for (const QString &id : ids) {
            Session session;
            session.uuid = id;
            sessions << session;
        }
        return sessions;
    };
    const QList<SpontaneousLetdown> felt {
        {0, 1'795'000'000'123, 3600}, {0, -5, -34'200}, {0, std::numeric_limits<qint64>::max() / 2, 50'400}};
    const QList<QList<Session>> cases {{},
        withIds({"6f1c9a4e-1111-4f5e-9c11-000000000001", "6F1C9A4E-2222-4F5E-9C11-000000000002"}),
        // Ids that need escaping (never made by Letdown): the same JSON through Qt.
        withIds({"6f1c9a4e-1111-4f5e-9c11-000000000001", "quote\" back\\ é ☕ \n"})};
    for (const QList<Session> &sessions : cases) {
        CHECK(importEntryJson(sessions, {}) == throughQt(sessions, {}));
        CHECK(importEntryJson(sessions, felt) == throughQt(sessions, felt));
    }
    CHECK(importEntryJson(cases[1], felt).startsWith("{\"imported_sessions\":[\"6f1c9a4e-1111"));
}

TEST_CASE("Journal: a let-down's change-log entry is written as Qt writes it, whatever its figures")
{
    QList<Letdown> letdowns;
    for (const Side side : {Side::Left, Side::Right, Side::Both})
        for (const std::optional<double> volume : {std::optional<double>(), std::optional(0.0), std::optional(12.5),
                 std::optional(1.0 / 3.0), std::optional(250.0), std::optional(1e-7)}) {
            Letdown letdown;
            letdown.atUtcMs = 1'795'000'000'123 + letdowns.size();
            letdown.utcOffsetS = letdowns.size() % 2 ? -34'200 : 3600;
            letdown.offsetMs = 95'250 * qint64(letdowns.size());
            letdown.side = side;
            letdown.measuredVolumeMl = volume;
            letdowns << letdown;
        }
    for (const Letdown &letdown : letdowns) {
        const QByteArray direct = letdownEntryJson(letdown);
        INFO(direct.constData());
        CHECK(direct == compactJson({{QStringLiteral("letdown"), letdownToJson(letdown)}}));
    }
}

TEST_CASE("Journal: a live let-down writes two pages, its own row's and its change-log row's")
{
    // What a tap costs is mostly the pages its commit writes (docs/performance.md). Counted
    // from the growth of the write-ahead log, one frame per page written.
    JournalRig rig;
    REQUIRE(rig.ask(Journal::Step::Start).result == "recorded");
    const qint64 frameBytes = rig.db.scalar("PRAGMA page_size") + 24;
    const auto walBytes = [&] { return QFileInfo(rig.db.path + QStringLiteral("-wal")).size(); };
    QList<qint64> framesPerTap;
    for (int tap = 0; tap < 15; ++tap) {
        rig.clock.advance(20'000);
        const qint64 before = walBytes();
        REQUIRE(rig.ask(Journal::Step::Letdown).result == "recorded");
        const qint64 grown = walBytes() - before;
        REQUIRE(grown % frameBytes == 0);
        framesPerTap << grown / frameBytes;
    }
    std::sort(framesPerTap.begin(), framesPerTap.end());
    INFO("frames per tap, sorted: " << QDebug::toString(framesPerTap).toStdString());
    CHECK(framesPerTap[framesPerTap.size() / 2] == 2); // a page that fills now and then splits
    CHECK(rig.db.scalar("SELECT count(*) FROM ejections") == 15);
}
