#include "recorder/InputTimeline.h"

qint64 InputTimeline::momentOf(qint64 eventTimestampMs, qint64 monotonicNowMs)
{
    if (eventTimestampMs <= 0)
        return monotonicNowMs;
    const qint64 offsetMs = monotonicNowMs - eventTimestampMs;
    if (!m_offsetMs || offsetMs < *m_offsetMs)
        m_offsetMs = offsetMs; // handled with less delay than any event before
    const qint64 momentMs = eventTimestampMs + *m_offsetMs;
    if (monotonicNowMs - momentMs > kMaxPlausibleDelayMs) {
        m_offsetMs = offsetMs;
        return monotonicNowMs;
    }
    return momentMs;
}
