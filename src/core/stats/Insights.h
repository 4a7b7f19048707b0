#pragma once

#include "domain/Session.h"
#include "reference/ReferenceModel.h"
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
    enum class Verdict { TooFew, Sooner, Later, NoClearDifference };
    QString key;
    SideFigures with;
    SideFigures without;
    Verdict verdict = Verdict::TooFew;
    QString sentence;
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
    static constexpr double kClearDifferenceS = 15.0; // and
    static constexpr double kClearDifferenceShare = 0.15; // of the time without
    static constexpr double kAlertDrop = 0.20; // a week 20 % below her usual
    static constexpr int kAlertWeeks = 2;

    int sessions = 0;
    QList<TechniqueInsight> techniques; // those she used at least once, usual spot last
    std::optional<TechniqueInsight> usualSpot;
    LiteratureComparison literature;
    QList<InsightAlert> alerts;
};

// `today` sets which weeks are "the last two complete weeks" for the alerts.
Insights computeInsights(
    const QList<Session> &sessions, const ReferenceModel &model, const StatsRange &range, QDate today);

QJsonObject insightsToJson(const Insights &insights);
QString formatSeconds(double seconds); // "1:05"
