#include "remote/HttpMessage.h"

namespace {
bool isToken(const QByteArray &text)
{
    if (text.isEmpty())
        return false;
    for (char c : text)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
            return false;
    return true;
}

Http::ParseOutcome bad(int status, const char *why)
{
    return {status, QByteArray(why)};
}
} // namespace

QByteArray HttpRequest::header(const QByteArray &lowerName) const
{
    for (const auto &[name, value] : headers)
        if (name == lowerName)
            return value;
    return {};
}

bool HttpRequest::hasHeader(const QByteArray &lowerName) const
{
    for (const auto &pair : headers)
        if (pair.first == lowerName)
            return true;
    return false;
}

QByteArray HttpRequest::queryValue(const QByteArray &name) const
{
    for (const QByteArray &pair : query.split('&')) {
        const int equals = pair.indexOf('=');
        if (equals > 0 && pair.left(equals) == name)
            return pair.mid(equals + 1);
    }
    return {};
}

Http::ParseOutcome Http::takeRequest(QByteArray &buffer, HttpRequest &request)
{
    const int headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return buffer.size() > kMaxHeaderBytes ? bad(431, "The request's headers are too long.") : ParseOutcome {};
    if (headerEnd > kMaxHeaderBytes)
        return bad(431, "The request's headers are too long.");
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !isToken(requestLine[0]) || !requestLine[1].startsWith('/'))
        return bad(400, "The request line is not 'METHOD /path HTTP/1.1'.");
    if (requestLine[2] != "HTTP/1.1" && requestLine[2] != "HTTP/1.0")
        return bad(505, "Only HTTP/1.0 and 1.1 are spoken here.");
    HttpRequest parsed;
    parsed.method = requestLine[0];
    const QByteArray &target = requestLine[1];
    const int question = target.indexOf('?');
    parsed.path = question < 0 ? target : target.left(question);
    parsed.query = question < 0 ? QByteArray() : target.mid(question + 1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].endsWith('\r') ? lines[i].chopped(1) : lines[i];
        const int colon = line.indexOf(':');
        if (colon <= 0 || line.startsWith(' ') || line.startsWith('\t') || !isToken(line.left(colon)))
            return bad(400, "A header line is malformed.");
        parsed.headers.append({line.left(colon).toLower(), line.mid(colon + 1).trimmed()});
    }
    if (parsed.hasHeader("transfer-encoding"))
        return bad(411, "Send the body with a Content-Length, not in chunks.");
    qsizetype bodyBytes = 0;
    if (parsed.hasHeader("content-length")) {
        bool ok = false;
        const QByteArray lengthText = parsed.header("content-length");
        bodyBytes = lengthText.toLongLong(&ok);
        if (!ok || bodyBytes < 0 || lengthText.startsWith('+') || lengthText.startsWith('-'))
            return bad(400, "The Content-Length is not a number.");
        if (parsed.path == "/api/v1/scale" ? bodyBytes > kMaxScaleBodyBytes : bodyBytes > kMaxBodyBytes)
            return bad(413,
                parsed.path == "/api/v1/scale" ? "The body is larger than 256 KB: send the readings in smaller batches."
                                               : "The body is larger than the 4 KB a tap needs.");
    }
    const qsizetype total = headerEnd + 4 + bodyBytes;
    if (buffer.size() < total)
        return {};
    parsed.body = buffer.mid(headerEnd + 4, bodyBytes);
    parsed.keepAlive = requestLine[2] == "HTTP/1.1" && !parsed.header("connection").toLower().contains("close");
    buffer.remove(0, total);
    request = std::move(parsed);
    return {200, {}};
}

QByteArray Http::reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 421: return "Misdirected Request";
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return "Error";
    }
}

QByteArray Http::response(int status, const QByteArray &contentType, const QByteArray &body,
    const QList<QPair<QByteArray, QByteArray>> &extraHeaders, bool keepAlive)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    if (!contentType.isEmpty())
        out += "Content-Type: " + contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    // Nothing the remote serves may be kept by a cache or shown in another site's frame.
    out += "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nX-Frame-Options: DENY\r\n"
           "Referrer-Policy: no-referrer\r\n";
    out += keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    for (const auto &[name, value] : extraHeaders)
        out += name + ": " + value + "\r\n";
    return out + "\r\n" + body;
}
