// Two real Syncthing instances (Debian's package) and two `letdown serve --sync-folder`
// processes: what is tapped on one device (through the phone API) reaches the other, and both
// exports end identical. Run by in-private-network.sh: inside a network namespace that has
// only loopback, every Syncthing listening on 127.0.0.1 with discovery, relays, NAT and
// reporting off. Every wait is bounded.
#include "HttpTestClient.h"
#include "ServeProcess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <csignal>

namespace {
constexpr int kConvergeMs = 90'000; // Syncthing passes a new file in about 2 s here

QString syncthingExecutable()
{
    return QStandardPaths::findExecutable(QStringLiteral("syncthing"));
}

QProcessEnvironment quietEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("STNOUPGRADE"), QStringLiteral("1"));
    environment.insert(QStringLiteral("STNODEFAULTFOLDER"), QStringLiteral("1"));
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "LETDOWN_NOW"})
        environment.remove(QString::fromLatin1(name));
    return environment;
}

QByteArray run(const QString &program, const QStringList &arguments, int *exitCode = nullptr)
{
    QProcess process;
    process.setProcessEnvironment(quietEnvironment());
    process.start(program, arguments);
    REQUIRE(process.waitForStarted(30'000));
    REQUIRE(process.waitForFinished(120'000));
    if (exitCode)
        *exitCode = process.exitCode();
    return process.readAllStandardOutput() + process.readAllStandardError();
}

// One device: a Syncthing home, its shared folder, and a `letdown serve` on its own file.
struct Device {
    QString name;
    QString home;
    QString folder;
    QString database;
    QString id; // Syncthing's device id
    quint16 syncthingPort = 0;
    quint16 servePort = 0;
    QProcess syncthing;
    QProcess serve;
    QByteArray printed;
    QByteArray key;

    Device(const QTemporaryDir &dir, const QString &deviceName)
        : name(deviceName)
        , home(dir.filePath(deviceName + "-syncthing"))
        , folder(dir.filePath(deviceName + "-shared"))
        , database(dir.filePath(deviceName + ".sqlite"))
    {
        REQUIRE(QDir().mkpath(folder + "/.stfolder"));
        const QByteArray generated
            = run(syncthingExecutable(), {"generate", "--home=" + home, "--no-default-folder", "--skip-port-probing"});
        const QRegularExpressionMatch match
            = QRegularExpression("Device ID: ([A-Z0-9-]{63})").match(QString::fromUtf8(generated));
        INFO(generated.toStdString());
        REQUIRE(match.hasMatch());
        id = match.captured(1);
        syncthingPort = freeLoopbackPort();
        servePort = freeLoopbackPort();
    }

    // Written before the first start: loopback only, nothing announced, nothing relayed.
    void configure(const Device &peer)
    {
        const QString deviceXml = QStringLiteral(
            "  <device id=\"%1\" name=\"%2\" compression=\"metadata\"><address>tcp://127.0.0.1:%3</address>"
            "<autoAcceptFolders>false</autoAcceptFolders></device>\n");
        QString xml = QStringLiteral("<configuration version=\"36\">\n");
        xml += QStringLiteral("  <folder id=\"letdown\" label=\"letdown\" path=\"%1\" type=\"sendreceive\" "
                              "rescanIntervalS=\"5\" fsWatcherEnabled=\"true\" fsWatcherDelayS=\"1\">\n"
                              "    <device id=\"%2\"></device>\n    <device id=\"%3\"></device>\n"
                              "    <markerName>.stfolder</markerName>\n  </folder>\n")
                   .arg(folder, id, peer.id);
        xml += deviceXml.arg(id, name).arg(syncthingPort);
        xml += deviceXml.arg(peer.id, peer.name).arg(peer.syncthingPort);
        xml += QStringLiteral("  <gui enabled=\"false\" tls=\"false\"><address>127.0.0.1:%1</address></gui>\n")
                   .arg(freeLoopbackPort());
        xml += QStringLiteral(
            "  <options>\n"
            "    <listenAddress>tcp://127.0.0.1:%1</listenAddress>\n"
            "    <globalAnnounceEnabled>false</globalAnnounceEnabled>\n"
            "    <localAnnounceEnabled>false</localAnnounceEnabled>\n"
            "    <relaysEnabled>false</relaysEnabled>\n"
            "    <natEnabled>false</natEnabled>\n"
            "    <urAccepted>-1</urAccepted>\n"
            "    <autoUpgradeIntervalH>0</autoUpgradeIntervalH>\n"
            "    <crashReportingEnabled>false</crashReportingEnabled>\n"
            "    <stunKeepaliveStartS>0</stunKeepaliveStartS>\n"
            "    <announceLANAddresses>false</announceLANAddresses>\n"
            "    <startBrowser>false</startBrowser>\n"
            "    <reconnectionIntervalS>2</reconnectionIntervalS>\n"
            "  </options>\n</configuration>\n")
                   .arg(syncthingPort);
        QFile config(home + "/config.xml");
        REQUIRE(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
        config.write(xml.toUtf8());
    }

    void start()
    {
        syncthing.setProcessEnvironment(quietEnvironment());
        syncthing.setProcessChannelMode(QProcess::MergedChannels);
        syncthing.start(syncthingExecutable(),
            {"serve", "--home=" + home, "--no-browser", "--no-restart", "--no-upgrade", "--logflags=0"});
        REQUIRE(syncthing.waitForStarted(30'000));
        printed = startServe(serve, database, servePort, false, {"--sync-folder", folder, "--sync-name", name});
        INFO(serve.readAllStandardError().toStdString());
        REQUIRE_FALSE(printed.isEmpty());
        key = pairingKey(printed);
        REQUIRE_FALSE(key.isEmpty());
    }

    void stop()
    {
        if (serve.state() != QProcess::NotRunning) {
            ::kill(pid_t(serve.processId()), SIGTERM);
            serve.waitForFinished(30'000);
        }
        if (syncthing.state() != QProcess::NotRunning) {
            syncthing.terminate();
            if (!syncthing.waitForFinished(15'000)) {
                syncthing.kill();
                syncthing.waitForFinished(5000);
            }
        }
    }
    ~Device() { stop(); }

    int tap(const QByteArray &tapId, const QByteArray &action, const QByteArray &extra = {})
    {
        return sendHttp(servePort, httpPostTap(servePort, tapJson(tapId, action, {}, extra), key), 10'000).status;
    }

    // Both files of `letdown export` (a reading command: it runs beside serve).
    QByteArray exported(const QTemporaryDir &dir)
    {
        const QString sessions = dir.filePath(name + "-sessions.csv");
        const QString letdowns = dir.filePath(name + "-letdowns.csv");
        int code = -1;
        const QByteArray said = run(QStringLiteral(LETDOWN_EXECUTABLE),
            {"export", "--database", database, "--sessions", sessions, "--ejections", letdowns}, &code);
        if (code != 0)
            return "export failed: " + said;
        QFile a(sessions);
        QFile b(letdowns);
        if (!a.open(QIODevice::ReadOnly) || !b.open(QIODevice::ReadOnly))
            return "export unreadable";
        return a.readAll() + "\n--\n" + b.readAll();
    }
};

// A session of `letdowns` let-downs tapped on `device` through the phone API.
void feed(Device &device, const QByteArray &prefix, int letdowns)
{
    REQUIRE(device.tap(prefix + "-start", "start", ",\"kind\":\"nursing\"") == 200);
    for (int i = 0; i < letdowns; ++i) {
        QThread::msleep(1200); // beyond the double-tap window
        REQUIRE(device.tap(prefix + "-letdown-" + QByteArray::number(i), "letdown") == 200);
    }
    QThread::msleep(300);
    REQUIRE(device.tap(prefix + "-stop", "stop") == 200);
}

// Waits (bounded) until both exports are the same and hold `sessions` data rows.
bool converge(Device &a, Device &b, const QTemporaryDir &dir, int sessions, QByteArray &last)
{
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < kConvergeMs) {
        const QByteArray left = a.exported(dir);
        const QByteArray right = b.exported(dir);
        last = left + "\n==== vs ====\n" + right;
        const QByteArray sessionsPart = left.left(left.indexOf("\n--\n"));
        if (left == right && sessionsPart.count('\n') == sessions + 1)
            return true;
        QThread::msleep(1000);
    }
    return false;
}
} // namespace

TEST_CASE("sync: two real Syncthing instances carry what is tapped on one device to the other, both ways and at once")
{
    REQUIRE_FALSE(syncthingExecutable().isEmpty()); // installed by scripts/test (Debian's syncthing)
    QTemporaryDir dir;
    Device laptop(dir, QStringLiteral("laptop"));
    Device server(dir, QStringLiteral("server"));
    laptop.configure(server);
    server.configure(laptop);
    laptop.start();
    server.start();

    QByteArray last;
    // One way: a feed tapped on the laptop appears on the server.
    feed(laptop, "laptop-1", 2);
    INFO("laptop -> server");
    CHECK(converge(laptop, server, dir, 1, last));
    INFO(last.toStdString());
    // The other way.
    feed(server, "server-1", 3);
    CHECK(converge(laptop, server, dir, 2, last));
    // Both at once.
    REQUIRE(laptop.tap("laptop-2-start", "start", ",\"kind\":\"pumping\"") == 200);
    REQUIRE(server.tap("server-2-start", "start", ",\"kind\":\"nursing\"") == 200);
    QThread::msleep(1200);
    REQUIRE(laptop.tap("laptop-2-letdown", "letdown") == 200);
    REQUIRE(server.tap("server-2-letdown", "letdown") == 200);
    QThread::msleep(300);
    REQUIRE(laptop.tap("laptop-2-stop", "stop") == 200);
    REQUIRE(server.tap("server-2-stop", "stop") == 200);
    CHECK(converge(laptop, server, dir, 4, last));

    laptop.stop();
    server.stop();
    const QByteArray laptopSaid = laptop.serve.readAllStandardOutput();
    INFO(laptopSaid.toStdString());
    CHECK(laptopSaid.contains("Sync: received"));
    // Each device wrote only its own subfolder of its folder.
    for (Device *device : {&laptop, &server}) {
        const QStringList entries = QDir(device->folder).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        CHECK(entries.size() == 2); // its own and the other's, as Syncthing brought it
    }
}
