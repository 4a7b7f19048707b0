#include "model/FittedVolumeModel.h"
#include "stats/Insights.h"

#include "SessionFixtures.h"
#include "TestSupport.h"

#include <cmath>
#include <random>

TEST_CASE("Her volume curve: data from a known model are fitted back, the truth inside the intervals")
{
    constexpr double kTrueFirstMl = 32.0;
    constexpr double kTrueDecay = 0.55;
    int firstCovered = 0, decayCovered = 0;
    constexpr int kFixtures = 30;
    for (quint64 seed = 1; seed <= kFixtures; ++seed) {
        const auto fit = fitVolumeModel(measuredSessions(knownModelSessions(seed, 60, kTrueFirstMl, kTrueDecay)));
        REQUIRE(fit);
        REQUIRE(fit->fitted);
        CHECK(fit->sessions == 60);
        CHECK(fit->firstMl == Approx(kTrueFirstMl).epsilon(0.25));
        CHECK(fit->decay == Approx(kTrueDecay).epsilon(0.25));
        CHECK(fit->firstMlInterval.low <= fit->firstMl);
        CHECK(fit->firstMl <= fit->firstMlInterval.high);
        firstCovered += fit->firstMlInterval.low <= kTrueFirstMl && kTrueFirstMl <= fit->firstMlInterval.high ? 1 : 0;
        decayCovered += fit->decayInterval.low <= kTrueDecay && kTrueDecay <= fit->decayInterval.high ? 1 : 0;
    }
    // 95 % intervals: nearly every fixture covers the truth (27 of 30 allows for chance).
    CHECK(firstCovered >= kFixtures - 3);
    CHECK(decayCovered >= kFixtures - 3);
}

TEST_CASE("Her volume curve: the same data give the same answer (fixed bootstrap seed)")
{
    const QList<MeasuredSession> data = measuredSessions(knownModelSessions(11, 40, 25, 0.7));
    const auto once = fitVolumeModel(data);
    const auto again = fitVolumeModel(data);
    REQUIRE(once);
    CHECK(*once == *again);
    CHECK(once->decay > 0);
    CHECK(once->decay <= 1);
}

TEST_CASE("Her volume curve: ready only with enough sessions of different let-down counts, and says what it needs")
{
    CHECK_FALSE(fitVolumeModel({})); // nothing measured: no fit at all

    const auto few = fitVolumeModel(measuredSessions(knownModelSessions(3, 19, 30, 0.6)));
    REQUIRE(few);
    CHECK(few->fitted); // figures already, before it is ready
    CHECK_FALSE(few->ready);
    CHECK(few->needs == "1 more measured session with let-downs logged");

    // Every session with three let-downs: v1 and r cannot be told apart.
    QList<Session> sameCount;
    for (int i = 0; i < 30; ++i) {
        Session s = finishedSession(SessionKind::Pumping, berlin(2026, 10, 1, 8, 0).addDays(i), {60, 150, 240});
        s.pumpedVolumeMl = 60 + i % 5;
        sameCount << s;
    }
    const auto flat = fitVolumeModel(measuredSessions(sameCount));
    REQUIRE(flat);
    CHECK_FALSE(flat->fitted);
    CHECK_FALSE(flat->ready);
    CHECK_THAT(flat->needs.toStdString(), Catch::Contains("different number of let-downs"));

    const auto enough = fitVolumeModel(measuredSessions(knownModelSessions(5, 80, 30, 0.6)));
    REQUIRE(enough);
    CHECK(enough->ready);
    CHECK(enough->needs.isEmpty());
    CHECK(enough->decayInterval.high - enough->decayInterval.low <= VolumeFit::kMaximumDecayIntervalWidth);
}

TEST_CASE("Her volume curve: an uncertain decay says about how many more sessions, in her locale's numbers")
{
    // 24 noisy sessions of one or two let-downs: enough sessions, but the decay is still vague.
    QList<Session> noisy;
    for (int i = 0; i < 24; ++i) {
        const bool two = i % 2 == 1;
        Session s = finishedSession(SessionKind::Pumping, berlin(2026, 10, 1, 8, 0).addDays(i),
            two ? QList<int> {60, 150} : QList<int> {60});
        s.pumpedVolumeMl = (two ? 42 : 30) + (i * 7919 % 23) - 11;
        noisy << s;
    }
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const auto fit = fitVolumeModel(measuredSessions(noisy));
    QLocale::setDefault(before);
    REQUIRE(fit);
    REQUIRE(fit->fitted);
    INFO(fit->needs.toStdString());
    REQUIRE(fit->decayInterval.high - fit->decayInterval.low > VolumeFit::kMaximumDecayIntervalWidth);
    CHECK_FALSE(fit->ready);
    CHECK(fit->moreSessionsIsEstimate);
    CHECK(fit->moreSessionsNeeded >= 1);
    CHECK_THAT(fit->needs.toStdString(),
        Catch::StartsWith("about " + std::to_string(fit->moreSessionsNeeded) + " more measured sessions"));
    // German numbers: "0,17 to 0,50", never "0.17".
    CHECK_THAT(fit->needs.toStdString(), Catch::Matches(".*\\([0-9]+,[0-9]{2} to [0-9]+,[0-9]{2}\\)"));
}

