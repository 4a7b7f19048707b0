#pragma once

#include "domain/ChangeRecord.h"
#include "domain/Measurements.h"
#include "domain/Session.h"

#include <QList>
#include <QObject>
#include <QTimer>

class Clock;
class SessionStore;

// The live session state machine: Idle -> Running <-> Paused -> Stopped (-> Running again
// with a new session). Every step is committed to the store before the call returns; a
// step whose write fails is kept in memory, reported, and retried until it is saved.
//
// Durations come from the monotonic clock, so moving the wall clock never makes them
// negative. Across a restart only the wall clock is left: the time between the last saved
// step and the restart counts as it did before (running or paused).
class SessionRecorder : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Running, Paused, Stopped };
    Q_ENUM(State)

    // A wall-clock move larger than this between two steps is flagged on the session.
    static constexpr qint64 kClockJumpToleranceMs = 120 * 1000;
    static constexpr int kRetryIntervalMs = 2000;
    // While another program holds the data file, taps wait in memory and are tried this often.
    static constexpr int kBusyRetryIntervalMs = 250;
    void setRetryIntervalsMs(int failedMs, int busyMs)
    {
        m_retryIntervalMs = failedMs;
        m_busyRetryIntervalMs = busyMs;
    }
    // A second tap on Let-down this soon after the first is the same let-down.
    static constexpr qint64 kDoubleTapMs = 1000;
    // The crash test taps a thousand times a second; people use the default.
    void setDoubleTapWindowMs(qint64 windowMs) { m_doubleTapWindowMs = windowMs; }

    SessionRecorder(SessionStore &store, const Clock &clock, QObject *parent = nullptr);
    const Clock &clock() const { return m_clock; } // "now" for every view of the session

    // The change-log record of the step about to be taken (the journal's). A step that writes
    // takes it into the same transaction as its effect (and keeps it with the step when the
    // write has to wait); a step that writes nothing (refused, a double tap) leaves it here.
    class StepChange
    {
    public:
        StepChange(SessionRecorder &recorder, const ChangeRecord &change)
            : m_recorder(recorder)
        {
            recorder.m_stepChange = change;
        }
        ~StepChange() { m_recorder.m_stepChange.reset(); }
        StepChange(const StepChange &) = delete;
        StepChange &operator=(const StepChange &) = delete;
        // The record when the step wrote nothing: the caller logs it on its own.
        const std::optional<ChangeRecord> &unapplied() const { return m_recorder.m_stepChange; }

    private:
        SessionRecorder &m_recorder;
    };
    // Whether a change with this receipt is taken but not on disk yet (kept for a retry).
    bool holdsReceipt(const QString &receiptId) const;

    // Picks up the session that was running or paused when the app last ended.
    // Returns false only on a read error (see lastError()).
    bool restoreUnfinished();

    // Each returns true when the step is on disk. False means either that the step does
    // not apply in this state (nothing changed), or that it was kept but not yet saved
    // (hasUnsavedChanges() is then true). lastError() says which.
    bool start(SessionKind kind, Side side, const QStringList &techniques = {});
    // Undo of a Stop: the session just stopped runs again, the same session, the time since
    // the stop counted as paused. Only the session shown, within kReopenWithinMs of its stop.
    static constexpr qint64 kReopenWithinMs = 15 * 60'000;
    bool reopen();
    // Until when (wall clock, UTC ms) the session shown can be reopened; none when it cannot.
    std::optional<qint64> reopenableUntilUtcMs() const;
    // Undo of a Start by mistake: the live session is removed, while it has no let-downs.
    bool discardStarted();
    // `tappedAtMonotonicMs`: the moment of the key press or click (InputTimeline), if known;
    // it is what the let-down's time and the double-tap rule use. Never later than now.
    bool markLetdown(std::optional<qint64> tappedAtMonotonicMs = std::nullopt);
    // A let-down felt with no session running (the baby cried), `agoMs` before now: stored
    // apart from every session. Refused while a session is running or paused (it belongs
    // to that one), and not kept for a retry when the write fails (she is told at once).
    bool markSpontaneousLetdown(qint64 agoMs = 0);
    // Undo and redo of a let-down (marked by mistake) in the session shown now.
    bool removeLetdown(const Letdown &ejection);
    bool restoreLetdown(const Letdown &ejection);
    bool pause();
    bool resume();
    bool togglePause();
    bool setSide(Side side);
    bool switchSide(); // left -> right -> left; both -> left
    bool stop();
    // Allowed while a session is shown (running, paused, or just stopped).
    bool setTechniques(const QStringList &techniques);
    bool setNote(const QString &note);
    bool setMeasurements(const Measurements &measurements); // validated first

    State state() const;
    bool hasSession() const { return m_hasSession; }
    // The session as of now, with live durations.
    Session currentSession() const;
    qint64 activeElapsedMs() const { return currentSession().activeMs; }

    // The let-down marked last (not always the last in time: a late tap goes in its place).
    const Letdown &lastMarkedLetdown() const { return m_lastMarked; }

    bool hasUnsavedChanges() const { return m_unsaved; }
    // "Is a session live?": running or paused (the one question every view asks).
    bool isLive() const { return state() == State::Running || state() == State::Paused; }
    // Unsaved because another program holds the data file (not a failure: they wait their turn).
    bool isWaitingForLock() const { return m_unsaved && m_waitingForLock; }
    int unsavedLetdownCount() const { return int(m_unsavedLetdowns.size()); }
    QString lastError() const { return m_lastError; }

    // Saves what is pending now instead of waiting for the retry timer.
    bool retrySave();

    // The finished session on screen was edited or deleted elsewhere (History): read it
    // again, or forget it if it is gone. Unfinished sessions are only changed through here.
    bool reloadShownSession();
    // The database file was replaced (restored from a backup): start over from what it holds.
    bool resetAfterRestore();

