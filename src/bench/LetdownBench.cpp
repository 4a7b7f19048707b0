// scripts/bench: measures Letdown against floors measured in the same run on the same
// machine (docs/performance.md). Prints one table and writes it as JSON. Never asserts a
// time: the numbers are for people to read.
#include "TrendsPanel.h"
#include "commands/SessionCommands.h"
#include "datafile/DataFile.h"
#include "base/Clock.h"
#include "recorder/SessionRecorder.h"
#include "CommandLine.h"
#include "instance/InstanceGuard.h"
#include "journal/Journal.h"
#include "remote/RemoteServer.h"
#include "scale/LetdownDetector.h"
#include "scale/SimulatedPumping.h"
#include "scalefeed/LiveScale.h"
#include "scalefeed/MqttScale.h"
#include "stats/StatsJson.h"
#include "stats/TrendQuery.h"
#include "stats/WeeklyStats.h" // median()
#include "storage/Database.h"
#include "storage/SessionStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMainWindow>
#include <QProcess>
#include <QSemaphore>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <thread>

namespace {
QTextStream out(stdout);

struct Row {
    QString figure;
    QString database;
    double valueMs = 0; // or KiB for memory
    double floorMs = 0;
    QString unit = QStringLiteral("ms");
    double target = 0; // ratio target; 0: report only
    QString note;

    double ratio() const { return floorMs > 0 ? valueMs / floorMs : 0; }
};

struct Bench {
    QString letdown; // the app's executable
    QString self; // this program (for the bare-window floor)
    QString sqliteCli; // the sqlite3 command line
    QString socketProbe; // letdown_socket_probe (the floor of a handed-over command)
    QDir work;
    int runs = 5;
    QList<Row> rows;

    QProcessEnvironment environment(const QByteArray &benchMode = {}) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        if (!benchMode.isEmpty())
            env.insert(QStringLiteral("LETDOWN_BENCH"), QString::fromLatin1(benchMode));
        return env;
    }

    // Wall time of a whole process, in ms; stdin from `input` when given.
    double timeProcess(const QString &program, const QStringList &arguments, const QProcessEnvironment &env,
        const QByteArray &input = {}) const
    {
        QProcess process;
        process.setProcessEnvironment(env);
        process.setStandardOutputFile(QProcess::nullDevice());
        QElapsedTimer timer;
        timer.start();
        process.start(program, arguments);
        if (!input.isEmpty()) {
            process.write(input);
            process.closeWriteChannel();
        }
        process.waitForFinished(-1);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
            out << "  ! " << program << ' ' << arguments.join(' ') << " failed: " << process.readAllStandardError()
                << '\n';
        return ms;
    }

    double medianOf(const std::function<double()> &run) const
    {
        QList<double> times;
        for (int i = 0; i < runs; ++i)
            times << run();
        return median(times);
    }

    // The medians of a figure and its floor measured in alternation, round by round: a burst
    // of load on this shared machine then hits both alike. (Measured one after the other,
    // the stats ratio moved from 1.5 to 2.1 between two runs of the same build.)
    std::pair<double, double> interleavedMedians(
        const std::function<double()> &app, const std::function<double()> &floor) const
    {
        QList<double> appTimes, floorTimes;
        for (int round = 0; round < runs; ++round) {
            appTimes << app();
            floorTimes << floor();
        }
        return {median(appTimes), median(floorTimes)};
    }

    // Peak resident memory of a whole process, in KiB.
    long peakRssKiB(const QString &program, const QStringList &arguments, const QProcessEnvironment &env) const
    {
        const pid_t pid = fork();
        if (pid == 0) {
            for (const QString &key : env.keys())
                setenv(key.toLocal8Bit().constData(), env.value(key).toLocal8Bit().constData(), 1);
            QList<QByteArray> args = {program.toLocal8Bit()};
            for (const QString &a : arguments)
                args << a.toLocal8Bit();
            QList<char *> argv;
            for (QByteArray &a : args)
                argv << a.data();
            argv << nullptr;
            execv(argv[0], argv.data());
            _exit(127);
        }
        int status = 0;
        rusage usage {};
        wait4(pid, &status, 0, &usage);
        return usage.ru_maxrss;
    }

    QString makeDatabase(const QString &name, int weeks) const
    {
        const QString path = work.filePath(name);
        if (QFileInfo::exists(path) && Database::integrityOf(path) == QLatin1String("ok")) {
            // Made by an earlier run with the same seed; brought to this build's schema by its
            // owner, as the app would (a verified backup, then the migration).
            Database database;
            DataFile owner(database);
            if (!owner.open(path, Database::OpenMode::MustExist))
                out << "  ! " << owner.errorString() << '\n';
            return path;
        }
        QFile::remove(path);
        QProcess process;
        process.setProcessEnvironment(environment());
        out << "  making " << name << " (" << weeks << " weeks, 12 sessions a day)...\n";
        out.flush();
        process.start(letdown,
            {QStringLiteral("demo-data"), QStringLiteral("--database"), path, QStringLiteral("--weeks"),
                QString::number(weeks), QStringLiteral("--sessions-per-day"), QStringLiteral("12"),
                QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--first-day"),
                QDate(2016, 1, 4).toString(Qt::ISODate)});
        process.waitForFinished(-1);
        return path;
    }

    // A copy of `sourcePath` named `name` in the work folder, opened: taps measured there
    // do not pile up in the database the other figures use.
    bool openFreshCopy(Database &database, const QString &name, const QString &sourcePath)
    {
        const QString path = work.filePath(name);
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
        QFile::copy(sourcePath, path);
        if (database.open(path))
            return true;
        out << "  ! " << database.errorString() << '\n';
        return false;
    }

