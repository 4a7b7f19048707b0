#include "instance/InstanceGuard.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QThread>

InstanceGuard::InstanceGuard(const QString &databasePath, QObject *parent)
    : QObject(parent)
    , m_requestPath(databasePath + QStringLiteral(".raise"))
    , m_lock(databasePath + QStringLiteral(".lock"))
{
    // Stale only when the owner is gone, never because the window has been open a while.
    m_lock.setStaleLockTime(0);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &InstanceGuard::checkForRequest);
}

InstanceGuard::~InstanceGuard() = default;

InstanceGuard::Result InstanceGuard::acquire(int answerWaitMs)
{
    // On a first run the data folder does not exist yet: the lock comes before the database
    // that would create it. Private from the start, as the database expects.
    const QString folder = QFileInfo(m_requestPath).absolutePath();
    if (!QFileInfo::exists(folder)) {
        QDir().mkpath(folder);
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    if (m_lock.tryLock(0)) {
        QFile::remove(m_requestPath); // left by someone who gave up waiting
        m_watcher.addPath(QFileInfo(m_requestPath).absolutePath());
        return Result::Acquired;
    }
    if (m_lock.error() != QLockFile::LockFailedError) {
        m_error
            = QCoreApplication::translate("InstanceGuard", "Cannot create the lock file %1.").arg(m_lock.fileName());
        return Result::Failed;
    }
    QString host, app;
    m_lock.getLockInfo(&m_otherPid, &host, &app);

    QFile request(m_requestPath);
    if (!request.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_error = request.errorString();
        return Result::OtherSilent;
    }
    request.write(QByteArray::number(QCoreApplication::applicationPid()));
    request.close();
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < answerWaitMs) {
        if (!QFileInfo::exists(m_requestPath))
            return Result::OtherRaised;
        QThread::msleep(50);
    }
    QFile::remove(m_requestPath);
    return Result::OtherSilent;
}

void InstanceGuard::checkForRequest()
{
    if (QFileInfo::exists(m_requestPath)) {
        QFile::remove(m_requestPath); // the answer: the other instance stops waiting
        emit raiseRequested();
    }
}
