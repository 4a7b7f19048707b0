#include "model/VolumeModel.h"
#include "model/FittedVolumeModel.h"
#include "stats/KeptStatistics.h"
#include "stats/StatsJson.h"
#include "stats/Summary.h"
#include "stats/TrendQuery.h"
#include "stats/VolumeEstimate.h"
#include "stats/WeeklyStats.h"

#include "SessionFixtures.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {
// The hand-worked fixture (see the comments for each figure; r = 0.6, first = 30 ml).
struct MixedWeeks {
    Session a = finishedSession(SessionKind::Nursing, berlin(2026, 11, 16, 8, 0), {60, 300, 600});
    Session b = finishedSession(SessionKind::Nursing, berlin(2026, 11, 16, 14, 0), {120, 400});
    Session c = finishedSession(SessionKind::Pumping, berlin(2026, 11, 17, 7, 0), {90, 200, 350, 500});
    Session d = finishedSession(SessionKind::Pumping, berlin(2026, 11, 17, 19, 0), {});
    Session e = finishedSession(
        SessionKind::Nursing, berlin(2026, 12, 2, 9, 0), {30, 60, 90, 120, 150, 180, 210, 240, 270, 300, 330, 360});
    Session running = finishedSession(SessionKind::Nursing, berlin(2026, 11, 18, 9, 0), {10, 20, 30, 40});

    MixedWeeks()
    {
        b.preFeedWeightG = 4000; // test-weigh: 60 g = 60 ml
        b.postFeedWeightG = 4060;
        c.pumpedVolumeMl = 100;
        running.state = SessionState::Running; // unfinished sessions never count
        running.endedAtUtcMs.reset();
    }
    QList<Session> all() const { return {a, b, c, d, e, running}; }
};
} // namespace

TEST_CASE("Volume model: reference curve and shares")
{
    ReferenceModel model;
    CHECK(model.referenceVolumeMl(1) == Approx(30));
    CHECK(model.referenceVolumeMl(2) == Approx(18));
    CHECK(model.referenceVolumeMl(4) == Approx(6.48));
    // Four let-downs: 1 / (1 + .6 + .36 + .216) = 45.96 % in the first (Ramsay 2005: 41-47 %).
    CHECK(model.shareOfTotal(1, 4) == Approx(0.45956).epsilon(1e-4));
    CHECK(model.shareOfTotal(5, 4) == 0.0);
    CHECK(model.validate().isEmpty());
    model.decayR = 0;
    CHECK_FALSE(model.validate().isEmpty());
}

TEST_CASE("Volume estimate: measured total, test-weigh, reference anchor, measured let-downs")
{
    const MixedWeeks f;
    const ReferenceModel model;
    // No measurement: 30, 18, 10.8
    CHECK(estimatedLetdownVolumesMl(f.a, model) == QList<double> {30.0, 18.0, 30.0 * 0.36});
    CHECK(estimatedSessionVolumeMl(f.a, model) == Approx(58.8));
    // Test-weigh of 60 g over two let-downs: 0.625 and 0.375 of it.
    const auto b = estimatedLetdownVolumesMl(f.b, model);
    CHECK(b[0] == Approx(37.5));
    CHECK(b[1] == Approx(22.5));
    CHECK(estimatedSessionVolumeMl(f.b, model) == Approx(60));
    // Pumped 100 ml over four: weights 1, .6, .36, .216 of 2.176.
    const auto c = estimatedLetdownVolumesMl(f.c, model);
    CHECK(c[0] == Approx(45.956).epsilon(1e-4));
    CHECK(c[3] == Approx(9.926).epsilon(1e-3));
    // A measured let-down wins; the rest of the total is shared by the others' weights.
    Session measured = f.c;
    measured.letdowns[0].measuredVolumeMl = 70;
    const auto m = estimatedLetdownVolumesMl(measured, model);
    CHECK(m[0] == 70);
    CHECK(m[1] == Approx(30 * 0.6 / 1.176));
    CHECK(m[1] + m[2] + m[3] == Approx(30));
    // No let-downs and no measure: unknown, not 0 ml.
    CHECK_FALSE(estimatedSessionVolumeMl(f.d, model));
}

