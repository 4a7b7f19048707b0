#include "recorder/SessionRecorder.h"

#include "domain/Technique.h"
#include "recorder/Clock.h"
#include "storage/Database.h"
#include "storage/SessionStore.h"

#include <QUuid>

#include <algorithm>

namespace {
QStringList normalizedTechniques(QStringList techniques)
{
    techniques.removeIf([](const QString &key) { return !isKnownTechniqueKey(key); });
    techniques.sort();
    techniques.removeDuplicates();
    return techniques;
}
} // namespace

SessionRecorder::SessionRecorder(SessionStore &store, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(clock)
{
    connect(&m_retryTimer, &QTimer::timeout, this, &SessionRecorder::retrySave);
}

SessionRecorder::State SessionRecorder::state() const
{
    if (!m_hasSession)
        return State::Idle;
    switch (m_session.state) {
    case SessionState::Running: return State::Running;
    case SessionState::Paused: return State::Paused;
    case SessionState::Stopped: break;
    }
    return State::Stopped;
}

bool SessionRecorder::restoreUnfinished()
{
    std::optional<Session> unfinished;
    if (!m_store.loadUnfinished(unfinished)) {
        m_lastError = m_store.errorString();
        return false;
    }
    if (!unfinished)
        return true;
    m_session = *unfinished;
    m_techniquesSaved = m_session.techniques; // as read from disk
    m_hasSession = true;
    // The monotonic clock restarted with us; the wall clock is all that bridges the gap.
    // A wall clock now behind the last step (set back while we were down) counts as no gap.
    const qint64 wallNowMs = m_clock.wallUtcMs();
    const qint64 gapMs = std::max<qint64>(0, wallNowMs - m_session.lastEventAtUtcMs);
    m_anchorMonotonicMs = m_clock.monotonicMs() - gapMs;
    // The row on disk was written at the last change of state or side (a plain let-down
    // does not rewrite it): a tap whose age is known (the phone remote's, kept while this
    // program was down) may be placed back to there, as if it had never been away.
    m_stateChangedMonotonicMs = m_anchorMonotonicMs;
    m_anchorWallMs = m_session.lastEventAtUtcMs;
    if (wallNowMs < m_session.lastEventAtUtcMs - kClockJumpToleranceMs)
        m_session.clockJumpDetected = true;
    emit changed();
    return true;
}

Session SessionRecorder::currentSession() const
{
    Session s = m_session;
    if (!m_hasSession || s.isFinished())
        return s;
    const qint64 sinceLastStepMs = std::max<qint64>(0, m_clock.monotonicMs() - m_anchorMonotonicMs);
    if (s.state == SessionState::Running) {
        s.activeMs += sinceLastStepMs;
        s.sideMs.forSide(s.side) += sinceLastStepMs;
    } else {
        s.pausedMs += sinceLastStepMs;
    }
    return s;
}

Session SessionRecorder::advancedToNow()
{
    Session s = currentSession();
    const qint64 wallNowMs = m_clock.wallUtcMs();
    const qint64 monotonicNowMs = m_clock.monotonicMs();
    const qint64 wallStepMs = wallNowMs - m_anchorWallMs;
    const qint64 monotonicStepMs = monotonicNowMs - m_anchorMonotonicMs;
    if (std::abs(wallStepMs - monotonicStepMs) > kClockJumpToleranceMs)
        s.clockJumpDetected = true;
    s.lastEventAtUtcMs = wallNowMs;
    m_anchorWallMs = wallNowMs;
    m_anchorMonotonicMs = monotonicNowMs;
    return s;
}

bool SessionRecorder::refuse(const QString &message)
{
    m_lastError = message;
    return false;
}

bool SessionRecorder::start(SessionKind kind, Side side, const QStringList &techniques)
{
    if (state() == State::Running || state() == State::Paused)
        return refuse(tr("A session is already running."));
    if (m_unsaved)
        return refuse(tr("The last session is not saved yet; wait until it is."));

    m_letdownMomentsMs.clear();
    Session s;
    s.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    s.kind = kind;
    s.state = SessionState::Running;
    s.startedAtUtcMs = m_clock.wallUtcMs();
    s.startedUtcOffsetS = m_clock.utcOffsetS(s.startedAtUtcMs);
    s.lastEventAtUtcMs = s.startedAtUtcMs;
    s.side = side;
    s.techniques = normalizedTechniques(techniques);
    m_session = s;
    m_techniquesSaved.reset(); // a new session: its techniques are written with its first save
    m_hasSession = true;
    m_anchorWallMs = s.startedAtUtcMs;
    m_anchorMonotonicMs = m_clock.monotonicMs();
    m_stateChangedMonotonicMs = m_anchorMonotonicMs;
    return commit(s);
}

bool SessionRecorder::markSpontaneousLetdown(qint64 agoMs)
{
    if (state() == State::Running || state() == State::Paused)
        return refuse(tr("A session is running: this let-down belongs to it."));
    const qint64 atUtcMs = m_clock.wallUtcMs() - std::max<qint64>(0, agoMs);
    qint64 id = 0;
    if (!m_store.addSpontaneousLetdown(atUtcMs, m_clock.utcOffsetS(atUtcMs), id)) {
        m_lastError = tr("The let-down was not saved: %1").arg(m_store.errorString());
        return false;
    }
    m_lastError.clear();
    emit spontaneousLetdownRecorded(id, atUtcMs);
    return true;
}

bool SessionRecorder::markLetdown(std::optional<qint64> tappedAtMonotonicMs)
{
    if (state() != State::Running && state() != State::Paused)
        return refuse(tr("Start a session before marking a let-down."));
    // The tap's own moment: not after now, and not before the last change of state or side
    // (since then the time has counted as it does now).
    const qint64 monotonicNowMs = m_clock.monotonicMs();
    const qint64 tapMs = std::clamp(tappedAtMonotonicMs.value_or(monotonicNowMs),
        std::min(m_stateChangedMonotonicMs, monotonicNowMs), monotonicNowMs);
    // Near any let-down tapped in this run, on either side: a tap sent late (the phone
    // remote's, kept while offline) may come after a later key press and is still a
    // let-down of its own, unless it is the same one.
    if (m_doubleTapWindowMs > 0) { // the crash test and the bench tap with no window
        for (const qint64 earlierMs : std::as_const(m_letdownMomentsMs))
            if (std::abs(tapMs - earlierMs) < m_doubleTapWindowMs)
                return true; // a double tap: the let-down is already recorded
        m_letdownMomentsMs.append(tapMs);
    }
    const qint64 delayMs = monotonicNowMs - tapMs;
    const bool jumpKnown = m_session.clockJumpDetected;
    Session s = advancedToNow();
    Ejection e;
    e.atUtcMs = s.lastEventAtUtcMs - delayMs;
    e.utcOffsetS = m_clock.utcOffsetS(e.atUtcMs);
    e.offsetMs = s.state == SessionState::Running ? std::max<qint64>(0, s.activeMs - delayMs) : s.activeMs;
    e.side = s.side;
    // A let-down changes neither the state nor the side, so the stored totals "as of the
    // last step" stay right (a restart adds the time since, as before): only the let-down
    // row is written, unless a clock jump has to be flagged on the session.
    return commit(s, e, s.clockJumpDetected != jumpKnown);
}

bool SessionRecorder::removeLetdown(const Ejection &ejection)
{
    if (!m_hasSession)
        return refuse(tr("There is no session on screen."));
    Session s = m_session;
    const qsizetype index = s.ejections.indexOf(ejection);
    if (index < 0)
        return refuse(tr("That let-down is no longer in the session."));
    s.ejections.removeAt(index);
    m_unsavedEjections.removeOne(ejection);
    return commitRewrite(s);
}

bool SessionRecorder::restoreLetdown(const Ejection &ejection)
{
    if (!m_hasSession)
        return refuse(tr("There is no session on screen."));
    Session s = m_session;
    const auto at = std::upper_bound(s.ejections.begin(), s.ejections.end(), ejection,
        [](const Ejection &a, const Ejection &b) { return a.offsetMs < b.offsetMs; });
    s.ejections.insert(at, ejection);
    return commitRewrite(s);
}

bool SessionRecorder::reloadShownSession()
{
    if (state() != State::Stopped)
        return true;
    std::optional<Session> stored;
    if (!m_store.loadSession(m_session.uuid, stored))
        return refuse(m_store.errorString());
    if (stored) {
        m_session = *stored;
        m_techniquesSaved = m_session.techniques;
    } else
        m_hasSession = false;
    emit changed();
    return true;
}

bool SessionRecorder::resetAfterRestore()
{
    m_hasSession = false;
    m_unsaved = false;
    m_rowUnsaved = false;
    m_rewriteLetdowns = false;
    m_techniquesSaved = m_session.techniques;
    m_unsavedEjections.clear();
    m_retryTimer.stop();
    m_letdownMomentsMs.clear();
    const bool ok = restoreUnfinished();
    emit changed();
    return ok;
}

bool SessionRecorder::pause()
{
    if (state() != State::Running)
        return refuse(tr("Only a running session can be paused."));
    Session s = advancedToNow();
    s.state = SessionState::Paused;
    m_stateChangedMonotonicMs = m_anchorMonotonicMs;
    return commit(s);
}

bool SessionRecorder::resume()
{
    if (state() != State::Paused)
        return refuse(tr("Only a paused session can be resumed."));
    Session s = advancedToNow();
    s.state = SessionState::Running;
    m_stateChangedMonotonicMs = m_anchorMonotonicMs;
    return commit(s);
}

bool SessionRecorder::togglePause()
{
    return state() == State::Paused ? resume() : pause();
}

bool SessionRecorder::setSide(Side side)
{
    if (state() != State::Running && state() != State::Paused)
        return refuse(tr("Start a session before choosing a side."));
    if (side == m_session.side)
        return true;
    Session s = advancedToNow();
    s.side = side;
    m_stateChangedMonotonicMs = m_anchorMonotonicMs;
    return commit(s);
}

bool SessionRecorder::switchSide()
{
    return setSide(m_session.side == Side::Left ? Side::Right : Side::Left);
}

bool SessionRecorder::stop()
{
    if (state() != State::Running && state() != State::Paused)
        return refuse(tr("No session is running."));
    Session s = advancedToNow();
    s.state = SessionState::Stopped;
    m_stateChangedMonotonicMs = m_anchorMonotonicMs;
    // With a moved wall clock the wall end could fall before the start; derive it from the
    // monotonic durations instead.
    s.endedAtUtcMs = s.clockJumpDetected ? s.startedAtUtcMs + s.activeMs + s.pausedMs : s.lastEventAtUtcMs;
    s.endedUtcOffsetS = m_clock.utcOffsetS(*s.endedAtUtcMs);
    return commit(s);
}

bool SessionRecorder::setTechniques(const QStringList &techniques)
{
    if (!m_hasSession)
        return refuse(tr("There is no session to tag."));
    Session s = m_session;
    s.techniques = normalizedTechniques(techniques);
    return commit(s);
}

bool SessionRecorder::setNote(const QString &note)
{
    if (!m_hasSession)
        return refuse(tr("There is no session to add a note to."));
    if (note == m_session.note)
        return true;
    if (note.size() > kMaxNoteLength)
        return refuse(tr("A note can hold up to %1 characters.").arg(kMaxNoteLength));
    Session s = m_session;
    s.note = note;
    return commit(s);
}

bool SessionRecorder::setMeasurements(const Measurements &measurements)
{
    if (!m_hasSession)
        return refuse(tr("There is no session to add figures to."));
    const QString problem = validateMeasurements(measurements);
    if (!problem.isEmpty())
        return refuse(problem);
    Session s = m_session;
    applyMeasurements(measurements, s);
    return commit(s);
}

bool SessionRecorder::commit(const Session &next, const std::optional<Ejection> &newEjection, bool rowChanged)
{
    m_session = next;
    if (newEjection) {
        // In time order, as they are read back (a late tap may belong before the last one).
        const auto at = std::upper_bound(m_session.ejections.begin(), m_session.ejections.end(), *newEjection,
            [](const Ejection &a, const Ejection &b) { return a.offsetMs < b.offsetMs; });
        m_session.ejections.insert(at, *newEjection);
        m_unsavedEjections.append(*newEjection);
        m_lastMarked = *newEjection;
    }
    m_unsaved = true;
    m_rowUnsaved = m_rowUnsaved || rowChanged;
    const bool saved = flush();
    emit changed();
    return saved;
}

bool SessionRecorder::commitRewrite(const Session &next)
{
    m_session = next;
    m_rewriteLetdowns = true;
    m_unsaved = true;
    const bool saved = flush();
    emit changed();
    return saved;
}

bool SessionRecorder::flush()
{
    // The whole session row is rewritten each time, so a retry after any number of failed
    // steps saves the latest state plus every let-down not yet on disk.
    // No waiting for another program's lock: the window must never freeze on a tap. A busy
    // database keeps the steps here, in order, and they are tried again shortly.
    m_store.setLockWaitMs(0);
    const bool saved = m_rewriteLetdowns ? m_store.replaceSession(m_session)
        : !m_rowUnsaved                  ? m_store.appendLetdowns(m_session.uuid, m_unsavedEjections)
                                         : m_store.saveSession(m_session, m_unsavedEjections,
                            m_techniquesSaved == m_session.techniques ? SessionStore::TechniquesWrite::Unchanged
                                                                                       : SessionStore::TechniquesWrite::Always);
    m_store.setLockWaitMs(Database::kDefaultLockWaitMs);
    if (!saved) {
        m_waitingForLock = m_store.lastFailureWasBusy();
        m_lastError = m_waitingForLock
            ? tr("Another program is using the data file. Your taps (let-downs: %1) are kept here and "
                 "saved in order as soon as it is free.")
                  .arg(m_unsavedEjections.size())
            : tr("Not saved yet: %1. Letdown keeps it and tries again.").arg(m_store.errorString());
        m_retryTimer.start(m_waitingForLock ? m_busyRetryIntervalMs : m_retryIntervalMs);
        return false;
    }
    m_waitingForLock = false;
    m_unsaved = false;
    m_rowUnsaved = false;
    m_rewriteLetdowns = false;
    m_techniquesSaved = m_session.techniques;
    m_unsavedEjections.clear();
    m_lastError.clear();
    m_retryTimer.stop();
    return true;
}

bool SessionRecorder::retrySave()
{
    if (!m_unsaved)
        return true;
    const bool saved = flush();
    emit changed();
    return saved;
}
