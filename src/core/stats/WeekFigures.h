#pragma once

#include "domain/Session.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QMap>

#include <array>
#include <optional>

// Trends' figures kept as data (docs/performance.md): what the finished sessions of one week
// add to every weekly number, held so that it stays right for any volume model and any kind
// filter. Let-down volumes are estimated by the model chosen when they are read, so a week
// keeps how many let-downs each session had (and what was measured), not millilitres.

// A Monday-start week as a whole number: the storage key (weeks since the one of 1970-01-05,
// the same number the database's triggers compute from a session's local start).
qint64 weekKeyOf(QDate day);
QDate mondayOfWeekKey(qint64 key);

// A session with a let-down weighed on its own: its volumes need the whole session (rare).
struct MixedSession {
    int dayIndex = 0; // 0 = Monday
    std::optional<double> totalMl; // the measured total, if any
    QList<std::optional<double>> letdownMl; // one per let-down, in order
    bool operator==(const MixedSession &other) const = default;
};

struct WeekDayFigures {
    bool present = false; // a session with a volume, measured or estimable, on this day
    double measuredMl = 0; // sum of measured totals (pumped, test-weigh)
    int measuredSessions = 0;
    // [n]: sessions with n let-downs and nothing measured (their volume is the model's).
    QList<int> estimatedByCount;
    int mixedWithoutTotal = 0; // sessions of `mixed` on this day with no measured total
    bool operator==(const WeekDayFigures &other) const = default;
};

struct KindWeekFigures {
    int sessions = 0;
    int logged = 0; // sessions whose let-downs were logged
    int letdowns = 0; // over the logged sessions
    QList<qint64> firstLetdownMs; // of every session with a let-down, sorted
    int withoutEstimate = 0; // nothing measured, no let-down
    quint8 dayMask = 0; // bit d: a session on day d (0 = Monday)
    std::array<WeekDayFigures, 7> days; // Monday first (plain values: ten years are thousands)
    // Let-down count -> {sessions, sum of measured totals} of logged sessions with a measured
    // total and no let-down weighed on its own: the total is spread over the let-downs.
    struct Spread {
        int sessions = 0;
        double totalMl = 0;
        bool operator==(const Spread &other) const = default;
    };
    QMap<int, Spread> spreadByCount;
    QList<MixedSession> mixed;

    void add(const Session &session, int dayIndex);
    bool isEmpty() const { return sessions == 0; }
    bool operator==(const KindWeekFigures &other) const = default;
};

struct WeekFigures {
    KindWeekFigures nursing;
    KindWeekFigures pumping;

    // A finished session that started in this week (`dayIndex` of its local start).
    void add(const Session &session, int dayIndex);
    bool isEmpty() const { return nursing.isEmpty() && pumping.isEmpty(); }
    bool operator==(const WeekFigures &other) const = default;

    QByteArray toBytes() const;
    // False for bytes this build does not read (another format): the week is then recomputed.
    static bool fromBytes(const QByteArray &bytes, WeekFigures &figures);
};
