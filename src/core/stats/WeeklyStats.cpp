#include "stats/WeeklyStats.h"

#include "domain/TimeFormat.h"
#include "stats/VolumeEstimate.h"

#include <QDateTime>
#include <QHash>
#include <QMap>

#include <algorithm>
#include <numeric>

namespace {
constexpr int kBaselineWeeks = 4;

bool passes(KindFilter filter, SessionKind kind)
{
    return filter == KindFilter::Both || (filter == KindFilter::Nursing) == (kind == SessionKind::Nursing);
}

// Let-down counts per kind: what a week's mean and a later week's baseline are made of.
// Sessions whose let-downs were not logged (imported from another tracker) count as
// sessions but not in the means: their let-downs are unknown, not 0.
struct LetdownCounts {
    int nursing = 0;
    int pumping = 0;
    int nursingLogged = 0;
    int pumpingLogged = 0;
    double nursingLetdowns = 0;
    double pumpingLetdowns = 0;

    void add(const Session &session)
    {
        const double letdowns = double(session.letdowns.size());
        const int logged = session.letdownsLogged ? 1 : 0;
        if (session.kind == SessionKind::Nursing) {
            ++nursing;
            nursingLogged += logged;
            nursingLetdowns += logged * letdowns;
        } else {
            ++pumping;
            pumpingLogged += logged;
            pumpingLetdowns += logged * letdowns;
        }
    }
};

// What a week of the range needs beyond the counts, gathered in one pass.
struct WeekAccumulator {
    LetdownCounts counts;
    QList<double> firstLetdownS;
    QMap<QDate, double> mlByDay; // days with at least one estimable session
    QMap<QDate, double> measuredByDay; // the same apart: measured
    QMap<QDate, double> letdownEstimateByDay; // and estimated from let-downs
    int sessionsWithoutEstimate = 0;
    QList<double> mlSumByOrder;
    QList<int> countByOrder;
};

void addByOrder(QList<double> &sums, QList<int> &counts, const QList<double> &volumes)
{
    if (sums.size() < volumes.size()) {
        sums.resize(volumes.size(), 0.0);
        counts.resize(volumes.size(), 0);
    }
    for (int i = 0; i < volumes.size(); ++i) {
        sums[i] += volumes[i];
        ++counts[i];
    }
}

std::optional<double> meanOrNothing(double sum, int count)
{
    return count > 0 ? std::optional<double>(sum / count) : std::nullopt;
}
} // namespace

IsoWeek IsoWeek::containing(QDate date)
{
    IsoWeek week;
    week.number = date.weekNumber(&week.year);
    week.monday = date.addDays(1 - date.dayOfWeek());
    return week;
}

QString IsoWeek::label() const
{
    return QStringLiteral("%1-W%2").arg(year).arg(number, 2, 10, QLatin1Char('0'));
}

QDate localStartDate(const Session &session)
{
    return storedLocalDate(session.startedAtUtcMs, session.startedUtcOffsetS);
}

std::optional<double> meanPerDay(const QMap<QDate, double> &totalByDay)
{
    if (totalByDay.isEmpty())
        return std::nullopt;
    return std::accumulate(totalByDay.cbegin(), totalByDay.cend(), 0.0) / double(totalByDay.size());
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2.0;
}

struct TrendAccumulator::State {
    ReferenceModel model;
    KindFilter filter = KindFilter::Both;
    StatsRange range;
    int sessions = 0;
    QHash<QDate, WeekAccumulator> inRangeByMonday; // keyed by the week's Monday
    QHash<QDate, LetdownCounts> allByMonday; // also the weeks before the range, for baselines
    QList<double> rangeSumsByOrder;
    QList<int> rangeCountsByOrder;
    std::optional<QDate> firstInRange;
    std::optional<QDate> lastInRange;
};

TrendAccumulator::TrendAccumulator(const ReferenceModel &model, KindFilter filter, const StatsRange &range)
    : m(std::make_unique<State>())
{
    m->model = model;
    m->filter = filter;
    m->range = range;
}

TrendAccumulator::~TrendAccumulator() = default;

void TrendAccumulator::add(const Session &session)
{
    const StatsRange &range = m->range;
    if (!session.isFinished() || !passes(m->filter, session.kind))
        return;
    const QDate day = localStartDate(session);
    if (range.to && day > *range.to)
        return;
    const QDate monday = IsoWeek::containing(day).monday;
    m->allByMonday[monday].add(session);
    if (range.from && day < *range.from)
        return; // before the range: counts for the baseline only
    WeekAccumulator &week = m->inRangeByMonday[monday];
    week.counts.add(session);
    if (const auto first = session.firstLetdownOffsetMs())
        week.firstLetdownS.append(double(*first) / 1000.0);
    // Not logged: no let-downs to estimate; the session's own measured total still counts.
    const QList<double> volumes
        = session.letdownsLogged ? estimatedLetdownVolumesMl(session, m->model) : QList<double>();
    if (const auto measured = measuredTotalMl(session)) {
        week.mlByDay[day] += *measured;
        week.measuredByDay[day] += *measured;
    } else if (!volumes.isEmpty()) {
        const double estimated = std::accumulate(volumes.begin(), volumes.end(), 0.0);
        week.mlByDay[day] += estimated;
        week.letdownEstimateByDay[day] += estimated;
    } else
        ++week.sessionsWithoutEstimate; // nothing measured, no let-down: unknown, not 0 ml
    addByOrder(week.mlSumByOrder, week.countByOrder, volumes);
    addByOrder(m->rangeSumsByOrder, m->rangeCountsByOrder, volumes);
    ++m->sessions;
    m->firstInRange = m->firstInRange ? std::min(*m->firstInRange, day) : day;
    m->lastInRange = m->lastInRange ? std::max(*m->lastInRange, day) : day;
}

