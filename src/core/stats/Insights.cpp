#include "stats/Insights.h"

#include "domain/Technique.h"
#include "domain/TimeFormat.h"
#include "model/FittedVolumeModel.h"
#include "stats/VolumeEstimate.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>

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

// What the technique comparisons need of a session, read once (reading it again from every
// session for every technique cost more than the statistics).
struct SessionFacts {
    int letdowns = 0;
    std::optional<double> firstLetdownS;
};

SessionFacts factsOf(const Session &s)
{
    SessionFacts facts {int(s.letdowns.size()), std::nullopt};
    if (const auto first = s.firstLetdownOffsetMs())
        facts.firstLetdownS = double(*first) / 1000.0;
    return facts;
}

// Linear-interpolated quantile of values already in order.
double sortedQuantile(const QList<double> &sorted, double q)
{
    const double position = q * double(sorted.size() - 1);
    const qsizetype below = qsizetype(std::floor(position));
    const qsizetype above = std::min(below + 1, sorted.size() - 1);
    return sorted[below] + (sorted[above] - sorted[below]) * (position - double(below));
}

// `sortedFirsts`: the times to the first let-down of those of the sessions that had one, in order.
SideFigures figuresOf(int sessions, double letdowns, const QList<double> &sortedFirsts)
{
    SideFigures f;
    f.sessions = sessions;
    f.sessionsWithLetdown = int(sortedFirsts.size());
    if (sessions > 0)
        f.meanLetdowns = letdowns / double(sessions);
    if (!sortedFirsts.isEmpty()) {
        f.medianFirstLetdownS = sortedQuantile(sortedFirsts, 0.5);
        f.lowerQuartileS = sortedQuantile(sortedFirsts, 0.25);
        f.upperQuartileS = sortedQuantile(sortedFirsts, 0.75);
    }
    return f;
}

// One side of a comparison: how many sessions, their let-downs, and their sorted first times.
struct ComparedSide {
    int sessions = 0;
    double letdowns = 0;
    QList<double> sortedFirsts;
};

// The figures on each side and the difference of medians; the verdict comes later, once
// every technique's p-value is known (Holm's correction needs them all).
TechniqueInsight compare(const QString &key, const ComparedSide &with, const ComparedSide &without)
{
    TechniqueInsight insight;
    insight.key = key;
    insight.with = figuresOf(with.sessions, with.letdowns, with.sortedFirsts);
    insight.without = figuresOf(without.sessions, without.letdowns, without.sortedFirsts);
    const int n = Insights::kMinimumSessions;
    if (insight.with.sessionsWithLetdown >= n && insight.without.sessionsWithLetdown >= n)
        insight.difference = medianDifference(with.sortedFirsts, without.sortedFirsts);
    return insight;
}

QString tooFewSentence(const TechniqueInsight &insight)
{
    const bool usualSpot = insight.key == QLatin1String("usual_spot");
    QString sentence = (usualSpot ? Text::tr("Your usual spot: too few sessions to say yet (%1 there, %2 elsewhere "
                                             "with a let-down; at least %3 of each are needed).")
                                  : Text::tr("%4: too few sessions to say yet (%1 with it, %2 without, counting "
                                             "sessions with a let-down; at least %3 of each are needed)."))
                           .arg(insight.with.sessionsWithLetdown)
                           .arg(insight.without.sessionsWithLetdown)
                           .arg(Insights::kMinimumSessions);
    return usualSpot ? sentence : sentence.arg(techniqueLabel(insight.key));
}

// Whole seconds, as every sentence shows them: a difference is taken between the figures as
// shown, so "1:10 against 1:36" never reads as 0:25 apart.
qint64 shownSeconds(double seconds)
{
    return qint64(std::llround(seconds));
}

