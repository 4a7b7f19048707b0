// Other trackers' exports: fixtures written from those apps' documented formats, imported
// to the sessions worked out by hand.
#include "csv/SessionCsv.h"
#include "import/Importer.h"
#include "import/OtherTrackers.h"
#include "import/TrackerImport.h"
#include "stats/Insights.h"
#include "stats/WeeklyStats.h"
#include "storage/SessionStore.h"

#include "SessionFixtures.h"
#include "TestSupport.h"

namespace {
const QTimeZone kBerlin("Europe/Berlin");

ImportResult readAs(const QString &format, const QList<ImportFile> &files, std::optional<VolumeUnit> unit = {})
{
    // The plausible-date check counts from "today": a fixed one, whatever the machine's date.
    const FakeClock clock(QDateTime(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch());
    ProcessClockScope now(clock);
    QString error;
    const Importer *importer = detectImporter(files, error);
    INFO(error.toStdString());
    REQUIRE(importer);
    CHECK(importer->id() == format);
    ImportOptions options;
    options.timeZone = kBerlin;
    options.unit = unit;
    return importer->read(files, options);
}

qint64 utc(int y, int mo, int d, int h, int mi)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::UTC).toMSecsSinceEpoch();
}

const QByteArray kBabyBuddyFeeding
    = "id,child_id,child_first_name,child_last_name,start,end,type,method,amount,notes,tags\n"
      "11,1,Mia,K,2025-10-26 02:20:00,2025-10-26 02:45:00,breast milk,left breast,,\"=night, sleepy\",\n"
      "12,1,Mia,K,2025-10-26 06:00:00,2025-10-26 06:10:00,formula,bottle,90,,\n"
      "13,1,Mia,K,2025-11-03 23:50:00,2025-11-04 00:20:00,breast milk,both breasts,,,\n"
      "14,1,Mia,K,2025-11-05 12:00:00,2025-11-05 12:05:00,solid food,self fed,,,\n";
const QByteArray kBabyBuddyPumping = "id,child_id,child_first_name,child_last_name,start,end,amount,notes,tags\n"
                                     "7,1,Mia,K,2025-11-02 07:00:00,2025-11-02 07:20:00,120,,\n";
} // namespace

TEST_CASE("Local times: the autumn's repeated hour takes the summer-time offset, the spring gap does not exist")
{
    qint64 ms = 0;
    int offset = 0;
    bool repeated = false;
    REQUIRE(TrackerImport::localToInstant({2025, 10, 26}, {2, 30}, kBerlin, ms, offset, repeated));
    CHECK(repeated);
    CHECK(offset == 7200);
    CHECK(ms == utc(2025, 10, 26, 0, 30));
    REQUIRE(TrackerImport::localToInstant({2025, 10, 26}, {3, 30}, kBerlin, ms, offset, repeated));
    CHECK_FALSE(repeated);
    CHECK(offset == 3600);
    CHECK_FALSE(TrackerImport::localToInstant({2025, 3, 30}, {2, 30}, kBerlin, ms, offset, repeated));
    REQUIRE(TrackerImport::localToInstant({2025, 3, 30}, {3, 0}, kBerlin, ms, offset, repeated));
    CHECK(offset == 7200);
    REQUIRE(TrackerImport::localToInstant({2025, 7, 1}, {12, 0}, QTimeZone("America/New_York"), ms, offset, repeated));
    CHECK(ms == utc(2025, 7, 1, 16, 0));
}

TEST_CASE("Amounts: units in the text, or the one she names, never guessed")
{
    std::optional<double> ml;
    CHECK(TrackerImport::parseAmountMl("2.5oz", std::nullopt, ml));
    CHECK(*ml == Approx(73.93375));
    CHECK(TrackerImport::parseAmountMl("80 ml", std::nullopt, ml));
    CHECK(*ml == 80);
    CHECK(TrackerImport::parseAmountMl("4,0oz", std::nullopt, ml));
    CHECK(*ml == Approx(118.294));
    CHECK_FALSE(TrackerImport::parseAmountMl("120", std::nullopt, ml)); // no unit, none named
    CHECK(TrackerImport::parseAmountMl("120", VolumeUnit::Ml, ml));
    CHECK(TrackerImport::parseAmountMl("", std::nullopt, ml));
    CHECK_FALSE(ml);
    CHECK_FALSE(TrackerImport::parseAmountMl("lots", VolumeUnit::Ml, ml));
}

