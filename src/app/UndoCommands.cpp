#include "UndoCommands.h"

#include "commands/SessionCommands.h"

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
    SessionStore &store, Session session, ProblemReporter report, ChangeNotifier changed)
    : m_store(store)
    , m_session(std::move(session))
    , m_report(std::move(report))
    , m_changed(std::move(changed))
{
    setText(Text::tr("add session of %1").arg(describe(m_session)));
}

void AddSessionCommand::redo()
{
    if (!m_store.insertSession(m_session))
        m_report(Text::tr("Could not add the session: %1").arg(m_store.errorString()));
    m_changed();
}

void AddSessionCommand::undo()
{
    if (!m_store.deleteSession(m_session.uuid))
        m_report(Text::tr("Could not undo adding the session: %1").arg(m_store.errorString()));
    m_changed();
}

EditSessionCommand::EditSessionCommand(
    SessionStore &store, Session before, Session after, ProblemReporter report, ChangeNotifier changed)
    : m_store(store)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_report(std::move(report))
    , m_changed(std::move(changed))
{
    setText(Text::tr("edit session of %1").arg(describe(m_before)));
}

void EditSessionCommand::apply(const Session &session)
{
    if (!m_store.replaceSession(session))
        m_report(Text::tr("Could not change the session: %1").arg(m_store.errorString()));
    m_changed();
}

void EditSessionCommand::redo()
{
    apply(m_after);
}

void EditSessionCommand::undo()
{
    apply(m_before);
}

DeleteSessionCommand::DeleteSessionCommand(
    SessionStore &store, Session session, ProblemReporter report, ChangeNotifier changed)
    : m_store(store)
    , m_session(std::move(session))
    , m_report(std::move(report))
    , m_changed(std::move(changed))
{
    setText(Text::tr("delete session of %1").arg(describe(m_session)));
}

void DeleteSessionCommand::redo()
{
    if (!m_store.deleteSession(m_session.uuid))
        m_report(Text::tr("Could not delete the session: %1").arg(m_store.errorString()));
    m_changed();
}

void DeleteSessionCommand::undo()
{
    if (!m_store.insertSession(m_session))
        m_report(Text::tr("Could not bring the session back: %1").arg(m_store.errorString()));
    m_changed();
}

LetdownCommand::LetdownCommand(SessionCommands &commands, Ejection ejection)
    : m_commands(commands)
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
    m_commands.restoreLetdown(m_ejection);
}

void LetdownCommand::undo()
{
    m_commands.removeLetdown(m_ejection);
}