TEST_CASE("A session with nothing measured and no let-down is unknown, never 0 ml, in the weekly estimate")
{
    Session pumped = finishedSession(SessionKind::Pumping, berlin(2026, 11, 16, 8, 0), {60});
    pumped.pumpedVolumeMl = 100;
    const Session unknown = finishedSession(SessionKind::Nursing, berlin(2026, 11, 17, 8, 0), {});
    const TrendStats stats = computeTrendStats({pumped, unknown}, ReferenceModel {}, KindFilter::Both, {});
    REQUIRE(stats.weeks.size() == 1);
    CHECK(stats.weeks[0].sessions == 2);
    CHECK(*stats.weeks[0].estimatedMlPerDay == Approx(100)); // not (100 + 0) / 2
    CHECK(stats.weeks[0].daysWithSessions == 1);
    CHECK(stats.weeks[0].sessionsWithoutEstimate == 1);
    const PeriodSummary summary = summarize({pumped, unknown}, ReferenceModel {});
    CHECK(*summary.estimatedMlPerDay == Approx(100));
    CHECK(summary.sessionsWithoutEstimate == 1);
}

TEST_CASE("Weekly stats on a hand-worked fixture, both kinds")
{
    const MixedWeeks f;
    const TrendStats stats = computeTrendStats(f.all(), ReferenceModel {}, KindFilter::Both, {});
    CHECK(stats.sessions == 5);
    REQUIRE(stats.weeks.size() == 3); // W47, W48 (empty), W49
    const WeekStats &w47 = stats.weeks[0];
    CHECK(w47.week.label() == "2026-W47");
    CHECK(w47.week.monday == QDate(2026, 11, 16));
    CHECK(w47.sessions == 4);
    CHECK(w47.nursingSessions == 2);
    CHECK(w47.pumpingSessions == 2);
    CHECK(w47.meanLetdownsNursing == Approx(2.5));
    CHECK(w47.meanLetdownsPumping == Approx(2.0));
    CHECK(w47.medianFirstLetdownS == Approx(90)); // of 60, 120, 90
    CHECK(w47.sessionsWithLetdown == 3);
    CHECK(w47.daysWithSessions == 2);
    CHECK(*w47.estimatedMlPerDay == Approx((58.8 + 60 + 100) / 2)); // Mon 118.8, Tue 100
    CHECK(w47.sessionsWithoutEstimate == 1); // Tuesday evening: nothing measured, no let-down
    REQUIRE(w47.meanEstimatedMlByOrder.size() == 4);
    CHECK(w47.meanEstimatedMlByOrder[0] == Approx((30 + 37.5 + 45.956) / 3).epsilon(1e-4));
    CHECK(w47.meanEstimatedMlByOrder[2] == Approx((10.8 + 16.544) / 2).epsilon(1e-4));
    CHECK(w47.sessionsByOrder == QList<int> {3, 3, 2, 1});
    CHECK_FALSE(w47.baselineLetdownsNursing);

    const WeekStats &w48 = stats.weeks[1];
    CHECK(w48.week.label() == "2026-W48");
    CHECK_FALSE(w48.hasData());
    CHECK_FALSE(w48.meanLetdownsNursing);
    CHECK_FALSE(w48.medianFirstLetdownS);
    CHECK_FALSE(w48.estimatedMlPerDay);
    CHECK(w48.baselineLetdownsNursing == Approx(2.5)); // her own yardstick carries on

    const WeekStats &w49 = stats.weeks[2];
    CHECK(w49.meanLetdownsNursing == Approx(12)); // the most the literature records
    CHECK_FALSE(w49.meanLetdownsPumping);
    CHECK(w49.baselineLetdownsNursing == Approx(2.5));
    CHECK(w49.baselineLetdownsPumping == Approx(2.0));
    CHECK(w49.meanEstimatedMlByOrder.size() == 12);
    CHECK(w49.meanEstimatedMlByOrder[11] == Approx(30 * std::pow(0.6, 11)));

    REQUIRE(stats.volumeByOrder.size() == 12);
    CHECK(stats.volumeByOrder[0].sessions == 4);
    CHECK(stats.volumeByOrder[0].meanEstimatedMl == Approx((30 + 37.5 + 45.956 + 30) / 4).epsilon(1e-4));
    CHECK(stats.volumeByOrder[1].referenceMl == Approx(18));
}

