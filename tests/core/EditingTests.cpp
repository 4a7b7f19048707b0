#include "domain/SessionValidation.h"
#include "recorder/SessionRecorder.h"
#include "storage/SessionStore.h"

#include "SessionFixtures.h"
#include "TestSupport.h"

TEST_CASE("Store: insert, replace and delete a whole session")
{
    TempDatabase db;
    SessionStore store(db.database);
    Session s = finishedSession(SessionKind::Nursing, berlin(2026, 11, 16, 8, 0), {60, 300});
    s.techniques = {QStringLiteral("usual_spot")};
    REQUIRE(store.insertSession(s));
    CHECK_FALSE(store.insertSession(s)); // the uuid exists
    CHECK_THAT(store.errorString().toStdString(), Catch::Contains("already exists"));

    Session edited = s;
    edited.letdowns.removeFirst();
    edited.letdowns.append(s.letdowns.first());
    edited.letdowns[1].offsetMs = 700'000;
    edited.techniques.clear();
    REQUIRE(store.replaceSession(edited));
    std::optional<Session> loaded;
    REQUIRE(store.loadSession(s.uuid, loaded));
    CHECK(loaded->letdowns.size() == 2);
    CHECK(loaded->letdowns[1].offsetMs == 700'000);
    CHECK(loaded->techniques.isEmpty());

    REQUIRE(store.deleteSession(s.uuid));
    REQUIRE(store.loadSession(s.uuid, loaded));
    CHECK_FALSE(loaded);
    CHECK(db.scalar("SELECT count(*) FROM ejections") == 0);
    CHECK(db.scalar("SELECT count(*) FROM session_techniques") == 0);
}

TEST_CASE("Store: overlapping sessions of the same kind are found")
{
    TempDatabase db;
    SessionStore store(db.database);
    const Session nursing = finishedSession(SessionKind::Nursing, berlin(2026, 11, 16, 8, 0), {}, 900);
    const Session pumping = finishedSession(SessionKind::Pumping, berlin(2026, 11, 16, 8, 5), {}, 900);
    REQUIRE(store.saveSessions({nursing, pumping}));
    const qint64 at810 = berlin(2026, 11, 16, 8, 10).toMSecsSinceEpoch();
    QList<SessionSummary> found;
    REQUIRE(store.findOverlapping(SessionKind::Nursing, at810, at810 + 600'000, QString(), found));
    REQUIRE(found.size() == 1);
    CHECK(found[0].uuid == nursing.uuid);
    REQUIRE(store.findOverlapping(SessionKind::Nursing, at810, at810 + 600'000, nursing.uuid, found));
    CHECK(found.isEmpty()); // itself does not count when editing
    const qint64 at815 = berlin(2026, 11, 16, 8, 15).toMSecsSinceEpoch(); // touching, not overlapping
    REQUIRE(store.findOverlapping(SessionKind::Nursing, at815, at815 + 60'000, QString(), found));
    CHECK(found.isEmpty());
}

TEST_CASE("Validation: each rule of a hand-entered session")
{
    Session s = finishedSession(SessionKind::Nursing, berlin(2026, 11, 16, 8, 0), {60, 300}, 900);
    CHECK_FALSE(validateSession(s).hasErrors());
    CHECK(validateSession(s).confirmations.isEmpty());

    Session backwards = s;
    backwards.endedAtUtcMs = s.startedAtUtcMs - 1000;
    CHECK_THAT(validateSession(backwards).timesError.toStdString(), Catch::Contains("after the start"));
    CHECK_THAT(validateSession(s, "8:00").timesError.toStdString(), Catch::Contains("overlaps"));

    Session longOne = s;
    longOne.endedAtUtcMs = s.startedAtUtcMs + 5LL * 3600 * 1000;
    CHECK_FALSE(validateSession(longOne).hasErrors());
    CHECK_THAT(validateSession(longOne).confirmations.join(' ').toStdString(), Catch::Contains("4 hours"));

    Session outside = s;
    outside.letdowns[1].offsetMs = 901'000;
    CHECK_THAT(validateSession(outside).letdownsError.toStdString(), Catch::Contains("#2 is outside"));

    Session many = s;
    for (int i = 0; i < 11; ++i)
        many.letdowns.append(many.letdowns.last());
    CHECK(many.letdowns.size() == 13);
    CHECK_THAT(validateSession(many).confirmations.join(' ').toStdString(), Catch::Contains("12"));

    Session big = s;
    big.letdowns[0].measuredVolumeMl = 150;
    CHECK_FALSE(validateSession(big).hasErrors());
    CHECK_THAT(validateSession(big).confirmations.join(' ').toStdString(), Catch::Contains("140 ml"));
    big.letdowns[0].measuredVolumeMl = 501;
    CHECK_FALSE(validateSession(big).letdownsError.isEmpty());

    Session weights = s;
    weights.preFeedWeightG = 4200;
    weights.postFeedWeightG = 4100;
    CHECK_THAT(validateSession(weights).figuresError.toStdString(), Catch::Contains("lower"));
    Session volume = s;
    volume.kind = SessionKind::Pumping;
    volume.pumpedVolumeMl = 600;
    CHECK_FALSE(validateSession(volume).figuresError.isEmpty());
}

TEST_CASE("Recorder: a double tap within one second is one let-down")
{
    RecorderRig rig;
    auto &[db, store, clock, recorder] = rig;
    REQUIRE(recorder.start(SessionKind::Nursing, Side::Left));
    clock.advance(30'000);
    REQUIRE(recorder.markLetdown());
    clock.advance(400);
    REQUIRE(recorder.markLetdown()); // the same let-down: nothing to do, nothing wrong
    CHECK(recorder.currentSession().letdowns.size() == 1);
    clock.advance(700); // 1.1 s after the first
    REQUIRE(recorder.markLetdown());
    CHECK(recorder.currentSession().letdowns.size() == 2);
}

TEST_CASE("Recorder: a let-down can be taken back and put back, on disk too")
{
    RecorderRig rig;
    auto &[db, store, clock, recorder] = rig;
    REQUIRE(recorder.start(SessionKind::Pumping, Side::Both));
    clock.advance(30'000);
    REQUIRE(recorder.markLetdown());
    clock.advance(30'000);
    REQUIRE(recorder.markLetdown());
    const Letdown mistaken = recorder.currentSession().letdowns.first();
    REQUIRE(recorder.removeLetdown(mistaken));
    CHECK(recorder.currentSession().letdowns.size() == 1);
    CHECK(db.scalar("SELECT count(*) FROM ejections") == 1);
    CHECK_FALSE(recorder.removeLetdown(mistaken)); // already gone
    REQUIRE(recorder.restoreLetdown(mistaken));
    CHECK(recorder.currentSession().letdowns.first() == mistaken);
    CHECK(db.scalar("SELECT count(*) FROM ejections") == 2);
    // The session goes on normally afterwards.
    clock.advance(5000);
    REQUIRE(recorder.markLetdown());
    CHECK(db.scalar("SELECT count(*) FROM ejections") == 3);
}

TEST_CASE("Recorder: the finished session on screen follows edits and deletion made elsewhere")
{
    RecorderRig rig;
    auto &[db, store, clock, recorder] = rig;
    REQUIRE(recorder.start(SessionKind::Nursing, Side::Left));
    clock.advance(60'000);
    REQUIRE(recorder.stop());
    Session edited = recorder.currentSession();
    edited.note = QStringLiteral("changed in History");
    REQUIRE(store.replaceSession(edited));
    REQUIRE(recorder.reloadShownSession());
    CHECK(recorder.currentSession().note == "changed in History");
    REQUIRE(store.deleteSession(edited.uuid));
    REQUIRE(recorder.reloadShownSession());
    CHECK(recorder.state() == SessionRecorder::State::Idle);
}