TEST_CASE("Baby Buddy: a bottle given with a breastfeed becomes its top-up, never a lost row")
{
    const QByteArray feeding
        = "id,child_id,child_first_name,child_last_name,start,end,type,method,amount,notes,tags\n"
          "21,1,Mia,K,2025-11-10 03:00:00,2025-11-10 03:20:00,breast milk,left breast,,,\n"
          "22,1,Mia,K,2025-11-10 03:25:00,2025-11-10 03:30:00,formula,bottle,60,,\n"
          "23,1,Mia,K,2025-11-10 03:40:00,2025-11-10 03:42:00,breast milk,bottle,20,,\n"
          "24,1,Mia,K,2025-11-10 09:00:00,2025-11-10 09:15:00,breast milk,right breast,,,\n"
          "25,1,Mia,K,2025-11-10 09:20:00,2025-11-10 09:25:00,fortified breast milk,bottle,2oz,,\n"
          "26,1,Mia,K,2025-11-10 09:30:00,2025-11-10 09:35:00,formula,bottle,,,\n"
          "27,1,Mia,K,2025-11-10 14:00:00,2025-11-10 14:10:00,formula,bottle,90,,\n";
    const ImportResult r = readAs("babybuddy", {{"feeding.csv", feeding}}, VolumeUnit::Ml);
    INFO(r.problems.join('\n').toStdString());
    REQUIRE(r.problems.isEmpty());
    REQUIRE(r.sessions.size() == 2);
    // Two bottles after the night feed: their sum, and formula where any was formula (said).
    CHECK(r.sessions[0].topupMl == 80);
    CHECK(r.sessions[0].topupKind == TopupKind::Formula);
    CHECK_THAT(r.warnings.join('\n').toStdString(), Catch::Contains("feeding.csv line 4") && Catch::Contains("formula"));
    // Ounces written in the cell are converted; fortified breast milk is breast milk.
    CHECK(*r.sessions[1].topupMl == Approx(2 * kMlPerOz));
    CHECK(r.sessions[1].topupKind == TopupKind::BreastMilk);
    // Without an amount, or with no breastfeed in the hour before: skipped, each with its reason.
    REQUIRE(r.skipped.size() == 2);
    CHECK_THAT(r.skipped[0].toStdString(), Catch::StartsWith("feeding.csv line 7: a bottle feed without an amount"));
    CHECK_THAT(r.skipped[1].toStdString(), Catch::StartsWith("feeding.csv line 8: a bottle feed with no breastfeed"));
}

