#include "commands/SessionCommands.h"

#include "recorder/SessionRecorder.h"

SessionCommands::SessionCommands(SessionRecorder &recorder, QObject *parent)
    : QObject(parent)
    , m_recorder(recorder)
{ }

void SessionCommands::setNextSession(const NextSession &next)
{
    if (next == m_next)
        return;
    m_next = next;
    emit nextSessionChanged();
}

bool SessionCommands::isLive() const
{
    return m_recorder.isLive();
}

bool SessionCommands::report(bool ok)
{
    // An unsaved step is the recorder's state (the window's warning bar); anything else
    // that failed was a refusal.
    if (!ok && !m_recorder.hasUnsavedChanges() && !m_recorder.lastError().isEmpty())
        emit refused(m_recorder.lastError());
    return ok;
}

bool SessionCommands::spontaneousLetdown(qint64 agoMs)
{
    return report(m_recorder.markSpontaneousLetdown(agoMs));
}

bool SessionCommands::startOrStop()
{
    if (isLive()) {
        emit aboutToStop();
        return report(m_recorder.stop());
    }
    // Ticks made with no session shown are meant for this one; after a finished session
    // they belonged to it, so the new one starts untagged.
    const bool fresh = m_recorder.state() == SessionRecorder::State::Idle;
    return report(m_recorder.start(m_next.kind, m_next.side, fresh ? m_next.techniques : QStringList()));
}

bool SessionCommands::reopenStopped()
{
    return report(m_recorder.reopen());
}

bool SessionCommands::discardStarted()
{
    return report(m_recorder.discardStarted());
}

bool SessionCommands::letdown(std::optional<qint64> tappedAtMonotonicMs)
{
    if (!tappedAtMonotonicMs && m_tapMoment)
        tappedAtMonotonicMs = m_tapMoment();
    const qsizetype before = m_recorder.currentSession().letdowns.size();
    const bool saved = report(m_recorder.markLetdown(tappedAtMonotonicMs));
    // A double tap adds nothing; an unsaved tap is kept by the recorder, but is not undoable.
    const Session after = m_recorder.currentSession();
    if (saved && after.letdowns.size() > before)
        emit letdownRecorded(m_recorder.lastMarkedLetdown());
    return saved;
}

bool SessionCommands::togglePause()
{
    return report(m_recorder.togglePause());
}

bool SessionCommands::switchSide()
{
    if (isLive())
        return report(m_recorder.switchSide());
    NextSession next = m_next;
    next.side = next.side == Side::Left ? Side::Right : Side::Left;
    setNextSession(next);
    return true;
}

bool SessionCommands::setSide(Side side)
{
    if (isLive())
        return report(m_recorder.setSide(side));
    NextSession next = m_next;
    next.side = side;
    setNextSession(next);
    return true;
}

bool SessionCommands::setTechniques(const QStringList &techniques)
{
    if (!m_recorder.hasSession()) {
        NextSession next = m_next;
        next.techniques = techniques;
        setNextSession(next);
        return true;
    }
    return report(m_recorder.setTechniques(techniques));
}

bool SessionCommands::setNote(const QString &note)
{
    return m_recorder.hasSession() ? report(m_recorder.setNote(note)) : true;
}

bool SessionCommands::removeLetdown(const Letdown &ejection)
{
    return report(m_recorder.removeLetdown(ejection));
}

bool SessionCommands::restoreLetdown(const Letdown &ejection)
{
    return report(m_recorder.restoreLetdown(ejection));
}
