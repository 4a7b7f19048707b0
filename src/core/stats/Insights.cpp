#include "stats/Insights.h"

#include "domain/Technique.h"
#include "domain/TimeFormat.h"
#include "stats/VolumeEstimate.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace {
// lupdate reads Text::tr("...") with this context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Insights)
};

// In her locale: these are sentences for people (2,5 in German).
QString number(double value, int decimals = 1)
{
    return QLocale().toString(value, 'f', decimals);
}

// Linear-interpolated quantile, by selection rather than a full sort (this runs for each
// technique, with and without, over every session of the period). Reorders `values`.
double quantile(QList<double> &values, double q)
{
    const double position = q * double(values.size() - 1);
    const qsizetype below = qsizetype(std::floor(position));
    std::nth_element(values.begin(), values.begin() + below, values.end());
    const double low = values[below];
    if (below + 1 >= values.size() || position == double(below))
        return low;
    const double high = *std::min_element(values.begin() + below + 1, values.end());
    return low + (high - low) * (position - double(below));
}

SideFigures figuresOf(const QList<const Session *> &sessions)
{
    SideFigures f;
    f.sessions = int(sessions.size());
    QList<double> firsts;
    double letdowns = 0;
    for (const Session *s : sessions) {
        letdowns += double(s->ejections.size());
        if (const auto first = s->firstLetdownOffsetMs())
            firsts.append(double(*first) / 1000.0);
    }
    f.sessionsWithLetdown = int(firsts.size());
    if (!sessions.isEmpty())
        f.meanLetdowns = letdowns / double(sessions.size());
    if (!firsts.isEmpty()) {
        f.medianFirstLetdownS = quantile(firsts, 0.5);
        f.lowerQuartileS = quantile(firsts, 0.25);
        f.upperQuartileS = quantile(firsts, 0.75);
    }
    return f;
}

TechniqueInsight compare(const QString &key, const QList<const Session *> &with, const QList<const Session *> &without)
{
    TechniqueInsight insight;
    insight.key = key;
    insight.with = figuresOf(with);
    insight.without = figuresOf(without);
    const bool usualSpot = key == QLatin1String("usual_spot");
    const QString name = techniqueLabel(key);
    const int n = Insights::kMinimumSessions;
    if (insight.with.sessionsWithLetdown < n || insight.without.sessionsWithLetdown < n) {
        insight.verdict = TechniqueInsight::Verdict::TooFew;
        insight.sentence = (usualSpot ? Text::tr("Your usual spot: too few sessions to say yet (%1 there, %2 elsewhere "
                                                 "with a let-down; at least %3 of each are needed).")
                                      : Text::tr("%4: too few sessions to say yet (%1 with it, %2 without, counting "
                                                 "sessions with a let-down; at least %3 of each are needed)."))
                               .arg(insight.with.sessionsWithLetdown)
                               .arg(insight.without.sessionsWithLetdown)
                               .arg(n);
        if (!usualSpot)
            insight.sentence = insight.sentence.arg(name);
        return insight;
    }
    const double withS = *insight.with.medianFirstLetdownS;
    const double withoutS = *insight.without.medianFirstLetdownS;
    const double difference = withS - withoutS;
    const bool clear = std::abs(difference) >= Insights::kClearDifferenceS
        && std::abs(difference) >= Insights::kClearDifferenceShare * withoutS;
    insight.verdict = !clear ? TechniqueInsight::Verdict::NoClearDifference
        : difference < 0     ? TechniqueInsight::Verdict::Sooner
                             : TechniqueInsight::Verdict::Later;
    const QString figures = Text::tr("median %1 versus %2; %3 versus %4 let-downs per session (%5 and %6 sessions)")
                                .arg(formatSeconds(withS), formatSeconds(withoutS), number(*insight.with.meanLetdowns),
                                    number(*insight.without.meanLetdowns))
                                .arg(insight.with.sessions)
                                .arg(insight.without.sessions);
    QString pattern;
    switch (insight.verdict) {
    case TechniqueInsight::Verdict::Sooner:
        pattern = usualSpot ? Text::tr("In your usual spot, your first let-down came sooner than elsewhere: %1.")
                            : Text::tr("With %2, your first let-down came sooner: %1.");
        break;
    case TechniqueInsight::Verdict::Later:
        pattern = usualSpot ? Text::tr("In your usual spot, your first let-down came later than elsewhere: %1.")
                            : Text::tr("With %2, your first let-down came later: %1.");
        break;
    default:
        pattern = usualSpot ? Text::tr("Your usual spot or elsewhere: no clear difference in time to the first "
                                       "let-down: %1.")
                            : Text::tr("%2: no clear difference in time to the first let-down: %1.");
        break;
    }
    // The usual-spot sentences do not name the technique; "With %2" takes it as a phrase.
    const QString shownName
        = insight.verdict == TechniqueInsight::Verdict::NoClearDifference ? name : techniqueInSentence(key);
    insight.sentence = usualSpot ? pattern.arg(figures) : pattern.arg(figures, shownName);
    return insight;
}