TEST_CASE("Baby Buddy: breastfeeds and pumping, bottles and solids skipped, the repeated hour named")
{
    const ImportResult r
        = readAs("babybuddy", {{"feeding.csv", kBabyBuddyFeeding}, {"pumping.csv", kBabyBuddyPumping}}, VolumeUnit::Ml);
    INFO(r.problems.join('\n').toStdString());
    REQUIRE(r.problems.isEmpty());
    REQUIRE(r.sessions.size() == 3);
    const Session &night = r.sessions[0];
    CHECK(night.kind == SessionKind::Nursing);
    CHECK(night.source == "babybuddy");
    CHECK_FALSE(night.letdownsLogged);
    CHECK(night.letdowns.isEmpty());
    CHECK(night.startedAtUtcMs == utc(2025, 10, 26, 0, 20)); // 02:20 summer time, the first of two
    CHECK(night.startedUtcOffsetS == 7200);
    CHECK(night.activeMs == 25 * 60'000);
    CHECK(night.sideMs.leftMs == night.activeMs);
    CHECK(night.note == "=night, sleepy"); // kept as text; the export protects it
    const Session &midnight = r.sessions[1];
    CHECK(midnight.startedAtUtcMs == utc(2025, 11, 3, 22, 50));
    CHECK(*midnight.endedAtUtcMs == utc(2025, 11, 3, 23, 20));
    CHECK(midnight.sideMs.bothMs == 30 * 60'000);
    const Session &pumped = r.sessions[2];
    CHECK(pumped.kind == SessionKind::Pumping);
    CHECK(*pumped.pumpedVolumeMl == 120);
    REQUIRE(r.skipped.size() == 2);
    CHECK_THAT(r.skipped[0].toStdString(), Catch::StartsWith("feeding.csv line 5: not a breastfeed"));
    // A bottle hours after any breastfeed has no feed to top up (Letdown keeps no bottle-only feeds).
    CHECK_THAT(r.skipped[1].toStdString(),
        Catch::StartsWith("feeding.csv line 3: a bottle feed with no breastfeed in the hour before it (formula)"));
    REQUIRE(r.warnings.size() == 2); // start and end of line 2 in the repeated hour
    CHECK_THAT(r.warnings[0].toStdString(), Catch::Contains("feeding.csv line 2") && Catch::Contains("happened twice"));

    // Amounts without a unit need her to say which; ounces are converted.
    const ImportResult noUnit = readAs("babybuddy", {{"pumping.csv", kBabyBuddyPumping}});
    CHECK_THAT(
        noUnit.problems.join('\n').toStdString(), Catch::Contains("pumping.csv line 2: amount '120' has no unit"));
    CHECK(BabyBuddyImporter::needsUnit({{"pumping.csv", kBabyBuddyPumping}}));
    CHECK(BabyBuddyImporter::needsUnit({{"feeding.csv", kBabyBuddyFeeding}})); // its bottle's 90
    QByteArray breastfeedsOnly = kBabyBuddyFeeding;
    breastfeedsOnly.replace("formula,bottle,90", "breast milk,left breast,");
    CHECK_FALSE(BabyBuddyImporter::needsUnit({{"feeding.csv", breastfeedsOnly}}));
    // Ounces are converted; 120 oz would be an absurd session and is refused with its line.
    const ImportResult absurd = readAs("babybuddy", {{"pumping.csv", kBabyBuddyPumping}}, VolumeUnit::Oz);
    CHECK(absurd.sessions.isEmpty());
    CHECK_THAT(absurd.problems.join('\n').toStdString(), Catch::Contains("pumping.csv line 2"));
    QByteArray fourOunces = kBabyBuddyPumping;
    fourOunces.replace(",120,", ",4,");
    const ImportResult ounces = readAs("babybuddy", {{"pumping.csv", fourOunces}}, VolumeUnit::Oz);
    REQUIRE(ounces.sessions.size() == 1);
    CHECK(*ounces.sessions[0].pumpedVolumeMl == Approx(4 * kMlPerOz));

    // The pumping file from before 2023: one time per session.
    const ImportResult old
        = readAs("babybuddy", {{"old.csv", "child_id,amount,time\n1,95,2022-05-01 06:30:00\n"}}, VolumeUnit::Ml);
    REQUIRE(old.sessions.size() == 1);
    CHECK(old.sessions[0].activeMs == 0);
    CHECK_THAT(old.warnings.join('\n').toStdString(), Catch::Contains("duration is not known"));
}

TEST_CASE("Huckleberry: sides from the conditions, pumped amounts per breast, the spring gap a bad line")
{
    const QByteArray header = "\"Type\",\"Start\",\"End\",\"Duration\",\"Start Condition\",\"Start Location\","
                              "\"End Condition\",\"Notes\"\n";
    const QByteArray rows = "\"Feed\",\"2025-11-02 03:10\",\"2025-11-02 03:30\",\"00:20\",\"00:08R\",\"Breast\","
                            "\"00:12L\",\"\"\n"
                            "\"Feed\",\"2025-11-02 06:00\",\"2025-11-02 06:10\",\"00:10\",\"Formula\",\"Bottle\","
                            "\"80ml\",\"\"\n"
                            "\"Diaper\",\"2025-11-02 06:15\",\"\",\"\",\"\",\"\",\"\",\"wet\"\n"
                            "\"Pump\",\"2025-11-02 23:50\",\"2025-11-03 00:10\",\"00:20\",\"100ml\",\"\",\"2.5oz\","
                            "\"\"\n"
                            "\"Feed\",\"2025-11-04 09:00\",\"\",\"00:15\",\"00:15R\",\"Breast\",\"\",\"\"\n";
    const ImportResult r = readAs("huckleberry", {{"huckleberry.csv", header + rows}});
    INFO(r.problems.join('\n').toStdString());
    REQUIRE(r.problems.isEmpty());
    REQUIRE(r.sessions.size() == 3);
    const Session &feed = r.sessions[0];
    CHECK(feed.sideMs.rightMs == 8 * 60'000);
    CHECK(feed.sideMs.leftMs == 12 * 60'000);
    CHECK(feed.startedAtUtcMs == utc(2025, 11, 2, 2, 10));
    const Session &pump = r.sessions[1];
    CHECK(pump.kind == SessionKind::Pumping);
    CHECK(*pump.leftVolumeMl == 100);
    CHECK(*pump.rightVolumeMl == Approx(2.5 * kMlPerOz));
    CHECK(*pump.pumpedVolumeMl == Approx(100 + 2.5 * kMlPerOz));
    CHECK(*pump.endedAtUtcMs == utc(2025, 11, 2, 23, 10)); // across midnight
    const Session &noEnd = r.sessions[2];
    CHECK(noEnd.activeMs == 15 * 60'000);
    CHECK(noEnd.side == Side::Right);
    CHECK(r.skipped.size() == 2);

    const QByteArray gap
        = "\"Feed\",\"2025-03-30 02:30\",\"2025-03-30 03:10\",\"00:10\",\"00:10R\",\"Breast\",\"\",\"\"\n";
    const ImportResult bad = readAs("huckleberry", {{"h.csv", header + rows + gap}});
    CHECK_THAT(bad.problems.join('\n').toStdString(),
        Catch::Contains("h.csv line 7: Start 2025-03-30 02:30 does not exist in Europe/Berlin"));
}

TEST_CASE("Baby Tracker: month/day/year times, minutes per side, ounces from the header, a trailing comma")
{
    const QByteArray nursing
        = "Baby,Time,Start Side,Left duration (min),Right duration (min),Total Duration (min),Note\n"
          "Mia,\"4/29/25, 09:29\",Left,12,8,20,\"fussy\",\n"
          "Mia,\"4/29/25, 23:55\",Right,,10,10,\n";
    const QByteArray pump = "Time,Start Side,Left duration (min),Right duration (min),Total Duration (min),"
                            "Left amount (oz.),Right amount (oz.),Total amount (oz.),Note\n"
                            "\"4/30/25, 07:00\",Left,15,15,15,2.5,3,5.5,\n";
    const ImportResult r = readAs("babytracker", {{"nursing.csv", nursing}, {"pump.csv", pump}});
    INFO(r.problems.join('\n').toStdString());
    REQUIRE(r.problems.isEmpty());
    REQUIRE(r.sessions.size() == 3);
    CHECK(r.sessions[0].startedAtUtcMs == utc(2025, 4, 29, 7, 29));
    CHECK(r.sessions[0].activeMs == 20 * 60'000);
    CHECK(r.sessions[0].sideMs.leftMs == 12 * 60'000);
    CHECK(r.sessions[0].note == "fussy");
    CHECK(*r.sessions[1].endedAtUtcMs == utc(2025, 4, 29, 22, 5)); // across midnight
    CHECK(r.sessions[1].side == Side::Right);
    const Session &pumped = r.sessions[2];
    CHECK(*pumped.leftVolumeMl == Approx(2.5 * kMlPerOz));
    CHECK(*pumped.pumpedVolumeMl == Approx(5.5 * kMlPerOz));
    // Sides that add up to more than the session (30 minutes in 15) are scaled to fit.
    CHECK(pumped.sideMs.leftMs + pumped.sideMs.rightMs == pumped.activeMs);
}

TEST_CASE("Imports are stable: the same file twice adds nothing, and imported sessions are 'not logged' in statistics")
{
    TempDatabase db;
    SessionStore store(db.database);
    const ImportResult r = readAs("babybuddy", {{"feeding.csv", kBabyBuddyFeeding}}, VolumeUnit::Ml);
    int added = 0, skipped = 0, letdowns = 0, withoutFeed = 0;
    REQUIRE(store.importSessions(r.sessions, {}, added, skipped, letdowns, withoutFeed));
    CHECK(added == 2);
    const ImportResult again = readAs("babybuddy", {{"feeding.csv", kBabyBuddyFeeding}}, VolumeUnit::Ml);
    REQUIRE(store.importSessions(again.sessions, {}, added, skipped, letdowns, withoutFeed));
    CHECK(added == 0);
    CHECK(skipped == 2);

    QList<Session> stored;
    REQUIRE(store.loadSessionsStartedBetween(0, std::numeric_limits<qint64>::max(), stored));
    const TrendStats stats = computeTrendStats(stored, ReferenceModel {}, KindFilter::Both, {});
    int sessions = 0;
    for (const WeekStats &week : stats.weeks) {
        sessions += week.sessions;
        CHECK_FALSE(week.meanLetdownsNursing); // not logged: null, never 0
        CHECK_FALSE(week.medianFirstLetdownS);
    }
    CHECK(sessions == 2);
    CHECK(stats.volumeByOrder.isEmpty());
    const Insights insights = computeInsights(stored, ReferenceModel {}, {}, QDate(2025, 12, 1));
    CHECK(insights.sessions == 0);
    CHECK_FALSE(insights.literature.meanLetdownsNursing);

    // An imported session overlapping one she logged in Letdown is named; both are kept.
    Session own = finishedSession(SessionKind::Nursing, QDateTime(QDate(2025, 11, 4), QTime(0, 0), kBerlin), {60});
    CHECK(overlapWarnings(r.sessions, {own}).size() == 1);
    CHECK(overlapWarnings(r.sessions, {}).isEmpty());
}

TEST_CASE("A night feed across the autumn clock change imports: each end takes the offset that makes it valid and "
          "shortest")
{
    // 02:40 summer time (00:40 UTC) to 02:10 winter time (01:10 UTC): thirty minutes, read
    // as written in Baby Buddy, where the clock shows the same hour twice.
    const QByteArray feeding = "id,child_id,child_first_name,child_last_name,start,end,type,method,amount,notes,tags\n"
                               "21,1,Mia,K,2025-10-26 02:40:00,2025-10-26 02:10:00,breast milk,left breast,,,\n"
                               "22,1,Mia,K,2025-10-26 02:50:00,2025-10-26 03:20:00,breast milk,right breast,,,\n";
    const ImportResult r = readAs("babybuddy", {{"feeding.csv", feeding}});
    INFO(r.problems.join('\n').toStdString());
    REQUIRE(r.problems.isEmpty());
    REQUIRE(r.sessions.size() == 2);
    const Session &acrossChange = r.sessions[0];
    CHECK(acrossChange.startedAtUtcMs == utc(2025, 10, 26, 0, 40));
    CHECK(acrossChange.startedUtcOffsetS == 7200);
    CHECK(*acrossChange.endedAtUtcMs == utc(2025, 10, 26, 1, 10));
    CHECK(acrossChange.endedUtcOffsetS == 3600);
    CHECK(acrossChange.activeMs == 30 * 60'000);
    // 02:50 to 03:20: the shortest valid reading is 02:50 winter time (01:50 UTC), 30 minutes.
    const Session &afterChange = r.sessions[1];
    CHECK(afterChange.startedAtUtcMs == utc(2025, 10, 26, 1, 50));
    CHECK(afterChange.activeMs == 30 * 60'000);
    CHECK_THAT(r.warnings.join('\n').toStdString(), Catch::Contains("line 2: end 2025-10-26 02:10:00 happened twice")
                                                       && Catch::Contains("second, winter-time"));
}

TEST_CASE("Rows skipped on purpose are counted by reason, only the first thousand are listed")
{
    QByteArray file = "\"Type\",\"Start\",\"End\",\"Duration\",\"Start Condition\",\"Start Location\","
                      "\"End Condition\",\"Notes\"\n";
    file += QByteArray("\"Diaper\",\"2025-11-02 06:15\",\"\",\"\",\"\",\"\",\"\",\"wet\"\n").repeated(2500);
    const ImportResult r = readAs("huckleberry", {{"huckleberry.csv", file}});
    CHECK(r.skipped.size() == ImportResult::kMaxListedSkips);
    CHECK(r.skippedCount() == 2500);
    CHECK(r.skippedByReason.size() == 1);
    const QString summary = importSummary(*importerWithId("huckleberry"), r, ImportOptions {});
    CHECK(summary.contains("2500 rows skipped: 2500 ×"));
}
