#pragma once

#include "remote/HttpMessage.h"
#include "remote/RemoteAccess.h"

#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QSet>
#include <QUrl>

#include <optional>

class Clock;
class Journal;
class QTcpServer;
class QTcpSocket;
class QTimer;
class SessionCommands;
class SessionStore;

// The phone remote (docs/remote.md): a small page and a JSON API on the home network. Every
// tap goes through the journal like a key press and is answered only once its step is
// committed (with its tap id: a tap sent again gets its first answer). Off until someone calls listen(); the caller chooses the addresses.
//
//   GET  /, /app.js, /app.css         the page (static, holds none of her data)
//   GET  /api/v1/status[?after=N]      the live state; with `after` equal to the current
//                                      version it waits (up to longPollMs) for the next change
//   POST /api/v1/session               {"action"[,"kind"][,"side"][,"tap_id"][,"tapped_at"]}
//   POST /api/v1/letdown/spontaneous   {[,"tap_id"][,"tapped_at"]}
//
// Every /api request carries the pairing secret: "Authorization: Bearer <secret>"
// (docs/remote-api.md).
class LiveScale;

class RemoteServer : public QObject
{
    Q_OBJECT

public:
    static constexpr quint16 kDefaultPort = 8717;
    // A tap older than this (by the phone's own clock) is refused, not placed at a wrong time.
    static constexpr qint64 kMaxTapAgeMs = 5 * 60 * 1000;
    // A tap this far ahead of our clock is placed now (the clocks' difference is measured,
    // not perfect); further ahead, the phone's clock is wrong and the tap is refused.
    static constexpr qint64 kMaxTapAheadMs = 60 * 1000;
    static constexpr int kDefaultLongPollMs = 25 * 1000;
    static constexpr int kRequestTimeoutMs = 10 * 1000; // to send a whole request; idle time kept open
    static constexpr int kMaxConnections = 64;
    // One address may hold this many at once (a phone's browser opens a few): a client that
    // opens many and sends slowly takes its own places, never the phone's.
    static constexpr int kMaxConnectionsPerAddress = 12;

    explicit RemoteServer(Journal &journal, QObject *parent = nullptr);
    ~RemoteServer() override;

    void setSecret(const QByteArray &secret) { m_secret = secret; }
    QByteArray secret() const { return m_secret; }
    // Names besides the addresses that the Host header may carry (this machine's name).
    void setHostNames(const QStringList &names) { m_hostNames = names; }
    void setLongPollMs(int ms) { m_longPollMs = ms; }
    // Where POST /api/v1/scale sends a scale's readings (docs/remote-api.md); none: the
    // endpoint says there is no scale here.
    void setLiveScale(LiveScale *scale) { m_scale = scale; }
    // At most this many readings in one request (an hour at one a second).
    static constexpr int kMaxReadingsPerRequest = 3600;

    // Listens on each address; port 0 picks a free one (the same for all). False with
    // `error` when any of them cannot be opened (then none is).
    bool listen(const QList<QHostAddress> &addresses, quint16 port, QString &error);
    void close();
    bool isListening() const { return !m_servers.isEmpty(); }
    quint16 port() const { return m_port; }
    QList<QHostAddress> addresses() const;
    // What to open on the phone: http://address:port/#secret=KEY (the key in the fragment never
    // reaches a server or a log).
    QList<QUrl> pairingUrls() const;

signals:
    // A request with the right key came from there (the window shows "phone seen").
    void phoneSeen(const QString &address);

private:
    struct Answer {
        int status = 200;
        QJsonObject body;
    };
    void accept(QTcpServer *server);
    // Makes room for a new connection from `peer`: false when none can be made (then it is
    // refused). An idle or dawdling connection (no request being answered) is closed first,
    // oldest first: the peer's own when it is at its limit, else anyone's when all are taken.
    bool makeRoomFor(const QHostAddress &peer);
    QList<QTcpSocket *> openConnections() const;
    void readFrom(QTcpSocket *socket);
    void handle(QTcpSocket *socket, const HttpRequest &request);
    void handleApi(QTcpSocket *socket, const HttpRequest &request);
    void answerState(QTcpSocket *socket, const HttpRequest &request);
    Answer tap(const HttpRequest &request, bool spontaneous);
    Answer scaleReadings(const HttpRequest &request);
    void takeNextRequest(QTcpSocket *socket);
    // Answers the request being handled; the connection stays open if it asked to.
    void send(QTcpSocket *socket, int status, const QByteArray &contentType, const QByteArray &body,
        const QList<QPair<QByteArray, QByteArray>> &extraHeaders = {});
    void sendJson(QTcpSocket *socket, int status, QJsonObject body);
    void sendJson(QTcpSocket *socket, int status, const QByteArray &compactJson);
    bool hostAllowed(const QByteArray &host) const;
    QByteArray state(); // compact JSON, written directly (a remote tap built it as a QJsonObject: a tenth of it)
    void stateChanged();

    // What is kept about one open connection, dropped with its socket (Qt's dynamic
    // properties were a twentieth of a remote tap's instructions).
    struct Connection {
        QByteArray buffer; // bytes not yet taken as a request
        quint64 acceptedOrder = 0; // the oldest idle connection gives way first
        QString peerText; // the phone's address, as phoneSeen says it
        QByteArray allowedHost; // the Host header already found to name this machine
        QTimer *idle = nullptr; // the socket's: a request must arrive whole, an idle one closes
        bool busy = false; // a request is being answered (or waits: long poll)
        bool served = false; // at least one request was answered
        bool keepAlive = false; // the request being answered keeps it open
    };
    Journal &m_journal;
    SessionCommands &m_commands;
    SessionStore &m_store;
    const Clock &m_clock;
    QByteArray m_secret;
    QStringList m_hostNames;
    QList<QTcpServer *> m_servers;
    quint16 m_port = 0;
    int m_longPollMs = kDefaultLongPollMs;
    LiveScale *m_scale = nullptr;
    FailureThrottle m_throttle;
    qint64 m_version = 1;
    QList<QPointer<QTcpSocket>> m_waiting; // long polls, answered on the next change
    QHash<const QTcpSocket *, Connection> m_connections;
};
