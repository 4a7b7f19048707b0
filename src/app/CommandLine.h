#pragma once

#include <QString>

// `letdown VERB ...`: the headless commands. None of them opens a window, so none needs
// a display; each has its own --help.
namespace CommandLine {
// Whether argv[1] names a verb (anything not starting with '-').
bool hasVerb(int argc, char **argv);
int runVerb(int argc, char **argv);
QString defaultDatabasePath();
void describeApplication();
} // namespace CommandLine
