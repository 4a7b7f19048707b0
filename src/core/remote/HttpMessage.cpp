#include "remote/HttpMessage.h"

namespace {
bool isToken(QByteArrayView text)
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
    // Read in place, line by line (lists of copied lines were a tenth of a remote tap's work).
    const QByteArrayView head(buffer.constData(), headerEnd);
    qsizetype lineEnd = head.indexOf('\n');
    if (lineEnd < 0)
        lineEnd = head.size();
    // "METHOD /path HTTP/1.1": three parts, one space between each.
    const QByteArrayView requestLine = head.first(lineEnd).trimmed();
    const qsizetype firstSpace = requestLine.indexOf(' ');
    const qsizetype secondSpace = firstSpace < 0 ? -1 : requestLine.indexOf(' ', firstSpace + 1);
    if (secondSpace < 0 || requestLine.indexOf(' ', secondSpace + 1) >= 0)
        return bad(400, "The request line is not 'METHOD /path HTTP/1.1'.");
    const QByteArrayView method = requestLine.first(firstSpace);
    const QByteArrayView target = requestLine.sliced(firstSpace + 1, secondSpace - firstSpace - 1);
    const QByteArrayView version = requestLine.sliced(secondSpace + 1);
    if (!isToken(method) || !target.startsWith('/'))
        return bad(400, "The request line is not 'METHOD /path HTTP/1.1'.");
    if (version != "HTTP/1.1" && version != "HTTP/1.0")
        return bad(505, "Only HTTP/1.0 and 1.1 are spoken here.");
    HttpRequest parsed;
    parsed.method = method.toByteArray();
    const qsizetype question = target.indexOf('?');
    parsed.path = (question < 0 ? target : target.first(question)).toByteArray();
    parsed.query = question < 0 ? QByteArray() : target.sliced(question + 1).toByteArray();
    for (qsizetype from = lineEnd + 1; from <= head.size();) {
        qsizetype end = head.indexOf('\n', from);
        if (end < 0)
            end = head.size();
        QByteArrayView line = head.sliced(from, end - from);
        from = end + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || line.startsWith(' ') || line.startsWith('\t') || !isToken(line.first(colon)))
            return bad(400, "A header line is malformed.");
        parsed.headers.append(
            {line.first(colon).toByteArray().toLower(), line.sliced(colon + 1).trimmed().toByteArray()});
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
    parsed.keepAlive = version == "HTTP/1.1" && !parsed.header("connection").toLower().contains("close");
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
    QByteArray out;
    out.reserve(256 + body.size());
    out.append("HTTP/1.1 ").append(QByteArray::number(status)).append(' ').append(reasonPhrase(status)).append("\r\n");
    if (!contentType.isEmpty())
        out.append("Content-Type: ").append(contentType).append("\r\n");
    out.append("Content-Length: ").append(QByteArray::number(body.size())).append("\r\n");
    // Nothing the remote serves may be kept by a cache or shown in another site's frame.
    out.append("Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nX-Frame-Options: DENY\r\n"
               "Referrer-Policy: no-referrer\r\n");
    out.append(keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n");
    for (const auto &[name, value] : extraHeaders)
        out.append(name).append(": ").append(value).append("\r\n");
    return out.append("\r\n").append(body);
}
