#include "base/Clock.h"

#include <QDateTime>

#include <ctime>
#include <memory>

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

QDateTime localNow(const Clock &clock)
{
    const qint64 nowUtcMs = clock.wallUtcMs();
    return QDateTime::fromMSecsSinceEpoch(nowUtcMs, Qt::OffsetFromUTC, clock.utcOffsetS(nowUtcMs));
}

QDate localToday(const Clock &clock)
{
    return localNow(clock).date();
}

namespace {
// The system clock moved to start at a given instant.
class ShiftedClock final : public Clock
{
public:
    explicit ShiftedClock(qint64 shiftMs)
        : m_shiftMs(shiftMs)
    { }
    qint64 wallUtcMs() const override { return m_system.wallUtcMs() + m_shiftMs; }
    int utcOffsetS(qint64 utcMs) const override { return m_system.utcOffsetS(utcMs); }
    qint64 monotonicMs() const override { return m_system.monotonicMs(); }

private:
    SystemClock m_system;
    qint64 m_shiftMs;
};

const Clock &defaultClock()
{
    static const std::unique_ptr<Clock> clock = []() -> std::unique_ptr<Clock> {
        const QString now = qEnvironmentVariable("LETDOWN_NOW");
        const QDateTime start = QDateTime::fromString(now, Qt::ISODate);
        if (now.isEmpty() || !start.isValid())
            return std::make_unique<SystemClock>();
        return std::make_unique<ShiftedClock>(start.toMSecsSinceEpoch() - QDateTime::currentMSecsSinceEpoch());
    }();
    return *clock;
}

const Clock *g_testClock = nullptr;
} // namespace

const Clock &processClock()
{
    return g_testClock ? *g_testClock : defaultClock();
}

void setProcessClock(const Clock *clock)
{
    g_testClock = clock;
}
