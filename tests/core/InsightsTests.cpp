#include "stats/Insights.h"

#include "SessionFixtures.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {
// `count` nursing sessions, one a day from `first`, each with its first let-down at the
// next of `firstAtS` and `letdowns` let-downs in all, tagged with `techniques`.
QList<Session> sessionsWith(QDate first, const QList<int> &firstAtS, int letdowns, const QStringList &techniques,
    SessionKind kind = SessionKind::Nursing)
{
    QList<Session> sessions;
    for (int i = 0; i < firstAtS.size(); ++i) {
        QList<int> at;
        for (int k = 0; k < letdowns; ++k)
            at << firstAtS[i] + 120 * k;
        Session s = finishedSession(
            kind, berlin(first.year(), first.month(), first.day(), 8 + i % 12, 0).addDays(i), at, 1800);
        s.techniques = techniques;
        sessions << s;
    }
    return sessions;
}

const StatsRange kAll {};
const QDate kToday(2026, 12, 9);
} // namespace

TEST_CASE("Insights: a technique that clearly shortens the wait")
{
    const QList<Session> sessions = sessionsWith({2026, 11, 2}, {40, 50, 60, 70, 80, 90}, 3, {"warm_compress"})
        + sessionsWith({2026, 11, 2}, {100, 110, 120, 130, 140, 150}, 2, {});
    const Insights insights = computeInsights(sessions, ReferenceModel {}, kAll, kToday);
    REQUIRE(insights.techniques.size() == 1);
    const TechniqueInsight &warm = insights.techniques[0];
    CHECK(warm.key == "warm_compress");
    CHECK(warm.with.medianFirstLetdownS == Approx(65));
    CHECK(warm.without.medianFirstLetdownS == Approx(125));
    CHECK(warm.with.lowerQuartileS == Approx(52.5));
    CHECK(warm.with.upperQuartileS == Approx(77.5));
    CHECK(warm.with.meanLetdowns == Approx(3));
    CHECK(warm.verdict == TechniqueInsight::Verdict::Sooner);
    CHECK(warm.sentence
        == "With a warm compress, your first let-down typically came sooner: after 1:05, against 2:05 without it "
           "(1:00 sooner).");
    CHECK(warm.details
        == "Median difference \u22121:00 (95 % interval \u22121:35 to \u22120:25); 3.0 and 2.0 let-downs per session; 6 "
           "and 6 sessions.");
    REQUIRE(warm.difference);
    CHECK(warm.difference->difference == Approx(-60));
    REQUIRE(warm.adjustedP);
    CHECK(*warm.adjustedP < Insights::kFamilyErrorRate);
    CHECK_FALSE(insights.usualSpot);
}

TEST_CASE("Insights: the difference said is the one between the medians shown, in m:ss")
{
    // Medians 70.5 s and 96 s: shown as 1:11 and 1:36, so 0:25 apart (the unrounded 25.5 s
    // would read as 0:26).
    const QList<Session> sessions = sessionsWith({2026, 11, 2}, {60, 65, 70, 71, 80, 90}, 2, {"warm_compress"})
        + sessionsWith({2026, 11, 2}, {85, 90, 95, 97, 100, 110}, 2, {});
    const Insights insights = computeInsights(sessions, ReferenceModel {}, kAll, kToday);
    REQUIRE(insights.techniques.size() == 1);
    const TechniqueInsight &warm = insights.techniques[0];
    REQUIRE(warm.difference);
    CHECK(warm.difference->difference == Approx(-25.5));
    CHECK_THAT(warm.sentence.toStdString(), Catch::Contains("1:11") && Catch::Contains("1:36"));
    CHECK_THAT(warm.details.toStdString(), Catch::StartsWith("Median difference \u22120:25 (95 % interval"));
    if (warm.verdict == TechniqueInsight::Verdict::Sooner)
        CHECK_THAT(warm.sentence.toStdString(), Catch::Contains("(0:25 sooner)"));
    CHECK_THAT(warm.sentence.toStdString(), !Catch::Contains("0:26"));
}

TEST_CASE("Insights: no clear difference, and too few to say")
{
    QList<Session> sessions = sessionsWith({2026, 11, 2}, {100, 110, 120, 130, 140, 150}, 2, {"breast_massage"})
        + sessionsWith({2026, 11, 2}, {105, 115, 125, 135, 145, 155}, 2, {})
        + sessionsWith({2026, 11, 20}, {30, 40, 50}, 2, {"oxytocin_spray", "usual_spot"});
    const Insights insights = computeInsights(sessions, ReferenceModel {}, kAll, kToday);
    REQUIRE(insights.techniques.size() == 2);
    const TechniqueInsight &massage = insights.techniques[0];
    CHECK(massage.verdict == TechniqueInsight::Verdict::NoClearDifference); // 5 s: under 15 s
    CHECK_THAT(massage.sentence.toStdString(), Catch::StartsWith("Breast massage: no clear difference"));
    const TechniqueInsight &spray = insights.techniques[1];
    CHECK(spray.verdict == TechniqueInsight::Verdict::TooFew);
    CHECK_THAT(spray.sentence.toStdString(), Catch::Contains("too few sessions to say yet (3 with it, 12 without"));
    REQUIRE(insights.usualSpot);
    CHECK(insights.usualSpot->verdict == TechniqueInsight::Verdict::TooFew);
    CHECK_THAT(insights.usualSpot->sentence.toStdString(), Catch::StartsWith("Your usual spot: too few"));
}

