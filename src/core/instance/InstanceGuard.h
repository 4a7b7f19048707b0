#pragma once

#include <QLocalServer>
#include <QLockFile>
#include <QObject>
#include <QString>

// One window per database (the shape of qBittorrent's application instance manager).
// The first instance holds `<database>.lock` and listens on a local socket named after the
// database; a second one finds the lock taken, connects, asks the first to come to the
// front, gets its answer and exits. A lock or socket left by a killed process is stale (its
// process is gone) and is taken over.
class InstanceGuard : public QObject
{
    Q_OBJECT

public:
    enum class Result {
        Acquired, // this is the only instance: go on
        OtherRaised, // another instance has it and came to the front
        OtherSilent, // another instance has it but did not answer
        Failed, // the lock could not be written, or the socket not opened (see errorString)
    };

    explicit InstanceGuard(const QString &databasePath, QObject *parent = nullptr);
    ~InstanceGuard() override;

    Result acquire(int answerWaitMs = 5000);
    qint64 otherPid() const { return m_otherPid; }
    QString errorString() const { return m_error; }
    // The local socket's name for a database (the same for every process of this user).
    static QString serverNameFor(const QString &databasePath);

signals:
    void raiseRequested();

private:
    bool askOtherToRaise(int answerWaitMs);
    void answerRequest();

    QString m_serverName;
    QLockFile m_lock;
    QLocalServer m_server;
    qint64 m_otherPid = 0;
    QString m_error;
};
