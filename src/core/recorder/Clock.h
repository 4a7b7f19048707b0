#pragma once

#include <QDate>
#include <QtGlobal>

// Where the recorder gets time from, so tests can move it (wall and monotonic separately,
// to simulate the wall clock being set back or forward).
class Clock
{
public:
    virtual ~Clock() = default;
    virtual qint64 wallUtcMs() const = 0;
    // Local UTC offset in force at that instant (follows daylight-saving rules).
    virtual int utcOffsetS(qint64 utcMs) const = 0;
    // Never goes back and keeps counting through a suspend; unrelated to the wall clock.
    virtual qint64 monotonicMs() const = 0;
};

class SystemClock final : public Clock
{
public:
    qint64 wallUtcMs() const override;
    int utcOffsetS(qint64 utcMs) const override;
    qint64 monotonicMs() const override;
};

// Today's date in her local time, by this clock.
QDate localToday(const Clock &clock);