    void tap(const QString &label, const QString &sourcePath)
    {
        Database database;
        if (!openFreshCopy(database, QStringLiteral("tap-%1.sqlite").arg(label), sourcePath))
            return;
        SessionStore store(database);
        SystemClock clock;
        SessionRecorder recorder(store, clock);
        recorder.setDoubleTapWindowMs(0);
        // As a key asks: through the journal (its change-log row in the same transaction).
        DataFile dataFile(database);
        Journal journal(dataFile, store, recorder, clock);
        journal.apply(Journal::ask(Journal::Step::Start, Origin::Key));

        // The floor: one single-row durable transaction through the C API, same disk.
        const QString floorPath = work.filePath(QStringLiteral("floor-%1.sqlite").arg(label));
        QFile::remove(floorPath);
        QFile::remove(floorPath + QStringLiteral("-wal"));
        sqlite3 *db = nullptr;
        sqlite3_open(floorPath.toUtf8().constData(), &db);
        sqlite3_exec(db,
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
            "CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b INTEGER, c TEXT)",
            nullptr, nullptr, nullptr);
        sqlite3_stmt *insert = nullptr;
        sqlite3_prepare_v2(db, "INSERT INTO t (a, b, c) VALUES (?, ?, 'left')", -1, &insert, nullptr);
        // What a tap writes at the least: three pages (the let-down's row, its entry in the
        // index by session, the change-log row), here three tables' last pages.
        sqlite3_exec(db,
            "CREATE TABLE t2 (id INTEGER PRIMARY KEY, a INTEGER, b INTEGER, c TEXT);"
            "CREATE TABLE t3 (id INTEGER PRIMARY KEY, a INTEGER, b INTEGER, c TEXT)",
            nullptr, nullptr, nullptr);
        sqlite3_stmt *insert2 = nullptr, *insert3 = nullptr;
        sqlite3_prepare_v2(db, "INSERT INTO t2 (a, b, c) VALUES (?, ?, 'left')", -1, &insert2, nullptr);
        sqlite3_prepare_v2(db, "INSERT INTO t3 (a, b, c) VALUES (?, ?, 'left')", -1, &insert3, nullptr);
        const auto durableInserts = [&](std::initializer_list<sqlite3_stmt *> statements, int i, int round) {
            QElapsedTimer t;
            t.start();
            sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
            for (sqlite3_stmt *statement : statements) {
                sqlite3_bind_int64(statement, 1, i);
                sqlite3_bind_int64(statement, 2, round);
                sqlite3_step(statement);
                sqlite3_reset(statement);
            }
            sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
            return double(t.nsecsElapsed()) / 1e6;
        };

        QList<double> app, floor, twoPages, threePages;
        const int perRound = 40;
        // Interleaved tap by tap: a sync's time drifts with what else the disk is doing, and
        // blocks of forty let that drift fall on one of them (a run read 1.49 for what the
        // next read 1.16).
        for (int round = 0; round < runs; ++round) {
            for (int i = 0; i < perRound; ++i) {
                floor << durableInserts({insert}, i, round);
                twoPages << durableInserts({insert, insert2}, i, round);
                threePages << durableInserts({insert, insert2, insert3}, i, round);
                QElapsedTimer t;
                t.start();
                journal.apply(Journal::ask(Journal::Step::Letdown, Origin::Key));
                app << double(t.nsecsElapsed()) / 1e6;
            }
        }
        for (sqlite3_stmt *statement : {insert, insert2, insert3})
            sqlite3_finalize(statement);
        sqlite3_close(db);
        rows << Row {QStringLiteral("let-down tap (call to committed row)"), label, median(app), median(floor),
            QStringLiteral("ms"), 1.2, QStringLiteral("floor: C API single-row WAL+FULL transaction")};
        rows << Row {QStringLiteral("  two rows' pages, no Letdown code"), label, median(twoPages), median(floor),
            QStringLiteral("ms"), 0, QStringLiteral("the same transaction with a row in each of two tables")};
        rows << Row {QStringLiteral("  three rows' pages, no Letdown code"), label, median(threePages), median(floor),
            QStringLiteral("ms"), 0,
            QStringLiteral("the same transaction with a row in each of three tables: the tap's pages at the least")};
    }