TrendStats TrendAccumulator::result() const
{
    const StatsRange &range = m->range;
    const ReferenceModel &model = m->model;
    const auto &inRangeByMonday = m->inRangeByMonday;
    const auto &allByMonday = m->allByMonday;
    const auto &rangeSumsByOrder = m->rangeSumsByOrder;
    const auto &rangeCountsByOrder = m->rangeCountsByOrder;
    const auto &firstInRange = m->firstInRange;
    const auto &lastInRange = m->lastInRange;
    TrendStats result;
    result.sessions = m->sessions;

    // The weeks start no earlier than the first session seen (baseline weeks included): the
    // work is bounded by the data, not by the range (from year 1 is no slower than from her
    // first feed), while empty weeks after her first session keep their baseline.
    std::optional<QDate> firstSeen;
    for (auto it = allByMonday.cbegin(); it != allByMonday.cend(); ++it)
        firstSeen = firstSeen ? std::min(*firstSeen, it.key()) : it.key();
    const std::optional<QDate> firstDay
        = range.from && firstSeen ? std::max(*range.from, *firstSeen) : (range.from ? range.from : firstInRange);
    const std::optional<QDate> lastDay = range.to ? range.to : lastInRange;
    if (!firstDay || !lastDay || *lastDay < *firstDay)
        return result;

    for (QDate monday = IsoWeek::containing(*firstDay).monday; monday <= *lastDay; monday = monday.addDays(7)) {
        WeekStats stats;
        stats.week = IsoWeek::containing(monday);
        const WeekAccumulator week = inRangeByMonday.value(monday);
        stats.nursingSessions = week.counts.nursing;
        stats.pumpingSessions = week.counts.pumping;
        stats.sessions = stats.nursingSessions + stats.pumpingSessions;
        stats.meanLetdownsNursing = meanOrNothing(week.counts.nursingLetdowns, week.counts.nursingLogged);
        stats.meanLetdownsPumping = meanOrNothing(week.counts.pumpingLetdowns, week.counts.pumpingLogged);

        LetdownCounts baseline;
        for (int back = 1; back <= kBaselineWeeks; ++back) {
            const LetdownCounts earlier = allByMonday.value(monday.addDays(-7 * back));
            baseline.nursing += earlier.nursing;
            baseline.pumping += earlier.pumping;
            baseline.nursingLogged += earlier.nursingLogged;
            baseline.pumpingLogged += earlier.pumpingLogged;
            baseline.nursingLetdowns += earlier.nursingLetdowns;
            baseline.pumpingLetdowns += earlier.pumpingLetdowns;
        }
        stats.baselineSessionsNursing = baseline.nursingLogged;
        stats.baselineSessionsPumping = baseline.pumpingLogged;
        stats.baselineLetdownsNursing = meanOrNothing(baseline.nursingLetdowns, baseline.nursingLogged);
        stats.baselineLetdownsPumping = meanOrNothing(baseline.pumpingLetdowns, baseline.pumpingLogged);

        stats.sessionsWithLetdown = int(week.firstLetdownS.size());
        if (!week.firstLetdownS.isEmpty())
            stats.medianFirstLetdownS = median(week.firstLetdownS);
        stats.daysWithSessions = int(week.mlByDay.size());
        stats.sessionsWithoutEstimate = week.sessionsWithoutEstimate;
        stats.estimatedMlPerDay = meanPerDay(week.mlByDay);
        stats.measuredMlPerDay = meanPerDay(week.measuredByDay);
        stats.letdownEstimateMlPerDay = meanPerDay(week.letdownEstimateByDay);
        for (int i = 0; i < week.mlSumByOrder.size(); ++i)
            stats.meanEstimatedMlByOrder.append(week.mlSumByOrder[i] / week.countByOrder[i]);
        stats.sessionsByOrder = week.countByOrder;
        result.weeks.append(stats);
    }

    for (int i = 0; i < rangeSumsByOrder.size(); ++i)
        result.volumeByOrder.append({i + 1, rangeSumsByOrder[i] / rangeCountsByOrder[i], rangeCountsByOrder[i],
            model.referenceVolumeMl(i + 1)});
    return result;
}

TrendStats computeTrendStats(
    const QList<Session> &sessions, const ReferenceModel &model, KindFilter filter, const StatsRange &range)
{
    TrendAccumulator accumulator(model, filter, range);
    for (const Session &session : sessions)
        accumulator.add(session);
    return accumulator.result();
}
