#include "UndoCommands.h"

#include "journal/Journal.h"

#include "domain/TimeFormat.h"
#include "recorder/SessionRecorder.h"
#include "storage/SessionStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

namespace {
// lupdate reads Text::tr("...") with this context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(UndoCommands)
};

QString describe(const Session &s)
{
    return QLocale().toString(storedLocalDateTime(s.startedAtUtcMs, s.startedUtcOffsetS), Text::tr("d MMM HH:mm"));
}
} // namespace

AddSessionCommand::AddSessionCommand(
    Journal &journal, Session session, ProblemReporter report)
    : m_journal(journal)
    , m_session(std::move(session))
    , m_report(std::move(report))
{
    setText(Text::tr("add session of %1").arg(describe(m_session)));
}

void AddSessionCommand::redo()
{
    QString error;
    if (!m_journal.addSession(m_session, Origin::History, error))
        m_report(Text::tr("Could not add the session: %1").arg(error));
}

void AddSessionCommand::undo()
{
    QString error;
    if (!m_journal.deleteSession(m_session.uuid, Origin::Undo, error))
        m_report(Text::tr("Could not undo adding the session: %1").arg(error));
}

EditSessionCommand::EditSessionCommand(
    Journal &journal, Session before, Session after, ProblemReporter report)
    : m_journal(journal)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_report(std::move(report))
{
    setText(Text::tr("edit session of %1").arg(describe(m_before)));
}

void EditSessionCommand::apply(const Session &session)
{
    QString error;
    if (!m_journal.replaceSession(session, Origin::History, error))
        m_report(Text::tr("Could not change the session: %1").arg(error));
}

void EditSessionCommand::redo()
{
    if (m_skipRedo) {
        m_skipRedo = false;
        return;
    }
    apply(m_after);
}

void EditSessionCommand::undo()
{
    apply(m_before);
}

DeleteSessionCommand::DeleteSessionCommand(
    Journal &journal, Session session, ProblemReporter report)
    : m_journal(journal)
    , m_session(std::move(session))
    , m_report(std::move(report))
{
    setText(Text::tr("delete session of %1").arg(describe(m_session)));
}

void DeleteSessionCommand::redo()
{
    QString error;
    if (!m_journal.deleteSession(m_session.uuid, Origin::History, error))
        m_report(Text::tr("Could not delete the session: %1").arg(error));
}

void DeleteSessionCommand::undo()
{
    QString error;
    if (!m_journal.addSession(m_session, Origin::Undo, error))
        m_report(Text::tr("Could not bring the session back: %1").arg(error));
}

StartStopCommand::StartStopCommand(Journal &journal, bool started, SessionKind kind, Side side)
    : m_journal(journal)
    , m_started(started)
    , m_kind(kind)
    , m_side(side)
{
    setText(started ? Text::tr("start of the session") : Text::tr("stop of the session"));
}

void StartStopCommand::redo()
{
    if (m_firstRedo) { // QUndoStack::push calls redo; the step is already done
        m_firstRedo = false;
        return;
    }
    Journal::Request request = Journal::ask(m_started ? Journal::Step::Start : Journal::Step::Stop, Origin::Undo);
    request.kind = m_kind;
    request.side = m_side;
    m_journal.apply(request);
}

void StartStopCommand::undo()
{
    m_journal.apply(Journal::ask(m_started ? Journal::Step::UndoStart : Journal::Step::ResumeStopped, Origin::Undo));
}

LetdownCommand::LetdownCommand(Journal &journal, Letdown ejection)
    : m_journal(journal)
    , m_ejection(ejection)
{
    setText(Text::tr("let-down at %1").arg(formatElapsed(m_ejection.offsetMs)));
}

void LetdownCommand::redo()
{
    if (m_firstRedo) { // QUndoStack::push calls redo; the tap is already recorded
        m_firstRedo = false;
        return;
    }
    Journal::Request request = Journal::ask(Journal::Step::RestoreLetdown, Origin::Undo);
    request.letdown = m_ejection;
    m_journal.apply(request);
}

void LetdownCommand::undo()
{
    Journal::Request request = Journal::ask(Journal::Step::RemoveLetdown, Origin::Undo);
    request.letdown = m_ejection;
    m_journal.apply(request);
}
