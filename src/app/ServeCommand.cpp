#include "ServeCommand.h"

#include "CommandLine.h"
#include "journal/Journal.h"
#include "datafile/DataFile.h"
#include "instance/InstanceGuard.h"
#include "base/Clock.h"
#include "recorder/SessionRecorder.h"
#include "remote/QrCode.h"
#include "remote/RemoteAccess.h"
#include "remote/RemoteServer.h"
#include "scalefeed/LiveScale.h"
#include "scalefeed/MqttScale.h"
#include "remote/RemoteSettings.h"
#include "storage/SessionStore.h"
#include "sync/SyncRunner.h"

#include <QFileInfo>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostInfo>
#include <QSocketNotifier>
#include <QTextStream>
#include <QTimer>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
};

int signalPipe[2] = {-1, -1};

void onStopSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1); // async-signal-safe
}

int fail(const QString &message, int exitCode = 1)
{
    QTextStream(stderr) << "letdown serve: " << message << '\n';
    return exitCode;
}

bool parseAddresses(
    const QCommandLineParser &parser, QList<QHostAddress> &addresses, QStringList &warnings, QString &error)
{
    const QStringList given = parser.values(QStringLiteral("listen"));
    for (const QString &text : given) {
        const QHostAddress address(text);
        if (address.isNull() || address == QHostAddress::Any || address == QHostAddress::AnyIPv6
            || address == QHostAddress::AnyIPv4) {
            error = Text::tr("'%1' is not one address of this computer (name each address to listen on).").arg(text);
            return false;
        }
        if (!RemoteAccess::isHomeNetworkAddress(address))
            warnings << Text::tr("%1 is not a home-network address: anyone who can reach it can try to guess the key.")
                            .arg(text);
        addresses.append(address);
    }
    if (addresses.isEmpty()) {
        addresses = RemoteAccess::homeNetworkAddresses();
        if (addresses.isEmpty()) {
            addresses = {QHostAddress(QHostAddress::LocalHost)};
            warnings << Text::tr("No home-network address found: listening on this computer only (127.0.0.1).");
        }
    }
    return true;
}
} // namespace

