// `letdown-command`: what `letdown` (src/launcher) passes every command to that it does not
// hand over itself. It links no widget library: the commands that draw nothing run here; the
// window and the commands that draw (`chart`, `report`), and --help and --version, are handed
// to `letdown-window` (the same arguments, the same process id).
#include "CommandLine.h"
#include "SiblingProgram.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <string>
#include <unistd.h>

int main(int argc, char **argv)
{
    forgetLauncherTunables();
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const QString command = CommandLine::findCommand(arguments);
    if (!command.isEmpty() && (CommandLine::runsWithoutWidgets(command) || !CommandLine::isKnownCommand(command)))
        return CommandLine::runCommand(argc, argv, command);
    const std::string window = siblingProgram("letdown-window");
    ::execv(window.c_str(), argv);
    std::fprintf(stderr, "letdown: cannot start %s: %s\n", window.c_str(), std::strerror(errno));
    return 1;
}
