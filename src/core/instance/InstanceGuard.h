#pragma once

#include <QLocalServer>
#include <QLockFile>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

// One owner per database (the shape of qBittorrent's application instance manager).
// The first instance holds `<database>.lock` and listens on a local socket named after the
// database; a second one finds the lock taken, connects, and either asks the first to come
// to the front (a second window) or hands it a command to run (`letdown tap`, `import`,
// `backup`: the owner runs it through its journal and answers with what it printed). A lock
// or socket left by a killed process is stale (its process is gone) and is taken over.
// Both are keyed on the file itself (its resolved path), so a symbolic link to an owned
// file finds the same owner instead of becoming a second one.
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
    // Takes the lock if no one holds it (Acquired), without asking anyone to come to the
    // front; OtherSilent when another process holds it (then forward() the command).
    Result tryAcquire();

    // A command handed to the owner: its arguments (after the program's name) and the
    // folder they were given in (relative file names are read from there).
    struct Forwarded {
        QStringList arguments;
        QString workingDirectory;
    };
    struct Answer {
        int exitCode = 3;
        QString out;
        QString err;
    };
    // Sends a command to the owner and waits for its answer: up to `acceptWaitMs` for the
    // owner to take it, then up to `workWaitMs` for the result. False when no owner took it
    // in time (the answer then says why).
    bool forward(const Forwarded &command, Answer &answer, int acceptWaitMs = 5000, int workWaitMs = 600000);
    // The owner's side: runs a command handed over (on this thread, in the event loop).
    void setCommandHandler(std::function<Answer(const Forwarded &)> handler) { m_handler = std::move(handler); }
    // The owner of her default file also answers at `socketPath` (a fixed place in her data
    // folder), so `letdown tap` from a shortcut reaches it without Qt or any path rules of
    // its own (src/launcher). False (and nothing published) when it cannot listen there.
    bool publishAt(const QString &socketPath);
    qint64 otherPid() const { return m_otherPid; }
    QString errorString() const { return m_error; }
    // The local socket's name for a database (the same for every process of this user).
    static QString serverNameFor(const QString &databasePath);
    // The file's own path, links resolved (or, for a file not made yet, its folder's).
    static QString identityPath(const QString &databasePath);

signals:
    void raiseRequested();

private:
    bool askOtherToRaise(int answerWaitMs);
    void answerRequest(QLocalServer *server);

    QString m_serverName;
    QLockFile m_lock;
    QLocalServer m_server;
    QLocalServer m_published;
    qint64 m_otherPid = 0;
    QString m_error;
    std::function<Answer(const Forwarded &)> m_handler;
};