QString verdictSentence(const TechniqueInsight &insight)
{
    const bool usualSpot = insight.key == QLatin1String("usual_spot");
    const qint64 withS = shownSeconds(*insight.with.medianFirstLetdownS);
    const qint64 withoutS = shownSeconds(*insight.without.medianFirstLetdownS);
    const QString with = formatSeconds(double(withS)), without = formatSeconds(double(withoutS));
    const QString apart = formatSeconds(double(std::abs(withS - withoutS)));
    switch (insight.verdict) {
    case TechniqueInsight::Verdict::Sooner:
        return usualSpot ? Text::tr("In your usual spot, your first let-down typically came sooner: after %1, against "
                                    "%2 elsewhere (%3 sooner).")
                               .arg(with, without, apart)
                         : Text::tr("With %1, your first let-down typically came sooner: after %2, against %3 without "
                                    "it (%4 sooner).")
                               .arg(techniqueInSentence(insight.key), with, without, apart);
    case TechniqueInsight::Verdict::Later:
        return usualSpot ? Text::tr("In your usual spot, your first let-down typically came later: after %1, against "
                                    "%2 elsewhere (%3 later).")
                               .arg(with, without, apart)
                         : Text::tr("With %1, your first let-down typically came later: after %2, against %3 without "
                                    "it (%4 later).")
                               .arg(techniqueInSentence(insight.key), with, without, apart);
    default: break;
    }
    return usualSpot ? Text::tr("Your usual spot or elsewhere: no clear difference in the time to your first "
                                "let-down (typically %1 there, %2 elsewhere).")
                           .arg(with, without)
                     : Text::tr("%1: no clear difference in the time to your first let-down (typically %2 with it, %3 "
                                "without).")
                           .arg(techniqueLabel(insight.key), with, without);
}

// The figures behind the sentence, for whoever wants them (her consultant): the difference
// of the medians as shown, its 95 % interval, let-downs per session and the session counts.
QString verdictDetails(const TechniqueInsight &insight)
{
    const MedianDifference &d = *insight.difference;
    const qint64 shownDifference
        = shownSeconds(*insight.with.medianFirstLetdownS) - shownSeconds(*insight.without.medianFirstLetdownS);
    return Text::tr("Median difference %1 (95 % interval %2 to %3); %4 and %5 let-downs per session; %6 and %7 "
                    "sessions.")
        .arg(formatSignedSeconds(double(shownDifference)), formatSignedSeconds(d.interval.low),
            formatSignedSeconds(d.interval.high), number(*insight.with.meanLetdowns),
            number(*insight.without.meanLetdowns))
        .arg(insight.with.sessions)
        .arg(insight.without.sessions);
}

