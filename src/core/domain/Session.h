#pragma once

#include <QAnyStringView>
#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <optional>

// Notes longer than this are refused (and the note field stops there), so a paste of a
// whole document cannot bloat the file or freeze the window.
inline constexpr int kMaxNoteLength = 10000;
// More let-downs than this in one session is a damaged or hand-made file (12 is the most
// ever recorded): imports refuse it, and statistics read no more than this of a session.
inline constexpr int kMaxLetdownsPerSession = 100;

enum class SessionKind { Nursing, Pumping };
enum class Side { Left, Right, Both };
// Running and Paused sessions are "unfinished": the app resumes them at the next start.
enum class SessionState { Running, Paused, Stopped };

// Stable keys used in the database and in files. Never translate or rename them. Read from
// any text form (a stored key is compared as SQLite gives it, without making a QString).
QString toKey(SessionKind kind);
QString toKey(Side side);
QString toKey(SessionState state);
std::optional<SessionKind> sessionKindFromKey(QAnyStringView key);
std::optional<Side> sideFromKey(QAnyStringView key);
std::optional<SessionState> sessionStateFromKey(QAnyStringView key);

// One let-down (milk ejection) as she marked it. (The table keeps its first name, `ejections`.)
enum class TopupKind { BreastMilk, Formula };
QString toKey(TopupKind kind); // "breast_milk", "formula"
std::optional<TopupKind> topupKindFromKey(QAnyStringView key);

struct Letdown {
    qint64 atUtcMs = 0;
    int utcOffsetS = 0; // local UTC offset at that moment
    qint64 offsetMs = 0; // active time since the session started, pauses excluded
    Side side = Side::Left;
    std::optional<double> measuredVolumeMl;

    bool operator==(const Letdown &) const = default;
};

// How long each side was in use while the session was running (pauses excluded).
struct SideDurations {
    qint64 leftMs = 0;
    qint64 rightMs = 0;
    qint64 bothMs = 0;

    qint64 &forSide(Side side);
    bool operator==(const SideDurations &) const = default;
};

struct Session {
    QString uuid; // stable identity, also in exports
    SessionKind kind = SessionKind::Nursing;
    SessionState state = SessionState::Running;
    qint64 startedAtUtcMs = 0;
    int startedUtcOffsetS = 0;
    std::optional<qint64> endedAtUtcMs; // empty while unfinished
    int endedUtcOffsetS = 0;
    // Totals as of lastEventAtUtcMs. While unfinished, the time since then is added live.
    qint64 activeMs = 0;
    qint64 pausedMs = 0;
    qint64 lastEventAtUtcMs = 0;
    Side side = Side::Left; // the side in use now (or at the end)
    SideDurations sideMs;
    QStringList techniques; // technique keys, sorted
    QString note;
    std::optional<double> pumpedVolumeMl;
    std::optional<double> preFeedWeightG;
    std::optional<double> postFeedWeightG;
    // The wall clock was moved during the session (set back or forward); durations come
    // from the monotonic clock and stay right, but the wall times may be off.
    bool clockJumpDetected = false;
    QList<Letdown> letdowns; // ordered by offsetMs
    // Where the session was recorded: "letdown", or the tracker it was imported from
    // ("babybuddy", "huckleberry", "babytracker"). Imported sessions have no let-downs
    // logged: they count for durations, sides, volumes and sessions per day, never for
    // let-down figures (those are "not logged", not 0).
    QString source = QStringLiteral("letdown");
    bool letdownsLogged = true;
    // Pumped per breast; pumpedVolumeMl is their sum when both are known.
    std::optional<double> leftVolumeMl;
    std::optional<double> rightVolumeMl;
    // A bottle given with a breastfeed, and what was in it.
    std::optional<double> topupMl;
    std::optional<TopupKind> topupKind;

    bool isFinished() const { return state == SessionState::Stopped; }
    std::optional<qint64> firstLetdownOffsetMs() const
    {
        return letdowns.isEmpty() ? std::nullopt : std::optional(letdowns.first().offsetMs);
    }
    bool operator==(const Session &) const = default;
};
// Every member (Qt's implicitly shared containers, plain values) may be moved in memory as
// bytes: a growing QList<Session> then moves its block instead of each session (reading
// ten years for statistics spent a tenth of its time there).
Q_DECLARE_TYPEINFO(Letdown, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(Session, Q_RELOCATABLE_TYPE);

// A let-down felt with no session running (the baby cried), kept apart from every session.
struct SpontaneousLetdown {
    qint64 id = 0; // its row; 0 until it is on disk
    qint64 atUtcMs = 0;
    int utcOffsetS = 0;
    bool operator==(const SpontaneousLetdown &) const = default;
};

// A line of the "recent sessions" list.
struct SessionSummary {
    QString uuid;
    SessionKind kind = SessionKind::Nursing;
    SessionState state = SessionState::Stopped;
    qint64 startedAtUtcMs = 0;
    int startedUtcOffsetS = 0;
    qint64 activeMs = 0;
    int letdownCount = 0;
    bool letdownsLogged = true; // false: imported, its let-downs unknown (never shown as 0)
};
