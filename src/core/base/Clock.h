#pragma once

#include <QDate>
#include <QDateTime>
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
// Now, in her local time (with its offset), by this clock.
QDateTime localNow(const Clock &clock);

// The clock every part of this process reads "now" from (backup names, the report's date,
// "today" of the commands, the window's recorder). It is the system clock, unless
// - the environment variable LETDOWN_NOW names an instant (ISO 8601 with its offset, such
//   as 2026-11-20T10:00:00+01:00): then the clock starts there and runs on at the real pace
//   (tests and reproducible reports of the command line use it), or
// - a test sets its own clock with setProcessClock (nullptr goes back to the default).
const Clock &processClock();
void setProcessClock(const Clock *clock);