TEST_CASE("Weekly stats filtered to one kind")
{
    const MixedWeeks f;
    const TrendStats nursing = computeTrendStats(f.all(), ReferenceModel {}, KindFilter::Nursing, {});
    CHECK(nursing.weeks[0].sessions == 2);
    CHECK(nursing.weeks[0].pumpingSessions == 0);
    CHECK(nursing.weeks[0].medianFirstLetdownS == Approx(90)); // of 60 and 120
    CHECK(*nursing.weeks[0].estimatedMlPerDay == Approx(118.8)); // Monday only
    const TrendStats pumping = computeTrendStats(f.all(), ReferenceModel {}, KindFilter::Pumping, {});
    REQUIRE(pumping.weeks.size() == 1);
    CHECK(pumping.weeks[0].meanLetdownsPumping == Approx(2.0));
    CHECK(*pumping.weeks[0].estimatedMlPerDay == Approx(100));
}

TEST_CASE("Weekly stats: a range keeps empty weeks and takes the baseline from before it")
{
    const MixedWeeks f;
    const TrendStats stats
        = computeTrendStats(f.all(), ReferenceModel {}, KindFilter::Both, {QDate(2026, 11, 23), QDate(2026, 12, 20)});
    REQUIRE(stats.weeks.size() == 4); // W48 .. W51
    CHECK(stats.weeks[0].week.label() == "2026-W48");
    CHECK(stats.weeks[3].week.label() == "2026-W51");
    CHECK(stats.sessions == 1);
    CHECK(stats.weeks[1].baselineLetdownsNursing == Approx(2.5)); // from W47, before the range
    CHECK_FALSE(stats.weeks[3].hasData());

    // A range that cuts a week in two counts only its days in the range.
    const TrendStats cut
        = computeTrendStats(f.all(), ReferenceModel {}, KindFilter::Both, {QDate(2026, 11, 17), QDate(2026, 11, 22)});
    REQUIRE(cut.weeks.size() == 1);
    CHECK(cut.weeks[0].sessions == 2); // Tuesday's two pumping sessions
    CHECK(cut.weeks[0].nursingSessions == 0);

    CHECK(computeTrendStats({}, ReferenceModel {}, KindFilter::Both, {}).weeks.isEmpty());
}

TEST_CASE("ISO weeks follow her local time across daylight-saving changes and year ends")
{
    const ReferenceModel model;
    SECTION("Europe/Berlin, spring forward on Sunday 2026-03-29")
    {
        const Session beforeChange = finishedSession(SessionKind::Nursing, berlin(2026, 3, 29, 1, 30), {60});
        const Session sundayLate = finishedSession(SessionKind::Nursing, berlin(2026, 3, 29, 23, 50), {60});
        const Session mondayEarly = finishedSession(SessionKind::Nursing, berlin(2026, 3, 30, 0, 10), {60, 120});
        CHECK(beforeChange.startedUtcOffsetS == 3600);
        CHECK(sundayLate.startedUtcOffsetS == 7200);
        const TrendStats stats
            = computeTrendStats({beforeChange, sundayLate, mondayEarly}, model, KindFilter::Both, {});
        REQUIRE(stats.weeks.size() == 2);
        CHECK(stats.weeks[0].week.label() == "2026-W13");
        CHECK(stats.weeks[0].sessions == 2); // in UTC, Monday 00:10 would still be Sunday
        CHECK(stats.weeks[0].daysWithSessions == 1);
        CHECK(stats.weeks[1].week.label() == "2026-W14");
        CHECK(stats.weeks[1].meanLetdownsNursing == Approx(2));
    }
    SECTION("America/New_York, fall back on Sunday 2026-11-01")
    {
        // 23:50 on Sunday is 04:50 on Monday in UTC; it belongs to Sunday's week and day.
        const Session sundayLate = finishedSession(SessionKind::Pumping, newYork(2026, 11, 1, 23, 50), {100}, 3600);
        const Session mondayEarly = finishedSession(SessionKind::Pumping, newYork(2026, 11, 2, 0, 30), {50});
        CHECK(sundayLate.startedUtcOffsetS == -5 * 3600);
        const TrendStats stats = computeTrendStats({sundayLate, mondayEarly}, model, KindFilter::Both, {});
        REQUIRE(stats.weeks.size() == 2);
        CHECK(stats.weeks[0].week.label() == "2026-W44");
        CHECK(stats.weeks[0].medianFirstLetdownS == Approx(100));
        CHECK(stats.weeks[1].week.label() == "2026-W45");
        CHECK(stats.weeks[1].medianFirstLetdownS == Approx(50));
    }
    SECTION("Year end: Sunday 2027-01-03 is in 2026-W53")
    {
        const Session s = finishedSession(SessionKind::Nursing, berlin(2027, 1, 3, 23, 50), {60});
        const Session t = finishedSession(SessionKind::Nursing, berlin(2027, 1, 4, 0, 5), {60});
        const TrendStats stats = computeTrendStats({s, t}, model, KindFilter::Both, {});
        REQUIRE(stats.weeks.size() == 2);
        CHECK(stats.weeks[0].week.label() == "2026-W53");
        CHECK(stats.weeks[0].week.monday == QDate(2026, 12, 28));
        CHECK(stats.weeks[1].week.label() == "2027-W01");
    }
}