int ServeCommand::run(const QCommandLineParser &parser, const QString &databasePath)
{
    bool portOk = true;
    const uint port = parser.isSet(QStringLiteral("port")) ? parser.value(QStringLiteral("port")).toUInt(&portOk)
                                                           : RemoteSettings::load().port;
    if (!portOk || port < 1024 || port > 65535)
        return fail(Text::tr("--port takes a number from 1024 to 65535."), 2);
    QList<QHostAddress> addresses;
    QStringList warnings;
    QString error;
    if (!parseAddresses(parser, addresses, warnings, error))
        return fail(error, 2);

    // One owner per data file: the window and `serve` never share one.
    InstanceGuard guard(databasePath);
    switch (guard.acquire(2000)) {
    case InstanceGuard::Result::Acquired: break;
    case InstanceGuard::Result::OtherRaised:
    case InstanceGuard::Result::OtherSilent:
        return fail(Text::tr("another Letdown (process %1) has this database open. Switch the phone remote on there "
                             "(Edit > Phone remote...), or close it first.")
                        .arg(guard.otherPid()),
            3);
    case InstanceGuard::Result::Failed: return fail(guard.errorString());
    }
    QObject::connect(&guard, &InstanceGuard::raiseRequested, [] {
        QTextStream(stderr) << "letdown serve: another Letdown asked for this database; it stays served here.\n";
    });

    const std::unique_ptr<Journal> journal
        = Journal::open(databasePath, processClock(), Database::OpenMode::CreateIfMissing, error);
    if (!journal)
        return fail(error);
    DataFile &dataFile = journal->dataFile();
    SessionRecorder &recorder = journal->recorder();
    // `letdown tap`, `import` and `backup` from another process run here, through the journal.
    guard.setCommandHandler([&journal](const InstanceGuard::Forwarded &command) {
        return CommandLine::runForwarded(*journal, command);
    });
    CommandLine::publishForQuickTap(guard, databasePath);
    // A scale's readings (POST /api/v1/scale) go to the live pumping session; with no one at
    // a window to confirm, the let-downs found are confirmed by themselves (docs/scale.md).
    LiveScale scale(*journal);
    scale.setAutoConfirm(true);
    QObject::connect(&scale, &LiveScale::finished, [](const QString &, const Journal::ScaleAttachment &weighed) {
        QTextStream(stdout) << "Scale: " << weighed.found << " let-downs found, "
                            << QString::number(weighed.totalMl, 'f', 1) << " ml in the bottle." << Qt::endl;
    });
    QObject::connect(&scale, &LiveScale::problem,
        [](const QString &message) { QTextStream(stderr) << "letdown serve: " << message << '\n'; });
    // A scale publishing over MQTT (ESPHome and friends), when asked.
    MqttScale mqtt(scale, processClock());
    if (parser.isSet(QStringLiteral("scale-mqtt")) != parser.isSet(QStringLiteral("scale-topic")))
        return fail(Text::tr("--scale-mqtt HOST:PORT and --scale-topic TOPIC go together."), 2);
    if (parser.isSet(QStringLiteral("scale-mqtt"))) {
        QString host;
        quint16 brokerPort = 0;
        if (!MqttScale::parseBroker(parser.value(QStringLiteral("scale-mqtt")), host, brokerPort, error))
            return fail(error, 2);
        QObject::connect(&mqtt, &MqttScale::statusChanged,
            [](const QString &status) { QTextStream(stdout) << "Scale over MQTT: " << status << Qt::endl; });
        if (!mqtt.start(host, brokerPort, parser.value(QStringLiteral("scale-topic")), error))
            return fail(error);
    }
    // The family's other devices, through a folder Syncthing replicates (docs/sync.md).
    SyncRunner sync(*journal);
    if (parser.isSet(QStringLiteral("sync-folder"))) {
        const QString folder = parser.value(QStringLiteral("sync-folder"));
        if (!QFileInfo(folder).isDir())
            return fail(Text::tr("the sync folder %1 does not exist.").arg(folder), 2);
        QObject::connect(&sync, &SyncRunner::exchanged,
            [](const SyncFolder::Report &report, const QStringList &newMessages) {
                QTextStream out(stdout);
                for (const QString &message : newMessages)
                    QTextStream(stderr) << "letdown serve: sync: " << message << '\n';
                if (!report.error.isEmpty())
                    QTextStream(stderr) << "letdown serve: sync: " << report.error << '\n';
                if (report.sentItems > 0)
                    out << "Sync: sent " << report.sentItems << " changes." << Qt::endl;
                if (report.receivedItems > 0)
                    out << "Sync: received " << report.receivedItems << " changes from "
                        << report.fromDevices.join(QStringLiteral(", ")) << "." << Qt::endl;
            });
        sync.start(folder, parser.value(QStringLiteral("sync-name")));
        QTextStream(stdout) << "Sync folder: " << folder << " (this device: " << sync.lastReport().deviceName << ", "
                            << sync.lastReport().deviceId << ")" << Qt::endl;
    }
    RemoteServer server(*journal);
    server.setLiveScale(&scale);
    server.setSecret(RemoteSettings::keyMakingOne());
    const QString hostName = QHostInfo::localHostName();
    server.setHostNames({hostName, hostName + QStringLiteral(".local")});
    if (!server.listen(addresses, quint16(port), error))
        return fail(error);
    // The same daily backup as the window's, checked every hour while it serves.
    QObject::connect(&dataFile, &DataFile::dailyBackupFinished, [](const QString &message, const QString &error) {
        if (!error.isEmpty())
            QTextStream(stderr) << "letdown serve: the daily backup failed: " << error << '\n';
        else if (!message.isEmpty())
            QTextStream(stdout) << message << '\n';
    });
    QTimer backupCheck;
    QObject::connect(
        &backupCheck, &QTimer::timeout, [&dataFile] { dataFile.startDailyBackup(localToday(processClock())); });
    backupCheck.start(60 * 60 * 1000);
    dataFile.startDailyBackup(localToday(processClock()));

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return fail(Text::tr("cannot set up the stop signal."));
    QSocketNotifier stopNotifier(signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&stopNotifier, &QSocketNotifier::activated, [] { QCoreApplication::quit(); });
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);

    QTextStream out(stdout);
    for (const QString &warning : std::as_const(warnings))
        out << "Warning: " << warning << '\n';
    out << "Phone remote for " << databasePath << "\nOpen on the phone (the secret is the part after #secret=):\n";
    const QList<QUrl> urls = server.pairingUrls();
    for (const QUrl &url : urls)
        out << url.toString() << '\n'; // each on a line of its own, for scripts
    out << QrCode::encode(urls.constFirst().toString()).toTerminalText();
    out << "Ctrl+C stops.\n";
    out.flush();

    const int code = QCoreApplication::exec();
    server.close();
    sync.finish(); // the last changes reach the folder now
    if (parser.isSet(QStringLiteral("scale-mqtt")))
        out << "Scale over MQTT: " << mqtt.readingsTaken() << " readings taken, " << mqtt.messagesRefused()
            << " messages refused.\n";
    if (recorder.hasUnsavedChanges() && !recorder.retrySave())
        return fail(Text::tr("stopped with steps not saved: %1").arg(recorder.lastError()));
    dataFile.waitForBackground();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    ::close(signalPipe[0]);
    ::close(signalPipe[1]);
    out << "Stopped.\n";
    return code;
}
