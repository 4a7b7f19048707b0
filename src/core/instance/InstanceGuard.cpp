#include "instance/InstanceGuard.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QThread>

#include <unistd.h>

namespace {
const QByteArray kRaiseRequest = QByteArrayLiteral("raise\n");
const QByteArray kRaisedAnswer = QByteArrayLiteral("raised ");
// "command <JSON>\n" -> "taken\n" at once, then "answer <JSON>\n" when it has run.
const QByteArray kCommandRequest = QByteArrayLiteral("command ");
const QByteArray kTakenAnswer = QByteArrayLiteral("taken\n");
const QByteArray kCommandAnswer = QByteArrayLiteral("answer ");
// A command line is small; a line longer than this is not one of ours.
constexpr qint64 kMaxRequestBytes = 1 << 20;

// Reads one line, within the deadline; empty when none came. Only up to its newline: what
// came with it (the answer right behind "taken", when the owner was quick) stays in the
// socket for the next call.
QByteArray readLine(QLocalSocket &socket, const QDeadlineTimer &deadline)
{
    while (!socket.canReadLine() && socket.bytesAvailable() < kMaxRequestBytes
        && socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())))) {
    }
    return socket.canReadLine() ? socket.readLine(kMaxRequestBytes) : QByteArray();
}
} // namespace

InstanceGuard::InstanceGuard(const QString &databasePath, QObject *parent)
    : QObject(parent)
    , m_serverName(serverNameFor(databasePath))
    , m_lock(identityPath(databasePath) + QStringLiteral(".lock"))
{
    // Stale only when the owner is gone, never because the window has been open a while.
    m_lock.setStaleLockTime(0);
    // Only she can connect (the socket file is 0600 in effect).
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    connect(&m_server, &QLocalServer::newConnection, this, [this] { answerRequest(&m_server); });
    m_published.setSocketOptions(QLocalServer::UserAccessOption);
    connect(&m_published, &QLocalServer::newConnection, this, [this] { answerRequest(&m_published); });
}

InstanceGuard::~InstanceGuard() = default;

QString InstanceGuard::serverNameFor(const QString &databasePath)
{
    // A socket path is short (108 bytes), a database path need not be: name it by a hash
    // of the absolute path and the user, in the temporary folder.
    const QByteArray key = identityPath(databasePath).toUtf8() + '\0' + QByteArray::number(::getuid());
    return QStringLiteral("letdown-")
        + QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(24));
}

QString InstanceGuard::identityPath(const QString &databasePath)
{
    const QFileInfo file(databasePath);
    const QString resolved = file.canonicalFilePath(); // empty when it does not exist yet
    if (!resolved.isEmpty())
        return resolved;
    const QString folder = QFileInfo(file.absolutePath()).canonicalFilePath();
    return folder.isEmpty() ? file.absoluteFilePath() : QDir(folder).filePath(file.fileName());
}

InstanceGuard::Result InstanceGuard::tryAcquire()
{
    return acquire(-1);
}

bool InstanceGuard::forward(const Forwarded &command, Answer &answer, int acceptWaitMs, int workWaitMs)
{
    const QByteArray request = kCommandRequest
        + QJsonDocument(QJsonObject {{QStringLiteral("arguments"), QJsonArray::fromStringList(command.arguments)},
                            {QStringLiteral("cwd"), command.workingDirectory}})
              .toJson(QJsonDocument::Compact)
        + '\n';
    const QDeadlineTimer connectDeadline(acceptWaitMs);
    while (!connectDeadline.hasExpired()) {
        QLocalSocket socket;
        socket.connectToServer(m_serverName);
        if (!socket.waitForConnected(int(qMin<qint64>(1000, qMax<qint64>(1, connectDeadline.remainingTime()))))) {
            QThread::msleep(50);
            continue;
        }
        socket.write(request);
        socket.flush();
        if (readLine(socket, QDeadlineTimer(qMax<qint64>(1, connectDeadline.remainingTime()))) != kTakenAnswer)
            break;
        const QByteArray line = readLine(socket, QDeadlineTimer(workWaitMs));
        if (!line.startsWith(kCommandAnswer)) {
            answer = {3, {}, QCoreApplication::translate("InstanceGuard", "The Letdown that has the file open did not finish the command.")};
            return false;
        }
        const QJsonObject object = QJsonDocument::fromJson(line.mid(kCommandAnswer.size())).object();
        answer.exitCode = object.value(QStringLiteral("exit")).toInt(1);
        answer.out = object.value(QStringLiteral("out")).toString();
        answer.err = object.value(QStringLiteral("err")).toString();
        return true;
    }
    answer = {3, {},
        QCoreApplication::translate("InstanceGuard", "The Letdown that has the file open (process %1) did not answer.")
            .arg(m_otherPid)};
    return false;
}