TEST_CASE("Median of an even and an odd count")
{
    CHECK(median({3, 1, 2}) == 2);
    CHECK(median({4, 1, 3, 2}) == 2.5);
}

TEST_CASE("Stats JSON has the documented shape, with null where there is no data")
{
    const MixedWeeks f;
    const ReferenceModel model;
    const QJsonObject json = trendStatsToJson(computeTrendStats(f.all(), model, KindFilter::Both, {}), model);
    // Through text and back, as a script would read it.
    const QJsonObject parsed = QJsonDocument::fromJson(QJsonDocument(json).toJson()).object();
    const QJsonArray weeks = parsed.value("weeks").toArray();
    REQUIRE(weeks.size() == 3);
    const QJsonObject w47 = weeks[0].toObject();
    CHECK(w47.value("week").toString() == "2026-W47");
    CHECK(w47.value("sessions").toInt() == 4);
    CHECK(w47.value("nursing_sessions").toInt() == 2);
    CHECK(w47.value("pumping_sessions").toInt() == 2);
    CHECK(w47.value("mean_letdowns_nursing").toDouble() == Approx(2.5));
    CHECK(w47.value("median_first_letdown_s").toDouble() == Approx(90));
    CHECK(w47.value("estimated_ml_per_day").toDouble() == Approx(109.4));
    CHECK(w47.value("mean_estimated_ml_by_order").toArray().size() == 4);
    const QJsonObject w48 = weeks[1].toObject();
    CHECK(w48.value("mean_letdowns_nursing").isNull());
    CHECK(w48.value("median_first_letdown_s").isNull());
    CHECK(w48.value("estimated_ml_per_day").isNull());
    CHECK(w48.value("mean_estimated_ml_by_order").isNull());
    const QJsonObject reference = parsed.value("reference").toObject();
    CHECK(reference.value("mean_letdowns_per_breastfeed").toDouble() == 2.5);
    CHECK(reference.value("most_letdowns_recorded").toInt() == 12);
    CHECK(reference.value("first_letdown_ml").toDouble() == 30);
    CHECK(reference.value("largest_recorded_letdown_ml").toDouble() == 140);
    CHECK(reference.value("decay_r").toDouble() == 0.6);
    CHECK(reference.value("citations").toArray().size() >= 4);
}

TEST_CASE("Volume model: the literature's curve through the model interface")
{
    ReferenceModel figures;
    figures.firstLetdownMl = 40;
    figures.decayR = 0.5;
    const LiteratureVolumeModel model(figures);
    const VolumeModel &anyModel = model;
    CHECK(anyModel.id() == "reference");
    CHECK(anyModel.volumeOfOrderMl(1) == Approx(40));
    CHECK(anyModel.volumeOfOrderMl(3) == Approx(10));
    CHECK_FALSE(anyModel.decayInterval());
    const ReferenceModel applied = anyModel.applyTo(ReferenceModel {});
    CHECK(applied.firstLetdownMl == 40);
    CHECK(applied.decayR == 0.5);
    CHECK(applied.meanLetdownsPerBreastfeed == 2.5); // the other published figures stay
}

