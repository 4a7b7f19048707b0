#include "storage/SessionStore.h"

#include "SessionFixtures.h"
#include "TestSupport.h"

TEST_CASE("Loading sessions by start time brings their let-downs and techniques, oldest first")
{
    TempDatabase db;
    SessionStore store(db.database);
    Session early = finishedSession(SessionKind::Nursing, berlin(2026, 11, 1, 8, 0), {60, 120});
    early.techniques = {QStringLiteral("usual_spot")};
    Session middle = finishedSession(SessionKind::Pumping, berlin(2026, 11, 2, 8, 0), {30});
    Session late = finishedSession(SessionKind::Nursing, berlin(2026, 11, 9, 8, 0), {});
    for (const Session &s : {late, early, middle})
        REQUIRE(store.saveSession(s, s.ejections));

    QList<Session> loaded;
    REQUIRE(store.loadSessionsStartedBetween(early.startedAtUtcMs, middle.startedAtUtcMs, loaded));
    REQUIRE(loaded.size() == 2);
    CHECK(loaded[0] == early);
    CHECK(loaded[1] == middle);
    REQUIRE(store.loadSessionsStartedBetween(0, std::numeric_limits<qint64>::max(), loaded));
    CHECK(loaded.size() == 3);
    CHECK(loaded[2] == late);
    REQUIRE(store.loadSessionsStartedBetween(0, 1, loaded));
    CHECK(loaded.isEmpty());
}