InstanceGuard::Result InstanceGuard::acquire(int answerWaitMs)
{
    // On a first run the data folder does not exist yet: the lock comes before the database
    // that would create it. Private from the start, as the database expects.
    const QString folder = QFileInfo(m_lock.fileName()).absolutePath();
    if (!QFileInfo::exists(folder)) {
        QDir().mkpath(folder);
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    if (m_lock.tryLock(0)) {
        // Holding the lock, no live instance owns the socket: one left behind by a killed
        // process is removed before listening.
        QLocalServer::removeServer(m_serverName);
        if (!m_server.listen(m_serverName)) {
            m_error = QCoreApplication::translate("InstanceGuard", "Cannot open the local socket %1: %2")
                          .arg(m_serverName, m_server.errorString());
            m_lock.unlock();
            return Result::Failed;
        }
        return Result::Acquired;
    }
    if (m_lock.error() != QLockFile::LockFailedError) {
        m_error
            = QCoreApplication::translate("InstanceGuard", "Cannot create the lock file %1.").arg(m_lock.fileName());
        return Result::Failed;
    }
    QString host, app;
    m_lock.getLockInfo(&m_otherPid, &host, &app);
    if (answerWaitMs < 0)
        return Result::OtherSilent; // tryAcquire: the caller forwards its command
    return askOtherToRaise(answerWaitMs) ? Result::OtherRaised : Result::OtherSilent;
}

bool InstanceGuard::askOtherToRaise(int answerWaitMs)
{
    // The first instance may still be starting (lock taken, not yet listening): try to
    // connect until the deadline. Once connected it is alive, but it answers only when its
    // window is up, which on a loaded machine takes a while: give it longer for that.
    const QDeadlineTimer connectDeadline(answerWaitMs);
    while (!connectDeadline.hasExpired()) {
        QLocalSocket socket;
        socket.connectToServer(m_serverName);
        if (socket.waitForConnected(int(qMin<qint64>(1000, connectDeadline.remainingTime())))) {
            socket.write(kRaiseRequest);
            const QDeadlineTimer answerDeadline(3 * answerWaitMs);
            QByteArray answer;
            while (!answer.contains('\n') && socket.waitForReadyRead(int(answerDeadline.remainingTime())))
                answer += socket.readAll();
            if (!answer.startsWith(kRaisedAnswer))
                return false;
            m_otherPid = answer.mid(kRaisedAnswer.size()).trimmed().toLongLong();
            return true;
        }
        QThread::msleep(100);
    }
    return false;
}

bool InstanceGuard::publishAt(const QString &socketPath)
{
    // Only an owner publishes, and what is there is left by one that is gone (the lock says
    // no one else owns this file; another file's owner publishes only for the default file,
    // which is this one).
    if (!m_server.isListening() || QFile::encodeName(socketPath).size() >= 100) // sun_path: 108 bytes
        return false;
    QLocalServer::removeServer(socketPath);
    return m_published.listen(socketPath);
}

void InstanceGuard::answerRequest(QLocalServer *server)
{
    while (QLocalSocket *socket = server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        const auto answer = [this, socket] {
            if (!socket->canReadLine()) {
                if (socket->bytesAvailable() > kMaxRequestBytes)
                    socket->disconnectFromServer(); // not one of ours
                return;
            }
            const QByteArray line = socket->readLine(kMaxRequestBytes);
            if (line == kRaiseRequest) {
                emit raiseRequested();
                socket->write(kRaisedAnswer + QByteArray::number(QCoreApplication::applicationPid()) + '\n');
            } else if (line.startsWith(kCommandRequest) && m_handler) {
                socket->write(kTakenAnswer);
                socket->flush();
                const QJsonObject request = QJsonDocument::fromJson(line.mid(kCommandRequest.size())).object();
                Forwarded command;
                for (const QJsonValue &argument : request.value(QStringLiteral("arguments")).toArray())
                    command.arguments << argument.toString();
                command.workingDirectory = request.value(QStringLiteral("cwd")).toString();
                const Answer result = m_handler(command);
                socket->write(kCommandAnswer
                    + QJsonDocument(QJsonObject {{QStringLiteral("exit"), result.exitCode},
                                        {QStringLiteral("out"), result.out}, {QStringLiteral("err"), result.err}})
                          .toJson(QJsonDocument::Compact)
                    + '\n');
            }
            socket->flush();
            socket->disconnectFromServer();
        };
        connect(socket, &QLocalSocket::readyRead, this, answer);
        answer(); // the request may have arrived already
    }
}