TEST_CASE("Let-downs without a feed are found by the local date she saw, like sessions")
{
    TempDatabase db;
    SessionStore store(db.database);
    const auto at = [](const char *iso) { return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate); };
    qint64 id = 0;
    // 23:30 and 00:30 in summer time (UTC+2): two local days, whatever this computer's zone.
    REQUIRE(store.addSpontaneousLetdown(at("2026-10-10T23:30:00+02:00").toMSecsSinceEpoch(), 7200, id));
    REQUIRE(store.addSpontaneousLetdown(at("2026-10-11T00:30:00+02:00").toMSecsSinceEpoch(), 7200, id));
    QList<SessionStore::SpontaneousLetdown> felt;
    QString error;
    REQUIRE(loadSpontaneousLetdownsInRange(store, {QDate(2026, 10, 10), QDate(2026, 10, 10)}, felt, error));
    REQUIRE(felt.size() == 1);
    CHECK(felt.first().atUtcMs == at("2026-10-10T23:30:00+02:00").toMSecsSinceEpoch());
    REQUIRE(loadSpontaneousLetdownsInRange(store, {QDate(2026, 10, 11), std::nullopt}, felt, error));
    CHECK(felt.size() == 1);
    REQUIRE(loadSpontaneousLetdownsInRange(store, {}, felt, error));
    CHECK(felt.size() == 2);
}

TEST_CASE("Kept statistics: read back exactly as written; another layout or damaged bytes are refused")
{
    SessionDerivedStatistics kept;
    kept.fit = fitVolumeModel(measuredSessions(knownModelSessions(5, 60, 30, 0.6)));
    REQUIRE(kept.fit);
    REQUIRE(kept.fit->fitted);
    REQUIRE(kept.fit->volumeOfOrderIntervals.size() == VolumeFit::kOrdersWithBand);
    kept.fit->needs = QStringLiteral("noch zwei Sitzungen"); // any text, as written
    kept.insightsJson = R"({"sessions":3})";
    kept.daysText = QByteArray(5000, 'd');
    kept.letdownsLeftOut = 7;

    SessionDerivedStatistics read;
    REQUIRE(SessionDerivedStatistics::fromBytes(kept.toBytes(), read));
    CHECK(read == kept);
    SessionDerivedStatistics withoutFit;
    withoutFit.daysText = "[]";
    REQUIRE(SessionDerivedStatistics::fromBytes(withoutFit.toBytes(), read));
    CHECK(read == withoutFit);
    CHECK_FALSE(read.fit);

    QByteArray otherLayout = kept.toBytes();
    otherLayout[0] = char(otherLayout[0] + 1);
    CHECK_FALSE(SessionDerivedStatistics::fromBytes(otherLayout, read));
    CHECK_FALSE(SessionDerivedStatistics::fromBytes(kept.toBytes().chopped(3), read));
    CHECK_FALSE(SessionDerivedStatistics::fromBytes({}, read));
    CHECK(read == withoutFit); // a refused read leaves what was there
}

TEST_CASE("Kept statistics: every input but the data gives another key")
{
    const StatsRange all;
    const QDate today(2026, 11, 20);
    const QByteArray key = sessionDerivedStatisticsKey(all, today, 0.6, 30, false);
    CHECK(key == sessionDerivedStatisticsKey(all, today, 0.6, 30, false));
    CHECK(key != sessionDerivedStatisticsKey(all, today.addDays(1), 0.6, 30, false));
    CHECK(key != sessionDerivedStatisticsKey(StatsRange {QDate(2026, 1, 5), std::nullopt}, today, 0.6, 30, false));
    CHECK(key != sessionDerivedStatisticsKey(StatsRange {std::nullopt, QDate(2026, 11, 1)}, today, 0.6, 30, false));
    CHECK(key != sessionDerivedStatisticsKey(all, today, 0.5, 30, false));
    CHECK(key != sessionDerivedStatisticsKey(all, today, 0.6, 31, false));
    CHECK(key != sessionDerivedStatisticsKey(all, today, 0.6, 30, true));
    // The sentences' language.
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const QByteArray german = sessionDerivedStatisticsKey(all, today, 0.6, 30, false);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    const QByteArray english = sessionDerivedStatisticsKey(all, today, 0.6, 30, false);
    QLocale::setDefault(before);
    CHECK(german != english);
}
