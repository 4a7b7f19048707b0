#pragma once

#include "domain/DayOptions.h"
#include "domain/Session.h"
#include "base/JsonText.h"
#include "reference/ReferenceModel.h"
#include "stats/WeeklyStats.h"

#include <QDate>
#include <QJsonArray>
#include <QList>

#include <optional>

// What a lactation consultant reads first (docs/consultant.md): feeds and pump sessions per
// day, night sessions, the longest gap, minutes per breast, milk measured and estimated
// (never summed), top-ups and let-downs. Every figure counts the finished sessions that
// started on that local day (a feed across midnight belongs to the day it began).

// The figures for a set of sessions (a day, or the last 24 hours).
struct PeriodFigures {
    int nursingSessions = 0;
    int pumpingSessions = 0;
    int nightSessions = 0;
    // The longest interval between two consecutive sessions of any kind, counted for the later
    // one; empty when none of them has an earlier session.
    std::optional<qint64> longestGapS;
    qint64 leftS = 0; // on each side alone (a session on both breasts at once counts in neither)
    qint64 rightS = 0;
    double measuredMl = 0; // pumped, plus test-weigh gains (1 g = 1 ml)
    int sessionsMeasured = 0;
    std::optional<double> pumpedLeftMl; // per breast, where she entered it
    std::optional<double> pumpedRightMl;
    std::optional<double> estimatedMl; // from let-downs, for sessions with nothing measured
    QList<std::pair<double, double>> testWeightsG; // (before, after) of each test-weighed feed
    double topupMl = 0;
    double topupFormulaMl = 0;
    int letdowns = 0; // in sessions whose let-downs were logged
    int sessionsWithLetdownsLogged = 0;
    std::optional<double> medianFirstLetdownS;

    int sessions() const { return nursingSessions + pumpingSessions; }
};

struct DayFigures : PeriodFigures {
    QDate date;
};

// One entry per local calendar day in `range` with at least one finished session, oldest
// first. `sessions` may include sessions before the range: they only give the first day's
// gaps their earlier session.
QList<DayFigures> dayFigures(const QList<Session> &sessions, const ReferenceModel &model, const StatsRange &range,
    const DayOptions &options = {});

// The same figures for the sessions that started in the 24 hours up to `nowUtcMs`.
PeriodFigures lastDayFigures(
    const QList<Session> &sessions, const ReferenceModel &model, qint64 nowUtcMs, const DayOptions &options = {});

// The consultants' usual aims, shown beside the figures (never as a verdict).
struct FeedingTargets {
    static constexpr int kFewestFeedsPerDay = 8;
    static constexpr int kMostFeedsPerDay = 12;
    static constexpr int kNightFeeds = 1;
    static constexpr qint64 kLongestGapS = 5 * 3600;
};

// The side to offer first at the next feed: the other one than the last feed ended on (or,
// after a feed on both, the one used less). Empty before any feed.
std::optional<Side> nextSide(const QList<Session> &sessions);

// `stats --json`'s "days": exactly the documented fields (docs/cli.md), same definitions
// whatever her preferences (start to start, night 00:00 to 05:59). Written directly (one
// day of ten years' 3,650 at a time); dayFiguresToJson reads that text back as Qt's array.
void writeDayFiguresJson(JsonTextWriter &json, const QList<DayFigures> &days);
QJsonArray dayFiguresToJson(const QList<DayFigures> &days);