// Verdicts for all compared techniques at once: Holm's correction over those with a
// difference, then "cannot be told apart" for pairs nearly always used together.
void decideVerdicts(
    QList<TechniqueInsight *> insights, const std::function<int(const QString &, const QString &)> &sessionsWithBoth)
{
    QList<TechniqueInsight *> tested;
    QList<double> pValues;
    for (TechniqueInsight *insight : insights)
        if (insight->difference) {
            tested << insight;
            pValues << insight->difference->pValue;
        }
    const QList<double> adjusted = holmAdjusted(pValues);
    // Holm's order: the smallest p-value is tested at 0.05/m, the next at 0.05/(m-1) ...
    QList<qsizetype> order(tested.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) { return pValues[a] < pValues[b]; });
    for (qsizetype rank = 0; rank < order.size(); ++rank) {
        TechniqueInsight &insight = *tested[order[rank]];
        const MedianDifference &d = *insight.difference;
        const double z = normalQuantileForTwoSidedP(Insights::kFamilyErrorRate / double(order.size() - rank));
        insight.adjustedInterval = Interval {d.difference - z * d.standardError, d.difference + z * d.standardError};
    }
    for (qsizetype i = 0; i < tested.size(); ++i) {
        TechniqueInsight &insight = *tested[i];
        insight.adjustedP = adjusted[i];
        const double difference = insight.difference->difference;
        const bool clear = adjusted[i] < Insights::kFamilyErrorRate && !insight.adjustedInterval->contains(0)
            && std::abs(difference) >= Insights::kClearDifferenceS;
        insight.verdict = !clear ? TechniqueInsight::Verdict::NoClearDifference
            : difference < 0     ? TechniqueInsight::Verdict::Sooner
                                 : TechniqueInsight::Verdict::Later;
    }
    for (TechniqueInsight *a : insights)
        for (TechniqueInsight *b : insights) {
            if (a == b || a->key == QLatin1String("usual_spot") || b->key == QLatin1String("usual_spot"))
                continue;
            const int both = sessionsWithBoth(a->key, b->key);
            const bool together = a->with.sessions > 0 && b->with.sessions > 0
                && double(both) > Insights::kTogetherShare * a->with.sessions
                && double(both) > Insights::kTogetherShare * b->with.sessions;
            if (together && a->verdict != TechniqueInsight::Verdict::TooFew && a->usedTogetherWith.isEmpty()) {
                a->verdict = TechniqueInsight::Verdict::CannotTellApart;
                a->usedTogetherWith = b->key;
            }
        }
    for (TechniqueInsight *insight : insights) {
        if (insight->verdict == TechniqueInsight::Verdict::TooFew)
            insight->sentence = tooFewSentence(*insight);
        else if (insight->verdict == TechniqueInsight::Verdict::CannotTellApart)
            insight->sentence = Text::tr("%1 and %2 went together in most of their sessions: their effects on your "
                                         "let-downs cannot be told apart.")
                                    .arg(techniqueLabel(insight->key), techniqueLabel(insight->usedTogetherWith));
        else {
            insight->sentence = verdictSentence(*insight);
            insight->details = verdictDetails(*insight);
        }
    }
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
// `facts` are the sessions' own (same order); `sortedFirsts` every first let-down time, in order.
LiteratureComparison compareWithLiterature(const QList<const Session *> &sessions, const QList<SessionFacts> &facts,
    const QList<double> &sortedFirsts, const ReferenceModel &model)
{
    LiteratureComparison lit;
    int nursing = 0, pumping = 0;
    double nursingLetdowns = 0, pumpingLetdowns = 0;
    QList<double> shares;
    for (qsizetype i = 0; i < sessions.size(); ++i) {
        const Session *s = sessions[i];
        if (s->kind == SessionKind::Nursing) {
            ++nursing;
            nursingLetdowns += facts[i].letdowns;
        } else {
            ++pumping;
            pumpingLetdowns += facts[i].letdowns;
        }
        const bool allMeasured = !s->letdowns.isEmpty()
            && std::all_of(s->letdowns.begin(), s->letdowns.end(),
                [](const Letdown &e) { return e.measuredVolumeMl.has_value(); });
        if (allMeasured) {
            double total = 0;
            for (const Letdown &e : s->letdowns)
                total += *e.measuredVolumeMl;
            if (total > 0)
                shares.append(*s->letdowns.first().measuredVolumeMl / total);
        }
    }
    if (!sortedFirsts.isEmpty())
        lit.medianFirstLetdownS = sortedQuantile(sortedFirsts, 0.5);
    // A comparison with the studies needs a few sessions: one feed says nothing about her pattern.
    const int enough = Insights::kMinimumSessions;
    const auto notYet = [&](const QString &pattern, int sessionsSoFar) {
        return pattern.arg(enough).arg(sessionsSoFar);
    };
    const QString undercount = Text::tr("Self-logged let-downs usually undercount: studies find that later ones are "
                                        "often not felt.");
    if (nursing > 0) {
        lit.meanLetdownsNursing = nursingLetdowns / nursing;
        const double low = model.meanLetdownsPerBreastfeed - model.sdLetdownsPerBreastfeed;
        const double high = model.meanLetdownsPerBreastfeed + model.sdLetdownsPerBreastfeed;
        if (nursing < enough) {
            lit.sentences << notYet(Text::tr("Your breastfeeds are compared with the studies once you have logged %1 "
                                             "(%2 so far)."),
                nursing);
        } else {
            lit.nursing = positionOf(*lit.meanLetdownsNursing, low, high);
            lit.sentences << Text::tr("In your %1 breastfeeds you logged %2 let-downs on average, %3 the %4 to %5 that "
                                      "ultrasound studies measured.")
                                 .arg(nursing)
                                 .arg(number(*lit.meanLetdownsNursing), positionWord(lit.nursing), number(low),
                                     number(high));
        }
    }
    if (pumping > 0) {
        lit.meanLetdownsPumping = pumpingLetdowns / pumping;
        if (pumping < enough) {
            lit.sentences << notYet(Text::tr("Your pumping sessions are compared with the studies once you have logged "
                                             "%1 (%2 so far)."),
                pumping);
        } else {
            lit.pumping = positionOf(*lit.meanLetdownsPumping, model.pumpingLetdownsLow, model.pumpingLetdownsHigh);
            lit.sentences << Text::tr("In your %1 pumping sessions you logged %2 let-downs on average, %3 the %4 to %5 "
                                      "that pumping studies report.")
                                 .arg(pumping)
                                 .arg(number(*lit.meanLetdownsPumping), positionWord(lit.pumping),
                                     number(model.pumpingLetdownsLow), number(model.pumpingLetdownsHigh));
        }
    }
    if (lit.nursing == LiteratureComparison::Position::Below || lit.pumping == LiteratureComparison::Position::Below)
        lit.sentences << undercount;
    lit.sessionsWithLetdownVolumes = int(shares.size());
    if (!shares.isEmpty()) {
        double sum = 0;
        for (double share : shares)
            sum += share;
        lit.firstLetdownShare = sum / double(shares.size());
    }
    if (shares.size() >= enough) {
        lit.sentences << Text::tr("In the %1 sessions where you measured each let-down, the first gave %2 % of the "
                                  "milk on average; pumping studies found about %3 to %4 %.")
                             .arg(shares.size())
                             .arg(number(*lit.firstLetdownShare * 100, 0))
                             .arg(number(model.firstLetdownShareLow * 100, 0),
                                 number(model.firstLetdownShareHigh * 100, 0));
    } else {
        lit.sentences << Text::tr("How much of the milk comes with the first let-down needs each let-down measured in "
                                  "at least %1 sessions; you have %2 so far (studies found about %3 to %4 %).")
                             .arg(enough)
                             .arg(shares.size())
                             .arg(number(model.firstLetdownShareLow * 100, 0),
                                 number(model.firstLetdownShareHigh * 100, 0));
    }
    if (sortedFirsts.size() >= enough)
        lit.sentences << Text::tr("Typically, your first let-down came after %1 (the median of %2 sessions).")
                             .arg(formatSeconds(*lit.medianFirstLetdownS))
                             .arg(sortedFirsts.size());

    return lit;
}