    // `letdown tap letdown` as a whole process, handed to a program that has the file open
    // (this one plays the window: its journal answers on the instance socket), against a
    // bare process that connects to that socket and reads one answer.
    void handedTap(const QString &label, const QString &sourcePath)
    {
        const QString path = work.filePath(QStringLiteral("handed-%1.sqlite").arg(label));
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
        QFile::copy(sourcePath, path);
        InstanceGuard guard(path);
        if (guard.acquire() != InstanceGuard::Result::Acquired) {
            out << "  ! " << guard.errorString() << '\n';
            return;
        }
        QString error;
        const std::unique_ptr<Journal> journal
            = Journal::open(path, processClock(), Database::OpenMode::MustExist, error);
        if (!journal) {
            out << "  ! " << error << '\n';
            return;
        }
        journal->recorder().setDoubleTapWindowMs(0); // every tap of the bench is a let-down
        journal->apply(Journal::ask(Journal::Step::Start, Origin::Key));
        guard.setCommandHandler([&journal](const InstanceGuard::Forwarded &command) {
            return CommandLine::runForwarded(*journal, command);
        });
        // As the window does for her default file: the socket a shortcut's `letdown tap` finds
        // in her data folder (here a data folder of the bench's own, given to the tap).
        const QString dataHome = work.filePath(QStringLiteral("handed-%1-data").arg(label));
        QDir().mkpath(dataHome + QStringLiteral("/letdown"));
        const QString socketPath = dataHome + QStringLiteral("/letdown/tap.socket");
        if (!guard.publishAt(socketPath)) {
            out << "  ! cannot publish " << socketPath << '\n';
            return;
        }
        QProcessEnvironment tapEnvironment = environment();
        tapEnvironment.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
        // Both run while this thread serves the socket, as the window's does.
        const auto served = [&](const QString &program, const QStringList &arguments) {
            QProcess process;
            process.setProcessEnvironment(tapEnvironment);
            QEventLoop serving;
            QObject::connect(&process, &QProcess::finished, &serving, &QEventLoop::quit);
            QObject::connect(&process, &QProcess::errorOccurred, &serving, &QEventLoop::quit);
            QElapsedTimer timer;
            timer.start();
            process.start(program, arguments);
            QTimer::singleShot(30'000, &serving, &QEventLoop::quit); // bounded
            serving.exec();
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            if (process.state() != QProcess::NotRunning || process.exitCode() != 0)
                out << "  ! " << program << ' ' << arguments.join(' ') << ": " << process.readAllStandardError()
                    << '\n';
            return ms;
        };
        const qsizetype before = journal->recorder().currentSession().letdowns.size();
        const auto [app, floor] = interleavedMedians(
            [&] { return served(letdown, {QStringLiteral("tap"), QStringLiteral("letdown")}); },
            [&] { return served(socketProbe, {socketPath}); });
        const qsizetype stored = journal->recorder().currentSession().letdowns.size() - before;
        rows << Row {QStringLiteral("letdown tap letdown, handed to the open window"), label, app, floor,
            QStringLiteral("ms"), 2,
            QStringLiteral("floor: a bare process on the same local socket, one answer; %1 of %2 taps stored")
                .arg(stored)
                .arg(runs)};
    }

    // A let-down from the phone remote: an HTTP request over loopback to its committed
    // answer, against the same let-down from a key (SessionCommands, call to committed row).
    void remoteTap(const QString &label, const QString &sourcePath)
    {
        Database database;
        if (!openFreshCopy(database, QStringLiteral("remote-%1.sqlite").arg(label), sourcePath))
            return;
        SessionStore store(database);
        SystemClock clock;
        SessionRecorder recorder(store, clock);
        recorder.setDoubleTapWindowMs(0);
        DataFile dataFile(database);
        Journal journal(dataFile, store, recorder, clock);
        SessionCommands &commands = journal.steps();
        RemoteServer server(journal);
        const QByteArray secret(64, 'b');
        server.setSecret(secret);
        QString error;
        if (!server.listen({QHostAddress(QHostAddress::LocalHost)}, 0, error)) { // loopback only
            out << "  ! " << error << '\n';
            return;
        }
        commands.startOrStop();
        const QByteArray head = "POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(server.port())
            + "\r\nAuthorization: Bearer " + secret + "\r\nContent-Type: application/json\r\n";
        // The same exchange with a server that only answers (a canned answer of the real one's
        // size, on the same event loop and sockets): what the wire and the wake-ups cost alone.
        QTcpServer echo;
        echo.listen(QHostAddress(QHostAddress::LocalHost), 0); // loopback only
        QByteArray cannedAnswer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 600\r\n\r\n";
        cannedAnswer += QByteArray(600, ' ');
        QObject::connect(&echo, &QTcpServer::newConnection, &echo, [&] {
            QTcpSocket *socket = echo.nextPendingConnection();
            auto *buffer = new QByteArray;
            QObject::connect(socket, &QObject::destroyed, [buffer] { delete buffer; });
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, buffer, &cannedAnswer] {
                buffer->append(socket->readAll());
                const qsizetype headEnd = buffer->indexOf("\r\n\r\n");
                const qsizetype at = buffer->indexOf("Content-Length: ");
                if (headEnd < 0 || at < 0)
                    return;
                const qsizetype length = buffer->mid(at + 16, buffer->indexOf("\r\n", at) - at - 16).toLongLong();
                if (buffer->size() < headEnd + 4 + length)
                    return;
                buffer->remove(0, headEnd + 4 + length);
                socket->write(cannedAnswer);
                socket->flush();
            });
        });

