#include "stats/WeeklyStats.h"

#include "domain/TimeFormat.h"
#include "stats/VolumeEstimate.h"

#include <QDateTime>
#include <QHash>
#include <QMap>

#include <algorithm>
#include <array>
#include <iterator>
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
    // A whole week of one kind at once (the same sums: let-down counts are whole numbers).
    void add(const KindWeekFigures &figures, SessionKind kind)
    {
        if (kind == SessionKind::Nursing) {
            nursing += figures.sessions;
            nursingLogged += figures.logged;
            nursingLetdowns += figures.letdowns;
        } else {
            pumping += figures.sessions;
            pumpingLogged += figures.logged;
            pumpingLetdowns += figures.letdowns;
        }
    }
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

// Adds `sessions` sessions whose k-th let-down is `mlOfOrder(k)` for k < letdownCount.
template <typename MlOfOrder>
void addByOrder(QList<double> &sums, QList<int> &counts, int letdownCount, int sessions, MlOfOrder mlOfOrder)
{
    if (sums.size() < letdownCount) {
        sums.resize(letdownCount, 0.0);
        counts.resize(letdownCount, 0);
    }
    for (int i = 0; i < letdownCount; ++i) {
        sums[i] += mlOfOrder(i);
        counts[i] += sessions;
    }
}

// The model's figures by let-down order, as estimatedLetdownVolumesMl computes them (the
// same products and sums, so the same doubles): r^(k-1), the estimate of the k-th let-down
// with nothing measured, and the sums over the first n of each.
class ModelShapes
{
public:
    explicit ModelShapes(const ReferenceModel &model)
        : m_model(model)
    { }
    double weight(int i) { grow(i + 1); return m_weights[i]; }
    double estimateMl(int i) { grow(i + 1); return m_model.firstLetdownMl * m_weights[i]; }
    // Sum of the first n weights, and of the first n estimates (a session's estimated total).
    double weightSum(int n) { grow(n); return m_weightSums[n]; }
    double estimateSumMl(int n) { grow(n); return m_estimateSums[n]; }

private:
    void grow(int n)
    {
        while (m_weights.size() < n) {
            m_weights.append(m_weights.isEmpty() ? 1.0 : m_weights.last() * m_model.decayR);
            m_weightSums.append(m_weightSums.last() + m_weights.last());
            m_estimateSums.append(m_estimateSums.last() + m_model.firstLetdownMl * m_weights.last());
        }
    }
    ReferenceModel m_model;
    QList<double> m_weights;
    QList<double> m_weightSums {0.0};
    QList<double> m_estimateSums {0.0};
};

// The let-down volumes of a session with a let-down weighed on its own.
QList<double> mixedVolumesMl(const MixedSession &mixed, const ReferenceModel &model)
{
    Session session;
    session.kind = SessionKind::Pumping; // whose measured total is pumpedVolumeMl
    session.pumpedVolumeMl = mixed.totalMl;
    for (const auto &ml : mixed.letdownMl) {
        Letdown letdown;
        letdown.measuredVolumeMl = ml;
        session.letdowns.append(letdown);
    }
    return estimatedLetdownVolumesMl(session, model);
}

std::optional<double> meanOrNothing(double sum, int count)
{
    return count > 0 ? std::optional<double>(sum / count) : std::nullopt;
}

// meanPerDay over a week's days, Monday first, with no map to build.
std::optional<double> meanOfDays(const std::array<std::optional<double>, 7> &totalByDay)
{
    double sum = 0;
    int days = 0;
    for (const auto &total : totalByDay)
        if (total) {
            sum += *total;
            ++days;
        }
    return days > 0 ? std::optional<double>(sum / double(days)) : std::nullopt;
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
    QHash<QDate, WeekFigures> inRangeByMonday; // keyed by the week's Monday
    QHash<QDate, LetdownCounts> allByMonday; // also the weeks before the range, for baselines
    std::optional<QDate> firstInRange;
    std::optional<QDate> lastInRange;

    void sawInRange(QDate day)
    {
        firstInRange = firstInRange ? std::min(*firstInRange, day) : day;
        lastInRange = lastInRange ? std::max(*lastInRange, day) : day;
    }
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
    m->inRangeByMonday[monday].add(session, int(monday.daysTo(day)));
    ++m->sessions;
    m->sawInRange(day);
}

void TrendAccumulator::reserveWeeks(qsizetype weeks)
{
    m->inRangeByMonday.reserve(weeks);
    m->allByMonday.reserve(weeks);
}

void TrendAccumulator::addWholeWeek(QDate monday, WeekFigures &&figures)
{
    const StatsRange &range = m->range;
    const QDate sunday = monday.addDays(6);
    Q_ASSERT(!range.to || sunday <= *range.to);
    Q_ASSERT(!range.from || monday >= *range.from || sunday < *range.from);
    const bool inRange = !range.from || monday >= *range.from;
    bool anyInRange = false;
    for (const SessionKind kind : {SessionKind::Nursing, SessionKind::Pumping}) {
        KindWeekFigures &part = kind == SessionKind::Nursing ? figures.nursing : figures.pumping;
        if (!passes(m->filter, kind) || part.isEmpty()) {
            part = KindWeekFigures(); // not kept: the other kind's filter
            continue;
        }
        m->allByMonday[monday].add(part, kind);
        if (!inRange) {
            part = KindWeekFigures();
            continue;
        }
        anyInRange = true;
        m->sessions += part.sessions;
        for (int d = 0; d < 7; ++d)
            if (part.dayMask & (1u << d))
                m->sawInRange(monday.addDays(d));
    }
    if (anyInRange)
        m->inRangeByMonday.insert(monday, std::move(figures));
}

