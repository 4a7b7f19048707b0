#pragma once

#include "domain/Session.h"

#include <QUndoCommand>

#include <functional>

class Journal;

// Every change to her log made in the app goes through one of these on the main window's
// QUndoStack, so Ctrl+Z takes it back. Each step is one journal request (one transaction,
// logged, announced to every view). A step that fails reports through `report` (the window
// shows it) and leaves the data as it was.
using ProblemReporter = std::function<void(const QString &)>;

class AddSessionCommand : public QUndoCommand
{
public:
    AddSessionCommand(Journal &journal, Session session, ProblemReporter report);
    void redo() override;
    void undo() override;

private:
    Journal &m_journal;
    Session m_session;
    ProblemReporter m_report;
};

class EditSessionCommand : public QUndoCommand
{
public:
    EditSessionCommand(
        Journal &journal, Session before, Session after, ProblemReporter report);
    // The change was already made (a scale's readings attached): pushing it does not write again.
    void skipFirstRedo() { m_skipRedo = true; }
    void redo() override;
    void undo() override;

private:
    void apply(const Session &session);
    Journal &m_journal;
    Session m_before;
    Session m_after;
    ProblemReporter m_report;
    bool m_skipRedo = false;
};

// Undo puts the session back whole: same session_id, same let-downs.
class DeleteSessionCommand : public QUndoCommand
{
public:
    DeleteSessionCommand(Journal &journal, Session session, ProblemReporter report);
    void redo() override;
    void undo() override;

private:
    Journal &m_journal;
    Session m_session;
    ProblemReporter m_report;
};

// A session started or stopped in this window (a key, a button, the mini timer, the tray),
// pushed once the step is done. Undo of a start removes the session while it has no
// let-downs (redo starts one again); undo of a stop runs the same session again, the time
// between counted as paused, within 15 minutes of the stop (redo stops it again).
class StartStopCommand : public QUndoCommand
{
public:
    StartStopCommand(Journal &journal, bool started, SessionKind kind, Side side);
    void redo() override;
    void undo() override;

private:
    Journal &m_journal;
    bool m_started;
    SessionKind m_kind;
    Side m_side;
    bool m_firstRedo = true;
};

// A let-down tapped during a live session. The tap itself is already saved when this is
// pushed; undo removes it, redo puts it back.
class LetdownCommand : public QUndoCommand
{
public:
    // Refusals reach her through the commands' refused() signal, like every other step.
    LetdownCommand(Journal &journal, Letdown ejection);
    void redo() override;
    void undo() override;

private:
    Journal &m_journal;
    Letdown m_ejection;
    bool m_firstRedo = true;
};
