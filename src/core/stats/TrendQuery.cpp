#include "stats/TrendQuery.h"

#include "base/Clock.h"
#include "domain/PlausibleDates.h"
#include "domain/TimeFormat.h"

#include "storage/SessionStore.h"

#include <QDateTime>
#include <QHash>
#include <QSet>

#include <limits>
#include <algorithm>

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

bool forEachSessionInRange(SessionStore &store, const StatsRange &range, const std::function<void(Session &&)> &visit,
    QString &error, SessionStore::Detail detail)
{
    const auto [fromUtcMs, toUtcMs] = widenedUtcBounds(range);
    std::optional<std::pair<qint64, qint64>> span;
    if (!store.loadStartSpan(fromUtcMs, toUtcMs, span)) {
        error = store.errorString();
        return false;
    }
    if (!span)
        return true;
    // Read in windows of start times, each put in order on its own: the windows follow each
    // other, so the whole comes out oldest first (equal starts in storage order, as a stable
    // sort of everything would give), and only one window is held at a time.
    constexpr qint64 kWindowMs = 28LL * 24 * 60 * 60 * 1000;
    const auto earlier = [](const Session &a, const Session &b) { return a.startedAtUtcMs < b.startedAtUtcMs; };
    QList<Session> window;
    for (qint64 windowStart = span->first;;) {
        // The last window ends at the last start (no arithmetic past it: plausible bounds only).
        const qint64 windowEnd = span->second - windowStart < kWindowMs ? span->second : windowStart + kWindowMs - 1;
        window.clear();
        if (!store.forEachSessionStartedBetween(
                windowStart, windowEnd,
                [&](Session &&session) {
                    if (range.contains(localStartDate(session)))
                        window.append(std::move(session));
                },
                detail)) {
            error = store.errorString();
            return false;
        }
        if (!std::is_sorted(window.cbegin(), window.cend(), earlier))
            std::stable_sort(window.begin(), window.end(), earlier);
        for (Session &session : window)
            visit(std::move(session));
        if (windowEnd == span->second)
            return true;
        windowStart = windowEnd + 1;
    }
}

bool loadSessionsInRange(SessionStore &store, const StatsRange &range, QList<Session> &sessions, QString &error)
{
    sessions.clear();
    return forEachSessionInRange(
        store, range, [&](Session &&session) { sessions.append(std::move(session)); }, error);
}

namespace {
// The UTC instants a week's sessions may have started at, whatever her offset then.
std::pair<qint64, qint64> widenedWeekUtcBounds(qint64 week)
{
    const QDate monday = mondayOfWeekKey(week);
    return {utcMidnightMs(monday) - kWidestUtcOffsetMs, utcMidnightMs(monday.addDays(7)) + kWidestUtcOffsetMs};
}

// Weeks this close together are read in one pass, the weeks between them included (and
// skipped): cheaper than a read of its own for each.
constexpr qint64 kMostWeeksBetweenInOneRead = 4;

// Visits the finished sessions that started (local date) in `weeks` and inside the UTC
// bounds, with each one's week: one read per run of nearby weeks. (One read from the first
// to the last made every commit of a first sync, whose weeks are spread over years, read
// the whole log again.)
bool forEachSessionOfWeeks(SessionStore &store, const QList<qint64> &weeks, std::pair<qint64, qint64> bounds,
    const std::function<void(qint64 week, Session &&)> &visit, QString &error)
{
    if (weeks.isEmpty())
        return true;
    // Each read keeps only its own weeks: the widened bounds of neighbouring weeks overlap.
    const auto read = [&](qint64 fromUtcMs, qint64 toUtcMs, const QSet<qint64> &wanted) {
        const bool done = store.forEachSessionStartedBetween(
            std::max(fromUtcMs, bounds.first), std::min(toUtcMs, bounds.second),
            [&](Session &&session) {
                const qint64 week = weekKeyOf(localStartDate(session));
                if (session.isFinished() && wanted.contains(week))
                    visit(week, std::move(session));
            },
            SessionStore::Detail::Statistics);
        if (!done)
            error = store.errorString();
        return done;
    };
    QList<qint64> sorted = weeks;
    std::sort(sorted.begin(), sorted.end());
    for (qsizetype first = 0; first < sorted.size();) {
        qsizetype last = first;
        while (last + 1 < sorted.size() && sorted[last + 1] - sorted[last] <= kMostWeeksBetweenInOneRead)
            ++last;
        if (!read(widenedWeekUtcBounds(sorted[first]).first, widenedWeekUtcBounds(sorted[last]).second,
                QSet<qint64>(sorted.cbegin() + first, sorted.cbegin() + last + 1)))
            return false;
        first = last + 1;
    }
    return true;
}

std::pair<qint64, qint64> allPlausibleUtcBounds()
{
    return plausibleUtcBounds(std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max());
}
} // namespace

