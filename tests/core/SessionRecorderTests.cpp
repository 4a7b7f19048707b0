#include "recorder/SessionRecorder.h"

#include "recorder/InputTimeline.h"

#include "domain/TimeFormat.h"
#include "storage/SessionStore.h"

#include "TestSupport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>

namespace {
using State = SessionRecorder::State;
constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;

struct RecorderFixture : RecorderRig {

    // What another connection (say, the next start of the app) reads from the file.
    Session onDisk(const QString &uuid)
    {
        Database other;
        REQUIRE(other.open(db.path));
        SessionStore otherStore(other);
        std::optional<Session> found;
        REQUIRE(otherStore.loadSession(uuid, found));
        REQUIRE(found);
        return *found;
    }
};
} // namespace

namespace {
Measurements weighed(double beforeG, double afterG)
{
    Measurements figures;
    figures.preFeedWeightG = beforeG;
    figures.postFeedWeightG = afterG;
    return figures;
}
} // namespace

TEST_CASE("Recorder: idle -> running <-> paused -> stopped, refusing steps that do not apply")
{
    RecorderFixture f;
    CHECK(f.recorder.state() == State::Idle);
    CHECK_FALSE(f.recorder.markLetdown());
    CHECK_FALSE(f.recorder.pause());
    CHECK_FALSE(f.recorder.stop());
    CHECK_FALSE(f.recorder.lastError().isEmpty());
    CHECK_FALSE(f.recorder.hasUnsavedChanges());

    const bool started = f.recorder.start(SessionKind::Nursing, Side::Left);
    INFO(f.recorder.lastError());
    REQUIRE(started);
    CHECK(f.recorder.state() == State::Running);
    CHECK_FALSE(f.recorder.start(SessionKind::Nursing, Side::Left));
    CHECK_FALSE(f.recorder.resume());
    REQUIRE(f.recorder.pause());
    CHECK(f.recorder.state() == State::Paused);
    CHECK_FALSE(f.recorder.pause());
    REQUIRE(f.recorder.togglePause());
    CHECK(f.recorder.state() == State::Running);
    REQUIRE(f.recorder.stop());
    CHECK(f.recorder.state() == State::Stopped);
    CHECK_FALSE(f.recorder.markLetdown());
    CHECK_FALSE(f.recorder.hasUnsavedChanges());

    // A new session can follow a finished one.
    REQUIRE(f.recorder.start(SessionKind::Pumping, Side::Both));
    CHECK(f.recorder.state() == State::Running);
    CHECK(f.recorder.currentSession().kind == SessionKind::Pumping);
}

TEST_CASE("Recorder: durations exclude paused time and let-downs carry their offset")
{
    RecorderFixture f;
    REQUIRE(f.recorder.start(SessionKind::Pumping, Side::Left));
    f.clock.advance(60 * kSecond);
    CHECK(f.recorder.activeElapsedMs() == 60 * kSecond);
    REQUIRE(f.recorder.markLetdown());
    REQUIRE(f.recorder.pause());
    f.clock.advance(30 * kSecond);
    CHECK(f.recorder.activeElapsedMs() == 60 * kSecond); // the timer stands still while paused
    REQUIRE(f.recorder.markLetdown()); // she can still mark one while paused
    REQUIRE(f.recorder.resume());
    f.clock.advance(30 * kSecond);
    REQUIRE(f.recorder.markLetdown());
    f.clock.advance(5 * kSecond);
    REQUIRE(f.recorder.stop());

    const Session s = f.recorder.currentSession();
    CHECK(s.activeMs == 95 * kSecond);
    CHECK(s.pausedMs == 30 * kSecond);
    REQUIRE(s.letdowns.size() == 3);
    CHECK(s.letdowns[0].offsetMs == 60 * kSecond);
    CHECK(s.letdowns[1].offsetMs == 60 * kSecond);
    CHECK(s.letdowns[2].offsetMs == 90 * kSecond);
    CHECK(s.letdowns[2].atUtcMs == s.startedAtUtcMs + 120 * kSecond);
    CHECK(s.endedAtUtcMs == s.startedAtUtcMs + 125 * kSecond);
    CHECK_FALSE(s.clockJumpDetected);
    CHECK(f.onDisk(s.uuid) == s);

    // The stopped session's time no longer moves.
    f.clock.advance(10 * kMinute);
    CHECK(f.recorder.activeElapsedMs() == 95 * kSecond);
}

