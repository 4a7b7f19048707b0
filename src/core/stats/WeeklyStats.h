#pragma once

#include "domain/Session.h"
#include "reference/ReferenceModel.h"
#include "stats/WeekFigures.h"

#include <QDate>
#include <QMap>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

enum class KindFilter { Nursing, Pumping, Both };

// An ISO 8601 week (Monday start) of her local calendar.
struct IsoWeek {
    int year = 0; // the ISO week-numbering year (2027-01-01 is in 2026-W53)
    int number = 0; // 1..53
    QDate monday;

    static IsoWeek containing(QDate date);
    QString label() const; // "2026-W47"
    bool operator==(const IsoWeek &other) const { return monday == other.monday; }
};

// The local calendar date on which a session started (with the offset saved at the time).
QDate localStartDate(const Session &session);

struct WeekStats {
    IsoWeek week;
    int sessions = 0; // finished sessions of the chosen kinds that started this week
    int nursingSessions = 0;
    int pumpingSessions = 0;
    std::optional<double> meanLetdownsNursing;
    std::optional<double> meanLetdownsPumping;
    // Her own yardstick: mean let-downs per session over the four weeks before this one.
    std::optional<double> baselineLetdownsNursing;
    std::optional<double> baselineLetdownsPumping;
    int baselineSessionsNursing = 0;
    int baselineSessionsPumping = 0;
    // Median seconds from the start to the first let-down, over sessions with one.
    std::optional<double> medianFirstLetdownS;
    int sessionsWithLetdown = 0;
    // Mean over the days that have estimable sessions of each day's estimated total.
    std::optional<double> estimatedMlPerDay;
    int daysWithSessions = 0; // days with at least one estimable session
    // Sessions with no measured total and no let-down: their volume is unknown and left
    // out of the estimate (never counted as 0 ml).
    int sessionsWithoutEstimate = 0;
    // The same milk kept apart, never summed (docs/consultant.md): measured (pumped, test
    // weights) as the mean over the days with a measured session, and estimated from let-downs
    // (sessions with nothing measured) over the days with such a session.
    std::optional<double> measuredMlPerDay;
    std::optional<double> letdownEstimateMlPerDay;
    // Mean estimated volume of the k-th let-down, over the sessions that had a k-th.
    QList<double> meanEstimatedMlByOrder;
    QList<int> sessionsByOrder;

    bool hasData() const { return sessions > 0; }
};

struct OrderVolume {
    int order = 0;
    double meanEstimatedMl = 0;
    int sessions = 0;
    double referenceMl = 0;
};

struct StatsRange {
    std::optional<QDate> from; // local dates, inclusive
    std::optional<QDate> to;

    bool contains(QDate day) const { return (!from || day >= *from) && (!to || day <= *to); }
};

struct TrendStats {
    QList<WeekStats> weeks; // every week of the range in order, empty ones included
    QList<OrderVolume> volumeByOrder; // over the whole range
    int sessions = 0;
};

// Builds the statistics one session at a time, so years of sessions can be streamed from
// the database without holding them all (any order).
class TrendAccumulator
{
public:
    TrendAccumulator(const ReferenceModel &model, KindFilter filter, const StatsRange &range);
    ~TrendAccumulator();
    void add(const Session &session);
    // A whole week's kept figures (stats/WeekFigures) instead of its sessions: the week must
    // lie wholly inside the range, or wholly before it (then it only feeds baselines), and
    // none of its sessions may also be given to add().
    void addWholeWeek(QDate monday, WeekFigures &&figures);
    // Room for this many weeks, made once (growing one week at a time moved every week's
    // figures again at each step: a tenth of reading ten years).
    void reserveWeeks(qsizetype weeks);
    TrendStats result() const;

private:
    struct State;
    std::unique_ptr<State> m;
};

// Pure: the sessions may include ones outside the range (those in the four weeks before
// it feed the first weeks' baseline). Only finished sessions count.
TrendStats computeTrendStats(
    const QList<Session> &sessions, const ReferenceModel &model, KindFilter filter, const StatsRange &range);

double median(QList<double> values); // of a non-empty list
// The mean of the days' totals; empty when there is no day (never 0 for "no data").
std::optional<double> meanPerDay(const QMap<QDate, double> &totalByDay);