        // The phone's side is a plain blocking socket on another thread (what a phone's
        // browser costs is not Letdown's), one connection to each server kept open, as a
        // phone's browser keeps it; this thread serves, as the window does. The key's taps
        // (called directly, and as an event), the phone's and the bare exchange take turns one
        // by one: measured in blocks, the key's taps ran back to back on warm caches while
        // each of the phone's came after a wake-up, and the drift of the disk fell on one
        // block alone. The floor is the key's event: a key reaches the window as an event
        // that wakes its thread, as a request does; the direct call is printed beside it.
        const int fdOfServer = ::socket(AF_INET, SOCK_STREAM, 0);
        const int fdOfEcho = ::socket(AF_INET, SOCK_STREAM, 0);
        const auto connectTo = [](int fd, quint16 port) {
            sockaddr_in address {};
            address.sin_family = AF_INET;
            address.sin_port = htons(port);
            address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            // A server that never answers ends the measurement, not the bench: every wait
            // for an answer is bounded (the phone stops at the first that times out).
            const timeval answerWait {10, 0};
            return fd >= 0 && ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &answerWait, sizeof answerWait) == 0
                && ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
        };
        const bool connected = connectTo(fdOfServer, server.port()) && connectTo(fdOfEcho, echo.serverPort());
        int tapNumber = 0;
        // One request and its whole answer (its head, then Content-Length bytes); false when
        // the exchange failed.
        const auto exchange = [&](int fd, QList<double> &times) {
            const QByteArray body
                = "{\"action\":\"letdown\",\"tap_id\":\"bench-tap-" + QByteArray::number(++tapNumber) + "\"}";
            const QByteArray request = head + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
            QElapsedTimer t;
            t.start();
            if (::send(fd, request.constData(), size_t(request.size()), 0) != request.size())
                return false;
            QByteArray answer;
            char buffer[4096];
            qsizetype headEnd = -1, length = -1;
            while (length < 0 || answer.size() < headEnd + 4 + length) {
                const ssize_t got = ::recv(fd, buffer, sizeof buffer, 0);
                if (got <= 0)
                    return false;
                answer.append(buffer, got);
                if (headEnd < 0 && (headEnd = answer.indexOf("\r\n\r\n")) >= 0) {
                    const qsizetype at = answer.indexOf("Content-Length: ");
                    length = answer.mid(at + 16, answer.indexOf("\r\n", at) - at - 16).toLongLong();
                }
            }
            times << double(t.nsecsElapsed()) / 1e6;
            return true;
        };
        QList<double> local, byEvent, viaPhone, echoed;
        const int perRound = 20;
        const int count = perRound * runs;
        QSemaphore phoneMayTap(0), keyTapped(0); // waits in the kernel, as a phone and a window wait
        std::atomic<bool> phoneFailed = false;
        QEventLoop serving;
        std::thread phone([&] {
            for (int i = 0; i < count && !phoneFailed; ++i) {
                phoneMayTap.acquire();
                // A key's tap as the window gets one: an event that wakes the serving thread,
                // taken as a key asks, done when committed (the same wake-ups as a request).
                QElapsedTimer t;
                t.start();
                QMetaObject::invokeMethod(
                    &serving,
                    [&] {
                        journal.apply(Journal::ask(Journal::Step::Letdown, Origin::Key));
                        keyTapped.release();
                    },
                    Qt::QueuedConnection);
                phoneFailed = !keyTapped.tryAcquire(1, 10'000);
                if (!phoneFailed)
                    byEvent << double(t.nsecsElapsed()) / 1e6;
                phoneFailed
                    = phoneFailed || !connected || !exchange(fdOfServer, viaPhone) || !exchange(fdOfEcho, echoed);
                // Back to the serving thread, which measures the next key tap called directly.
                QMetaObject::invokeMethod(&serving, &QEventLoop::quit, Qt::QueuedConnection);
            }
        });
        for (int i = 0; i < count && !phoneFailed; ++i) {
            QElapsedTimer t;
            t.start();
            journal.apply(Journal::ask(Journal::Step::Letdown, Origin::Key)); // called directly
            local << double(t.nsecsElapsed()) / 1e6;
            phoneMayTap.release();
            serving.exec(); // serves the phone's turn: a key's event, its tap, the bare exchange
        }
        if (phoneFailed)
            phoneMayTap.release(); // the phone may be waiting for a turn it will not use
        phone.join();
        for (const int fd : {fdOfServer, fdOfEcho})
            if (fd >= 0)
                ::close(fd);
        const int expected = 3 * count;
        const int stored = int(recorder.currentSession().letdowns.size());
        rows << Row {QStringLiteral("remote tap over loopback (request to answer)"), label, median(viaPhone),
            median(byEvent), QStringLiteral("ms"), 1.5,
            QStringLiteral("floor: the same let-down from a key's event, which wakes the window's thread as a "
                           "request does; %1 of %2 taps stored")
                .arg(stored)
                .arg(expected)};
        rows << Row {QStringLiteral("  against a key's tap called directly"), label, median(viaPhone), median(local),
            QStringLiteral("ms"), 0, QStringLiteral("no wake-up in the floor: the tap row's way of measuring")};
        rows << Row {QStringLiteral("  the same exchange answered by no one's code"), label, median(echoed),
            median(byEvent), QStringLiteral("ms"), 0,
            QStringLiteral("a server that only answers, on the same loop: the wire and the wake-ups alone")};
    }

    // A scale under the bottle (docs/scale.md): the detector on a 25-minute session read
    // every second, one live reading handled (its MQTT payload parsed, taken for the live
    // session, the look at it scheduled), and the readings' size as kept. The floors are the
    // issue's targets, so a ratio above 1 is a target missed.
    void scale(const QString &label, const QString &sourcePath)
    {
        PumpingConditions everySecond;
        everySecond.durationS = 25 * 60;
        everySecond.meanIntervalS = 1;
        const SimulatedPumping session
            = PumpingSimulation::simulate({{60, 32}, {240, 18}, {420, 9}, {700, 5}}, everySecond, 7);
        QList<double> detectMs;
        int found = 0;
        for (int i = 0; i < runs * 4; ++i) {
            QElapsedTimer t;
            t.start();
            found = int(LetdownDetector::detect(session.samples).letdowns.size());
            detectMs << double(t.nsecsElapsed()) / 1e6;
        }
        rows << Row {QStringLiteral("scale: let-downs found in 25 min of readings"), QStringLiteral("-"),
            median(detectMs), 20, QStringLiteral("ms"), 1,
            QStringLiteral("floor: the target, 20 ms; %1 readings, %2 of 4 let-downs found")
                .arg(session.samples.size())
                .arg(found)};

        Database database;
        if (!openFreshCopy(database, QStringLiteral("scale-%1.sqlite").arg(label), sourcePath))
            return;
        SessionStore store(database);
        SystemClock clock;
        SessionRecorder recorder(store, clock);
        DataFile dataFile(database);
        Journal journal(dataFile, store, recorder, clock);
        Journal::Request start = Journal::ask(Journal::Step::Start, Origin::Mouse);
        start.kind = SessionKind::Pumping;
        journal.apply(start);
        LiveScale live(journal);
        const qint64 startUtcMs = recorder.currentSession().startedAtUtcMs;
        QList<double> readingMs;
        QString error;
        for (const ScaleSample &sample : session.samples) {
            const QByteArray payload = QByteArray::number(sample.grams, 'f', 1);
            QElapsedTimer t;
            t.start();
            const std::optional<double> grams = MqttScale::gramsIn(payload);
            live.add({{startUtcMs + qint64(sample.atS * 1000), grams.value_or(0)}}, error);
            readingMs << double(t.nsecsElapsed()) / 1e6;
        }
        rows << Row {QStringLiteral("scale: one live reading handled"), label, median(readingMs), 2,
            QStringLiteral("ms"), 1,
            QStringLiteral("floor: the target, 2 ms; parsed, taken, its look scheduled (coalesced, 1 s)")};
        const double keptKiB = double(ScaleSamples::encodeCompact(session.samples).size()) / 1024;
        rows << Row {QStringLiteral("scale: 25 min of readings as kept"), QStringLiteral("-"), keptKiB, 100,
            QStringLiteral("KiB"), 1, QStringLiteral("floor: the target, 100 KB")};
        journal.apply(Journal::ask(Journal::Step::Stop, Origin::Mouse));
    }

    void startup(const QString &label, const QString &path)
    {
        const auto [app, floor] = interleavedMedians(
            [&] {
                return timeProcess(letdown, {QStringLiteral("--database"), path}, environment("first-paint"));
            },
            [&] { return timeProcess(self, {QStringLiteral("--bare-window")}, environment()); });
        rows << Row {QStringLiteral("start-up to first painted window"), label, app, floor, QStringLiteral("ms"), 3,
            QStringLiteral("floor: bare QMainWindow shown and closed")};
    }

    double trendsRefresh(const QString &path, int weeks)
    {
        Database database;
        database.open(path, Database::OpenMode::MustExist);
        SessionStore store(database);
        // As the window's journal does on opening: weeks still to build are built once.
        keepWeekFiguresAtEachCommit(store);
        store.updateKeptFigures();
        SystemClock clock;
        TrendsPanel panel(store, clock);
        panel.resize(1200, 800);
        panel.show();
        panel.selectWeeks(weeks);
        QApplication::processEvents();
        return medianOf([&] {
            QElapsedTimer t;
            t.start();
            panel.refresh();
            return double(t.nsecsElapsed()) / 1e6;
        });
    }

    // Trends' figures for all weeks read through the kept weekly figures, against the same
    // figures computed from every session (what every refresh did before): the time of each,
    // and whether they print the same.
    void keptFigures(const QString &label, const QString &path)
    {
        Database database;
        database.open(path, Database::OpenMode::MustExist);
        SessionStore store(database);
        keepWeekFiguresAtEachCommit(store);
        store.updateKeptFigures();
        const ReferenceModel model;
        const StatsRange range {std::nullopt, QDate::currentDate()};
        QByteArray keptJson, fullJson;
        const auto [kept, full] = interleavedMedians(
            [&] {
                QElapsedTimer t;
                t.start();
                TrendStats stats;
                QString error;
                loadTrendStats(store, model, KindFilter::Both, range, stats, error);
                const double ms = double(t.nsecsElapsed()) / 1e6;
                keptJson = QJsonDocument(trendStatsToJson(stats, model)).toJson();
                return ms;
            },
            [&] {
                QElapsedTimer t;
                t.start();
                TrendAccumulator accumulator(model, KindFilter::Both, range);
                store.forEachSessionStartedBetween(
                    std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max(),
                    [&](Session &&session) { accumulator.add(session); }, SessionStore::Detail::Statistics);
                const TrendStats stats = accumulator.result();
                const double ms = double(t.nsecsElapsed()) / 1e6;
                fullJson = QJsonDocument(trendStatsToJson(stats, model)).toJson();
                return ms;
            });
        rows << Row {QStringLiteral("Trends' figures, all weeks, kept"), label, kept, full, QStringLiteral("ms"), 0,
            QStringLiteral("floor: computed from every session; output %1")
                .arg(keptJson == fullJson ? QStringLiteral("the same") : QStringLiteral("DIFFERENT"))};
    }

    void statsJson(const QString &label, const QString &path)
    {
        const QString aggregate = QStringLiteral(
            "SELECT strftime('%Y-%W', s.started_at_utc_ms / 1000, 'unixepoch') AS week, s.kind, count(*),"
            " avg(n), avg(first) FROM (SELECT s.id, s.started_at_utc_ms, s.kind, count(e.id) AS n,"
            " min(e.offset_ms) AS first FROM sessions s LEFT JOIN ejections e ON e.session_id = s.id"
            " GROUP BY s.id) s GROUP BY week, s.kind;");
        const auto [app, floor] = interleavedMedians(
            [&] {
                return timeProcess(letdown,
                    {QStringLiteral("stats"), QStringLiteral("--database"), path, QStringLiteral("--json")},
                    environment());
            },
            [&] {
                return timeProcess(sqliteCli, {path, aggregate}, environment());
            });
        rows << Row {QStringLiteral("letdown stats --json, all weeks"), label, app, floor, QStringLiteral("ms"), 1.2,
            QStringLiteral("floor: sqlite3 CLI weekly aggregate over the same tables")};
        // The first ask after a change reads every session again (and keeps what it made): here
        // each run asks as of another day, which no kept answer fits.
        int day = 0;
        const auto [firstAsk, firstAskFloor] = interleavedMedians(
            [&] {
                QProcessEnvironment env = environment();
                const QDateTime asOf = QDateTime::currentDateTimeUtc().addDays(-1 - day++);
                env.insert(QStringLiteral("LETDOWN_NOW"), asOf.toString(Qt::ISODate));
                return timeProcess(letdown,
                    {QStringLiteral("stats"), QStringLiteral("--database"), path, QStringLiteral("--json")}, env);
            },
            [&] {
                return timeProcess(sqliteCli, {path, aggregate}, environment());
            });
        rows << Row {QStringLiteral("  the first ask after a change"), label, firstAsk, firstAskFloor,
            QStringLiteral("ms"), 0,
            QStringLiteral("every session read again, and what it made kept; the same floor")};
    }

    // The same ask on ten years against one year, alternated: how it grows with her history.
    void statsGrowth(const QString &tenYears, const QString &oneYear)
    {
        const auto ask = [&](const QString &path) {
            return timeProcess(letdown,
                {QStringLiteral("stats"), QStringLiteral("--database"), path, QStringLiteral("--json")}, environment());
        };
        const auto [ten, one] = interleavedMedians([&] { return ask(tenYears); }, [&] { return ask(oneYear); });
        rows << Row {QStringLiteral("  growth from one year to ten"), QStringLiteral("heavy"), ten, one,
            QStringLiteral("ms"), 0, QStringLiteral("floor: the same ask on the one-year file")};
    }

    void exportImport(const QString &label, const QString &path)
    {
        const QString sessionsCsv = work.filePath(QStringLiteral("export-%1-sessions.csv").arg(label));
        const QString letdownsCsv = work.filePath(QStringLiteral("export-%1-ejections.csv").arg(label));
        const QString dumpA = work.filePath(QStringLiteral("dump-a.csv"));
        const QString dumpB = work.filePath(QStringLiteral("dump-b.csv"));
        const QByteArray dump = QStringLiteral(".headers on\n.mode csv\n.output %1\nSELECT * FROM sessions;\n"
                                               ".output %2\nSELECT * FROM ejections;\n")
                                    .arg(dumpA, dumpB)
                                    .toUtf8();
        const auto [app, floor] = interleavedMedians(
            [&] {
                return timeProcess(letdown,
                    {QStringLiteral("export"), QStringLiteral("--database"), path, QStringLiteral("--sessions"),
                        sessionsCsv, QStringLiteral("--ejections"), letdownsCsv},
                    environment());
            },
            [&] { return timeProcess(sqliteCli, {path}, environment(), dump); });
        rows << Row {QStringLiteral("letdown export (sessions + let-downs)"), label, app, floor, QStringLiteral("ms"),
            1.5, QStringLiteral("floor: sqlite3 -csv dump of the same tables")};

        const QString target = work.filePath(QStringLiteral("import-target.sqlite"));
        const auto clean = [&](const QString &file) {
            for (const QString &suffix :
                {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral(".lock")})
                QFile::remove(file + suffix);
        };
        const QString plain = work.filePath(QStringLiteral("import-plain.sqlite"));
        const QByteArray importScript = QStringLiteral(".import --csv %1 sessions\n.import --csv %2 ejections\n")
                                            .arg(sessionsCsv, letdownsCsv)
                                            .toUtf8();
        const auto [importApp, importFloor] = interleavedMedians(
            [&] {
                clean(target);
                return timeProcess(letdown,
                    {QStringLiteral("import"), QStringLiteral("--database"), target, QStringLiteral("--sessions"),
                        sessionsCsv, QStringLiteral("--ejections"), letdownsCsv},
                    environment());
            },
            [&] {
                clean(plain);
                return timeProcess(sqliteCli, {plain}, environment(), importScript);
            });
        rows << Row {QStringLiteral("letdown import of that export, empty database"), label, importApp, importFloor,
            QStringLiteral("ms"), 2, QStringLiteral("floor: sqlite3 .import into plain tables")};
    }

    // Sync through a folder (docs/sync.md). The first exchange of a whole log into an empty
    // device, against importing the same log's export (exportImport wrote it); and one
    // let-down reaching the other device: `letdown sync` on the device that logged it, then
    // on the other (two whole processes), against two starts of a bare Qt process.
    void sync(const QString &label, const QString &path, const QString &smallPath)
    {
        const auto clean = [&](const QString &file) {
            for (const QString &suffix :
                {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral(".lock")})
                QFile::remove(file + suffix);
        };
        const auto freshFolder = [&](const QString &name) {
            QDir folder(work.filePath(name));
            folder.removeRecursively();
            work.mkpath(name);
            return folder.path();
        };
        const auto syncArgs = [](const QString &database, const QString &folder) {
            return QStringList {QStringLiteral("sync"), QStringLiteral("--database"), database, QStringLiteral("--folder"),
                folder};
        };
        // The whole log, written once by a copy of it (its own device).
        const QString folder = freshFolder(QStringLiteral("sync-%1").arg(label));
        const QString source = work.filePath(QStringLiteral("sync-source-%1.sqlite").arg(label));
        clean(source);
        QFile::copy(path, source);
        timeProcess(letdown, syncArgs(source, folder), environment());
        const QString target = work.filePath(QStringLiteral("sync-target.sqlite"));
        const QString imported = work.filePath(QStringLiteral("sync-imported.sqlite"));
        const QString sessionsCsv = work.filePath(QStringLiteral("export-%1-sessions.csv").arg(label));
        const QString letdownsCsv = work.filePath(QStringLiteral("export-%1-ejections.csv").arg(label));
        const auto [first, importMs] = interleavedMedians(
            [&] {
                clean(target);
                return timeProcess(letdown, syncArgs(target, folder), environment());
            },
            [&] {
                clean(imported);
                return timeProcess(letdown,
                    {QStringLiteral("import"), QStringLiteral("--database"), imported, QStringLiteral("--sessions"),
                        sessionsCsv, QStringLiteral("--ejections"), letdownsCsv},
                    environment());
            });
        rows << Row {QStringLiteral("letdown sync: the whole log into an empty device"), label, first, importMs,
            QStringLiteral("ms"), 3, QStringLiteral("floor: letdown import of the same log's export")};

        // Two devices that have exchanged once; then one let-down at a time.
        const QString pairFolder = freshFolder(QStringLiteral("sync-pair"));
        const QString mine = work.filePath(QStringLiteral("sync-mine.sqlite"));
        const QString theirs = work.filePath(QStringLiteral("sync-theirs.sqlite"));
        clean(mine);
        clean(theirs);
        QFile::copy(smallPath, mine);
        timeProcess(letdown, syncArgs(mine, pairFolder), environment());
        timeProcess(letdown, syncArgs(theirs, pairFolder), environment());
        const auto [oneTap, twoStarts] = interleavedMedians(
            [&] {
                timeProcess(letdown,
                    {QStringLiteral("tap"), QStringLiteral("letdown-without-feed"), QStringLiteral("--database"), mine},
                    environment());
                return timeProcess(letdown, syncArgs(mine, pairFolder), environment())
                    + timeProcess(letdown, syncArgs(theirs, pairFolder), environment());
            },
            [&] {
                return timeProcess(self, {QStringLiteral("--bare-process")}, environment())
                    + timeProcess(self, {QStringLiteral("--bare-process")}, environment());
            });
        rows << Row {QStringLiteral("letdown sync: one let-down written, then applied"), QStringLiteral("small"),
            oneTap, twoStarts, QStringLiteral("ms"), 3,
            QStringLiteral("floor: two starts of a bare Qt process (QCoreApplication, no work)")};
    }

    void memory(const QString &label, const QString &path, const QString &emptyPath)
    {
        const auto env = environment("trends-all");
        QList<double> app, floor;
        for (int i = 0; i < runs; ++i) {
            app << double(peakRssKiB(letdown, {QStringLiteral("--database"), path}, env));
            floor << double(peakRssKiB(letdown, {QStringLiteral("--database"), emptyPath}, env));
        }
        rows << Row {QStringLiteral("peak memory, Trends on all weeks"), label, median(app), median(floor),
            QStringLiteral("KiB"), 1.5, QStringLiteral("floor: the same app on an empty database")};
    }
};

