#pragma once

// Starting Letdown without a command: the help and version texts (no display needed), or
// the window: one instance per database, the data file opened (or the way out offered
// when it cannot be), the unfinished session picked up, the daily backups started.
namespace Startup {
// --help, --version or bad arguments: prints and returns the exit code; -1 when the
// window should start.
int runWithoutWindow(int argc, char **argv);
int runWindow(int argc, char **argv);
} // namespace Startup
