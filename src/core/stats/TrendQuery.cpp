#include "stats/TrendQuery.h"

#include "storage/SessionStore.h"

#include <QDateTime>

#include <limits>

namespace {
// Local dates become UTC instants only once we know the offset; every offset on Earth is
// within 14 hours of UTC, so widen the window by that and let the stats filter exactly.
constexpr qint64 kWidestUtcOffsetMs = 14LL * 3600 * 1000;

qint64 utcMidnightMs(QDate date)
{
    return QDateTime(date, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
}
} // namespace

StatsRange lastWeeksRange(QDate today, int weeks)
{
    const QDate monday = today.addDays(1 - today.dayOfWeek());
    return {monday.addDays(-7 * (qMax(1, weeks) - 1)), today};
}

bool loadTrendStats(SessionStore &store, const ReferenceModel &model, KindFilter filter, const StatsRange &range,
    TrendStats &stats, QString &error)
{
    qint64 fromUtcMs = std::numeric_limits<qint64>::min();
    qint64 toUtcMs = std::numeric_limits<qint64>::max();
    if (range.from) // four more weeks for the first weeks' baseline
        fromUtcMs = utcMidnightMs(IsoWeek::containing(*range.from).monday.addDays(-28)) - kWidestUtcOffsetMs;
    if (range.to)
        toUtcMs = utcMidnightMs(range.to->addDays(1)) + kWidestUtcOffsetMs;
    QList<Session> sessions;
    if (!store.loadSessionsStartedBetween(fromUtcMs, toUtcMs, sessions)) {
        error = store.errorString();
        return false;
    }
    stats = computeTrendStats(sessions, model, filter, range);
    return true;
}