QString machine(const QDir &work)
{
    QString cpu;
    QFile info(QStringLiteral("/proc/cpuinfo"));
    if (info.open(QIODevice::ReadOnly))
        for (const QByteArray &line : info.readAll().split('\n'))
            if (line.startsWith("model name")) {
                cpu = QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
                break;
            }
    QProcess df;
    df.start(QStringLiteral("df"), {QStringLiteral("-hT"), work.path()});
    df.waitForFinished();
    const QStringList dfLines = QString::fromUtf8(df.readAllStandardOutput()).trimmed().split(u'\n');
    return QStringLiteral("%1 cores (%2); disk: %3")
        .arg(QThread::idealThreadCount())
        .arg(cpu, dfLines.value(1).simplified());
}

int bareWindow(int argc, char **argv)
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.resize(1040, 760);
    bool painted = false;
    struct Watcher : QObject {
        bool *painted;
        explicit Watcher(bool *p)
            : painted(p)
        { }
        bool eventFilter(QObject *, QEvent *event) override
        {
            if (!*painted && event->type() == QEvent::Paint) {
                *painted = true;
                QTimer::singleShot(0, qApp, &QCoreApplication::quit);
            }
            return false;
        }
    } watcher(&painted);
    app.installEventFilter(&watcher);
    window.show();
    return app.exec();
}
} // namespace