signals:
    // After every step (saved or not) and after a retry changes the save state.
    void changed();
    void spontaneousLetdownRecorded(qint64 id, qint64 atUtcMs);

private:
    bool refuse(const QString &message);
    // Folds the time since the last step into the totals and stamps the step's wall time.
    Session advancedToNow();
    // rowChanged: the session row itself changed (false only for a plain let-down).
    bool commit(Session next, const std::optional<Letdown> &newLetdown = std::nullopt, bool rowChanged = true);
    bool commitRewrite(const Session &next); // rewrites the session's let-downs too
    bool flush();
    // Takes the step's change record (if any) into the unsaved steps, with what it wrote.
    void takeStepChange(const QByteArray &payload, bool spontaneous = false);
    // Where a tap at this monotonic moment belongs: the side in use and the active time then.
    struct Placement {
        qint64 momentMs = 0; // clamped into this run's record of the session
        qint64 offsetMs = 0;
        Side side = Side::Left;
    };
    Placement placeTap(qint64 tapMs, qint64 monotonicNowMs) const;
    // Notes a change of state or side at the last step's moment (for placing late taps).
    void noteSegment(const Session &s);

    SessionStore &m_store;
    const Clock &m_clock;
    bool m_hasSession = false;
    Session m_session; // as of the last step
    qint64 m_anchorMonotonicMs = 0; // monotonic time of the last step
    qint64 m_anchorWallMs = 0; // wall time of the last step
    bool m_unsaved = false;
    bool m_rowUnsaved = false; // the session row has changes not on disk yet
    QList<Letdown> m_unsavedLetdowns;
    QList<ChangeRecord> m_unsavedChanges; // the change-log records of the unsaved steps
    std::optional<ChangeRecord> m_stepChange; // the step being taken (StepChange)
    QList<SpontaneousLetdown> m_unsavedSpontaneous; // felt with no session, not on disk yet
    QList<ChangeRecord> m_unsavedSpontaneousChanges; // their change-log records
    bool m_sessionUnsaved = false; // the session has steps not on disk yet
    // This run's record of the live session: from each monotonic moment on, the state and
    // side, and the active time at that moment. A tap that arrives late (the phone's, kept
    // while offline) is placed by it at its own moment, on the side in use then.
    struct Segment {
        qint64 fromMonotonicMs = 0;
        bool running = true;
        Side side = Side::Left;
        qint64 activeMsAtStart = 0;
    };
    QList<Segment> m_segments;
    bool m_rewriteLetdowns = false; // a let-down was removed: save the whole list
    std::optional<QStringList> m_techniquesSaved; // what is on disk, when known
    QList<qint64> m_letdownMomentsMs; // monotonic moments of this session's let-downs in this run
    Letdown m_lastMarked;
    qint64 m_doubleTapWindowMs = kDoubleTapMs;
    QString m_lastError;
    QTimer m_retryTimer;
    int m_retryIntervalMs = kRetryIntervalMs;
    int m_busyRetryIntervalMs = kBusyRetryIntervalMs;
    bool m_waitingForLock = false;
};
