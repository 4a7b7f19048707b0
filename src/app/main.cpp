// Hands over: to a command (letdown stats ...), to the help and version texts, or to the window.
#include "CommandLine.h"
#include "Startup.h"

#include <QString>
#include <QStringList>

int main(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const QString command = CommandLine::findCommand(arguments);
    if (!command.isEmpty())
        return CommandLine::runCommand(argc, argv, command);
    const int exitCode = Startup::runWithoutWindow(argc, argv);
    return exitCode >= 0 ? exitCode : Startup::runWindow(argc, argv);
}
