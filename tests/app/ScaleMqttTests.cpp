// A scale publishing over MQTT into a running `letdown serve`, with a real broker: Debian's
// mosquitto on 127.0.0.1 with its own configuration, fed by mosquitto_pub. Loopback only,
// every wait bounded.
#include "scale/SimulatedPumping.h"
#include "storage/Database.h"

#include "HttpTestClient.h"
#include "ServeProcess.h"
#include "TestSupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

#include <csignal>

namespace {
// The serve process's clock runs this much faster, so a 7-minute session plays in 21 s.
constexpr int kSpeed = 20;

bool waitForOutput(QProcess &process, QByteArray &seen, const QByteArray &wanted, int timeoutMs)
{
    QElapsedTimer waited;
    waited.start();
    // What came while another wait ran (an HTTP exchange) is already in the buffer: read it too.
    seen += process.readAllStandardOutput();
    while (!seen.contains(wanted) && waited.elapsed() < timeoutMs) {
        process.waitForReadyRead(100);
        seen += process.readAllStandardOutput();
    }
    return seen.contains(wanted);
}
} // namespace

TEST_CASE("letdown serve: a scale publishing over MQTT (a real mosquitto on loopback) gives the pumping session its let-downs")
{
    const QString broker = QStandardPaths::findExecutable("mosquitto", {"/usr/sbin", "/usr/bin"});
    const QString publisher = QStandardPaths::findExecutable("mosquitto_pub");
    REQUIRE_FALSE(broker.isEmpty()); // installed by scripts/test (Debian's mosquitto)
    REQUIRE_FALSE(publisher.isEmpty());
    QTemporaryDir dir;
    const quint16 brokerPort = freeLoopbackPort();
    QFile config(dir.filePath("mosquitto.conf"));
    REQUIRE(config.open(QIODevice::WriteOnly));
    config.write("listener " + QByteArray::number(brokerPort) + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
    config.close();
    QProcess mosquitto;
    mosquitto.start(broker, {"-c", config.fileName()});
    REQUIRE(mosquitto.waitForStarted(10'000));
    bool listening = false;
    for (int attempt = 0; attempt < 100 && !listening; ++attempt) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, brokerPort);
        listening = probe.waitForConnected(100);
        if (!listening)
            QThread::msleep(50);
    }
    REQUIRE(listening);

    const QString database = dir.filePath("scale.sqlite");
    const quint16 port = freeLoopbackPort();
    QProcess serve;
    QByteArray printed = startServe(serve, database, port, false,
        {"--scale-mqtt", QStringLiteral("127.0.0.1:%1").arg(brokerPort), "--scale-topic", "letdown-test/bottle/weight"},
        {{"LETDOWN_CLOCK_SPEED", QString::number(kSpeed)}});
    REQUIRE_FALSE(printed.isEmpty());
    REQUIRE(waitForOutput(serve, printed, "Scale over MQTT: Connected", 10'000));
    const QByteArray key = pairingKey(printed);
    REQUIRE(sendHttp(port, httpPostTap(port, tapJson("mqtt-start-0001", "start", {}, ",\"kind\":\"pumping\""), key), 10'000)
                .status
        == 200);

    // A recorded session (readings every second, its own noise) played at kSpeed times its pace.
    PumpingConditions conditions = PumpingConditions::steady(420);
    conditions.trickleMlPerS = 0.01;
    conditions.bumps = 1;
    const SimulatedPumping recorded = PumpingSimulation::simulate({{40, 30}, {200, 14}}, conditions, 33);
    QProcess publish;
    publish.start(publisher,
        {"-h", "127.0.0.1", "-p", QString::number(brokerPort), "-t", "letdown-test/bottle/weight", "-l"});
    REQUIRE(publish.waitForStarted(10'000));
    QElapsedTimer played;
    played.start();
    for (const ScaleSample &sample : recorded.samples) {
        const qint64 dueMs = qint64(sample.atS * 1000 / kSpeed);
        while (played.elapsed() < dueMs)
            QThread::msleep(1);
        publish.write(QByteArray::number(sample.grams, 'f', 1) + '\n');
        publish.waitForBytesWritten(1000);
    }
    publish.closeWriteChannel();
    REQUIRE(publish.waitForFinished(10'000));
    QThread::msleep(1500); // the last readings looked at (a second of serve's time is 50 ms here)

    REQUIRE(sendHttp(port, httpPostTap(port, tapJson("mqtt-stop-00001", "stop"), key), 10'000).status == 200);
    const bool weighed = waitForOutput(serve, printed, "let-downs found,", 10'000);
    ::kill(pid_t(serve.processId()), SIGTERM);
    REQUIRE(serve.waitForFinished(30'000));
    printed += serve.readAllStandardOutput();
    INFO(printed.toStdString() + serve.readAllStandardError().toStdString());
    REQUIRE(weighed);
    mosquitto.terminate();
    mosquitto.waitForFinished(10'000);

    Database check;
    REQUIRE(check.open(database, Database::OpenMode::MustExist));
    TestQuery letdowns(check);
    REQUIRE(letdowns.exec("SELECT measured_volume_ml FROM ejections ORDER BY offset_ms"));
    QList<double> volumes;
    while (letdowns.next())
        volumes << letdowns.value(0).toDouble();
    INFO(printed.toStdString());
    REQUIRE(volumes.size() == 2);
    CHECK(volumes[0] == Approx(30).epsilon(0.25));
    CHECK(volumes[1] == Approx(14).epsilon(0.3));
    TestQuery kept(check);
    REQUIRE(kept.exec("SELECT sample_count FROM scale_recordings"));
    REQUIRE(kept.next());
    CHECK(kept.value(0).toInt() >= recorded.samples.size() * 9 / 10);
}
