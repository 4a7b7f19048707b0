#pragma once

#include "instance/InstanceGuard.h"

#include <QString>
#include <QStringList>

class Journal;

// `letdown VERB ...`: the headless commands. None of them opens a window, so none needs
// a display; each has its own --help. One table (in CommandLine.cpp) lists the commands:
// it drives the dispatch, the main --help text and each command's options.
namespace CommandLine {
// The command named among the arguments (options and the command in any order), or empty
// when there is none and the window should open.
QString findCommand(const QStringList &arguments);
// Runs the command `name` (an unknown name is an error listing the commands).
int runCommand(int argc, char **argv, const QString &name);
// Whether `name` is a known command that draws nothing (all but `chart` and `report`): those
// run in `letdown` itself, the others and the window in `letdown-window`.
bool runsWithoutWidgets(const QString &name);
bool isKnownCommand(const QString &name);
// The description --help shows for `letdown` itself, with the list of commands.
QString windowHelpText();
QString defaultDatabasePath();
// The file a command without --database opens: where she moved it (Preferences), else the default.
QString herDatabasePath();
// Where the owner of that file also listens, for `letdown tap` from a shortcut (src/launcher).
QString quickTapSocketPath();
// Called by the window and `serve` once they answer commands: publishes that socket when the
// file they opened is hers by default (true when published).
bool publishForQuickTap(InstanceGuard &guard, const QString &openedPath);
// Application and organisation names (settings file, data folder) and version.
void describeApplication();
// The arguments without those QApplication takes for itself (-platform X, -style X ...).
QStringList withoutQtGuiOptions(QStringList arguments);
// The owner's side of a command handed over by another Letdown (`tap`, `import`, `backup`
// while the window or `serve` has the file): runs it through this process's journal.
InstanceGuard::Answer runForwarded(Journal &journal, const InstanceGuard::Forwarded &command);
} // namespace CommandLine