// The gentle alert: in each of the last two complete weeks her let-downs per session were
// below her usual (the four weeks before them) beyond chance: the 95 % interval of the
// difference of means lies wholly below zero. Enough sessions on each side are needed.
std::optional<InsightAlert> fewerLetdownsAlert(const QList<Session> &all, QDate today)
{
    const QDate thisMonday = today.addDays(1 - today.dayOfWeek());
    const auto countsIn = [&](QDate from, QDate to) {
        QList<double> counts;
        for (const Session &s : all) {
            const QDate day = localStartDate(s);
            if (s.isFinished() && s.letdownsLogged && day >= from && day <= to)
                counts << double(s.letdowns.size());
        }
        return counts;
    };
    const auto mean = [](const QList<double> &values) {
        return std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
    };
    const QDate usualFrom = thisMonday.addDays(-7 * (Insights::kAlertWeeks + 4));
    const QList<double> usual = countsIn(usualFrom, thisMonday.addDays(-7 * Insights::kAlertWeeks - 1));
    QStringList recent;
    bool allBelow = usual.size() >= 4 * Insights::kMinimumSessions;
    for (int week = Insights::kAlertWeeks; week >= 1 && allBelow; --week) {
        const QDate monday = thisMonday.addDays(-7 * week);
        const QList<double> counts = countsIn(monday, monday.addDays(6));
        const auto difference = meanDifferenceInterval(counts, usual);
        allBelow = counts.size() >= Insights::kMinimumSessions && difference && difference->high < 0;
        if (!counts.isEmpty())
            recent << number(mean(counts));
    }
    if (!allBelow)
        return std::nullopt;
    return InsightAlert {QStringLiteral("fewer_letdowns"),
        Text::tr("In the last two weeks you logged fewer let-downs per session (%1) than your usual (%2), more "
                 "than chance would explain. This can have many ordinary causes, and logged counts vary; if it "
                 "goes on or worries you, it may be worth mentioning to your lactation consultant.")
            .arg(recent.join(Text::tr(" and ")), number(mean(usual)))};
}