LiteratureComparison::Position positionOf(double value, double low, double high)
{
    return value < low ? LiteratureComparison::Position::Below
        : value > high ? LiteratureComparison::Position::Above
                       : LiteratureComparison::Position::Within;
}

QString positionWord(LiteratureComparison::Position position)
{
    switch (position) {
    case LiteratureComparison::Position::Below: return Text::tr("below");
    case LiteratureComparison::Position::Above: return Text::tr("above");
    case LiteratureComparison::Position::Within: return Text::tr("within");
    case LiteratureComparison::Position::NoData: break;
    }
    return {};
}
// Where she sits against the published figures, in sentences.
LiteratureComparison compareWithLiterature(const QList<const Session *> &sessions, const ReferenceModel &model)
{
    LiteratureComparison lit;
    QList<const Session *> nursing, pumping;
    QList<double> shares;
    for (const Session *s : sessions) {
        (s->kind == SessionKind::Nursing ? nursing : pumping).append(s);
        const bool allMeasured = !s->ejections.isEmpty()
            && std::all_of(s->ejections.begin(), s->ejections.end(),
                [](const Ejection &e) { return e.measuredVolumeMl.has_value(); });
        if (allMeasured) {
            double total = 0;
            for (const Ejection &e : s->ejections)
                total += *e.measuredVolumeMl;
            if (total > 0)
                shares.append(*s->ejections.first().measuredVolumeMl / total);
        }
    }
    const SideFigures allFigures = figuresOf(sessions);
    lit.medianFirstLetdownS = allFigures.medianFirstLetdownS;
    const QString undercount = Text::tr("Self-logged let-downs usually undercount: studies find that later ones are "
                                        "often not felt.");
    if (!nursing.isEmpty()) {
        lit.meanLetdownsNursing = figuresOf(nursing).meanLetdowns;
        const double low = model.meanEjectionsPerBreastfeed - model.sdEjectionsPerBreastfeed;
        const double high = model.meanEjectionsPerBreastfeed + model.sdEjectionsPerBreastfeed;
        lit.nursing = positionOf(*lit.meanLetdownsNursing, low, high);
        lit.sentences << Text::tr(
            "Your breastfeeds: %1 let-downs on average over %2 sessions, %3 the range measured by "
            "ultrasound (%4 ± %5, that is %6 to %7).")
                             .arg(number(*lit.meanLetdownsNursing))
                             .arg(nursing.size())
                             .arg(positionWord(lit.nursing), number(model.meanEjectionsPerBreastfeed),
                                 number(model.sdEjectionsPerBreastfeed), number(low), number(high));
    }
    if (!pumping.isEmpty()) {
        lit.meanLetdownsPumping = figuresOf(pumping).meanLetdowns;
        lit.pumping = positionOf(*lit.meanLetdownsPumping, model.pumpingEjectionsLow, model.pumpingEjectionsHigh);
        lit.sentences << Text::tr("Your pumping sessions: %1 let-downs on average over %2 sessions, %3 the %4 to %5 "
                                  "that pumping studies report.")
                             .arg(number(*lit.meanLetdownsPumping))
                             .arg(pumping.size())
                             .arg(positionWord(lit.pumping), number(model.pumpingEjectionsLow),
                                 number(model.pumpingEjectionsHigh));
    }
    if (lit.nursing == LiteratureComparison::Position::Below || lit.pumping == LiteratureComparison::Position::Below)
        lit.sentences << undercount;
    lit.sessionsWithLetdownVolumes = int(shares.size());
    if (!shares.isEmpty()) {
        double sum = 0;
        for (double share : shares)
            sum += share;
        lit.firstLetdownShare = sum / double(shares.size());
        lit.sentences << Text::tr(
            "In the %1 sessions where you measured each let-down, the first gave %2 % of the milk "
            "on average; pumping studies found about %3 to %4 %.")
                             .arg(shares.size())
                             .arg(number(*lit.firstLetdownShare * 100, 0))
                             .arg(number(model.firstEjectionShareLow * 100, 0), number(model.firstEjectionShareHigh * 100, 0));
    } else {
        lit.sentences << Text::tr("The share of milk in the first let-down needs measured volumes of single let-downs; "
                                  "your log has none yet (studies found about %1 to %2 %).")
                             .arg(number(model.firstEjectionShareLow * 100, 0), number(model.firstEjectionShareHigh * 100, 0));
    }
    if (lit.medianFirstLetdownS)
        lit.sentences
            << Text::tr("Your first let-down came after %1 (median).").arg(formatSeconds(*lit.medianFirstLetdownS));

    return lit;
}