int main(int argc, char **argv)
{
    if (argc > 1 && QByteArray(argv[1]) == "--bare-window")
        return bareWindow(argc, argv);
    if (argc > 1 && QByteArray(argv[1]) == "--bare-process") {
        QCoreApplication bare(argc, argv);
        return 0;
    }
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Letdown's benchmark (see docs/performance.md)."));
    parser.addHelpOption();
    parser.addOption(
        {QStringLiteral("tiny"), QStringLiteral("Tiny databases and 2 runs: proves the benchmark works.")});
    parser.addOption({QStringLiteral("work"), QStringLiteral("Folder for the databases (kept between runs)."),
        QStringLiteral("dir"), QStringLiteral("bench-data")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Where to write the table as JSON."),
        QStringLiteral("file"), QStringLiteral("bench.json")});
    parser.addOption({QStringLiteral("letdown"), QStringLiteral("The letdown executable."), QStringLiteral("file")});
    parser.addOption({QStringLiteral("only"),
        QStringLiteral("Measure only these groups, comma-separated: tap, startup, trends, stats, export, sync, memory, "
                       "scale (for trying a change; the table's targets need a whole run)."),
        QStringLiteral("groups")});
    parser.process(app);
    const QStringList only = parser.value(QStringLiteral("only")).split(u',', Qt::SkipEmptyParts);
    const auto measures = [&](const char *group) { return only.isEmpty() || only.contains(QLatin1String(group)); };

    Bench bench;
    const bool tiny = parser.isSet(QStringLiteral("tiny"));
    bench.runs = tiny ? 2 : 5;
    QDir().mkpath(parser.value(QStringLiteral("work")));
    bench.work = QDir(QFileInfo(parser.value(QStringLiteral("work"))).absoluteFilePath());
    bench.self = QCoreApplication::applicationFilePath();
    bench.letdown = parser.isSet(QStringLiteral("letdown"))
        ? parser.value(QStringLiteral("letdown"))
        : QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("letdown"));
    bench.socketProbe = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("letdown_socket_probe"));
    bench.sqliteCli = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (bench.sqliteCli.isEmpty()) {
        out << "The sqlite3 command line is needed for the floors (Debian package sqlite3).\n";
        return 1;
    }

    const int smallWeeks = tiny ? 1 : 4, yearWeeks = tiny ? 2 : 52, heavyWeeks = tiny ? 4 : 522;
    out << "Machine: " << machine(bench.work) << '\n';
    const QString small = bench.makeDatabase(QStringLiteral("small-%1w.sqlite").arg(smallWeeks), smallWeeks);
    const QString year = bench.makeDatabase(QStringLiteral("year-%1w.sqlite").arg(yearWeeks), yearWeeks);
    const QString heavy = bench.makeDatabase(QStringLiteral("heavy-%1w.sqlite").arg(heavyWeeks), heavyWeeks);
    const QString empty = bench.work.filePath(QStringLiteral("empty.sqlite"));
    if (!QFileInfo::exists(empty)) {
        Database database;
        database.open(empty);
    }
    out << "  measuring (median of " << bench.runs << " runs each)...\n";
    out.flush();

    if (measures("tap")) {
        bench.tap(QStringLiteral("small"), small);
        bench.tap(QStringLiteral("heavy"), heavy);
        bench.remoteTap(QStringLiteral("small"), small);
        bench.handedTap(QStringLiteral("small"), small);
    }
    if (measures("startup")) {
        bench.startup(QStringLiteral("small"), small);
        bench.startup(QStringLiteral("heavy"), heavy);
    }
    if (measures("trends")) {
        const double refresh52 = bench.trendsRefresh(heavy, 52);
        const double refreshAllYear = bench.trendsRefresh(year, 0);
        const double refreshAllHeavy = bench.trendsRefresh(heavy, 0);
        bench.rows << Row {QStringLiteral("Trends refresh, 52 weeks"), QStringLiteral("heavy"), refresh52, 0,
            QStringLiteral("ms"), 0, QStringLiteral("absolute")};
        bench.rows << Row {QStringLiteral("Trends refresh, all weeks"), QStringLiteral("1 year"), refreshAllYear, 0,
            QStringLiteral("ms"), 0, QStringLiteral("absolute")};
        bench.rows << Row {QStringLiteral("Trends refresh, all weeks"), QStringLiteral("heavy"), refreshAllHeavy,
            refreshAllYear, QStringLiteral("ms"), 2,
            QStringLiteral("target <= 50 ms; ratio = growth from 1 to 10 years (target <= 2)")};
        bench.keptFigures(QStringLiteral("heavy"), heavy);
    }
    if (measures("stats")) {
        bench.statsJson(QStringLiteral("heavy"), heavy);
        bench.statsGrowth(heavy, year);
    }
    if (measures("export"))
        bench.exportImport(QStringLiteral("heavy"), heavy);
    if (measures("sync"))
        bench.sync(QStringLiteral("heavy"), heavy, small);
    if (measures("memory"))
        bench.memory(QStringLiteral("heavy"), heavy, empty);
    if (measures("scale"))
        bench.scale(QStringLiteral("small"), small);

    out << "\n"
        << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
               .arg(QStringLiteral("figure"), -46)
               .arg(QStringLiteral("db"), -7)
               .arg(QStringLiteral("median"), 12)
               .arg(QStringLiteral("floor"), 12)
               .arg(QStringLiteral("ratio"), 7)
               .arg(QStringLiteral("target"), 8);
    QJsonArray json;
    for (const Row &row : std::as_const(bench.rows)) {
        const QString target = row.target > 0 ? QStringLiteral("<=%1x").arg(row.target) : QStringLiteral("-");
        const bool met = row.target <= 0 || row.ratio() <= row.target;
        out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                   .arg(row.figure, -46)
                   .arg(row.database, -7)
                   .arg(QStringLiteral("%1 %2")
                            .arg(row.valueMs, 0, 'f', row.unit == QLatin1String("ms") ? 2 : 0)
                            .arg(row.unit),
                       12)
                   .arg(row.floorMs > 0 ? QStringLiteral("%1 %2")
                                              .arg(row.floorMs, 0, 'f', row.unit == QLatin1String("ms") ? 2 : 0)
                                              .arg(row.unit)
                                        : QStringLiteral("-"),
                       12)
                   .arg(row.floorMs > 0 ? QString::number(row.ratio(), 'f', 2) : QStringLiteral("-"), 7)
                   .arg(target, 8)
                   .arg(met ? QString() : QStringLiteral("  MISSED"));
        json.append(QJsonObject {{QStringLiteral("figure"), row.figure}, {QStringLiteral("database"), row.database},
            {QStringLiteral("median"), row.valueMs}, {QStringLiteral("floor"), row.floorMs},
            {QStringLiteral("unit"), row.unit}, {QStringLiteral("ratio"), row.ratio()},
            {QStringLiteral("target_ratio"), row.target}, {QStringLiteral("note"), row.note}});
    }
    QFile jsonFile(parser.value(QStringLiteral("json")));
    if (jsonFile.open(QIODevice::WriteOnly))
        jsonFile.write(QJsonDocument(
            QJsonObject {{QStringLiteral("machine"), machine(bench.work)}, {QStringLiteral("rows"), json}})
                           .toJson());
    out << "\nJSON: " << QFileInfo(jsonFile).absoluteFilePath() << '\n';
    return 0;
}