VolumeRelation volumeRelationOf(const QList<const Session *> &sessions)
{
    VolumeRelation relation;
    QList<double> counts, volumes;
    for (const Session *s : sessions)
        if (const auto m = measuredSession(*s); m && m->totalMl) {
            relation.points.append({m->letdowns, *m->totalMl});
            counts << double(m->letdowns);
            volumes << *m->totalMl;
        }
    relation.correlation = spearman(counts, volumes);
    const auto &r = relation.correlation;
    if (!r) {
        relation.sentence = Text::tr("More let-downs, more milk? Not enough measured sessions with different let-down "
                                     "counts to say yet (%1 measured; 10 are needed).")
                                .arg(relation.points.size());
    } else {
        if (r->interval.low > 0)
            relation.sentence = Text::tr("In your %1 measured sessions, more let-downs usually went with more milk.")
                                    .arg(r->n);
        else if (r->interval.high < 0)
            relation.sentence = Text::tr("In your %1 measured sessions, more let-downs usually went with less milk.")
                                    .arg(r->n);
        else
            relation.sentence = Text::tr("In your %1 measured sessions, the number of let-downs did not clearly go "
                                         "with the amount of milk.")
                                    .arg(r->n);
        relation.details = Text::tr("Rank correlation (Spearman's rho) %1, 95 % interval %2 to %3.")
                               .arg(number(r->rho, 2), number(r->interval.low, 2), number(r->interval.high, 2));
    }
    return relation;
}

} // namespace

QString formatSignedSeconds(double seconds)
{
    // A true minus sign (U+2212), as in print; "+" for later.
    return (seconds < 0 ? QStringLiteral("\u2212") : QStringLiteral("+")) + formatSeconds(std::abs(seconds));
}

QString formatSeconds(double seconds)
{
    return formatElapsed(qint64(std::llround(seconds)) * 1000);
}

