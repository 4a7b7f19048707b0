#pragma once

#include "domain/Session.h"

#include <QDateTime>
#include <QTimeZone>

#include <optional>

// Builds a finished session that started at a local time in a real time zone, with
// let-downs at the given seconds from the start.
inline Session finishedSession(
    SessionKind kind, const QDateTime &localStart, const QList<int> &letdownsAtS, qint64 activeS = 900)
{
    static int counter = 0;
    Session s;
    s.uuid = QStringLiteral("00000000-0000-4000-8000-%1").arg(++counter, 12, 10, QLatin1Char('0'));
    s.kind = kind;
    s.state = SessionState::Stopped;
    s.startedAtUtcMs = localStart.toMSecsSinceEpoch();
    s.startedUtcOffsetS = localStart.offsetFromUtc();
    s.activeMs = activeS * 1000;
    s.endedAtUtcMs = s.startedAtUtcMs + s.activeMs;
    s.endedUtcOffsetS = localStart.addSecs(activeS).offsetFromUtc();
    s.lastEventAtUtcMs = *s.endedAtUtcMs;
    s.sideMs.leftMs = s.activeMs;
    for (int atS : letdownsAtS) {
        Ejection e;
        e.offsetMs = qint64(atS) * 1000;
        e.atUtcMs = s.startedAtUtcMs + e.offsetMs;
        e.utcOffsetS = s.startedUtcOffsetS;
        s.ejections.append(e);
    }
    return s;
}

inline QDateTime berlin(int y, int m, int d, int h, int min)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone("Europe/Berlin"));
}

inline QDateTime newYork(int y, int m, int d, int h, int min)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone("America/New_York"));
}
