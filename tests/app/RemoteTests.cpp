// The phone remote as she uses it: switched on in the window, a tap from the phone shown at
// once, and `letdown serve` without a window. Every server here listens on loopback only.
#include "MainWindow.h"
#include "RemoteDialog.h"
#include "recorder/SessionRecorder.h"
#include "remote/RemoteService.h"
#include "remote/RemoteSettings.h"
#include "storage/SessionStore.h"

#include "HttpTestClient.h"
#include "LetdownProcess.h"
#include "ServeProcess.h"

#include <QDir>
#include "TestSupport.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>

#include <csignal>

TEST_CASE("Phone remote in the window: off until she switches it on, then a tap from the phone is on screen at once")
{
    CleanSettings settings;
    RecorderRig rig;
    auto &[db, store, clock, recorder] = rig;
    MainWindow window(db.file, recorder, store, clock);
    window.show();
    RemoteService &remote = window.remoteService();
    CHECK_FALSE(remote.isOn()); // off by default: nothing listens
    remote.setAddressesForTesting({QHostAddress(QHostAddress::LocalHost)}, 0);

    auto connection = QObject::connect(&window, &MainWindow::remoteDialogOpened, &window, [&](QDialog *dialog) {
        QTimer::singleShot(0, dialog, [dialog, &remote, &recorder] {
            auto *enabled = dialog->findChild<QCheckBox *>("remoteEnabled");
            REQUIRE(enabled);
            QTest::mouseClick(enabled, Qt::LeftButton);
            CHECK(enabled->isChecked());
            CHECK_FALSE(dialog->findChild<QLabel *>("remoteCode")->pixmap().isNull());
            CHECK(dialog->findChild<QLabel *>("remoteAddresses")->text().contains("127.0.0.1"));
            CHECK(dialog->findChild<QLabel *>("remoteStatus")->text().contains("only this computer"));
            // A modal dialog on the desktop does not stop the phone: its Start starts.
            const QUrl url = remote.pairingUrls().constFirst();
            const quint16 port = quint16(url.port());
            const QByteArray key = url.fragment().mid(7).toLatin1();
            CHECK(sendHttp(port, httpPostTap(port, tapJson("phone-start-1", "start", {}, ",\"kind\":\"pumping\""), key))
                      .status
                == 200);
            CHECK(recorder.state() == SessionRecorder::State::Running);
            dialog->reject();
        });
    });
    window.findChild<QAction *>("actionPhoneRemote")->trigger();
    QObject::disconnect(connection);
    REQUIRE(remote.isOn());
    CHECK(RemoteSettings::load().enabled); // saved: on again at the next start

    const QUrl url = remote.pairingUrls().constFirst();
    const quint16 port = quint16(url.port());
    const QByteArray key = url.fragment().mid(7).toLatin1(); // "secret=..."
    REQUIRE(key.size() == 64);
    // The same tap again, after the dialog closed: its first answer, nothing new.
    const HttpReply again
        = sendHttp(port, httpPostTap(port, tapJson("phone-start-1", "start", {}, ",\"kind\":\"pumping\""), key));
    CHECK(again.json().value("result").toString() == "recorded");
    CHECK(db.scalar("SELECT count(*) FROM sessions") == 1);
    auto *startStop = window.findChild<QPushButton *>("startStopButton");
    CHECK(recorder.state() == SessionRecorder::State::Running);
    CHECK(startStop->text().contains("Stop"));
    CHECK(window.findChild<QRadioButton *>("pumpingRadio")->isChecked());
    clock.advance(30'000);
    REQUIRE(sendHttp(port, httpPostTap(port, tapJson("phone-letdown-1", "letdown"), key)).status == 200);
    CHECK(recorder.currentSession().letdowns.size() == 1);
    CHECK(window.undoStack().canUndo()); // undoable on the desktop, whoever tapped it

    // A key on the desktop: the phone sees it in its next answer.
    clock.advance(20'000);
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : &window, Qt::Key_L);
    const QJsonObject state = sendHttp(port, httpGet(port, "/api/v1/status", key)).json();
    CHECK(state.value("session").toObject().value("letdowns").toInt() == 2);

    // Forget all phones: the old key is refused, the new code works.
    remote.forgetAllPhones();
    CHECK(sendHttp(port, httpGet(port, "/api/v1/status", key)).status == 401);
    const QByteArray newKey = remote.pairingUrls().constFirst().fragment().mid(7).toLatin1();
    CHECK(newKey != key);
    CHECK(sendHttp(port, httpGet(port, "/api/v1/status", newKey)).status == 200);

    REQUIRE(remote.setEnabled(false));
    CHECK(sendHttp(port, httpGet(port, "/api/v1/status", newKey), 1000).status == 0); // nothing listens now
    CHECK_FALSE(RemoteSettings::load().enabled);
}

TEST_CASE("Edit > Preferences > Phone remote... opens the pairing dialog")
{
    CleanSettings settings;
    RecorderRig rig;
    auto &[db, store, clock, recorder] = rig;
    MainWindow window(db.file, recorder, store, clock);
    int remoteDialogs = 0;
    QObject::connect(&window, &MainWindow::remoteDialogOpened, &window, [&](QDialog *dialog) {
        ++remoteDialogs;
        CHECK(dialog->findChild<QCheckBox *>("remoteEnabled"));
        QTimer::singleShot(0, dialog, &QDialog::reject);
    });
    QObject::connect(&window, &MainWindow::preferencesDialogOpened, &window, [&](QDialog *preferences) {
        QTimer::singleShot(0, preferences, [preferences] {
            QTest::mouseClick(preferences->findChild<QPushButton *>("remoteButton"), Qt::LeftButton);
            preferences->reject();
        });
    });
    window.findChild<QAction *>("actionPreferences")->trigger();
    CHECK(remoteDialogs == 1);
    CHECK_FALSE(window.remoteService().isOn()); // looking is not switching on
}

TEST_CASE("Edit > Let-down without a feed: kept apart from sessions, refused while one runs")
{
    CleanSettings settings;
    RecorderRig rig;
    auto &[db, store, clock, recorder] = rig;
    MainWindow window(db.file, recorder, store, clock);
    window.show();
    QAction *spontaneous = window.findChild<QAction *>("actionSpontaneousLetdown");
    REQUIRE(spontaneous);
    CHECK(spontaneous->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    spontaneous->trigger();
    QList<SessionStore::SpontaneousLetdown> felt;
    REQUIRE(store.loadSpontaneousLetdowns(0, std::numeric_limits<qint64>::max(), felt));
    REQUIRE(felt.size() == 1);
    const qint64 feltAtUtcMs = felt.first().atUtcMs;
    CHECK(feltAtUtcMs == clock.wallUtcMs());
    CHECK(db.scalar("SELECT count(*) FROM sessions") == 0);

    QTest::mouseClick(window.findChild<QPushButton *>("startStopButton"), Qt::LeftButton);
    REQUIRE(recorder.state() == SessionRecorder::State::Running);
    spontaneous->trigger(); // belongs to the session running: refused, said
    REQUIRE(store.loadSpontaneousLetdowns(0, std::numeric_limits<qint64>::max(), felt));
    CHECK(felt.size() == 1);

    // History lists it apart from the sessions; removing it can be undone.
    window.showHistory();
    auto *list = window.findChild<QListWidget *>("spontaneousList");
    REQUIRE(list);
    REQUIRE(list->count() == 1);
    CHECK(window.findChild<QLabel *>("spontaneousLabel")->text().contains("count in no session"));
    auto *remove = window.findChild<QPushButton *>("removeSpontaneousButton");
    CHECK_FALSE(remove->isEnabled()); // nothing selected
    list->setCurrentRow(0);
    REQUIRE(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    REQUIRE(store.loadSpontaneousLetdowns(0, std::numeric_limits<qint64>::max(), felt));
    CHECK(felt.isEmpty());
    CHECK_FALSE(list->isVisible());
    window.undoStack().undo();
    REQUIRE(store.loadSpontaneousLetdowns(0, std::numeric_limits<qint64>::max(), felt));
    REQUIRE(felt.size() == 1);
    CHECK(felt.first().atUtcMs == feltAtUtcMs); // back at its own moment
    CHECK(list->count() == 1);

    // Counted apart in the figures for scripts too; no session's let-downs include it.
    const QDate day = QDateTime::fromMSecsSinceEpoch(feltAtUtcMs).date();
    const CliResult stats = runLetdown({"stats", "--json", "--database", db.path, "--from",
        day.addDays(-1).toString(Qt::ISODate), "--to", day.addDays(1).toString(Qt::ISODate)});
    REQUIRE(stats.exitCode == 0);
    CHECK(QJsonDocument::fromJson(stats.out).object().value("spontaneous_letdowns").toInt() == 1);
    const CliResult before = runLetdown({"stats", "--json", "--database", db.path, "--from", "2001-01-01", "--to",
        day.addDays(-2).toString(Qt::ISODate)});
    CHECK(QJsonDocument::fromJson(before.out).object().value("spontaneous_letdowns").toInt() == 0);
}

TEST_CASE("letdown serve: the remote without a window, one owner of the file, stopped cleanly by SIGTERM")
{
    QTemporaryDir dir;
    const QString database = dir.filePath("served.sqlite");
    const quint16 port = freeLoopbackPort();
    QProcess serve;
    const QByteArray printed = startServe(serve, database, port);
    REQUIRE_FALSE(printed.isEmpty());
    const QRegularExpressionMatch match = QRegularExpression("http://127\\.0\\.0\\.1:(\\d+)/#secret=([0-9a-f]{64})")
                                              .match(QString::fromLatin1(printed));
    REQUIRE(match.hasMatch());
    CHECK(match.captured(1).toInt() == port);
    CHECK(printed.contains("\u2588")); // the code, drawn in the terminal
    const QByteArray key = match.captured(2).toLatin1();

    CHECK(sendHttp(port, httpPostTap(port, tapJson("serve-start-01", "start"), key), 10'000).status == 200);
    CHECK(sendHttp(port, httpPostTap(port, tapJson("serve-letdown-1", "letdown"), key), 10'000).status == 200);

    // The same database cannot have a second owner (a window or another serve).
    const CliResult second = runLetdown(
        {"serve", "--database", database, "--listen", "127.0.0.1", "--port", QString::number(freeLoopbackPort())});
    CHECK(second.exitCode == 3);
    CHECK_THAT(second.err.toStdString(), Catch::Contains("has this database open"));
    const CliResult badPort = runLetdown({"serve", "--database", database, "--port", "80"});
    CHECK(badPort.exitCode == 2);
    const CliResult anyAddress = runLetdown({"serve", "--database", database, "--listen", "0.0.0.0"});
    CHECK(anyAddress.exitCode == 2);
    CHECK_THAT(anyAddress.err.toStdString(), Catch::Contains("name each address"));

    ::kill(pid_t(serve.processId()), SIGTERM);
    REQUIRE(serve.waitForFinished(30'000));
    CHECK(serve.exitStatus() == QProcess::NormalExit);
    CHECK(serve.exitCode() == 0);
    CHECK(serve.readAllStandardOutput().contains("Stopped."));

    Database check;
    REQUIRE(check.open(database, Database::OpenMode::MustExist));
    TestQuery query(check);
    REQUIRE(
        query.exec("SELECT (SELECT count(*) FROM sessions WHERE state = 'running'), (SELECT count(*) FROM ejections)"));
    REQUIRE(query.next());
    CHECK(query.value(0).toInt() == 1); // still running: resumable in the window
    CHECK(query.value(1).toInt() == 1);
}

TEST_CASE("letdown serve killed with SIGKILL between two taps: every answered tap is on disk")
{
    QTemporaryDir dir;
    const QString database = dir.filePath("killed.sqlite");
    const quint16 port = freeLoopbackPort();
    QProcess serve;
    const QByteArray printed = startServe(serve, database, port);
    REQUIRE_FALSE(printed.isEmpty());
    const QRegularExpressionMatch match
        = QRegularExpression("#secret=([0-9a-f]{64})").match(QString::fromLatin1(printed));
    REQUIRE(match.hasMatch());
    const QByteArray key = match.captured(1).toLatin1();
    int answered = 0;
    const QList<QByteArray> taps = {tapJson("kill-start-001", "start"), tapJson("kill-letdown-1", "letdown")};
    for (const QByteArray &tap : taps)
        answered += sendHttp(port, httpPostTap(port, tap, key), 10'000).status == 200 ? 1 : 0;
    REQUIRE(answered == 2);
    QThread::msleep(1100); // past the double-tap second
    REQUIRE(sendHttp(port, httpPostTap(port, tapJson("kill-letdown-2", "letdown"), key), 10'000).status == 200);
    serve.kill(); // SIGKILL: no chance to save anything more
    REQUIRE(serve.waitForFinished(30'000));
    QFile::remove(database + ".lock");

    Database check;
    REQUIRE(check.open(database, Database::OpenMode::MustExist));
    TestQuery query(check);
    REQUIRE(
        query.exec("SELECT (SELECT count(*) FROM sessions WHERE state = 'running'), (SELECT count(*) FROM ejections),"
                   " (SELECT count(*) FROM change_log WHERE receipt_id IS NOT NULL)"));
    REQUIRE(query.next());
    CHECK(query.value(0).toInt() == 1);
    CHECK(query.value(1).toInt() == 2);
    CHECK(query.value(2).toInt() == 3);
}

TEST_CASE("letdown sync while serve owns the file is handed to serve, and serve keeps syncing with --sync-folder")
{
    QTemporaryDir dir;
    const QString folder = dir.filePath("Sync");
    REQUIRE(QDir().mkpath(folder));
    // The partner's laptop has written a session to the folder already.
    const QString partner = dir.filePath("partner.sqlite");
    REQUIRE(runLetdown({"demo-data", "--database", partner, "--weeks", "1", "--sessions-per-day", "2"}).exitCode == 0);
    REQUIRE(runLetdown({"sync", "--database", partner, "--folder", folder, "--name", "Pat's laptop"}).exitCode == 0);

    const QString database = dir.filePath("served.sqlite");
    const quint16 port = freeLoopbackPort();
    QProcess serve;
    const QByteArray printed
        = startServe(serve, database, port, true, {"--sync-folder", folder, "--sync-name", "Home server"});
    INFO(printed.toStdString());
    REQUIRE_FALSE(printed.isEmpty());
    CHECK(QRegularExpression("Sync: received [1-9][0-9]* changes from Pat's laptop\\.").match(QString::fromUtf8(printed)).hasMatch());
    CHECK(printed.contains("Sync folder: " + folder.toUtf8() + " (this device: Home server"));

    // A one-shot exchange on the served file runs in serve, through its journal.
    const CliResult handed = runLetdown({"sync", "--database", database, "--folder", folder});
    INFO(handed.err.toStdString());
    CHECK(handed.exitCode == 0);
    CHECK(handed.out.contains("This device: Home server"));
    CHECK(handed.out.contains("Received nothing new."));

    ::kill(pid_t(serve.processId()), SIGTERM);
    REQUIRE(serve.waitForFinished(30'000));
    CHECK(serve.exitCode() == 0);
}
