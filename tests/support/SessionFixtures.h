#pragma once

#include "domain/Session.h"

#include <QDateTime>
#include <QTimeZone>

#include <cmath>
#include <optional>
#include <random>

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
        Letdown e;
        e.offsetMs = qint64(atS) * 1000;
        e.atUtcMs = s.startedAtUtcMs + e.offsetMs;
        e.utcOffsetS = s.startedUtcOffsetS;
        s.letdowns.append(e);
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

// Pumping sessions from a known volume model, seven hours apart from 2026-10-01: k let-downs
// (1 to 6), a total of v1 (1 - r^k) / (1 - r) with multiplicative noise (sd about 15 %).
inline QList<Session> knownModelSessions(quint64 seed, int count, double v1, double r)
{
    std::mt19937_64 random(seed);
    std::uniform_int_distribution<int> letdowns(1, 6);
    std::lognormal_distribution<double> noise(0.0, 0.15);
    QList<Session> sessions;
    for (int i = 0; i < count; ++i) {
        const int k = letdowns(random);
        QList<int> at;
        for (int j = 0; j < k; ++j)
            at << 60 + 90 * j;
        Session s = finishedSession(SessionKind::Pumping, berlin(2026, 10, 1, 8, 0).addSecs(3600 * 7 * i), at, 1200);
        s.pumpedVolumeMl = v1 * (1 - std::pow(r, k)) / (1 - r) * noise(random);
        sessions << s;
    }
    return sessions;
}
