#include "recorder/Clock.h"

#include <QDateTime>

#include <ctime>

qint64 SystemClock::wallUtcMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

int SystemClock::utcOffsetS(qint64 utcMs) const
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, Qt::LocalTime).offsetFromUtc();
}

qint64 SystemClock::monotonicMs() const
{
    // CLOCK_BOOTTIME, not CLOCK_MONOTONIC (what QElapsedTimer uses): a laptop suspended
    // mid-session must not freeze the session timer.
    timespec now {};
    clock_gettime(CLOCK_BOOTTIME, &now);
    return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
}

QDate localToday(const Clock &clock)
{
    const qint64 nowUtcMs = clock.wallUtcMs();
    return QDateTime::fromMSecsSinceEpoch(nowUtcMs, Qt::OffsetFromUTC, clock.utcOffsetS(nowUtcMs)).date();
}