TEST_CASE("Recorder: side switches tag let-downs and time each side")
{
    RecorderFixture f;
    REQUIRE(f.recorder.start(SessionKind::Nursing, Side::Left));
    f.clock.advance(20 * kSecond);
    REQUIRE(f.recorder.markLetdown());
    REQUIRE(f.recorder.switchSide());
    CHECK(f.recorder.currentSession().side == Side::Right);
    f.clock.advance(40 * kSecond);
    REQUIRE(f.recorder.markLetdown());
    REQUIRE(f.recorder.setSide(Side::Both));
    f.clock.advance(10 * kSecond);
    REQUIRE(f.recorder.pause());
    f.clock.advance(50 * kSecond); // paused time belongs to no side
    REQUIRE(f.recorder.resume());
    REQUIRE(f.recorder.switchSide()); // from both, S goes to left
    f.clock.advance(5 * kSecond);
    REQUIRE(f.recorder.markLetdown());
    REQUIRE(f.recorder.stop());

    const Session s = f.recorder.currentSession();
    CHECK(s.sideMs == SideDurations {25 * kSecond, 40 * kSecond, 10 * kSecond});
    REQUIRE(s.letdowns.size() == 3);
    CHECK(s.letdowns[0].side == Side::Left);
    CHECK(s.letdowns[1].side == Side::Right);
    CHECK(s.letdowns[2].side == Side::Left);
    CHECK(f.onDisk(s.uuid).sideMs == s.sideMs);
}

TEST_CASE("Recorder: a wall-clock change mid-session never makes durations negative")
{
    RecorderFixture f;
    const qint64 jumpMs = GENERATE(-3 * 60 * kMinute, 3 * 60 * kMinute);
    REQUIRE(f.recorder.start(SessionKind::Nursing, Side::Left));
    f.clock.advance(10 * kSecond);
    f.clock.jumpWall(jumpMs); // someone sets the system time back or forward
    f.clock.advance(10 * kSecond);
    REQUIRE(f.recorder.markLetdown());
    f.clock.advance(10 * kSecond);
    REQUIRE(f.recorder.stop());

    const Session s = f.recorder.currentSession();
    CHECK(s.activeMs == 30 * kSecond);
    CHECK(s.letdowns[0].offsetMs == 20 * kSecond);
    CHECK(s.clockJumpDetected);
    REQUIRE(s.endedAtUtcMs);
    CHECK(*s.endedAtUtcMs - s.startedAtUtcMs == 30 * kSecond);
    CHECK(f.onDisk(s.uuid).clockJumpDetected);
}

TEST_CASE("Recorder: a session crossing midnight and a daylight-saving change keeps its times")
{
    RecorderFixture f;
    // 23:50 local (UTC+1) on a Sunday; the offset becomes +2 at midnight UTC+1.
    const qint64 startUtcMs = QDateTime(QDate(2026, 3, 29), QTime(22, 50), Qt::UTC).toMSecsSinceEpoch();
    const qint64 changeUtcMs = startUtcMs + 10 * kMinute;
    FakeClock clock(startUtcMs);
    clock.setOffsetRule([changeUtcMs](qint64 utcMs) { return utcMs < changeUtcMs ? 3600 : 7200; });
    SessionRecorder recorder(f.store, clock);

    REQUIRE(recorder.start(SessionKind::Nursing, Side::Left));
    clock.advance(5 * kMinute);
    REQUIRE(recorder.markLetdown());
    clock.advance(10 * kMinute);
    REQUIRE(recorder.markLetdown());
    clock.advance(5 * kMinute);
    REQUIRE(recorder.stop());

    const Session s = recorder.currentSession();
    CHECK(s.activeMs == 20 * kMinute);
    CHECK(s.startedUtcOffsetS == 3600);
    CHECK(s.endedUtcOffsetS == 7200);
    CHECK(s.letdowns[0].utcOffsetS == 3600);
    CHECK(s.letdowns[1].utcOffsetS == 7200);
    CHECK(s.letdowns[1].offsetMs == 15 * kMinute);
    CHECK(storedLocalDateTime(s.startedAtUtcMs, s.startedUtcOffsetS).date() == QDate(2026, 3, 29));
    CHECK(storedLocalDateTime(*s.endedAtUtcMs, s.endedUtcOffsetS).date() == QDate(2026, 3, 30));
}

