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
// The system clock moved to start at a given instant (LETDOWN_NOW) and, for the tests that
// play a recorded session into a running process, running faster (LETDOWN_CLOCK_SPEED).
class ShiftedClock final : public Clock
{
public:
    ShiftedClock(qint64 startUtcMs, double speed)
        : m_startUtcMs(startUtcMs)
        , m_speed(speed)
        , m_systemStartUtcMs(m_system.wallUtcMs())
        , m_systemStartMonotonicMs(m_system.monotonicMs())
    { }
    qint64 wallUtcMs() const override
    {
        return m_startUtcMs + qint64(double(m_system.wallUtcMs() - m_systemStartUtcMs) * m_speed);
    }
    int utcOffsetS(qint64 utcMs) const override { return m_system.utcOffsetS(utcMs); }
    qint64 monotonicMs() const override
    {
        return m_systemStartMonotonicMs + qint64(double(m_system.monotonicMs() - m_systemStartMonotonicMs) * m_speed);
    }

private:
    SystemClock m_system;
    qint64 m_startUtcMs;
    double m_speed;
    qint64 m_systemStartUtcMs;
    qint64 m_systemStartMonotonicMs;
};

const Clock &defaultClock()
{
    static const std::unique_ptr<Clock> clock = []() -> std::unique_ptr<Clock> {
        const QString now = qEnvironmentVariable("LETDOWN_NOW");
        const QDateTime start = QDateTime::fromString(now, Qt::ISODate);
        bool speedGiven = false;
        const double speed = qEnvironmentVariable("LETDOWN_CLOCK_SPEED").toDouble(&speedGiven);
        const bool faster = speedGiven && speed > 1 && speed <= 100;
        if ((now.isEmpty() || !start.isValid()) && !faster)
            return std::make_unique<SystemClock>();
        return std::make_unique<ShiftedClock>(
            start.isValid() ? start.toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch(), faster ? speed : 1.0);
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
