#include "recorder/SessionRecorder.h"

#include "domain/SessionJson.h"
#include "domain/Technique.h"
#include "base/Clock.h"
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
    m_segments.clear();
    noteSegment(m_session);
    m_anchorWallMs = m_session.lastEventAtUtcMs;
    // The double-tap rule knows the let-downs already stored: a tap sent again after a
    // restart (a phone's resend, a pedal's bounce) is not a second let-down.
    m_letdownMomentsMs.clear();
    for (const Letdown &e : std::as_const(m_session.letdowns))
        m_letdownMomentsMs.append(m_anchorMonotonicMs + (e.atUtcMs - m_anchorWallMs));
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
    if (isLive())
        return refuse(tr("A session is already running."));
    if (m_unsaved)
        return refuse(m_sessionUnsaved ? tr("The last session is not saved yet; wait until it is.")
                                       : tr("A let-down without a feed is not saved yet; wait until it is."));

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
    m_segments.clear();
    noteSegment(s);
    return commit(s);
}

std::optional<qint64> SessionRecorder::reopenableUntilUtcMs() const
{
    if (state() != State::Stopped || !m_session.endedAtUtcMs || m_unsaved)
        return std::nullopt;
    const qint64 untilMs = *m_session.endedAtUtcMs + kReopenWithinMs;
    return m_clock.wallUtcMs() <= untilMs ? std::optional<qint64>(untilMs) : std::nullopt;
}

bool SessionRecorder::reopen()
{
    if (isLive())
        return refuse(tr("A session is already running."));
    if (!reopenableUntilUtcMs())
        return refuse(m_unsaved ? tr("The last session is not saved yet; wait until it is.")
                                : tr("There is no session stopped in the last 15 minutes to resume; start a new one."));
    const qint64 nowMs = m_clock.wallUtcMs();
    Session s = m_session;
    s.state = SessionState::Running;
    s.pausedMs += std::max<qint64>(0, nowMs - *s.endedAtUtcMs); // the stop was a pause after all
    s.endedAtUtcMs.reset();
    s.endedUtcOffsetS = 0;
    s.lastEventAtUtcMs = nowMs;
    m_anchorWallMs = nowMs;
    m_anchorMonotonicMs = m_clock.monotonicMs();
    noteSegment(s);
    return commit(s);
}

bool SessionRecorder::discardStarted()
{
    if (!isLive())
        return refuse(tr("No session is running."));
    if (!m_session.letdowns.isEmpty())
        return refuse(tr("This session has let-downs now; stop it, and delete it in History if it was a mistake."));
    if (m_unsaved)
        return refuse(tr("The session is not saved yet; wait until it is."));
    const std::optional<ChangeRecord> stepChange = m_stepChange;
    takeStepChange(compactJson({{QStringLiteral("removed"), m_session.uuid}}));
    m_store.setLockWaitMs(0); // never freeze the window: she can ask again
    bool removed = false;
    {
        const SessionStore::ChangeScope withChange(m_store, m_unsavedChanges);
        removed = m_store.deleteSession(m_session.uuid);
    }
    m_store.setLockWaitMs(Database::kDefaultLockWaitMs);
    m_unsavedChanges.clear();
    if (!removed) {
        m_stepChange = stepChange; // nothing was written
        return refuse(tr("The start could not be undone: %1").arg(m_store.errorString()));
    }
    m_hasSession = false;
    m_letdownMomentsMs.clear();
    m_segments.clear();
    emit changed();
    return true;
}

bool SessionRecorder::markSpontaneousLetdown(qint64 agoMs)
{
    if (isLive())
        return refuse(tr("A session is running: this let-down belongs to it."));
    if (m_sessionUnsaved)
        return refuse(tr("The last session is not saved yet; wait until it is."));
    SpontaneousLetdown letdown;
    letdown.atUtcMs = m_clock.wallUtcMs() - std::max<qint64>(0, agoMs);
    letdown.utcOffsetS = m_clock.utcOffsetS(letdown.atUtcMs);
    // The same path as every tap: kept in order and retried when the file is busy, never
    // waiting on the caller's thread.
    takeStepChange(compactJson({{QStringLiteral("spontaneous_letdown"),
        QJsonObject {{QStringLiteral("at_utc_ms"), letdown.atUtcMs},
            {QStringLiteral("utc_offset_s"), letdown.utcOffsetS}}}}),
        true);
    m_unsavedSpontaneous.append(letdown);
    m_unsaved = true;
    const bool saved = flush();
    emit changed();
    return saved;
}