TEST_CASE("Her volume curve: test-weighs count, sessions without let-downs or measures do not")
{
    Session weighed = finishedSession(SessionKind::Nursing, berlin(2026, 10, 1, 8, 0), {60, 200});
    weighed.preFeedWeightG = 4000;
    weighed.postFeedWeightG = 4062;
    Session noLetdown = finishedSession(SessionKind::Pumping, berlin(2026, 10, 2, 8, 0), {});
    noLetdown.pumpedVolumeMl = 80;
    Session unmeasured = finishedSession(SessionKind::Pumping, berlin(2026, 10, 3, 8, 0), {60});
    Session singles = finishedSession(SessionKind::Nursing, berlin(2026, 10, 4, 8, 0), {60, 200});
    singles.letdowns[0].measuredVolumeMl = 28;
    const QList<MeasuredSession> measured = measuredSessions({weighed, noLetdown, unmeasured, singles});
    REQUIRE(measured.size() == 2);
    CHECK(measured[0].letdowns == 2);
    CHECK(measured[0].totalMl == Approx(62));
    CHECK_FALSE(measured[1].totalMl);
    REQUIRE(measured[1].singleLetdownsMl.size() == 1);
    CHECK(measured[1].singleLetdownsMl[0] == std::pair<int, double>(1, 28));
}

TEST_CASE("Techniques with no real effect: no clear difference for all of them on at least 95 of 100 seeds")
{
    const QStringList techniques {"warm_compress", "breast_massage", "back_rub", "nipple_stimulation",
        "reverse_pressure_softening", "oxytocin_spray", "usual_spot"};
    int seedsWithAClaim = 0;
    for (quint64 seed = 1; seed <= 100; ++seed) {
        std::mt19937_64 random(seed);
        std::lognormal_distribution<double> firstLetdownS(std::log(90.0), 0.5); // the same with or without
        std::bernoulli_distribution ticked(0.4);
        QList<Session> sessions;
        for (int i = 0; i < 80; ++i) {
            const int atS = std::max(5, int(std::lround(firstLetdownS(random))));
            Session s = finishedSession(
                SessionKind::Nursing, berlin(2026, 9, 1, 7, 0).addSecs(3600 * 9 * i), {atS, atS + 150}, 1800);
            for (const QString &key : techniques)
                if (ticked(random))
                    s.techniques << key;
            sessions << s;
        }
        const Insights insights = computeInsights(sessions, ReferenceModel {}, {}, QDate(2026, 12, 1));
        QList<TechniqueInsight> all = insights.techniques;
        if (insights.usualSpot)
            all << *insights.usualSpot;
        REQUIRE(all.size() == techniques.size());
        bool claim = false;
        for (const TechniqueInsight &t : all) {
            CHECK(t.difference); // 80 sessions: every technique is compared
            claim = claim || t.verdict == TechniqueInsight::Verdict::Sooner
                || t.verdict == TechniqueInsight::Verdict::Later;
        }
        seedsWithAClaim += claim ? 1 : 0;
    }
    // Over 1,000 seeds this procedure claimed something on 19 (1.9 %); Holm alone on the
    // rank-sum test, on 43 (4.3 %), too close to the limit for 100 seeds.
    CHECK(seedsWithAClaim <= 5);
}

TEST_CASE("Techniques nearly always used together cannot be told apart")
{
    std::mt19937_64 random(3);
    std::lognormal_distribution<double> firstLetdownS(std::log(90.0), 0.3);
    QList<Session> sessions;
    for (int i = 0; i < 40; ++i) {
        const bool both = i % 2 == 0;
        const int atS = int(std::lround(firstLetdownS(random))) / (both ? 2 : 1); // sooner with the pair
        Session s = finishedSession(SessionKind::Nursing, berlin(2026, 9, 1, 7, 0).addSecs(3600 * 9 * i), {atS}, 1800);
        if (both)
            s.techniques = {"warm_compress", "breast_massage"};
        sessions << s;
    }
    const Insights insights = computeInsights(sessions, ReferenceModel {}, {}, QDate(2026, 12, 1));
    REQUIRE(insights.techniques.size() == 2);
    for (const TechniqueInsight &t : insights.techniques) {
        CHECK(t.verdict == TechniqueInsight::Verdict::CannotTellApart);
        CHECK_THAT(t.sentence.toStdString(), Catch::Contains("cannot be told apart"));
    }
    CHECK(insights.techniques[0].usedTogetherWith == insights.techniques[1].key);
}

TEST_CASE("More let-downs, more milk: her rank correlation with its interval, in one honest sentence")
{
    const Insights related
        = computeInsights(knownModelSessions(2, 60, 30, 0.6), ReferenceModel {}, {}, QDate(2026, 12, 20));
    const VolumeRelation &r = related.volumeRelation;
    CHECK(r.points.size() == 60);
    REQUIRE(r.correlation);
    CHECK(r.correlation->rho > 0.5);
    CHECK(r.correlation->interval.low > 0);
    CHECK_THAT(r.sentence.toStdString(),
        Catch::StartsWith("In your 60 measured sessions, more let-downs usually went with more milk."));
    CHECK_THAT(r.details.toStdString(), Catch::StartsWith("Rank correlation (Spearman's rho) 0."));

    // Volumes unrelated to the count: no claim.
    QList<Session> unrelated = knownModelSessions(4, 40, 30, 0.6);
    std::mt19937_64 random(9);
    std::uniform_real_distribution<double> volume(40, 120);
    for (Session &s : unrelated)
        s.pumpedVolumeMl = volume(random);
    const Insights none = computeInsights(unrelated, ReferenceModel {}, {}, QDate(2026, 12, 20));
    CHECK_THAT(none.volumeRelation.sentence.toStdString(), Catch::Contains("did not clearly go with the amount of milk"));

    const Insights empty = computeInsights({}, ReferenceModel {}, {}, QDate(2026, 12, 20));
    CHECK_FALSE(empty.volumeRelation.correlation);
    CHECK_THAT(empty.volumeRelation.sentence.toStdString(), Catch::Contains("Not enough measured sessions"));
}