// The gentle alert: the last two complete weeks both clearly below her usual (the four
// weeks before them), with enough sessions to mean something.
std::optional<InsightAlert> fewerLetdownsAlert(const QList<Session> &all, QDate today)
{
    const QDate thisMonday = today.addDays(1 - today.dayOfWeek());
    const auto meanIn = [&](QDate from, QDate to, int &count) -> std::optional<double> {
        double letdowns = 0;
        count = 0;
        for (const Session &s : all) {
            const QDate day = localStartDate(s);
            if (s.isFinished() && day >= from && day <= to) {
                letdowns += double(s.ejections.size());
                ++count;
            }
        }
        return count > 0 ? std::optional<double>(letdowns / count) : std::nullopt;
    };
    int usualCount = 0;
    const QDate usualFrom = thisMonday.addDays(-7 * (Insights::kAlertWeeks + 4));
    const auto usual = meanIn(usualFrom, thisMonday.addDays(-7 * Insights::kAlertWeeks - 1), usualCount);
    QStringList recent;
    bool allBelow = usual && usualCount >= 4 * Insights::kMinimumSessions;
    for (int week = Insights::kAlertWeeks; week >= 1 && allBelow; --week) {
        int count = 0;
        const QDate monday = thisMonday.addDays(-7 * week);
        const auto mean = meanIn(monday, monday.addDays(6), count);
        allBelow = mean && count >= Insights::kMinimumSessions && *mean <= *usual * (1.0 - Insights::kAlertDrop);
        if (mean)
            recent << number(*mean);
    }
    if (!allBelow)
        return std::nullopt;
    return InsightAlert {QStringLiteral("fewer_letdowns"),
            Text::tr("In the last two weeks you logged fewer let-downs per session (%1) than your usual (%2). This can "
                     "have many ordinary causes, and logged counts vary; if it goes on or worries you, it may be worth "
                     "mentioning to your lactation consultant.")
                .arg(recent.join(Text::tr(" and ")), number(*usual))};
}

} // namespace

QString formatSeconds(double seconds)
{
    return formatElapsed(qint64(std::llround(seconds)) * 1000);
}

Insights computeInsights(const QList<Session> &all, const ReferenceModel &model, const StatsRange &range, QDate today)
{
    Insights insights;
    QList<const Session *> sessions;
    for (const Session &s : all) {
        if (!s.isFinished())
            continue;
        const QDate day = localStartDate(s);
        if ((range.from && day < *range.from) || (range.to && day > *range.to))
            continue;
        sessions.append(&s);
    }
    insights.sessions = int(sessions.size());

    for (const Technique &technique : allTechniques()) {
        QList<const Session *> with, without;
        for (const Session *s : sessions)
            (s->techniques.contains(technique.key) ? with : without).append(s);
        if (with.isEmpty())
            continue; // she never tried it: nothing to say
        const TechniqueInsight insight = compare(technique.key, with, without);
        if (technique.key == QLatin1String("usual_spot"))
            insights.usualSpot = insight;
        else
            insights.techniques.append(insight);
    }

    insights.literature = compareWithLiterature(sessions, model);
    if (const auto alert = fewerLetdownsAlert(all, today))
        insights.alerts << *alert;
    return insights;
}