TEST_CASE("Recorder: a running session resumes after the app is killed")
{
    RecorderFixture f;
    QString uuid;
    {
        SessionRecorder first(f.store, f.clock);
        REQUIRE(first.start(SessionKind::Pumping, Side::Left, {QStringLiteral("warm_compress")}));
        f.clock.advance(2 * kMinute);
        REQUIRE(first.markLetdown());
        f.clock.advance(1 * kMinute);
        REQUIRE(first.markLetdown());
        uuid = first.currentSession().uuid;
        f.clock.advance(30 * kSecond); // time passes after the last tap, then the app dies
    }
    // Five more minutes until the app is started again; the monotonic clock starts over.
    f.clock.advance(5 * kMinute);
    f.clock.restartMonotonic(42);
    SessionRecorder second(f.store, f.clock);
    REQUIRE(second.restoreUnfinished());
    CHECK(second.state() == State::Running);
    const Session restored = second.currentSession();
    CHECK(restored.uuid == uuid);
    CHECK(restored.letdowns.size() == 2);
    CHECK(restored.techniques == QStringList {QStringLiteral("warm_compress")});
    // The timer shows the true time since the start.
    CHECK(second.activeElapsedMs() == 3 * kMinute + 30 * kSecond + 5 * kMinute);
    CHECK_FALSE(restored.clockJumpDetected);

    f.clock.advance(10 * kSecond);
    REQUIRE(second.markLetdown());
    CHECK(second.currentSession().letdowns.last().offsetMs == 8 * kMinute + 40 * kSecond);
    // A tap whose age is known (the phone kept it while the app was down, 4 minutes ago):
    // placed back at its own moment, not at the restart.
    REQUIRE(second.markLetdown(f.clock.monotonicMs() - 4 * kMinute));
    CHECK(second.lastMarkedLetdown().offsetMs == 4 * kMinute + 40 * kSecond);
    QList<qint64> offsets;
    for (const Letdown &e : second.currentSession().letdowns)
        offsets << e.offsetMs;
    CHECK(offsets == QList<qint64> {2 * kMinute, 3 * kMinute, 4 * kMinute + 40 * kSecond, 8 * kMinute + 40 * kSecond});
    REQUIRE(second.stop());
    CHECK(f.onDisk(uuid).letdowns.size() == 4);
}

TEST_CASE("Recorder: a paused session stays paused across a restart")
{
    RecorderFixture f;
    {
        SessionRecorder first(f.store, f.clock);
        REQUIRE(first.start(SessionKind::Nursing, Side::Right));
        f.clock.advance(1 * kMinute);
        REQUIRE(first.pause());
    }
    f.clock.advance(4 * kMinute);
    f.clock.restartMonotonic(0);
    SessionRecorder second(f.store, f.clock);
    REQUIRE(second.restoreUnfinished());
    CHECK(second.state() == State::Paused);
    CHECK(second.activeElapsedMs() == 1 * kMinute);
    CHECK(second.currentSession().pausedMs == 4 * kMinute);
}

TEST_CASE("Recorder: with nothing unfinished, a restart comes up idle")
{
    RecorderFixture f;
    REQUIRE(f.recorder.start(SessionKind::Nursing, Side::Left));
    REQUIRE(f.recorder.stop());
    SessionRecorder second(f.store, f.clock);
    REQUIRE(second.restoreUnfinished());
    CHECK(second.state() == State::Idle);
}

