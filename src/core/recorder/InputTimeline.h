#pragma once

#include <QtGlobal>

#include <optional>

// Places input events (a key press, a click) on the monotonic clock by their own
// timestamps, so that a tap counts at the moment she pressed, not when the app got round
// to it. Event timestamps are milliseconds on the window system's clock, whose zero is
// unknown: the smallest difference seen between our clock and an event's timestamp is the
// best estimate of it (the event handled with the least delay). A difference that makes an
// event implausibly old (a restarted window system, synthetic events) starts the estimate
// over and the event counts as now.
class InputTimeline
{
public:
    static constexpr qint64 kMaxPlausibleDelayMs = 10'000;

    // The moment (monotonic ms) of an event with `eventTimestampMs`, handled at
    // `monotonicNowMs`. A timestamp of 0 means the event has none: it counts as now.
    qint64 momentOf(qint64 eventTimestampMs, qint64 monotonicNowMs);

private:
    std::optional<qint64> m_offsetMs; // monotonic minus event clock, from the least delayed event
};