QJsonObject insightsToJson(const Insights &insights)
{
    const auto optional = [](const std::optional<double> &value) {
        return value ? QJsonValue(std::round(*value * 1000) / 1000) : QJsonValue(QJsonValue::Null);
    };
    const auto side = [&](const SideFigures &f) {
        return QJsonObject {{QStringLiteral("sessions"), f.sessions},
            {QStringLiteral("sessions_with_letdown"), f.sessionsWithLetdown},
            {QStringLiteral("median_first_letdown_s"), optional(f.medianFirstLetdownS)},
            {QStringLiteral("first_letdown_q1_s"), optional(f.lowerQuartileS)},
            {QStringLiteral("first_letdown_q3_s"), optional(f.upperQuartileS)},
            {QStringLiteral("mean_letdowns"), optional(f.meanLetdowns)}};
    };
    const auto verdict = [](TechniqueInsight::Verdict v) {
        switch (v) {
        case TechniqueInsight::Verdict::TooFew: return QStringLiteral("too_few_sessions");
        case TechniqueInsight::Verdict::Sooner: return QStringLiteral("sooner");
        case TechniqueInsight::Verdict::Later: return QStringLiteral("later");
        case TechniqueInsight::Verdict::NoClearDifference: break;
        }
        return QStringLiteral("no_clear_difference");
    };
    const auto technique = [&](const TechniqueInsight &t) {
        return QJsonObject {{QStringLiteral("technique"), t.key}, {QStringLiteral("with"), side(t.with)},
            {QStringLiteral("without"), side(t.without)}, {QStringLiteral("verdict"), verdict(t.verdict)},
            {QStringLiteral("sentence"), t.sentence}};
    };
    const auto position = [](LiteratureComparison::Position p) {
        switch (p) {
        case LiteratureComparison::Position::Below: return QJsonValue(QStringLiteral("below"));
        case LiteratureComparison::Position::Within: return QJsonValue(QStringLiteral("within"));
        case LiteratureComparison::Position::Above: return QJsonValue(QStringLiteral("above"));
        case LiteratureComparison::Position::NoData: break;
        }
        return QJsonValue(QJsonValue::Null);
    };
    QJsonArray techniques;
    for (const TechniqueInsight &t : insights.techniques)
        techniques.append(technique(t));
    QJsonArray alerts;
    for (const InsightAlert &a : insights.alerts)
        alerts.append(QJsonObject {{QStringLiteral("kind"), a.kind}, {QStringLiteral("message"), a.message}});
    const LiteratureComparison &lit = insights.literature;
    return {
        {QStringLiteral("sessions"), insights.sessions},
        {QStringLiteral("minimum_sessions_each_side"), Insights::kMinimumSessions},
        {QStringLiteral("techniques"), techniques},
        {QStringLiteral("usual_spot"),
            insights.usualSpot ? QJsonValue(technique(*insights.usualSpot)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("literature"),
            QJsonObject {{QStringLiteral("mean_letdowns_nursing"), optional(lit.meanLetdownsNursing)},
                {QStringLiteral("nursing_position"), position(lit.nursing)},
                {QStringLiteral("mean_letdowns_pumping"), optional(lit.meanLetdownsPumping)},
                {QStringLiteral("pumping_position"), position(lit.pumping)},
                {QStringLiteral("first_letdown_share"), optional(lit.firstLetdownShare)},
                {QStringLiteral("sessions_with_letdown_volumes"), lit.sessionsWithLetdownVolumes},
                {QStringLiteral("median_first_letdown_s"), optional(lit.medianFirstLetdownS)},
                {QStringLiteral("sentences"), QJsonArray::fromStringList(lit.sentences)}}},
        {QStringLiteral("alerts"), alerts},
    };
}