Insights computeInsights(const QList<Session> &all, const ReferenceModel &model, const StatsRange &range, QDate today)
{
    Insights insights;
    QList<const Session *> sessions;
    for (const Session &s : all) {
        // Imported sessions without logged let-downs say nothing about let-downs.
        if (!s.isFinished() || !s.letdownsLogged)
            continue;
        const QDate day = localStartDate(s);
        if (!range.contains(day))
            continue;
        sessions.append(&s);
    }
    insights.sessions = int(sessions.size());

    // Which techniques each session had, as bits (one pass instead of a string search per
    // technique and per pair of techniques).
    const QList<Technique> &techniques = allTechniques();
    QHash<QString, int> bitOf;
    for (int i = 0; i < techniques.size(); ++i)
        bitOf.insert(techniques[i].key, i);
    QList<quint32> masks(sessions.size(), 0);
    QList<SessionFacts> facts;
    facts.reserve(sessions.size());
    for (qsizetype i = 0; i < sessions.size(); ++i) {
        facts << factsOf(*sessions[i]);
        for (const QString &key : sessions[i]->techniques)
            if (const auto bit = bitOf.constFind(key); bit != bitOf.constEnd())
                masks[i] |= 1u << *bit;
    }
    // The sessions with a first let-down, sorted by its time once (pairs: one cache line per
    // comparison): each technique's two sides are then taken in order, already sorted for
    // the medians and the rank-sum test.
    QList<std::pair<double, qsizetype>> byFirstTime;
    byFirstTime.reserve(facts.size());
    for (qsizetype i = 0; i < facts.size(); ++i)
        if (facts[i].firstLetdownS)
            byFirstTime.append({*facts[i].firstLetdownS, i});
    std::sort(byFirstTime.begin(), byFirstTime.end());
    QList<double> sortedFirsts;
    sortedFirsts.reserve(byFirstTime.size());
    for (const auto &[time, index] : std::as_const(byFirstTime))
        sortedFirsts << time;

    for (int t = 0; t < techniques.size(); ++t) {
        const Technique &technique = techniques[t];
        const quint32 bit = 1u << t;
        ComparedSide with, without;
        for (qsizetype i = 0; i < facts.size(); ++i) {
            ComparedSide &side = masks[i] & bit ? with : without;
            ++side.sessions;
            side.letdowns += facts[i].letdowns;
        }
        if (with.sessions == 0)
            continue; // she never tried it: nothing to say
        with.sortedFirsts.reserve(with.sessions);
        without.sortedFirsts.reserve(without.sessions);
        for (const auto &[time, i] : std::as_const(byFirstTime))
            (masks[i] & bit ? with : without).sortedFirsts << time;
        const TechniqueInsight insight = compare(technique.key, with, without);
        if (technique.key == QLatin1String("usual_spot"))
            insights.usualSpot = insight;
        else
            insights.techniques.append(insight);
    }
    QList<TechniqueInsight *> compared;
    for (TechniqueInsight &insight : insights.techniques)
        compared << &insight;
    if (insights.usualSpot)
        compared << &*insights.usualSpot;
    // How many sessions had each combination of techniques: a pair's sessions are then
    // counted over the combinations seen, not over every session for every pair.
    QHash<quint32, int> sessionsWithMask;
    for (quint32 mask : std::as_const(masks))
        ++sessionsWithMask[mask];
    decideVerdicts(compared, [&](const QString &a, const QString &b) {
        const quint32 pair = (1u << bitOf.value(a)) | (1u << bitOf.value(b));
        int both = 0;
        for (auto it = sessionsWithMask.cbegin(); it != sessionsWithMask.cend(); ++it)
            if ((it.key() & pair) == pair)
                both += it.value();
        return both;
    });
    insights.volumeRelation = volumeRelationOf(sessions);

    insights.literature = compareWithLiterature(sessions, facts, sortedFirsts, model);
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
        case TechniqueInsight::Verdict::CannotTellApart: return QStringLiteral("cannot_tell_apart");
        case TechniqueInsight::Verdict::NoClearDifference: break;
        }
        return QStringLiteral("no_clear_difference");
    };
    const auto interval = [&](const std::optional<Interval> &i) {
        return i ? QJsonValue(QJsonArray {optional(i->low), optional(i->high)}) : QJsonValue(QJsonValue::Null);
    };
    const auto technique = [&](const TechniqueInsight &t) {
        const auto &d = t.difference;
        return QJsonObject {{QStringLiteral("technique"), t.key}, {QStringLiteral("with"), side(t.with)},
            {QStringLiteral("without"), side(t.without)},
            {QStringLiteral("difference_s"), optional(d ? std::optional(d->difference) : std::nullopt)},
            {QStringLiteral("difference_ci_s"), interval(d ? std::optional(d->interval) : std::nullopt)},
            {QStringLiteral("p"), optional(d ? std::optional(d->pValue) : std::nullopt)},
            {QStringLiteral("adjusted"), optional(t.adjustedP)},
            {QStringLiteral("used_together_with"),
                t.usedTogetherWith.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(t.usedTogetherWith)},
            {QStringLiteral("verdict"), verdict(t.verdict)}, {QStringLiteral("sentence"), t.sentence},
            {QStringLiteral("details"), t.details}};
    };
    const VolumeRelation &relation = insights.volumeRelation;
    const auto &rho = relation.correlation;
    const QJsonObject volumeRelation {{QStringLiteral("sessions"), int(relation.points.size())},
        {QStringLiteral("rho"), optional(rho ? std::optional(rho->rho) : std::nullopt)},
        {QStringLiteral("rho_ci"), interval(rho ? std::optional(rho->interval) : std::nullopt)},
        {QStringLiteral("sentence"), relation.sentence}, {QStringLiteral("details"), relation.details}};
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
        {QStringLiteral("letdowns_and_volume"), volumeRelation},
        {QStringLiteral("alerts"), alerts},
    };
}