bool rebuildChangedWeeks(SessionStore &store, QString &error)
{
    QList<qint64> changed;
    if (!store.loadChangedWeeks(std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max(), changed)) {
        error = store.errorString();
        return false;
    }
    if (changed.isEmpty())
        return true;
    // Every session of those weeks, whatever its date: the kept figures hold the whole week,
    // and readers cut them to the plausible dates themselves (weeks at the edges are read).
    QHash<qint64, WeekFigures> rebuilt;
    const auto everything = std::pair(std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max());
    if (!forEachSessionOfWeeks(
            store, changed, everything,
            [&](qint64 week, Session &&session) {
                rebuilt[week].add(session, int(mondayOfWeekKey(week).daysTo(localStartDate(session))));
            },
            error))
        return false;
    QMap<qint64, QByteArray> bytes;
    for (const qint64 week : changed) {
        const WeekFigures figures = rebuilt.value(week);
        bytes.insert(week, figures.isEmpty() ? QByteArray() : figures.toBytes());
    }
    if (!store.saveWeekFigures(bytes)) {
        error = store.errorString();
        return false;
    }
    return true;
}

void keepWeekFiguresAtEachCommit(SessionStore &store)
{
    store.setBeforeCommit([&store] {
        QString error;
        if (!rebuildChangedWeeks(store, error))
            qWarning("Letdown: the weekly figures were not rebuilt (they are computed when read): %s", qPrintable(error));
    });
}

bool loadTrendStats(SessionStore &store, const ReferenceModel &model, KindFilter filter, const StatsRange &range,
    TrendStats &stats, QString &error)
{
    // The weeks asked, and the four before them (their baselines). Whole weeks come from
    // the kept figures; a week cut by the range, by the plausible dates, or changed without
    // its figures rebuilt yet (a file another program wrote) is computed from its sessions.
    const auto bounds = allPlausibleUtcBounds();
    const qint64 firstWeek = range.from ? weekKeyOf(*range.from) - 4 : weekKeyOf(earliestPlausibleDate());
    const qint64 lastWeek = range.to ? weekKeyOf(*range.to) : weekKeyOf(latestPlausibleDate(localToday(processClock())));
    QMap<qint64, QByteArray> kept;
    QList<qint64> changed;
    if (!store.loadWeekFigures(firstWeek, lastWeek, kept) || !store.loadChangedWeeks(firstWeek, lastWeek, changed)) {
        error = store.errorString();
        return false;
    }
    QSet<qint64> fromSessions(changed.cbegin(), changed.cend());
    if (range.from && range.from->dayOfWeek() != 1)
        fromSessions.insert(weekKeyOf(*range.from));
    if (range.to && range.to->dayOfWeek() != 7)
        fromSessions.insert(weekKeyOf(*range.to));
    TrendAccumulator accumulator(model, filter, range);
    accumulator.reserveWeeks(kept.size() + 4);
    for (auto it = kept.cbegin(); it != kept.cend(); ++it) {
        const auto [weekFromUtcMs, weekToUtcMs] = widenedWeekUtcBounds(it.key());
        WeekFigures figures;
        if (fromSessions.contains(it.key()))
            continue;
        if (weekFromUtcMs < bounds.first || weekToUtcMs > bounds.second || !WeekFigures::fromBytes(*it, figures)) {
            fromSessions.insert(it.key());
            continue;
        }
        accumulator.addWholeWeek(mondayOfWeekKey(it.key()), std::move(figures));
    }
    QList<qint64> weeks(fromSessions.cbegin(), fromSessions.cend());
    weeks.removeIf([&](qint64 week) { return week < firstWeek || week > lastWeek; });
    if (!forEachSessionOfWeeks(
            store, weeks, bounds, [&](qint64, Session &&session) { accumulator.add(session); }, error))
        return false;
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
