#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

// The small, strict part of HTTP/1.1 the phone remote needs: requests one after the other
// on a connection, a Content-Length body of a few kilobytes at most, no chunked bodies, no
// continuations.
// Anything else is answered with an error status rather than guessed at.
struct HttpRequest {
    QByteArray method;
    QByteArray path; // without the query
    QByteArray query; // after '?', undecoded
    QList<QPair<QByteArray, QByteArray>> headers; // names in lower case, values trimmed
    QByteArray body;
    // HTTP/1.1 without "Connection: close": the connection stays open for the next request.
    bool keepAlive = false;

    // The first header of that (lower-case) name; empty when absent.
    QByteArray header(const QByteArray &lowerName) const;
    bool hasHeader(const QByteArray &lowerName) const;
    // The value of `name=` in the query, or empty.
    QByteArray queryValue(const QByteArray &name) const;
};

namespace Http {
constexpr int kMaxHeaderBytes = 8 * 1024;
constexpr int kMaxBodyBytes = 4 * 1024;
// A scale's readings (POST /api/v1/scale) come in batches: up to about an hour of them.
constexpr int kMaxScaleBodyBytes = 256 * 1024;

struct ParseOutcome {
    int status = 0; // 0: more bytes needed; 200: a request is complete; else the error status
    QByteArray error; // for an error status: what was wrong, in a sentence
};
// Takes one complete request off the front of `buffer`.
ParseOutcome takeRequest(QByteArray &buffer, HttpRequest &request);

QByteArray reasonPhrase(int status);
// A whole response; with keepAlive false the connection closes after it.
QByteArray response(int status, const QByteArray &contentType, const QByteArray &body,
    const QList<QPair<QByteArray, QByteArray>> &extraHeaders = {}, bool keepAlive = false);
} // namespace Http
