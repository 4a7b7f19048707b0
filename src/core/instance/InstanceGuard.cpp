#include "instance/InstanceGuard.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocalSocket>
#include <QThread>

#include <unistd.h>

namespace {
const QByteArray kRaiseRequest = QByteArrayLiteral("raise\n");
const QByteArray kRaisedAnswer = QByteArrayLiteral("raised ");
} // namespace

InstanceGuard::InstanceGuard(const QString &databasePath, QObject *parent)
    : QObject(parent)
    , m_serverName(serverNameFor(databasePath))
    , m_lock(databasePath + QStringLiteral(".lock"))
{
    // Stale only when the owner is gone, never because the window has been open a while.
    m_lock.setStaleLockTime(0);
    // Only she can connect (the socket file is 0600 in effect).
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    connect(&m_server, &QLocalServer::newConnection, this, &InstanceGuard::answerRequest);
}

InstanceGuard::~InstanceGuard() = default;

QString InstanceGuard::serverNameFor(const QString &databasePath)
{
    // A socket path is short (108 bytes), a database path need not be: name it by a hash
    // of the absolute path and the user, in the temporary folder.
    const QByteArray key = QFileInfo(databasePath).absoluteFilePath().toUtf8() + '\0' + QByteArray::number(::getuid());
    return QStringLiteral("letdown-")
        + QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(24));
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

void InstanceGuard::answerRequest()
{
    while (QLocalSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        const auto answer = [this, socket] {
            if (!socket->canReadLine())
                return;
            if (socket->readLine(64) == kRaiseRequest) {
                emit raiseRequested();
                socket->write(kRaisedAnswer + QByteArray::number(QCoreApplication::applicationPid()) + '\n');
                socket->flush();
            }
            socket->disconnectFromServer();
        };
        connect(socket, &QLocalSocket::readyRead, this, answer);
        answer(); // the request may have arrived already
    }
}
