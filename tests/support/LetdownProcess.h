#pragma once

// Runs the real `letdown` executable as a user would from a terminal: no display, and
// "now" fixed to the week after the fixtures (LETDOWN_NOW), whatever today's date.
#include <catch2/catch.hpp>

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

struct CliResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs `program` (the letdown executable unless given) with the environment above.
inline CliResult runProgram(
    const QString &program, const QStringList &arguments, const QByteArray &standardInput = {})
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        environment.remove(QString::fromLatin1(name));
    environment.insert(QStringLiteral("LETDOWN_NOW"), QStringLiteral("2026-11-20T12:00:00+01:00"));
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    REQUIRE(process.waitForStarted(30'000));
    if (!standardInput.isEmpty())
        process.write(standardInput);
    process.closeWriteChannel();
    REQUIRE(process.waitForFinished(120'000));
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

inline CliResult runLetdown(const QStringList &arguments, const QByteArray &standardInput = {})
{
    return runProgram(QStringLiteral(LETDOWN_EXECUTABLE), arguments, standardInput);
}