TEST_CASE("Recorder: a failed write keeps the tap, says so, and saves it on retry")
{
    RecorderFixture f;
    REQUIRE(f.recorder.start(SessionKind::Pumping, Side::Left));
    const QString uuid = f.recorder.currentSession().uuid;
    f.db.exec(QStringLiteral("CREATE TEMP TRIGGER disk_full BEFORE INSERT ON ejections"
                             " BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"));

    f.clock.advance(30 * kSecond);
    CHECK_FALSE(f.recorder.markLetdown());
    f.clock.advance(30 * kSecond);
    CHECK_FALSE(f.recorder.markLetdown());
    CHECK(f.recorder.hasUnsavedChanges());
    CHECK(f.recorder.unsavedLetdownCount() == 2);
    CHECK(f.recorder.currentSession().letdowns.size() == 2); // kept in memory, shown as unsaved
    CHECK_THAT(f.recorder.lastError().toStdString(), Catch::Contains("Not saved yet"));
    CHECK_THAT(f.recorder.lastError().toStdString(), Catch::Contains("disk is full"));
    CHECK(f.onDisk(uuid).letdowns.isEmpty());

    SECTION("an explicit retry")
    {
        CHECK_FALSE(f.recorder.retrySave()); // still failing
        f.db.exec(QStringLiteral("DROP TRIGGER disk_full"));
        REQUIRE(f.recorder.retrySave());
    }
    SECTION("the retry timer")
    {
        f.recorder.setRetryIntervalsMs(20, 20); // the app waits 2 s; the test need not
        CHECK_FALSE(f.recorder.retrySave()); // still failing: the timer starts again, at 20 ms
        f.db.exec(QStringLiteral("DROP TRIGGER disk_full"));
        REQUIRE(waitUntil([&] { return !f.recorder.hasUnsavedChanges(); }, 10'000));
    }
    CHECK(f.recorder.unsavedLetdownCount() == 0);
    CHECK(f.recorder.lastError().isEmpty());
    const Session saved = f.onDisk(uuid);
    REQUIRE(saved.letdowns.size() == 2);
    CHECK(saved.letdowns[0].offsetMs == 30 * kSecond);
    CHECK(saved.letdowns[1].offsetMs == 60 * kSecond);
}

TEST_CASE("Recorder: techniques, note and figures are saved - bad figures are refused")
{
    RecorderFixture f;
    CHECK_FALSE(f.recorder.setNote(QStringLiteral("no session yet")));
    REQUIRE(f.recorder.start(SessionKind::Nursing, Side::Left,
        {QStringLiteral("usual_spot"), QStringLiteral("not_a_technique"), QStringLiteral("breast_massage"),
            QStringLiteral("usual_spot")}));
    const QString uuid = f.recorder.currentSession().uuid;
    CHECK(f.recorder.currentSession().techniques
        == QStringList {QStringLiteral("breast_massage"), QStringLiteral("usual_spot")});
    REQUIRE(f.recorder.setTechniques({QStringLiteral("warm_compress")}));
    REQUIRE(f.recorder.setNote(QStringLiteral("baby sleepy")));
    f.clock.advance(kMinute);
    REQUIRE(f.recorder.stop());

    CHECK_FALSE(f.recorder.setMeasurements(weighed(4200.0, 4100.0)));
    CHECK_THAT(f.recorder.lastError().toStdString(), Catch::Contains("lower"));
    CHECK_FALSE(f.recorder.hasUnsavedChanges());
    REQUIRE(f.recorder.setMeasurements(weighed(4200.0, 4262.0)));
    const Session saved = f.onDisk(uuid);
    CHECK(saved.techniques == QStringList {QStringLiteral("warm_compress")});
    CHECK(saved.note == "baby sleepy");
    CHECK(saved.preFeedWeightG == 4200.0);
    CHECK(saved.postFeedWeightG == 4262.0);
    CHECK(saved.activeMs == kMinute); // editing after the stop does not move the times
}

TEST_CASE("Recorder: while another program holds the write lock, taps wait in order and none is lost")
{
    RecorderFixture f;
    f.recorder.setRetryIntervalsMs(2000, 20);
    REQUIRE(f.recorder.start(SessionKind::Pumping, Side::Left));
    const QString uuid = f.recorder.currentSession().uuid;
    const qint64 startedAt = f.clock.monotonicMs();

    // Another program (an import, say) takes the write lock and keeps it.
    OtherProgramConnection hold(f.db.path);
    REQUIRE(hold.exec(QStringLiteral("BEGIN IMMEDIATE")));

    // Twenty presses 1.2 s apart; the last five were handled late (a busy moment), but carry
    // the moments they were pressed.
    QElapsedTimer longestTap;
    qint64 longestTapMs = 0;
    QList<qint64> pressedAtOffsetMs;
    for (int i = 0; i < 20; ++i) {
        f.clock.advance(1200);
        const qint64 pressedAt = f.clock.monotonicMs();
        pressedAtOffsetMs << pressedAt - startedAt;
        if (i >= 15)
            f.clock.advance(50); // handled 50 ms after the press
        longestTap.start();
        CHECK_FALSE(f.recorder.markLetdown(pressedAt)); // kept, not saved yet
        longestTapMs = std::max(longestTapMs, longestTap.elapsed());
        CHECK(f.recorder.isWaitingForLock());
    }
    // Never waited for the lock (SQLite would wait 5 s per tap by default).
    CHECK(longestTapMs < 1000);
    CHECK(f.recorder.unsavedLetdownCount() == 20);
    CHECK_THAT(f.recorder.lastError().toStdString(), Catch::Contains("Another program is using the data file"));

    // It lets go; the retry (every 20 ms here) saves everything, in order, at the true times.
    REQUIRE(hold.exec(QStringLiteral("ROLLBACK")));
    hold.close();
    REQUIRE(waitUntil([&] { return !f.recorder.hasUnsavedChanges(); }, 10'000));
    CHECK(f.recorder.lastError().isEmpty());
    const Session saved = f.onDisk(uuid);
    REQUIRE(saved.letdowns.size() == 20);
    for (int i = 0; i < 20; ++i) {
        INFO(i);
        CHECK(saved.letdowns[i].offsetMs == pressedAtOffsetMs[i]);
    }
}

TEST_CASE("Recorder: the double-tap rule compares the moments of the presses, not when they were handled")
{
    RecorderFixture f;
    REQUIRE(f.recorder.start(SessionKind::Nursing, Side::Left));
    f.clock.advance(10'000);
    const qint64 first = f.clock.monotonicMs();
    f.clock.advance(1500);
    const qint64 second = f.clock.monotonicMs(); // 1.5 s later: a second let-down
    f.clock.advance(3000); // both handled only now, one right after the other
    REQUIRE(f.recorder.markLetdown(first));
    REQUIRE(f.recorder.markLetdown(second));
    REQUIRE(f.recorder.currentSession().letdowns.size() == 2);
    CHECK(f.recorder.currentSession().letdowns[0].offsetMs == 10'000);
    CHECK(f.recorder.currentSession().letdowns[1].offsetMs == 11'500);
    // A real double tap, 300 ms apart, handled late: still one let-down.
    const qint64 third = f.clock.monotonicMs();
    f.clock.advance(300);
    const qint64 bounce = f.clock.monotonicMs();
    f.clock.advance(2000);
    REQUIRE(f.recorder.markLetdown(third));
    REQUIRE(f.recorder.markLetdown(bounce));
    CHECK(f.recorder.currentSession().letdowns.size() == 3);
}

TEST_CASE("Input timeline: events handled late keep the moments they were pressed")
{
    InputTimeline timeline;
    // Handled at once: the window system's clock runs 1,000,000 ms behind ours.
    CHECK(timeline.momentOf(5'000, 1'005'000) == 1'005'000);
    // A freeze: presses at 6.2 s, 7.4 s and 8.6 s are all handled at 9 s.
    CHECK(timeline.momentOf(6'200, 1'009'000) == 1'006'200);
    CHECK(timeline.momentOf(7'400, 1'009'001) == 1'007'400);
    CHECK(timeline.momentOf(8'600, 1'009'002) == 1'008'600);
    // No timestamp: now.
    CHECK(timeline.momentOf(0, 1'010'000) == 1'010'000);
    // A clock that makes an event implausibly old (a restarted X server): now, and start over.
    CHECK(timeline.momentOf(10, 1'100'000) == 1'100'000);
    CHECK(timeline.momentOf(1'010, 1'101'000) == 1'101'000);
}
