#pragma once

// `letdown serve` as a test starts it: on loopback only, on a free port, every wait bounded.
#include <catch2/catch.hpp>

#include <QByteArray>
#include <QHostAddress>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QString>
#include <QTcpServer>

inline quint16 freeLoopbackPort()
{
    QTcpServer probe;
    REQUIRE(probe.listen(QHostAddress::LocalHost, 0));
    return probe.serverPort();
}

// Starts `letdown serve` on 127.0.0.1 and returns what it printed up to "Ctrl+C stops." (30 s
// at most), or an empty text if it never got there. With `fixedNow` its clock starts at the
// tests' fixed moment (LETDOWN_NOW), else it is the real clock. An empty `database`: her
// default file (the test process's own data folder), as `serve` without --database opens it.
// `extraArguments` and `extraEnvironment` are added as given.
inline QByteArray startServe(QProcess &serve, const QString &database, quint16 port, bool fixedNow = true,
    const QStringList &extraArguments = {}, const QList<QPair<QString, QString>> &extraEnvironment = {})
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (fixedNow)
        environment.insert("LETDOWN_NOW", "2026-11-20T12:00:00+01:00");
    for (const auto &[name, value] : extraEnvironment)
        environment.insert(name, value);
    serve.setProcessEnvironment(environment);
    QStringList arguments = QStringList {"serve", "--listen", "127.0.0.1", "--port", QString::number(port)} + extraArguments;
    if (!database.isEmpty())
        arguments << "--database" << database;
    serve.start(LETDOWN_EXECUTABLE, arguments);
    if (!serve.waitForStarted(30'000))
        return {};
    QByteArray printed;
    for (int wait = 0; wait < 300 && !printed.contains("Ctrl+C stops."); ++wait)
        if (serve.waitForReadyRead(100))
            printed += serve.readAllStandardOutput();
    return printed.contains("Ctrl+C stops.") ? printed : QByteArray();
}

// The pairing key serve printed (after #secret=), or empty.
inline QByteArray pairingKey(const QByteArray &printed)
{
    const QRegularExpressionMatch match
        = QRegularExpression("#secret=([0-9a-f]{64})").match(QString::fromLatin1(printed));
    return match.hasMatch() ? match.captured(1).toLatin1() : QByteArray();
}
