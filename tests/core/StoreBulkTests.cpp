#include "storage/SessionStore.h"

#include "SessionFixtures.h"
#include "TestSupport.h"


#include <limits>

TEST_CASE("Loading sessions by start time brings their let-downs and techniques, oldest first")
{
    TempDatabase db;
    SessionStore store(db.database);
    Session early = finishedSession(SessionKind::Nursing, berlin(2026, 11, 1, 8, 0), {60, 120});
    early.techniques = {QStringLiteral("usual_spot")};
    Session middle = finishedSession(SessionKind::Pumping, berlin(2026, 11, 2, 8, 0), {30});
    Session late = finishedSession(SessionKind::Nursing, berlin(2026, 11, 9, 8, 0), {});
    for (const Session &s : {late, early, middle})
        REQUIRE(store.saveSession(s, s.letdowns));

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

TEST_CASE(
    "A bulk import stores every let-down, moves the change count once, and leaves the triggers and foreign keys on")
{
    TempDatabase db;
    SessionStore store(db.database);
    // 30 let-downs: more than one multi-row INSERT holds (12), and not a multiple of it.
    QList<int> manyAtS;
    for (int i = 1; i <= 30; ++i)
        manyAtS << i * 20;
    Session many = finishedSession(SessionKind::Pumping, berlin(2026, 11, 3, 8, 0), manyAtS);
    many.letdowns[7].measuredVolumeMl = 12.5;
    Session one = finishedSession(SessionKind::Nursing, berlin(2026, 11, 4, 8, 0), {45});
    one.techniques = {QStringLiteral("massage"), QStringLiteral("warm_compress")};
    Session none = finishedSession(SessionKind::Nursing, berlin(2026, 11, 5, 8, 0), {});

    qint64 before = -1;
    REQUIRE(db.database.changeCount(before));
    int added = 0, skipped = 0, letdowns = 0, withoutFeed = 0;
    REQUIRE(store.importSessions({many, one, none}, {}, added, skipped, letdowns, withoutFeed));
    CHECK(added == 3);
    CHECK(skipped == 0);
    CHECK(letdowns == 31);
    qint64 afterImport = -1;
    REQUIRE(db.database.changeCount(afterImport));
    CHECK(afterImport == before + 1);

    QList<Session> loaded;
    REQUIRE(store.loadSessionsStartedBetween(0, std::numeric_limits<qint64>::max(), loaded));
    REQUIRE(loaded.size() == 3);
    CHECK(loaded[0] == many);
    CHECK(loaded[1] == one);
    CHECK(loaded[2] == none);

    // The per-row triggers are back: a session saved after the import moves the count again.
    Session later = finishedSession(SessionKind::Nursing, berlin(2026, 11, 6, 8, 0), {30});
    later.techniques = {QStringLiteral("massage")};
    REQUIRE(store.saveSession(later, later.letdowns));
    qint64 afterSave = -1;
    REQUIRE(db.database.changeCount(afterSave));
    CHECK(afterSave > afterImport);

    // Foreign keys are on again (the import turned them off for its own rows only).
    TestQuery check(db.database);
    REQUIRE(check.exec(QStringLiteral("PRAGMA foreign_keys")));
    REQUIRE(check.next());
    CHECK(check.value(0).toInt() == 1);

    // The same sessions again add nothing and do not move the count.
    REQUIRE(store.importSessions({many, one, none}, {}, added, skipped, letdowns, withoutFeed));
    CHECK(added == 0);
    CHECK(skipped == 3);
    qint64 afterAgain = -1;
    REQUIRE(db.database.changeCount(afterAgain));
    CHECK(afterAgain == afterSave);
}
