#pragma once

#include "domain/Session.h"
#include "reference/ReferenceModel.h"
#include "stats/Inference.h"
#include "stats/WeeklyStats.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// What her own log says about her let-downs (docs/insights.md). Pure statistics on
// domain data; the Insights tab, `letdown stats --json` and the report only present it.
struct SideFigures {
    int sessions = 0;
    int sessionsWithLetdown = 0;
    std::optional<double> medianFirstLetdownS;
    std::optional<double> lowerQuartileS; // spread of the time to first let-down
    std::optional<double> upperQuartileS;
    std::optional<double> meanLetdowns;
};

struct TechniqueInsight {
    enum class Verdict { TooFew, Sooner, Later, NoClearDifference, CannotTellApart };
    QString key;
    SideFigures with;
    SideFigures without;
    // Median time to the first let-down with minus without, its 95 % interval, and the
    // Holm-adjusted p-value over all the techniques compared in the period.
    std::optional<MedianDifference> difference;
    std::optional<double> adjustedP;
    // The interval at the level Holm's procedure uses for this technique's place in the
    // order (95 % for the last; 1 - 0.05/m for the first of m): a verdict needs it to exclude 0.
    std::optional<Interval> adjustedInterval;
    QString usedTogetherWith; // CannotTellApart: the technique it nearly always came with
    Verdict verdict = Verdict::TooFew;
    QString sentence; // plain words, with the medians as she would read them
    QString details; // the figures behind it (difference, interval, counts); empty when none
};

// Her let-down count against her measured volume per session (the article's "more
// ejections, more milk", checked on her own data).
struct VolumeRelation {
    QList<std::pair<int, double>> points; // (let-downs, measured ml) for the small scatter
    std::optional<RankCorrelation> correlation;
    QString sentence; // plain words
    QString details; // the rank correlation and its interval; empty when there is none
};

struct LiteratureComparison {
    enum class Position { NoData, Below, Within, Above };
    std::optional<double> meanLetdownsNursing;
    Position nursing = Position::NoData;
    std::optional<double> meanLetdownsPumping;
    Position pumping = Position::NoData;
    // Share of a session's volume in its first let-down, from sessions whose every
    // let-down has a measured volume (the model cannot be compared with itself).
    std::optional<double> firstLetdownShare;
    int sessionsWithLetdownVolumes = 0;
    std::optional<double> medianFirstLetdownS;
    QStringList sentences;
};

struct InsightAlert {
    QString kind; // "fewer_letdowns"
    QString message;
};

struct Insights {
    static constexpr int kMinimumSessions = 5; // on each side, before saying anything
    // "Sooner" or "later" needs, after Holm's correction over the techniques compared, both
    // the rank-sum test below this and the difference's interval clear of zero, and a
    // difference of at least kClearDifferenceS (smaller ones are not worth acting on).
    static constexpr double kFamilyErrorRate = 0.05;
    static constexpr double kClearDifferenceS = 15.0;
    // Two techniques in more than this share of the sessions of either cannot be told apart.
    static constexpr double kTogetherShare = 0.70;
    static constexpr int kAlertWeeks = 2;

    int sessions = 0;
    QList<TechniqueInsight> techniques; // those she used at least once, usual spot last
    std::optional<TechniqueInsight> usualSpot;
    LiteratureComparison literature;
    VolumeRelation volumeRelation;
    QList<InsightAlert> alerts;
};

// `today` sets which weeks are "the last two complete weeks" for the alerts.
Insights computeInsights(
    const QList<Session> &sessions, const ReferenceModel &model, const StatsRange &range, QDate today);

QJsonObject insightsToJson(const Insights &insights);
QString formatSeconds(double seconds); // "1:05"
QString formatSignedSeconds(double seconds); // "−0:42" (sooner) or "+0:03"
