// `letdown-command`: what `letdown` (src/launcher) passes every command to that it does not
// hand over itself. It links no widget library: the commands that draw nothing run here; the
// window and the commands that draw (`chart`, `report`), and --help and --version, are handed
// to `letdown-window` (the same arguments, the same process id).
#include "CommandLine.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <string>
#include <unistd.h>

namespace {
// `letdown-window` beside this program (the build folder), else in ../libexec/letdown/
// (an install).
std::string windowProgram()
{
    char self[PATH_MAX] = {};
    const ssize_t length = ::readlink("/proc/self/exe", self, sizeof self - 1);
    std::string folder = length > 0 ? std::string(self, size_t(length)) : std::string();
    folder = folder.substr(0, folder.rfind('/') + 1);
    for (const char *relative : {"letdown-window", "../libexec/letdown/letdown-window"}) {
        const std::string candidate = folder + relative;
        if (::access(candidate.c_str(), X_OK) == 0)
            return candidate;
    }
    return folder + "letdown-window";
}
} // namespace

int main(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const QString command = CommandLine::findCommand(arguments);
    if (!command.isEmpty() && (CommandLine::runsWithoutWidgets(command) || !CommandLine::isKnownCommand(command)))
        return CommandLine::runCommand(argc, argv, command);
    const std::string window = windowProgram();
    ::execv(window.c_str(), argv);
    std::fprintf(stderr, "letdown: cannot start %s: %s\n", window.c_str(), std::strerror(errno));
    return 1;
}
