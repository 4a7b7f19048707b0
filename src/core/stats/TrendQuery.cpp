#include "stats/TrendQuery.h"

#include "base/Clock.h"
#include "domain/PlausibleDates.h"
#include "domain/TimeFormat.h"

#include "storage/SessionStore.h"

#include <QDateTime>

#include <limits>
#include <tuple>

namespace {
// Local dates become UTC instants only once we know the offset; every offset on Earth is
// within 14 hours of UTC, so widen the window by that and let the stats filter exactly.
constexpr qint64 kWidestUtcOffsetMs = 14LL * 3600 * 1000;

qint64 utcMidnightMs(QDate date)
{
    return QDateTime(date, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
}

// A statistic reads only sessions on the dates Letdown takes as real (PlausibleDates.h): one
// row of year 1 or 9999 in a damaged or hand-edited file would otherwise make every week
// between be walked (19 s and 230 MB of JSON for one such row). Such rows stay in History,
// where she can correct them; `letdown stats` says how many were left out.
std::pair<qint64, qint64> plausibleUtcBounds(qint64 fromUtcMs, qint64 toUtcMs)
{
    const QDate today = localToday(processClock());
    return {std::max(fromUtcMs, utcMidnightMs(earliestPlausibleDate()) - kWidestUtcOffsetMs),
        std::min(toUtcMs, utcMidnightMs(latestPlausibleDate(today).addDays(1)) + kWidestUtcOffsetMs)};
}

// The UTC instants that may fall on the range's local dates, whatever offset she had then;
// what is read between them is then cut exactly on the local date she saw.
std::pair<qint64, qint64> widenedUtcBounds(const StatsRange &range)
{
    qint64 fromUtcMs = std::numeric_limits<qint64>::min();
    qint64 toUtcMs = std::numeric_limits<qint64>::max();
    if (range.from)
        fromUtcMs = utcMidnightMs(*range.from) - kWidestUtcOffsetMs;
    if (range.to)
        toUtcMs = utcMidnightMs(range.to->addDays(1)) + kWidestUtcOffsetMs;
    return plausibleUtcBounds(fromUtcMs, toUtcMs);
}
} // namespace

StatsRange lastWeeksRange(QDate today, int weeks)
{
    const QDate monday = today.addDays(1 - today.dayOfWeek());
    return {monday.addDays(-7 * (qMax(1, weeks) - 1)), today};
}

bool loadSessionsInRange(SessionStore &store, const StatsRange &range, QList<Session> &sessions, QString &error)
{
    const auto [fromUtcMs, toUtcMs] = widenedUtcBounds(range);
    if (!store.loadSessionsStartedBetween(fromUtcMs, toUtcMs, sessions)) {
        error = store.errorString();
        return false;
    }
    sessions.removeIf([&](const Session &s) { return !range.contains(localStartDate(s)); });
    return true;
}

bool loadTrendStats(SessionStore &store, const ReferenceModel &model, KindFilter filter, const StatsRange &range,
    TrendStats &stats, QString &error)
{
    // Four more weeks before the range feed its first weeks' baseline. Sessions stream
    // through the accumulator: ten years never sit in memory at once.
    qint64 fromUtcMs = std::numeric_limits<qint64>::min();
    qint64 toUtcMs = std::numeric_limits<qint64>::max();
    if (range.from)
        fromUtcMs = utcMidnightMs(IsoWeek::containing(*range.from).monday.addDays(-28)) - kWidestUtcOffsetMs;
    // Without a start, read everything with plain scans (the accumulator drops what falls
    // after range.to): cheaper than looking up nearly every session one by one.
    if (range.to && range.from)
        toUtcMs = utcMidnightMs(range.to->addDays(1)) + kWidestUtcOffsetMs;
    std::tie(fromUtcMs, toUtcMs) = plausibleUtcBounds(fromUtcMs, toUtcMs);
    TrendAccumulator accumulator(model, filter, range);
    if (!store.forEachSessionStartedBetween(
            fromUtcMs, toUtcMs, [&](Session &&session) { accumulator.add(session); },
            SessionStore::Detail::Statistics)) {
        error = store.errorString();
        return false;
    }
    stats = accumulator.result();
    return true;
}

bool loadSpontaneousLetdownsInRange(
    SessionStore &store, const StatsRange &range, QList<SessionStore::SpontaneousLetdown> &letdowns, QString &error)
{
    const auto [fromUtcMs, toUtcMs] = widenedUtcBounds(range);
    if (!store.loadSpontaneousLetdowns(fromUtcMs, toUtcMs, letdowns)) {
        error = store.errorString();
        return false;
    }
    letdowns.removeIf([&](const SessionStore::SpontaneousLetdown &l) {
        return !range.contains(storedLocalDate(l.atUtcMs, l.utcOffsetS));
    });
    return true;
}

bool loadStatisticsSessions(
    SessionStore &store, const StatsRange &range, QDate today, QList<Session> &sessions, QString &error)
{
    qint64 fromUtcMs = std::numeric_limits<qint64>::min();
    if (range.from) {
        const QDate baselineStart = IsoWeek::containing(*range.from).monday.addDays(-28);
        const QDate alertStart = today.addDays(1 - today.dayOfWeek()).addDays(-7 * 6);
        fromUtcMs = utcMidnightMs(std::min(baselineStart, alertStart)) - kWidestUtcOffsetMs;
    }
    sessions.clear();
    const auto [plausibleFromUtcMs, plausibleToUtcMs]
        = plausibleUtcBounds(fromUtcMs, std::numeric_limits<qint64>::max());
    if (!store.forEachSessionStartedBetween(
            plausibleFromUtcMs, plausibleToUtcMs,
            [&](Session &&session) { sessions.append(std::move(session)); }, SessionStore::Detail::Statistics)) {
        error = store.errorString();
        return false;
    }
    return true;
}

bool countImplausibleSessions(SessionStore &store, int &count, QString &error)
{
    const auto [fromUtcMs, toUtcMs]
        = plausibleUtcBounds(std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max());
    if (!store.countSessionsStartedOutside(fromUtcMs, toUtcMs, count)) {
        error = store.errorString();
        return false;
    }
    return true;
}

bool loadCurrentFit(SessionStore &store, std::optional<VolumeFit> &fit, QString &error)
{
    // Streamed: only what the fit needs is kept, never every session at once.
    QList<MeasuredSession> measured;
    const auto [fromUtcMs, toUtcMs]
        = plausibleUtcBounds(std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max());
    if (!store.forEachSessionStartedBetween(
            fromUtcMs, toUtcMs,
            [&](Session &&session) {
                if (const auto m = measuredSession(session))
                    measured << *m;
            },
            SessionStore::Detail::Statistics)) {
        error = store.errorString();
        return false;
    }
    fit = fitVolumeModel(measured);
    return true;
}