bool SessionRecorder::markLetdown(std::optional<qint64> tappedAtMonotonicMs)
{
    if (!isLive())
        return refuse(tr("Start a session before marking a let-down."));
    // The tap's own moment (never after now), with the side and active time of that moment:
    // a tap that arrives late (the phone's, kept while offline) keeps its place even after
    // a later switch of side, pause or resume.
    const qint64 monotonicNowMs = m_clock.monotonicMs();
    const Placement at = placeTap(tappedAtMonotonicMs.value_or(monotonicNowMs), monotonicNowMs);
    // Near any let-down tapped in this run, on either side: a tap sent late may come after a
    // later key press and is still a let-down of its own, unless it is the same one.
    if (m_doubleTapWindowMs > 0) { // the crash test and the bench tap with no window
        for (const qint64 earlierMs : std::as_const(m_letdownMomentsMs))
            if (std::abs(at.momentMs - earlierMs) < m_doubleTapWindowMs)
                return true; // a double tap: the let-down is already recorded
        m_letdownMomentsMs.append(at.momentMs);
    }
    const qint64 delayMs = monotonicNowMs - at.momentMs;
    const bool jumpKnown = m_session.clockJumpDetected;
    Session s = advancedToNow();
    Letdown e;
    e.atUtcMs = s.lastEventAtUtcMs - delayMs;
    e.utcOffsetS = m_clock.utcOffsetS(e.atUtcMs);
    e.offsetMs = std::min(at.offsetMs, s.activeMs);
    e.side = at.side;
    // A let-down changes neither the state nor the side, so the stored totals "as of the
    // last step" stay right (a restart adds the time since, as before): only the let-down
    // row is written, unless a clock jump has to be flagged on the session.
    const bool rowChanged = s.clockJumpDetected != jumpKnown;
    return commit(std::move(s), e, rowChanged); // moved: its let-downs are not copied to add one
}

SessionRecorder::Placement SessionRecorder::placeTap(qint64 tapMs, qint64 monotonicNowMs) const
{
    if (m_segments.isEmpty())
        return {monotonicNowMs, currentSession().activeMs, m_session.side};
    const qint64 momentMs = std::clamp(
        tapMs, std::min(m_segments.constFirst().fromMonotonicMs, monotonicNowMs), monotonicNowMs);
    const Segment *segment = &m_segments.constFirst();
    for (const Segment &candidate : m_segments)
        if (candidate.fromMonotonicMs <= momentMs)
            segment = &candidate;
    const qint64 runningMs = segment->running ? std::max<qint64>(0, momentMs - segment->fromMonotonicMs) : 0;
    return {momentMs, segment->activeMsAtStart + runningMs, segment->side};
}

void SessionRecorder::noteSegment(const Session &s)
{
    m_segments.append({m_anchorMonotonicMs, s.state == SessionState::Running, s.side, s.activeMs});
}

bool SessionRecorder::holdsReceipt(const QString &receiptId) const
{
    const auto matches = [&](const ChangeRecord &change) { return change.receiptId == receiptId; };
    return std::any_of(m_unsavedChanges.cbegin(), m_unsavedChanges.cend(), matches)
        || std::any_of(m_unsavedSpontaneousChanges.cbegin(), m_unsavedSpontaneousChanges.cend(), matches);
}

bool SessionRecorder::removeLetdown(const Letdown &ejection)
{
    if (!m_hasSession)
        return refuse(tr("There is no session on screen."));
    Session s = m_session;
    const qsizetype index = s.letdowns.indexOf(ejection);
    if (index < 0)
        return refuse(tr("That let-down is no longer in the session."));
    s.letdowns.removeAt(index);
    m_unsavedLetdowns.removeOne(ejection);
    return commitRewrite(s);
}

bool SessionRecorder::restoreLetdown(const Letdown &ejection)
{
    if (!m_hasSession)
        return refuse(tr("There is no session on screen."));
    Session s = m_session;
    const auto at = std::upper_bound(s.letdowns.begin(), s.letdowns.end(), ejection,
        [](const Letdown &a, const Letdown &b) { return a.offsetMs < b.offsetMs; });
    s.letdowns.insert(at, ejection);
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
    m_sessionUnsaved = false;
    m_unsavedChanges.clear();
    m_unsavedSpontaneous.clear();
    m_unsavedSpontaneousChanges.clear();
    m_rowUnsaved = false;
    m_rewriteLetdowns = false;
    m_techniquesSaved = m_session.techniques;
    m_unsavedLetdowns.clear();
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
    noteSegment(s);
    return commit(s);
}

bool SessionRecorder::resume()
{
    if (state() != State::Paused)
        return refuse(tr("Only a paused session can be resumed."));
    Session s = advancedToNow();
    s.state = SessionState::Running;
    noteSegment(s);
    return commit(s);
}

bool SessionRecorder::togglePause()
{
    return state() == State::Paused ? resume() : pause();
}

bool SessionRecorder::setSide(Side side)
{
    if (!isLive())
        return refuse(tr("Start a session before choosing a side."));
    if (side == m_session.side)
        return true;
    Session s = advancedToNow();
    s.side = side;
    noteSegment(s);
    return commit(s);
}

bool SessionRecorder::switchSide()
{
    return setSide(m_session.side == Side::Left ? Side::Right : Side::Left);
}

