#include "base/Clock.h"

#include <QDateTime>

#include <cstdlib>
#include <ctime>
#include <limits>
#include <memory>
#include <mutex>
#include <string>

qint64 SystemClock::wallUtcMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

namespace {
// glibc's tzset() looks at the time zone file again (a stat) each time; Qt 6.4 asks it twice
// for every local offset, about 6 us here, and a tap asks for two offsets. So the time zone
// is looked at again once a second, or at once when TZ itself changed (as a test sets it):
// a time zone she changes on the computer is followed within a second.
void followTimeZoneChanges()
{
    static std::mutex guard;
    static std::string lastTz;
    static bool lastTzSet = false;
    static qint64 lastLookMs = std::numeric_limits<qint64>::min();
    timespec now {};
    clock_gettime(CLOCK_MONOTONIC_COARSE, &now);
    const qint64 nowMs = qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
    const std::lock_guard lock(guard);
    const char *tz = std::getenv("TZ");
    const bool tzChanged = (tz != nullptr) != lastTzSet || (tz && lastTz != tz);
    if (!tzChanged && lastLookMs != std::numeric_limits<qint64>::min() && nowMs - lastLookMs < 1000)
        return;
    tzset();
    lastTzSet = tz != nullptr;
    lastTz = tz ? tz : "";
    lastLookMs = nowMs;
}
} // namespace

int SystemClock::utcOffsetS(qint64 utcMs) const
{
    followTimeZoneChanges();
    // Whole seconds, rounded down (an instant before 1970 too).
    const time_t seconds = time_t(utcMs / 1000 - (utcMs % 1000 < 0 ? 1 : 0));
    tm local {};
    if (localtime_r(&seconds, &local))
        return int(local.tm_gmtoff);
    return QDateTime::fromMSecsSinceEpoch(utcMs, Qt::LocalTime).offsetFromUtc(); // beyond what libc can say
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
