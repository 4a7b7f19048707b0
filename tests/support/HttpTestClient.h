#pragma once

// One HTTP request over loopback, for the phone remote's tests. The wait runs the event
// loop (bounded in time), so a server in this same thread answers it.
#include <QByteArray>
#include <QByteArrayList>
#include <QDateTime>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>

#include <optional>

struct HttpReply {
    int status = 0; // 0: no answer within the time
    QByteArray head;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// Whether `received` holds one whole response (its head and Content-Length bytes of body).
inline bool wholeResponse(const QByteArray &received)
{
    const int headEnd = received.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return false;
    const QByteArray head = received.left(headEnd).toLower();
    const int at = head.indexOf("content-length:");
    const qsizetype length = at < 0 ? 0 : head.mid(at + 15, head.indexOf("\r\n", at) - at - 15).trimmed().toLongLong();
    return received.size() - headEnd - 4 >= length;
}

inline HttpReply sendHttp(quint16 port, const QByteArray &raw, int timeoutMs = 5000)
{
    QTcpSocket socket;
    QByteArray received;
    QObject::connect(&socket, &QTcpSocket::readyRead, [&] { received += socket.readAll(); });
    socket.connectToHost(QHostAddress::LocalHost, port);
    socket.write(raw);
    // No answer in time leaves status 0, which the caller checks. The server may keep the
    // connection open after the answer (keep-alive): one whole response is enough.
    (void)QTest::qWaitFor(
        [&] { return wholeResponse(received) || socket.state() == QAbstractSocket::UnconnectedState; }, timeoutMs);
    received += socket.readAll();
    HttpReply reply;
    const int headEnd = received.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return reply;
    reply.head = received.left(headEnd);
    reply.body = received.mid(headEnd + 4);
    reply.status = reply.head.mid(9, 3).toInt();
    return reply;
}

inline QByteArray bearer(const QByteArray &key)
{
    return key.isEmpty() ? QByteArray() : "Authorization: Bearer " + key + "\r\n";
}

inline QByteArray httpGet(quint16 port, const QByteArray &path, const QByteArray &key, const QByteArray &host = {})
{
    return "GET " + path + " HTTP/1.1\r\nHost: " + (host.isEmpty() ? "127.0.0.1:" + QByteArray::number(port) : host)
        + "\r\n" + bearer(key) + "\r\n";
}

inline QByteArray httpPostTap(quint16 port, const QByteArray &body, const QByteArray &key,
    const QByteArray &extraHeaders = {}, const QByteArray &path = "/api/v1/session")
{
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
        + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n"
        + bearer(key) + extraHeaders + "\r\n" + body;
}

// A tap as the page sends it: its id, the action, and when it was tapped (by the server's
// clock, as the page corrects it), each left out when empty.
inline QByteArray tapJson(const QByteArray &id, const QByteArray &action, std::optional<qint64> tappedAtUtcMs = {},
    const QByteArray &extra = {})
{
    QByteArrayList fields;
    if (!id.isEmpty())
        fields << "\"tap_id\":\"" + id + "\"";
    if (!action.isEmpty())
        fields << "\"action\":\"" + action + "\"";
    if (tappedAtUtcMs)
        fields << "\"tapped_at\":\""
                + QDateTime::fromMSecsSinceEpoch(*tappedAtUtcMs, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1() + "\"";
    return "{" + fields.join(',') + extra + "}";
}
