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

// For the consultant's day figures (stats/DayFigures.h).
inline Session feedWithSides(SessionKind kind, const QDateTime &start, qint64 activeS, qint64 leftS, qint64 rightS,
    const QList<int> &letdownsAtS = {})
{
    Session s = finishedSession(kind, start, letdownsAtS, activeS);
    s.sideMs = {leftS * 1000, rightS * 1000, (activeS - leftS - rightS) * 1000};
    return s;
}

// Worked by hand. Saturday 24 Oct 2026 (Berlin, CEST):
//   08:00 nursing 20 min (12 left, 8 right), let-downs at 1:00 and 5:00 (estimated 30 + 18 ml)
//   13:10 nursing 15 min right, a 40 ml formula top-up, one let-down (30 ml): 5 h 10 min after 08:00
//   16:00 pumping 20 min on both at once, 50 + 40 ml pumped, three let-downs
//   20:30 nursing 15 min left, no let-down felt (nothing to estimate from)
//   23:40 nursing 30 min across midnight (1000 s left, 800 right), test-weigh 4000 -> 4052 g
// Sunday 25 Oct (clocks go back from 03:00 CEST to 02:00 CET):
//   03:00 CET nursing 10 min left, one let-down: 4 h 20 min after 23:40 CEST (a wall clock says 3:20)
//   09:00 CET pumping 20 min, nothing measured, let-downs at 1:00 and 3:20 (30 + 18 ml estimated):
//   6 h after 03:00.
inline QList<Session> consultantWeekend()
{
    Session a = feedWithSides(SessionKind::Nursing, berlin(2026, 10, 24, 8, 0), 1200, 720, 480, {60, 300});
    Session b = feedWithSides(SessionKind::Nursing, berlin(2026, 10, 24, 13, 10), 900, 0, 900, {90});
    b.topupMl = 40;
    b.topupKind = TopupKind::Formula;
    Session c = feedWithSides(SessionKind::Pumping, berlin(2026, 10, 24, 16, 0), 1200, 0, 0, {100, 400, 700});
    c.leftVolumeMl = 50;
    c.rightVolumeMl = 40;
    c.pumpedVolumeMl = 90;
    Session d = feedWithSides(SessionKind::Nursing, berlin(2026, 10, 24, 20, 30), 900, 900, 0);
    Session f = feedWithSides(SessionKind::Nursing, berlin(2026, 10, 24, 23, 40), 1800, 1000, 800, {120});
    f.preFeedWeightG = 4000;
    f.postFeedWeightG = 4052;
    const QDateTime threeCet = QDateTime::fromMSecsSinceEpoch(
        QDateTime(QDate(2026, 10, 25), QTime(2, 0), Qt::UTC).toMSecsSinceEpoch(), QTimeZone("Europe/Berlin"));
    Session g = feedWithSides(SessionKind::Nursing, threeCet, 600, 600, 0, {45});
    Session h = feedWithSides(SessionKind::Pumping, berlin(2026, 10, 25, 9, 0), 1200, 0, 0, {60, 200});
    return {h, g, f, d, c, b, a}; // any order: the figures sort by start
}
