#include "stats/DayFigures.h"

#include "SessionFixtures.h"
#include "TestSupport.h"

#include <QJsonObject>


TEST_CASE("Day figures: a hand-worked weekend with a 5 h 10 min gap, a night feed, a top-up, midnight and DST")
{
    const QList<DayFigures> days = dayFigures(consultantWeekend(), ReferenceModel {}, StatsRange {});
    REQUIRE(days.size() == 2);

    const DayFigures &saturday = days[0];
    CHECK(saturday.date == QDate(2026, 10, 24));
    CHECK(saturday.nursingSessions == 4); // the feed across midnight counts on the day it began
    CHECK(saturday.pumpingSessions == 1);
    CHECK(saturday.nightSessions == 0);
    CHECK(saturday.longestGapS == 5 * 3600 + 10 * 60);
    CHECK(saturday.leftS == 720 + 900 + 1000);
    CHECK(saturday.rightS == 480 + 900 + 800);
    CHECK(saturday.measuredMl == Approx(90 + 52));
    CHECK(saturday.pumpedLeftMl == Approx(50));
    CHECK(saturday.pumpedRightMl == Approx(40));
    REQUIRE(saturday.testWeightsG.size() == 1);
    CHECK(saturday.testWeightsG[0] == std::pair<double, double>(4000, 4052));
    REQUIRE(saturday.estimatedMl);
    CHECK(*saturday.estimatedMl == Approx(48 + 30)); // only sessions with nothing measured
    CHECK(saturday.topupMl == Approx(40));
    CHECK(saturday.topupFormulaMl == Approx(40));
    CHECK(saturday.letdowns == 2 + 1 + 3 + 0 + 1);

    const DayFigures &sunday = days[1];
    CHECK(sunday.date == QDate(2026, 10, 25));
    CHECK(sunday.nursingSessions == 1);
    CHECK(sunday.pumpingSessions == 1);
    CHECK(sunday.nightSessions == 1); // 03:00
    CHECK(sunday.longestGapS == 6 * 3600); // the 4 h 20 min before 03:00 is shorter
    CHECK(sunday.measuredMl == 0);
    CHECK(sunday.estimatedMl == Approx(30 + 30 + 18));
    CHECK(sunday.topupMl == 0);
    CHECK(sunday.letdowns == 3);

    // The first session of all has no gap; a range leaves its days out but keeps their sessions
    // as the earlier session of the next day's first.
    const QList<DayFigures> sundayOnly
        = dayFigures(consultantWeekend(), ReferenceModel {}, StatsRange {QDate(2026, 10, 25), QDate(2026, 10, 25)});
    REQUIRE(sundayOnly.size() == 1);
    CHECK(sundayOnly[0].longestGapS == 6 * 3600);
    const QList<DayFigures> alone = dayFigures({consultantWeekend().last()}, ReferenceModel {}, StatsRange {});
    REQUIRE(alone.size() == 1);
    CHECK_FALSE(alone[0].longestGapS);
}

TEST_CASE("Day figures: the gap from end to start, and the night window, when she chooses them")
{
    DayOptions options;
    options.gap = GapConvention::EndToStart;
    options.nightFromHour = 22;
    options.nightToHour = 24;
    const QList<DayFigures> days = dayFigures(consultantWeekend(), ReferenceModel {}, StatsRange {}, options);
    REQUIRE(days.size() == 2);
    CHECK(days[0].longestGapS == 5 * 3600 + 10 * 60 - 1200); // 08:20 to 13:10
    CHECK(days[0].nightSessions == 1); // 23:40
    CHECK(days[1].nightSessions == 0);
}

TEST_CASE("Day figures: the last 24 hours, the next side, and the JSON fields")
{
    const QList<Session> sessions = consultantWeekend();
    const qint64 now = berlin(2026, 10, 25, 12, 0).toMSecsSinceEpoch();
    const PeriodFigures last = lastDayFigures(sessions, ReferenceModel {}, now);
    // 24 hours back from 12:00 CET is 13:00 CEST on Saturday (the wall clock shows 23 hours): 13:10 onwards.
    CHECK(last.nursingSessions == 4);
    CHECK(last.pumpingSessions == 2);
    CHECK(last.longestGapS == 6 * 3600);
    CHECK(nextSide(sessions) == Side::Right); // the 03:00 feed ended on the left

    const QJsonArray json = dayFiguresToJson(dayFigures(sessions, ReferenceModel {}, StatsRange {}));
    REQUIRE(json.size() == 2);
    const QJsonObject saturday = json[0].toObject();
    CHECK(saturday.keys()
        == QStringList {"date", "estimated_ml", "left_s", "letdowns", "longest_gap_s", "measured_ml", "night_sessions",
            "nursing_sessions", "pumping_sessions", "right_s", "topup_ml"});
    CHECK(saturday["date"] == "2026-10-24");
    CHECK(saturday["longest_gap_s"] == 18600);
    CHECK(saturday["measured_ml"] == 142);
    CHECK(saturday["estimated_ml"] == 78);
    const QJsonObject alone = dayFiguresToJson(dayFigures({sessions.last()}, ReferenceModel {}, StatsRange {}))[0].toObject();
    CHECK(alone["longest_gap_s"].isNull());
}
