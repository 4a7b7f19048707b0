#pragma once

#include "domain/Session.h"

#include <QDate>
#include <QList>

#include <functional>

struct DemoDataOptions {
    QDate firstDay;
    int weeks = 12;
    int sessionsPerDay = 8;
    quint32 seed = 1;
    // The local UTC offset at an instant (the system's rules by default).
    std::function<int(qint64 utcMs)> utcOffsetS;
};

// Plausible finished sessions for screenshots, manual checks and benchmarks: nursing and
// pumping, 0 to 12 let-downs following the reference pattern, pauses, side switches,
// techniques (a warm compress shortens the wait a little), notes with commas, quotes and
// line breaks, and a few measured volumes. The same options always give the same data.
QList<Session> generateDemoSessions(const DemoDataOptions &options);