TEST_CASE("Insights: where she sits against the literature")
{
    QList<Session> sessions = sessionsWith({2026, 11, 2}, {60, 60, 60, 60, 60}, 2, {}) // nursing: 2.0
        + sessionsWith({2026, 11, 2}, {60, 60, 60, 60, 60}, 2, {}, SessionKind::Pumping); // pumping: 2.0
    for (int i = 0; i < 5; ++i) { // five sessions with every let-down measured: 30 of 50
        sessions[i].letdowns[0].measuredVolumeMl = 30;
        sessions[i].letdowns[1].measuredVolumeMl = 20;
    }
    const Insights insights = computeInsights(sessions, ReferenceModel {}, kAll, kToday);
    const LiteratureComparison &lit = insights.literature;
    CHECK(lit.nursing == LiteratureComparison::Position::Within); // 1 to 4
    CHECK(lit.pumping == LiteratureComparison::Position::Below); // under 3.3
    CHECK(lit.firstLetdownShare == Approx(0.6));
    const QString text = lit.sentences.join('\n');
    CHECK_THAT(text.toStdString(),
        Catch::Contains("In your 5 breastfeeds you logged 2.0 let-downs on average, within the 1.0 to 4.0 that "
                        "ultrasound studies measured."));
    CHECK_THAT(text.toStdString(), Catch::Contains("below the 3.3 to 5.0"));
    CHECK_THAT(text.toStdString(), Catch::Contains("often not felt"));
    CHECK_THAT(text.toStdString(), Catch::Contains("the first gave 60 %"));
    CHECK_THAT(text.toStdString(), Catch::Contains("your first let-down came after 1:00 (the median of 10 sessions)"));
}

TEST_CASE("Insights: no comparison with the studies from one session")
{
    QList<Session> sessions = sessionsWith({2026, 11, 2}, {60}, 2, {});
    sessions[0].letdowns[0].measuredVolumeMl = 30;
    sessions[0].letdowns[1].measuredVolumeMl = 20;
    const Insights insights = computeInsights(sessions, ReferenceModel {}, kAll, kToday);
    const LiteratureComparison &lit = insights.literature;
    CHECK(lit.nursing == LiteratureComparison::Position::NoData);
    CHECK(lit.meanLetdownsNursing == Approx(2)); // still in the JSON
    const QString text = lit.sentences.join('\n');
    CHECK_THAT(text.toStdString(),
        Catch::Contains("Your breastfeeds are compared with the studies once you have logged 5 (1 so far)."));
    CHECK_THAT(text.toStdString(), Catch::Contains("at least 5 sessions; you have 1 so far"));
    CHECK_THAT(text.toStdString(), !Catch::Contains("1 sessions") && !Catch::Contains("median"));
}

TEST_CASE("Insights: the gentle alert needs two clearly lower weeks with enough sessions")
{
    // Usual: weeks 44 to 47 (26 Oct - 22 Nov), 6 sessions a week with 3 let-downs.
    QList<Session> usual;
    for (QDate monday(2026, 10, 26); monday < QDate(2026, 11, 23); monday = monday.addDays(7))
        usual += sessionsWith(monday, {60, 60, 60, 60, 60, 60}, 3, {});
    const auto withRecent = [&](int letdownsW48, int letdownsW49, int sessionsW49) {
        QList<int> w49(sessionsW49, 60);
        return usual + sessionsWith({2026, 11, 23}, {60, 60, 60, 60, 60}, letdownsW48, {})
            + sessionsWith({2026, 11, 30}, w49, letdownsW49, {});
    };
    const auto alertsFor = [&](const QList<Session> &sessions) {
        return computeInsights(sessions, ReferenceModel {}, kAll, kToday).alerts;
    };
    const auto lower = alertsFor(withRecent(2, 2, 5));
    REQUIRE(lower.size() == 1);
    CHECK(lower[0].kind == "fewer_letdowns");
    CHECK_THAT(lower[0].message.toStdString(),
        Catch::Contains("(2.0 and 2.0) than your usual (3.0)") && Catch::Contains("lactation consultant"));
    CHECK(alertsFor(withRecent(2, 3, 5)).isEmpty()); // only one low week
    CHECK(alertsFor(withRecent(2, 2, 4)).isEmpty()); // too few sessions to tell
    CHECK(alertsFor(withRecent(3, 3, 5)).isEmpty()); // as usual
}

TEST_CASE("Insights JSON has the documented shape")
{
    const QList<Session> sessions = sessionsWith({2026, 11, 2}, {40, 50, 60, 70, 80, 90}, 3, {"warm_compress"})
        + sessionsWith({2026, 11, 2}, {100, 110, 120, 130, 140, 150}, 2, {});
    const QJsonObject json = QJsonDocument::fromJson(
        QJsonDocument(insightsToJson(computeInsights(sessions, ReferenceModel {}, kAll, kToday))).toJson())
                                 .object();
    CHECK(json.value("sessions").toInt() == 12);
    CHECK(json.value("minimum_sessions_each_side").toInt() == 5);
    const QJsonObject warm = json.value("techniques").toArray().at(0).toObject();
    CHECK(warm.value("technique").toString() == "warm_compress");
    CHECK(warm.value("verdict").toString() == "sooner");
    CHECK(warm.value("with").toObject().value("median_first_letdown_s").toDouble() == Approx(65));
    CHECK(warm.value("without").toObject().value("sessions").toInt() == 6);
    CHECK(json.value("usual_spot").isNull());
    CHECK(json.value("literature").toObject().value("nursing_position").toString() == "within");
    CHECK(json.value("alerts").toArray().isEmpty());
}