bool SessionRecorder::stop()
{
    if (!isLive())
        return refuse(tr("No session is running."));
    Session s = advancedToNow();
    s.state = SessionState::Stopped;
    noteSegment(s);
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

bool SessionRecorder::commit(Session next, const std::optional<Letdown> &newLetdown, bool rowChanged)
{
    m_session = std::move(next);
    // What the step wrote: the session row when it changed, the let-down when there is one
    // (a plain let-down leaves the row as it was; its log row names the session).
    QJsonObject payload;
    if (rowChanged && m_stepChange)
        payload.insert(QStringLiteral("session"), sessionToJson(m_session, false));
    if (newLetdown) {
        // In time order, as they are read back (a late tap may belong before the last one).
        const auto at = std::upper_bound(m_session.letdowns.begin(), m_session.letdowns.end(), *newLetdown,
            [](const Letdown &a, const Letdown &b) { return a.offsetMs < b.offsetMs; });
        m_session.letdowns.insert(at, *newLetdown);
        m_unsavedLetdowns.append(*newLetdown);
        m_lastMarked = *newLetdown;
        if (m_stepChange && !payload.isEmpty()) // with the row (alone: letdownEntryJson below)
            payload.insert(QStringLiteral("letdown"), letdownToJson(*newLetdown));
    }
    if (m_stepChange) { // the payload is only serialised when there is a record to carry it
        if (newLetdown && !payload.contains(QStringLiteral("session")))
            takeStepChange(letdownEntryJson(*newLetdown)); // the same bytes, without the object
        else
            takeStepChange(compactJson(payload));
    }
    m_sessionUnsaved = true;
    m_unsaved = true;
    m_rowUnsaved = m_rowUnsaved || rowChanged;
    const bool saved = flush();
    emit changed();
    return saved;
}

bool SessionRecorder::commitRewrite(const Session &next)
{
    m_session = next;
    if (m_stepChange)
        takeStepChange(compactJson({{QStringLiteral("session"), sessionToJson(m_session, true)}}));
    m_rewriteLetdowns = true;
    m_sessionUnsaved = true;
    m_unsaved = true;
    const bool saved = flush();
    emit changed();
    return saved;
}

void SessionRecorder::takeStepChange(const QByteArray &payload, bool spontaneous)
{
    if (!m_stepChange)
        return;
    ChangeRecord change = *m_stepChange;
    m_stepChange.reset();
    change.payload = payload;
    if (!spontaneous && change.sessionUuid.isEmpty())
        change.sessionUuid = m_session.uuid;
    (spontaneous ? m_unsavedSpontaneousChanges : m_unsavedChanges).append(change);
}

bool SessionRecorder::flush()
{
    // The whole session row is rewritten each time, so a retry after any number of failed
    // steps saves the latest state plus every let-down not yet on disk, with the change-log
    // records of those steps in the same transaction.
    // No waiting for another program's lock: the window must never freeze on a tap. A busy
    // database keeps the steps here, in order, and they are tried again shortly.
    m_store.setLockWaitMs(0);
    bool saved = true;
    if (!m_unsavedSpontaneous.isEmpty()) {
        const SessionStore::ChangeScope withChanges(m_store, m_unsavedSpontaneousChanges);
        QList<SpontaneousLetdown> written = m_unsavedSpontaneous;
        saved = m_store.addSpontaneousLetdowns(written);
        if (saved) {
            m_unsavedSpontaneous.clear();
            m_unsavedSpontaneousChanges.clear();
            for (const SpontaneousLetdown &letdown : std::as_const(written))
                emit spontaneousLetdownRecorded(letdown.id, letdown.atUtcMs);
        }
    }
    if (saved && m_sessionUnsaved) {
        const SessionStore::ChangeScope withChanges(m_store, m_unsavedChanges);
        saved = m_rewriteLetdowns ? m_store.replaceSession(m_session)
            : !m_rowUnsaved       ? m_store.appendLetdowns(m_session.uuid, m_unsavedLetdowns)
                                  : m_store.saveSession(m_session, m_unsavedLetdowns,
                                      m_techniquesSaved == m_session.techniques
                                                ? SessionStore::TechniquesWrite::Unchanged
                                                : SessionStore::TechniquesWrite::Always);
        if (saved) {
            m_unsavedChanges.clear();
            m_sessionUnsaved = false;
            m_rowUnsaved = false;
            m_rewriteLetdowns = false;
            m_techniquesSaved = m_session.techniques;
            m_unsavedLetdowns.clear();
        }
    }
    m_store.setLockWaitMs(Database::kDefaultLockWaitMs);
    m_unsaved = m_sessionUnsaved || !m_unsavedSpontaneous.isEmpty();
    if (!saved) {
        m_waitingForLock = m_store.lastFailureWasBusy();
        const int waiting = int(m_unsavedLetdowns.size() + m_unsavedSpontaneous.size());
        m_lastError = m_waitingForLock
            ? tr("Another program is using the data file. Your taps (let-downs: %1) are kept here and "
                 "saved in order as soon as it is free.")
                  .arg(waiting)
            : tr("Not saved yet: %1. Letdown keeps it and tries again.").arg(m_store.errorString());
        m_retryTimer.start(m_waitingForLock ? m_busyRetryIntervalMs : m_retryIntervalMs);
        return false;
    }
    m_waitingForLock = false;
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