TrendStats TrendAccumulator::result() const
{
    const StatsRange &range = m->range;
    const ReferenceModel &model = m->model;
    const auto &inRangeByMonday = m->inRangeByMonday;
    const auto &allByMonday = m->allByMonday;
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

    ModelShapes shapes(model);
    QList<double> rangeSumsByOrder;
    QList<int> rangeCountsByOrder;
    for (QDate monday = IsoWeek::containing(*firstDay).monday; monday <= *lastDay; monday = monday.addDays(7)) {
        WeekStats stats;
        stats.week = IsoWeek::containing(monday);
        static const WeekFigures noSessions;
        const auto found = inRangeByMonday.constFind(monday);
        const WeekFigures &week = found == inRangeByMonday.cend() ? noSessions : *found;
        const KindWeekFigures *parts[] = {&week.nursing, &week.pumping};
        stats.nursingSessions = week.nursing.sessions;
        stats.pumpingSessions = week.pumping.sessions;
        stats.sessions = stats.nursingSessions + stats.pumpingSessions;
        stats.meanLetdownsNursing = meanOrNothing(week.nursing.letdowns, week.nursing.logged);
        stats.meanLetdownsPumping = meanOrNothing(week.pumping.letdowns, week.pumping.logged);

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

        // Each kind's times are kept sorted: merged, they give the median with no sort (the
        // same values picked, so the same double as median()).
        QList<qint64> firstLetdownMs;
        firstLetdownMs.reserve(week.nursing.firstLetdownMs.size() + week.pumping.firstLetdownMs.size());
        std::merge(week.nursing.firstLetdownMs.cbegin(), week.nursing.firstLetdownMs.cend(),
            week.pumping.firstLetdownMs.cbegin(), week.pumping.firstLetdownMs.cend(), std::back_inserter(firstLetdownMs));
        stats.sessionsWithLetdown = int(firstLetdownMs.size());
        if (const qsizetype middle = firstLetdownMs.size() / 2; !firstLetdownMs.isEmpty())
            stats.medianFirstLetdownS = firstLetdownMs.size() % 2
                ? double(firstLetdownMs[middle]) / 1000.0
                : (double(firstLetdownMs[middle - 1]) / 1000.0 + double(firstLetdownMs[middle]) / 1000.0) / 2.0;

        // Day by day: measured totals and the model's estimates, kept apart and together
        // (Monday first: the same order, so the same sums, as meanPerDay over dated maps).
        std::array<std::optional<double>, 7> mlByDay;
        std::array<std::optional<double>, 7> measuredByDay;
        std::array<std::optional<double>, 7> letdownEstimateByDay;
        QList<double> mlSumByOrder;
        QList<int> countByOrder;
        for (int d = 0; d < 7; ++d) {
            double measuredMl = 0;
            double estimatedMl = 0;
            bool measured = false;
            bool estimated = false;
            for (const KindWeekFigures *part : parts) {
                const WeekDayFigures *found = &part->days[d];
                if (!found->present)
                    continue;
                if (found->measuredSessions > 0) {
                    measured = true;
                    measuredMl += found->measuredMl;
                }
                for (int letdowns = 1; letdowns < found->estimatedByCount.size(); ++letdowns) {
                    const int sessions = found->estimatedByCount[letdowns];
                    if (sessions == 0)
                        continue;
                    estimated = true;
                    estimatedMl += sessions * shapes.estimateSumMl(letdowns);
                    addByOrder(mlSumByOrder, countByOrder, letdowns, sessions,
                        [&](int i) { return sessions * shapes.estimateMl(i); });
                }
                estimated = estimated || found->mixedWithoutTotal > 0;
            }
            for (const KindWeekFigures *part : parts)
                for (const MixedSession &mixed : part->mixed) {
                    if (mixed.dayIndex != d)
                        continue;
                    const QList<double> volumes = mixedVolumesMl(mixed, model);
                    if (!mixed.totalMl)
                        estimatedMl += std::accumulate(volumes.begin(), volumes.end(), 0.0);
                    addByOrder(mlSumByOrder, countByOrder, volumes);
                }
            if (measured)
                measuredByDay[d] = measuredMl;
            if (estimated)
                letdownEstimateByDay[d] = estimatedMl;
            if (measured || estimated)
                mlByDay[d] = measuredMl + estimatedMl;
        }
        // A measured total spread over let-downs by the model's weights.
        for (const KindWeekFigures *part : parts)
            for (auto it = part->spreadByCount.cbegin(); it != part->spreadByCount.cend(); ++it)
                addByOrder(mlSumByOrder, countByOrder, it.key(), it->sessions,
                    [&](int i) { return it->totalMl * shapes.weight(i) / shapes.weightSum(it.key()); });

        stats.daysWithSessions = int(std::count_if(mlByDay.cbegin(), mlByDay.cend(), [](const auto &ml) { return ml.has_value(); }));
        stats.sessionsWithoutEstimate = week.nursing.withoutEstimate + week.pumping.withoutEstimate;
        stats.estimatedMlPerDay = meanOfDays(mlByDay);
        stats.measuredMlPerDay = meanOfDays(measuredByDay);
        stats.letdownEstimateMlPerDay = meanOfDays(letdownEstimateByDay);
        for (int i = 0; i < mlSumByOrder.size(); ++i) {
            stats.meanEstimatedMlByOrder.append(mlSumByOrder[i] / countByOrder[i]);
            if (rangeSumsByOrder.size() <= i) {
                rangeSumsByOrder.append(0.0);
                rangeCountsByOrder.append(0);
            }
            rangeSumsByOrder[i] += mlSumByOrder[i];
            rangeCountsByOrder[i] += countByOrder[i];
        }
        stats.sessionsByOrder = countByOrder;
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
