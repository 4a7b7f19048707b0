#pragma once

#include <QString>

class QCommandLineParser;

// `letdown serve`: the phone remote without a window (a home server, a small board).
namespace ServeCommand {
int run(const QCommandLineParser &parser, const QString &databasePath);
} // namespace ServeCommand
