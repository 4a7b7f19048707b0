#include "storage/SessionStore.h"

#include "TestSupport.h"

#include <limits>

namespace {
Session sampleSession(const QString &uuid, qint64 startedAtUtcMs)
{
    Session s;
    s.uuid = uuid;
    s.kind = SessionKind::Pumping;
    s.state = SessionState::Stopped;
    s.startedAtUtcMs = startedAtUtcMs;
    s.startedUtcOffsetS = 3600;
    s.endedAtUtcMs = startedAtUtcMs + 900'000;
    s.endedUtcOffsetS = 7200; // a daylight-saving change during the session
    s.activeMs = 840'000;
    s.pausedMs = 60'000;
    s.lastEventAtUtcMs = *s.endedAtUtcMs;
    s.side = Side::Right;
    s.sideMs = {400'000, 300'000, 140'000};
    s.techniques = {QStringLiteral("breast_massage"), QStringLiteral("warm_compress")};
    s.note = QStringLiteral("Tired, \"good\" flow,\nsecond line; =SUM(A1)");
    s.pumpedVolumeMl = 92.5;
    s.clockJumpDetected = true;
    return s;
}

Letdown letdownAt(qint64 offsetMs, Side side)
{
    Letdown e;
    e.atUtcMs = 1'764'300'000'000 + offsetMs;
    e.utcOffsetS = 3600;
    e.offsetMs = offsetMs;
    e.side = side;
    return e;
}
} // namespace

TEST_CASE("A session with its let-downs and techniques round-trips through the store")
{
    TempDatabase db;
    SessionStore store(db.database);
    Session session = sampleSession(QStringLiteral("4a0c9a4e-1111-4f5e-9c11-000000000001"), 1'764'300'000'000);
    session.letdowns = {letdownAt(42'000, Side::Left), letdownAt(252'000, Side::Right)};
    session.letdowns[1].measuredVolumeMl = 31.0;
    REQUIRE(store.saveSession(session, session.letdowns));

    std::optional<Session> loaded;
    REQUIRE(store.loadSession(session.uuid, loaded));
    REQUIRE(loaded.has_value());
    CHECK(*loaded == session);

    // Saving again (a later step) updates the row and appends only the new let-downs.
    session.note = QStringLiteral("changed");
    session.techniques = {QStringLiteral("usual_spot")};
    const Letdown third = letdownAt(400'000, Side::Both);
    session.letdowns.append(third);
    REQUIRE(store.saveSession(session, {third}));
    REQUIRE(store.loadSession(session.uuid, loaded));
    CHECK(*loaded == session);
    CHECK(db.scalar(QStringLiteral("SELECT count(*) FROM sessions")) == 1);
    CHECK(db.scalar(QStringLiteral("SELECT count(*) FROM session_techniques")) == 1);
}

TEST_CASE("Optional figures left empty come back empty, not as zero")
{
    TempDatabase db;
    SessionStore store(db.database);
    Session session = sampleSession(QStringLiteral("u-empty"), 1000);
    session.pumpedVolumeMl.reset();
    session.endedAtUtcMs.reset();
    session.state = SessionState::Running;
    REQUIRE(store.saveSession(session, {}));
    std::optional<Session> loaded;
    REQUIRE(store.loadSession(session.uuid, loaded));
    REQUIRE(loaded);
    CHECK_FALSE(loaded->pumpedVolumeMl.has_value());
    CHECK_FALSE(loaded->preFeedWeightG.has_value());
    CHECK_FALSE(loaded->endedAtUtcMs.has_value());
}

TEST_CASE("The store finds the unfinished session, the recent ones and the last kind")
{
    TempDatabase db;
    SessionStore store(db.database);
    std::optional<Session> unfinished;
    REQUIRE(store.loadUnfinished(unfinished));
    CHECK_FALSE(unfinished);
    std::optional<SessionKind> lastKind;
    REQUIRE(store.loadLastKind(lastKind));
    CHECK_FALSE(lastKind);

    Session older = sampleSession(QStringLiteral("u-older"), 1'000'000);
    older.kind = SessionKind::Nursing;
    Session running = sampleSession(QStringLiteral("u-running"), 2'000'000);
    running.state = SessionState::Paused;
    running.endedAtUtcMs.reset();
    REQUIRE(store.saveSession(older, {letdownAt(1000, Side::Left)}));
    REQUIRE(store.saveSession(running, {letdownAt(1000, Side::Left), letdownAt(2000, Side::Left)}));

    REQUIRE(store.loadUnfinished(unfinished));
    REQUIRE(unfinished);
    CHECK(unfinished->uuid == "u-running");
    CHECK(unfinished->letdowns.size() == 2);

    QList<SessionSummary> recent;
    REQUIRE(store.loadRecentSummaries(10, recent));
    REQUIRE(recent.size() == 2);
    CHECK(recent[0].uuid == "u-running");
    CHECK(recent[0].letdownCount == 2);
    CHECK(recent[1].uuid == "u-older");
    CHECK(recent[1].letdownCount == 1);
    CHECK(recent[1].kind == SessionKind::Nursing);
    REQUIRE(store.loadRecentSummaries(1, recent));
    CHECK(recent.size() == 1);

    REQUIRE(store.loadLastKind(lastKind));
    CHECK(lastKind == SessionKind::Pumping);
}

TEST_CASE("A failed save writes nothing at all")
{
    TempDatabase db;
    SessionStore store(db.database);
    // Make the second let-down insert fail, as a full disk would half way through.
    db.exec(QStringLiteral("CREATE TEMP TRIGGER refuse_late BEFORE INSERT ON ejections WHEN NEW.offset_ms > 5000"
                           " BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END"));
    Session session = sampleSession(QStringLiteral("u-atomic"), 1000);
    CHECK_FALSE(store.saveSession(session, {letdownAt(1000, Side::Left), letdownAt(9000, Side::Left)}));
    CHECK_THAT(store.errorString().toStdString(), Catch::Contains("simulated write failure"));
    CHECK(db.scalar(QStringLiteral("SELECT count(*) FROM sessions")) == 0);
    CHECK(db.scalar(QStringLiteral("SELECT count(*) FROM ejections")) == 0);

    // The same call succeeds once the cause is gone.
    db.exec(QStringLiteral("DROP TRIGGER refuse_late"));
    CHECK(store.saveSession(session, {letdownAt(1000, Side::Left), letdownAt(9000, Side::Left)}));
    CHECK(db.scalar(QStringLiteral("SELECT count(*) FROM ejections")) == 2);
}

TEST_CASE("A read by start bounds gives the sessions inside them, whether it scans all or uses the index")
{
    // Bounds around every stored start read everything by plain scans; any other bounds go
    // through the start index. Both must give exactly the sessions inside, in storage order.
    TempDatabase db;
    SessionStore store(db.database);
    const qint64 t0 = 1'764'300'000'000;
    // Stored out of start order, with two techniques and a let-down each.
    const QList<qint64> starts = {t0 + 2'000'000, t0, t0 + 4'000'000, t0 + 1'000'000};
    for (int i = 0; i < starts.size(); ++i) {
        Session s = sampleSession(QStringLiteral("00000000-0000-4000-8000-00000000000%1").arg(i), starts[i]);
        s.letdowns = {letdownAt(60'000 * (i + 1), Side::Left)};
        REQUIRE(store.saveSession(s, s.letdowns));
    }
    const auto read = [&](qint64 fromUtcMs, qint64 toUtcMs, SessionStore::Detail detail) {
        QList<qint64> got;
        REQUIRE(store.forEachSessionStartedBetween(
            fromUtcMs, toUtcMs,
            [&](Session &&s) {
                CHECK(s.letdowns.size() == 1);
                CHECK(s.techniques.size() == 2);
                got << s.startedAtUtcMs;
            },
            detail));
        return got;
    };
    for (const auto detail : {SessionStore::Detail::Full, SessionStore::Detail::Statistics}) {
        const QList<qint64> all = starts; // storage order
        CHECK(read(t0, t0 + 4'000'000, detail) == all); // exactly the first and last start
        CHECK(read(t0 - 1, t0 + 4'000'001, detail) == all);
        CHECK(read(std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max(), detail) == all);
        CHECK(read(t0, t0 + 3'999'999, detail) == QList<qint64> {t0 + 2'000'000, t0, t0 + 1'000'000});
        CHECK(read(t0 + 1, t0 + 4'000'000, detail) == QList<qint64> {t0 + 2'000'000, t0 + 4'000'000, t0 + 1'000'000});
        CHECK(read(t0 + 1'000'000, t0 + 1'000'000, detail) == QList<qint64> {t0 + 1'000'000});
        CHECK(read(t0 + 5'000'000, t0 + 6'000'000, detail).isEmpty());
    }
}

TEST_CASE("A read from inside another read's visitor leaves the outer read whole")
{
    // The outermost read keeps its statements for the connection; one started from its
    // visitor must not reset them under it.
    TempDatabase db;
    SessionStore store(db.database);
    const qint64 t0 = 1'764'300'000'000;
    for (int i = 0; i < 5; ++i) {
        Session s = sampleSession(QStringLiteral("00000000-0000-4000-8000-00000000001%1").arg(i), t0 + i * 1'000'000);
        s.letdowns = {letdownAt(60'000, Side::Left), letdownAt(120'000 + i, Side::Right)};
        REQUIRE(store.saveSession(s, s.letdowns));
    }
    for (const auto &[fromUtcMs, toUtcMs] : {std::pair {t0, t0 + 3'999'999}, // through the start index
             std::pair {std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max()}}) { // plain scans
        const int expected = toUtcMs == t0 + 3'999'999 ? 4 : 5;
        int outer = 0;
        int outerLetdowns = 0;
        REQUIRE(store.forEachSessionStartedBetween(fromUtcMs, toUtcMs, [&](Session &&s) {
            ++outer;
            outerLetdowns += int(s.letdowns.size());
            int inner = 0;
            REQUIRE(store.forEachSessionStartedBetween(fromUtcMs, toUtcMs, [&](Session &&inside) {
                ++inner;
                CHECK(inside.letdowns.size() == 2);
            }));
            CHECK(inner == expected);
        }));
        CHECK(outer == expected);
        CHECK(outerLetdowns == 2 * expected);
        // And the next read, after both, starts from the beginning again.
        int after = 0;
        REQUIRE(store.forEachSessionStartedBetween(fromUtcMs, toUtcMs, [&](Session &&) { ++after; }));
        CHECK(after == expected);
    }
}

TEST_CASE("Session keys: read back from UTF-16, Latin-1 and UTF-8 text alike, and nothing near them")
{
    for (const SessionKind kind : {SessionKind::Nursing, SessionKind::Pumping}) {
        const QString key = toKey(kind);
        CHECK(sessionKindFromKey(key) == kind);
        CHECK(sessionKindFromKey(QLatin1String(key.toLatin1())) == kind);
        CHECK(sessionKindFromKey(QUtf8StringView(key.toUtf8())) == kind);
    }
    for (const Side side : {Side::Left, Side::Right, Side::Both}) {
        const QByteArray utf8 = toKey(side).toUtf8();
        CHECK(sideFromKey(toKey(side)) == side);
        CHECK(sideFromKey(QUtf8StringView(utf8)) == side);
    }
    for (const SessionState state : {SessionState::Running, SessionState::Paused, SessionState::Stopped})
        CHECK(sessionStateFromKey(QUtf8StringView(toKey(state).toUtf8())) == state);
    for (const TopupKind kind : {TopupKind::BreastMilk, TopupKind::Formula})
        CHECK(topupKindFromKey(QUtf8StringView(toKey(kind).toUtf8())) == kind);
    // Case, length, spaces and a same-length word with a letter outside ASCII are not keys.
    for (const QByteArray &near : {QByteArray("Left"), QByteArray("lef"), QByteArray("lefts"), QByteArray("left "),
             QByteArray(""), QByteArray("l\xc3\xa9" "ft"), QByteArray("l\xc3\xa9t")}) {
        CAPTURE(near.toStdString());
        CHECK_FALSE(sideFromKey(QUtf8StringView(near)).has_value());
        CHECK_FALSE(sideFromKey(QString::fromUtf8(near)).has_value());
    }
    CHECK_FALSE(sessionKindFromKey(u"nursinG").has_value());
    CHECK_FALSE(topupKindFromKey(QLatin1String("breast milk")).has_value());
}
