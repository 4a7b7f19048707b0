#pragma once

#include <QFileSystemWatcher>
#include <QLockFile>
#include <QObject>
#include <QString>

// One window per database. The first instance holds `<database>.lock`; a second one
// leaves a request file `<database>.raise`, which the first notices, removes, and comes
// to the front. A lock left by a killed process is stale (its process is gone) and is
// taken over. Qt Core only: no sockets needed.
class InstanceGuard : public QObject
{
    Q_OBJECT

public:
    enum class Result {
        Acquired, // this is the only instance: go on
        OtherRaised, // another instance has it and came to the front
        OtherSilent, // another instance has it but did not answer
        Failed, // the lock could not be written (see errorString)
    };

    explicit InstanceGuard(const QString &databasePath, QObject *parent = nullptr);
    ~InstanceGuard() override;

    Result acquire(int answerWaitMs = 5000);
    qint64 otherPid() const { return m_otherPid; }
    QString errorString() const { return m_error; }

signals:
    void raiseRequested();

private:
    void checkForRequest();

    QString m_requestPath;
    QLockFile m_lock;
    QFileSystemWatcher m_watcher;
    qint64 m_otherPid = 0;
    QString m_error;
};
