// Every hand through one journal, across processes: `letdown tap` on its own, handed to a
// running `serve` or to the open window over the instance socket, and exactly once after
// a kill. Servers listen on loopback only; every wait is bounded.
#include "CommandLine.h"
#include "HistoryPanel.h"
#include "MainWindow.h"
#include "instance/InstanceGuard.h"
#include "journal/Journal.h"
#include "recorder/SessionRecorder.h"
#include "storage/SessionStore.h"

#include "HttpTestClient.h"
#include "LetdownProcess.h"
#include "ServeProcess.h"
#include "SessionFixtures.h"
#include "TestSupport.h"

#include <QCheckBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QRegularExpression>
#include <QStatusBar>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

namespace {
// `letdown serve` with the real clock; returns its pairing key, or empty when it did not come
// up within 30 s.
QByteArray startRealServe(QProcess &serve, const QString &database, quint16 port)
{
    return pairingKey(startServe(serve, database, port, false));
}

void stopServe(QProcess &serve)
{
    serve.terminate();
    REQUIRE(serve.waitForFinished(30'000));
}

qint64 count(const QString &database, const QString &sql)
{
    Database check;
    REQUIRE(check.open(database, Database::OpenMode::ReadOnly));
    TestQuery query(check);
    REQUIRE(query.exec(sql));
    REQUIRE(query.next());
    return query.value(0).toLongLong();
}

// Two sessions exported as Letdown's CSV, to import.
void writeExport(const QString &sessionsCsv, const QString &letdownsCsv)
{
    TempDatabase source;
    SessionStore store(source.database);
    REQUIRE(store.saveSessions({finishedSession(SessionKind::Nursing, berlin(2026, 11, 16, 8, 0), {60, 300}),
        finishedSession(SessionKind::Pumping, berlin(2026, 11, 17, 7, 0), {90})}));
    REQUIRE(runLetdown({"export", "--database", source.path, "--sessions", sessionsCsv, "--ejections", letdownsCsv})
                .exitCode
        == 0);
}
} // namespace

TEST_CASE("letdown tap without an owner: each step on disk, a session live between commands, clear refusals")
{
    QTemporaryDir dir;
    const QString database = dir.filePath("tap.sqlite");
    const CliResult started = runLetdown({"tap", "start", "--kind", "pumping", "--side", "right", "--database", database});
    INFO(started.err.toStdString());
    REQUIRE(started.exitCode == 0);
    CHECK(started.out.contains("start: recorded"));
    CHECK(runLetdown({"tap", "letdown", "--database", database}).exitCode == 0);
    CHECK(runLetdown({"tap", "switch-side", "--database", database}).exitCode == 0);
    CHECK(count(database, "SELECT count(*) FROM sessions WHERE state = 'running' AND kind = 'pumping'") == 1);
    CHECK(runLetdown({"tap", "stop", "--database", database}).exitCode == 0);

    const CliResult noSession = runLetdown({"tap", "letdown", "--database", database});
    CHECK(noSession.exitCode == 1);
    CHECK_THAT(noSession.err.toStdString(), Catch::Contains("No session is running"));
    CHECK(runLetdown({"tap", "letdown-without-feed", "--database", database}).exitCode == 0);
    CHECK(runLetdown({"tap", "dance", "--database", database}).exitCode == 2);
    CHECK(runLetdown({"tap", "stop", "--kind", "nursing", "--database", database}).exitCode == 2);
    CHECK(runLetdown({"tap", "start", "--side", "up", "--database", database}).exitCode == 2);

    CHECK(count(database, "SELECT count(*) FROM ejections") == 1);
    CHECK(count(database, "SELECT count(*) FROM spontaneous_letdowns") == 1);
    CHECK(count(database, "SELECT count(*) FROM sessions WHERE state = 'stopped' AND side = 'left'") == 1);
    CHECK(count(database, "SELECT count(*) FROM change_log WHERE origin = 'command_line'") == 5);
}

TEST_CASE("letdown tap, import and backup are handed to a running serve, also through a symbolic link")
{
    QTemporaryDir dir;
    const QString database = dir.filePath("served.sqlite");
    const quint16 port = freeLoopbackPort();
    QProcess serve;
    const QByteArray key = startRealServe(serve, database, port);
    REQUIRE_FALSE(key.isEmpty());

    const CliResult started = runLetdown({"tap", "start", "--database", database});
    INFO(started.err.toStdString());
    REQUIRE(started.exitCode == 0);
    REQUIRE(runLetdown({"tap", "letdown", "--database", database}).exitCode == 0);
    // The owner applied them: its live state (what the phone sees) has the session and let-down.
    const QJsonObject status
        = QJsonDocument::fromJson(sendHttp(port, httpGet(port, "/api/v1/status", key), 10'000).body).object();
    CHECK(status.value("state").toString() == "running");
    CHECK(status.value("session").toObject().value("letdowns").toInt() == 1);

    const QString sessionsCsv = dir.filePath("s.csv"), letdownsCsv = dir.filePath("l.csv");
    writeExport(sessionsCsv, letdownsCsv);
    // Relative names are read from the folder the command was given in.
    QProcess import;
    import.setWorkingDirectory(dir.path());
    import.start(LETDOWN_EXECUTABLE, {"import", "--sessions", "s.csv", "--ejections", "l.csv", "--database", database});
    REQUIRE(import.waitForFinished(60'000));
    INFO(import.readAllStandardError().toStdString());
    CHECK(import.exitCode() == 0);
    CHECK(import.readAllStandardOutput().contains("Imported 2 sessions with 3 let-downs"));
    const CliResult backup = runLetdown({"backup", "--database", database});
    CHECK(backup.exitCode == 0);
    CHECK(QFileInfo::exists(QString::fromUtf8(backup.out.trimmed())));

    // A link to the same file finds the same owner: no second serve, and a tap goes to the first.
    const QString link = dir.filePath("link.sqlite");
    REQUIRE(QFile::link(database, link));
    const CliResult secondOwner
        = runLetdown({"serve", "--database", link, "--listen", "127.0.0.1", "--port", QString::number(freeLoopbackPort())});
    CHECK(secondOwner.exitCode == 3);
    CHECK(runLetdown({"tap", "stop", "--database", link}).exitCode == 0);
    stopServe(serve);

    CHECK(count(database, "SELECT count(*) FROM sessions") == 3);
    CHECK(count(database, "SELECT count(*) FROM sessions WHERE state = 'stopped'") == 3);
    CHECK(count(database, "SELECT count(*) FROM change_log WHERE origin = 'command_line'") == 4);
}

TEST_CASE("letdown tap from a shortcut is handed to the owner of her default file by letdown alone, without Qt")
{
    // Her default file is where a command without --database looks (this test's data folder).
    const QString letdownFolder = qEnvironmentVariable("XDG_DATA_HOME") + "/letdown";
    const QString database = letdownFolder + "/letdown.sqlite";
    const QString published = letdownFolder + "/tap.socket";
    // `letdown` with no letdown-command beside it: it can only hand a tap over, never run one.
    QTemporaryDir alone;
    const QString launcher = alone.filePath("letdown");
    REQUIRE(QFile::copy(LETDOWN_EXECUTABLE, launcher));
    REQUIRE(QFile::setPermissions(launcher, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    const auto launch = [&](const QStringList &arguments) { return runProgram(launcher, arguments); };

    // No owner, nothing published: the tap needs letdown-command, which says so here.
    const CliResult noOwner = launch({"tap", "start"});
    CHECK(noOwner.exitCode == 1);
    CHECK_THAT(noOwner.err.toStdString(), Catch::Contains("cannot start") && Catch::Contains("letdown-command"));

    // The owner of another file publishes nothing.
    QTemporaryDir dir;
    {
        QProcess other;
        REQUIRE_FALSE(startServe(other, dir.filePath("other.sqlite"), freeLoopbackPort(), false).isEmpty());
        CHECK_FALSE(QFileInfo::exists(published));
        stopServe(other);
    }

    QProcess serve;
    const quint16 port = freeLoopbackPort();
    REQUIRE_FALSE(startServe(serve, QString(), port, false).isEmpty());
    REQUIRE(QFileInfo::exists(published));
    // Refused by the owner: its reason and exit 1, as from letdown-command.
    const CliResult refused = launch({"tap", "letdown"});
    CHECK(refused.exitCode == 1);
    CHECK_FALSE(refused.err.isEmpty());
    const CliResult started = launch({"tap", "start", "--kind", "pumping", "--side=right"});
    INFO(started.err.toStdString());
    CHECK(started.exitCode == 0);
    CHECK(started.out == "start: recorded.\n");
    const CliResult letdown = launch({"tap", "letdown"});
    CHECK(letdown.exitCode == 0);
    CHECK(letdown.out == "letdown: recorded.\n");
    // Anything but a plain tap is letdown-command's to read (missing here; the real one says what is wrong).
    CHECK_THAT(launch({"tap", "letdown", "--help"}).err.toStdString(), Catch::Contains("letdown-command"));
    CHECK(runLetdown({"tap", "frobnicate"}).exitCode == 2);

    // Killed, the owner leaves its socket behind: letdown alone cannot connect and passes the tap
    // on; the real chain opens the file itself (the lock is stale) and records the step.
    serve.kill();
    REQUIRE(serve.waitForFinished(30'000));
    CHECK_THAT(launch({"tap", "letdown"}).err.toStdString(), Catch::Contains("letdown-command"));
    QProcess afterKill; // on the real clock, as the killed serve was
    afterKill.start(LETDOWN_EXECUTABLE, {"tap", "stop"});
    REQUIRE(afterKill.waitForFinished(60'000));
    INFO(afterKill.readAllStandardError().toStdString());
    CHECK(afterKill.exitCode() == 0);
    CHECK(afterKill.readAllStandardOutput() == "stop: recorded.\n");

    CHECK(count(database, "SELECT count(*) FROM sessions WHERE kind = 'pumping' AND side = 'right'"
                          " AND state = 'stopped'") == 1);
    CHECK(count(database, "SELECT count(*) FROM ejections") == 1);
    CHECK(count(database, "SELECT count(*) FROM change_log WHERE origin = 'command_line'") == 3);
}

TEST_CASE("letdown alone prints the owner's answer byte for byte, escapes and all, and exits with its code")
{
    // An owner whose answers are chosen here: any text the journal might say (a path with
    // umlauts, quotes, a tab, a character outside the BMP) comes back exactly.
    QTemporaryDir dir;
    InstanceGuard owner(dir.filePath("owned.sqlite"));
    REQUIRE(owner.acquire() == InstanceGuard::Result::Acquired);
    QStringList received;
    owner.setCommandHandler([&](const InstanceGuard::Forwarded &command) {
        received = command.arguments;
        return InstanceGuard::Answer {4, QString::fromUtf8("Grüße \"aus\" C:\\Pfad\t😀\n"),
            QString::fromUtf8("zweite Zeile\r\n\u0001\n")};
    });
    const QString letdownFolder = qEnvironmentVariable("XDG_DATA_HOME") + "/letdown";
    REQUIRE(QDir().mkpath(letdownFolder));
    REQUIRE(owner.publishAt(letdownFolder + "/tap.socket"));
    QTemporaryDir alone;
    const QString launcher = alone.filePath("letdown");
    REQUIRE(QFile::copy(LETDOWN_EXECUTABLE, launcher));
    REQUIRE(QFile::setPermissions(launcher, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));

    QProcess tap;
    tap.setWorkingDirectory(dir.path());
    tap.start(launcher, {"tap", "switch-side", "--side", "left"});
    // This thread serves the owner's socket meanwhile, as the window's does.
    REQUIRE(QTest::qWaitFor([&] { return tap.state() == QProcess::NotRunning; }, 30'000));
    CHECK(received == QStringList {"tap", "switch-side", "--side", "left"});
    CHECK(tap.exitCode() == 4);
    CHECK(tap.readAllStandardOutput() == QByteArray("Grüße \"aus\" C:\\Pfad\t😀\n"));
    CHECK(tap.readAllStandardError() == QByteArray("zweite Zeile\r\n\x01\n"));
}

TEST_CASE("An owner that does not answer: letdown tap says so and exits 3 within a few seconds")
{
    QTemporaryDir dir;
    const QString database = dir.filePath("silent.sqlite");
    InstanceGuard owner(database);
    REQUIRE(owner.acquire() == InstanceGuard::Result::Acquired);
    // This thread runs no event loop while the command waits: the owner never takes it.
    QElapsedTimer waited;
    waited.start();
    const CliResult result = runLetdown({"tap", "letdown", "--database", database});
    CHECK(result.exitCode == 3);
    CHECK_THAT(result.err.toStdString(), Catch::Contains("did not answer"));
    CHECK(waited.elapsed() < 30'000);
}

TEST_CASE("The open window runs letdown tap and import from another process, and shows them at once")
{
    CleanSettings settings;
    RecorderRig rig;
    auto &[db, store, clock, recorder] = rig;
    InstanceGuard guard(db.path);
    REQUIRE(guard.acquire() == InstanceGuard::Result::Acquired);
    MainWindow window(db.file, recorder, store, clock);
    guard.setCommandHandler([&window](const InstanceGuard::Forwarded &command) {
        return CommandLine::runForwarded(window.journal(), command);
    });
    window.show();
    window.showHistory();
    const auto run = [](const QStringList &arguments) {
        QProcess process;
        process.start(LETDOWN_EXECUTABLE, arguments);
        REQUIRE(process.waitForStarted(30'000));
        // The window answers from this thread's event loop.
        REQUIRE(waitUntil([&] { return process.state() == QProcess::NotRunning; }, 60'000));
        INFO(process.readAllStandardError().toStdString());
        return process.exitCode();
    };
    CHECK(run({"tap", "start", "--kind", "nursing", "--database", db.path}) == 0);
    CHECK(recorder.state() == SessionRecorder::State::Running);
    clock.advance(30'000);
    CHECK(run({"tap", "letdown", "--database", db.path}) == 0);
    CHECK(recorder.currentSession().letdowns.size() == 1);
    // She sees where it came from.
    CHECK(window.statusBar()->currentMessage() == "Let-down marked by a shortcut or the command line.");
    // Undoable like a key's.
    CHECK(window.undoStack().count() == 1);

    QTemporaryDir files;
    writeExport(files.filePath("s.csv"), files.filePath("l.csv"));
    auto *table = window.historyPanel()->findChild<QTableView *>("table");
    REQUIRE(table);
    const int before = table->model()->rowCount();
    CHECK(run({"import", "--sessions", files.filePath("s.csv"), "--ejections", files.filePath("l.csv"), "--all",
              "--database", db.path})
        == 2); // an unknown option is refused by the sender, before anything is handed over
    CHECK(run({"import", "--sessions", files.filePath("s.csv"), "--ejections", files.filePath("l.csv"), "--database",
              db.path})
        == 0);
    // History (showing all dates) lists them at once, without a refresh by hand.
    window.historyPanel()->findChild<QCheckBox *>("allDatesCheck")->setChecked(true);
    CHECK(table->model()->rowCount() == before + 3); // the running session and the two imported
    int finished = 0;
    REQUIRE(store.countFinishedSessions(finished));
    CHECK(finished == 2);
}

TEST_CASE("serve killed with SIGKILL and restarted: the same tap sent again and a second tap inside the double-tap "
          "second make one let-down")
{
    QTemporaryDir dir;
    const QString database = dir.filePath("resend.sqlite");
    const quint16 port = freeLoopbackPort();
    QProcess serve;
    QByteArray key = startRealServe(serve, database, port);
    REQUIRE_FALSE(key.isEmpty());
    REQUIRE(sendHttp(port, httpPostTap(port, tapJson("resend-start-1", "start"), key), 10'000).status == 200);
    const HttpReply first = sendHttp(port, httpPostTap(port, tapJson("resend-tap-001", "letdown"), key), 10'000);
    REQUIRE(first.status == 200);
    serve.kill(); // SIGKILL: the phone never heard the answer, say
    REQUIRE(serve.waitForFinished(30'000));
    const qint64 tappedAtUtcMs = count(database, "SELECT at_utc_ms FROM ejections");

    QProcess again;
    key = startRealServe(again, database, port);
    REQUIRE_FALSE(key.isEmpty());
    const HttpReply resent
        = sendHttp(port, httpPostTap(port, tapJson("resend-tap-001", "letdown", tappedAtUtcMs), key), 10'000);
    CHECK(resent.status == 200);
    CHECK(resent.body.contains("Already recorded"));
    // Her second, nervous tap 300 ms after the first, sent only now: the same let-down.
    const HttpReply second
        = sendHttp(port, httpPostTap(port, tapJson("resend-tap-002", "letdown", tappedAtUtcMs + 300), key), 10'000);
    CHECK(second.status == 200);
    CHECK(second.body.contains("unchanged"));
    stopServe(again);
    CHECK(count(database, "SELECT count(*) FROM ejections") == 1);
    CHECK(count(database, "SELECT count(*) FROM change_log WHERE receipt_id LIKE 'resend-tap-%'") == 2);
}

TEST_CASE("A quick owner's two lines arriving together: the command's answer is read, not lost")
{
    // An owner that writes "taken" and the answer in one go, as a fast window does on a busy
    // machine. It runs on a thread of its own: the sender blocks while it waits.
    QTemporaryDir dir;
    const QString database = dir.filePath("quick.sqlite");
    QLocalServer::removeServer(InstanceGuard::serverNameFor(database));
    QByteArray received;
    QThread owner;
    QObject::connect(&owner, &QThread::started, [&] {
        QLocalServer server;
        if (!server.listen(InstanceGuard::serverNameFor(database)) || !server.waitForNewConnection(30'000))
            return;
        QLocalSocket *socket = server.nextPendingConnection();
        while (!socket->canReadLine() && socket->waitForReadyRead(30'000)) {
        }
        received = socket->readLine();
        socket->write("taken\nanswer {\"err\":\"\",\"exit\":0,\"out\":\"letdown: recorded.\\n\"}\n");
        socket->flush();
        socket->waitForBytesWritten(30'000);
        socket->disconnectFromServer();
        owner.quit();
    });
    owner.start();
    InstanceGuard sender(database); // forward() tries to connect until the owner listens (10 s at most)
    InstanceGuard::Answer answer;
    const bool answered = sender.forward({{"tap", "letdown", "--database", database}, dir.path()}, answer, 10'000);
    REQUIRE(owner.wait(30'000));
    CHECK(received.startsWith("command "));
    CHECK(answered);
    CHECK(answer.exitCode == 0);
    CHECK(answer.out == "letdown: recorded.\n");
}
