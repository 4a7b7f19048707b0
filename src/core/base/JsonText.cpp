#include "base/JsonText.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <charconv>
#include <cmath>

JsonTextWriter::JsonTextWriter(int depth, qsizetype expectedBytes, Layout layout)
    : baseDepth(depth)
    , compact(layout == Layout::Compact)
{
    out.reserve(size_t(expectedBytes));
}

QByteArray JsonTextWriter::text() const
{
    return QByteArray(out.data(), qsizetype(out.size()));
}

void JsonTextWriter::indent()
{
    if (!compact)
        out.append(size_t(4 * (baseDepth + open.size())), ' ');
}

void JsonTextWriter::separate()
{
    if (compact)
        out.push_back(',');
    else
        append(",\n", 2);
}

// In an array each value starts its own line; in an object key() has started it.
void JsonTextWriter::beforeValue()
{
    if (open.isEmpty() || open.last().isObject)
        return;
    if (open.last().valuesWritten++ > 0)
        separate();
    indent();
}

void JsonTextWriter::key(QLatin1StringView name)
{
    Q_ASSERT(!open.isEmpty() && open.last().isObject);
    if (open.last().valuesWritten++ > 0)
        separate();
    indent();
    out.push_back('"');
    append(name.data(), size_t(name.size()));
    if (compact)
        append("\":", 2);
    else
        append("\": ", 3);
}

void JsonTextWriter::begin(bool isObject)
{
    beforeValue();
    if (compact)
        out.push_back(isObject ? '{' : '[');
    else
        append(isObject ? "{\n" : "[\n", 2);
    open << Container {isObject, 0};
}

void JsonTextWriter::end(char close)
{
    if (open.takeLast().valuesWritten > 0 && !compact)
        out.push_back('\n');
    indent();
    out.push_back(close);
}

void JsonTextWriter::beginObject()
{
    begin(true);
}

void JsonTextWriter::endObject()
{
    end('}');
}

void JsonTextWriter::beginArray()
{
    begin(false);
}

void JsonTextWriter::endArray()
{
    end(']');
}

void JsonTextWriter::value(qint64 number)
{
    beforeValue();
    appendInteger(number);
}

void JsonTextWriter::appendInteger(qint64 number)
{
    char digits[24];
    const auto written = std::to_chars(digits, digits + sizeof digits, number);
    append(digits, size_t(written.ptr - digits));
}

void JsonTextWriter::value(double number)
{
    beforeValue();
    // Qt keeps a whole number that a double holds exactly (up to 2^53) as an integer.
    constexpr double kExactWholeLimit = 9007199254740992.0; // 2^53
    if (std::trunc(number) == number && std::abs(number) <= kExactWholeLimit) {
        appendInteger(qint64(number));
    } else if (std::isfinite(number)) {
        const QByteArray digits = QByteArray::number(number, 'g', QLocale::FloatingPointShortest);
        append(digits.constData(), size_t(digits.size()));
    } else
        append("null", 4); // as Qt writes it (RFC 8259 has no infinity)
}

void JsonTextWriter::value(const std::optional<double> &number)
{
    if (number)
        value(*number);
    else
        null();
}

void JsonTextWriter::value(const std::optional<qint64> &number)
{
    if (number)
        value(*number);
    else
        null();
}

void JsonTextWriter::value(const QString &text)
{
    beforeValue();
    // Plain ASCII (dates, keys, week labels) is copied in one pass into room made once.
    const size_t start = out.size();
    out.resize(start + size_t(text.size()) + 2);
    char *at = out.data() + start;
    *at++ = '"';
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u >= 0x7f || u == u'"' || u == u'\\') { // something Qt escapes or encodes
            out.resize(start);
            // With Qt's own escaping, from its compact form of a one-element array: ["..."].
            const QByteArray quoted = QJsonDocument(QJsonArray {text}).toJson(QJsonDocument::Compact);
            append(quoted.constData() + 1, size_t(quoted.size() - 2));
            return;
        }
        *at++ = char(u);
    }
    *at = '"';
}

void JsonTextWriter::value(bool yes)
{
    beforeValue();
    if (yes)
        append("true", 4);
    else
        append("false", 5);
}

void JsonTextWriter::null()
{
    beforeValue();
    append("null", 4);
}

void JsonTextWriter::value(const QJsonValue &plain)
{
    switch (plain.type()) {
    case QJsonValue::Bool: return value(plain.toBool());
    case QJsonValue::Double: return value(plain.toDouble());
    case QJsonValue::String: return value(plain.toString());
    default: Q_ASSERT(plain.isNull()); return null(); // no containers here (nor "undefined")
    }
}

void JsonTextWriter::rawValue(QByteArrayView json)
{
    beforeValue();
    append(json.data(), size_t(json.size()));
}

QJsonValue jsonPlaceholder(QLatin1StringView key)
{
    return QStringLiteral("@letdown-written-directly:%1@").arg(key);
}

namespace {
// Where `key`'s quoted placeholder stands, following `before` + the quoted key + `separator`.
PlaceholderSpan findPlaceholder(
    const QByteArray &document, const char *before, QLatin1StringView key, const char *separator)
{
    const QByteArray quotedPlaceholder = '"' + jsonPlaceholder(key).toString().toLatin1() + '"';
    const QByteArray member
        = before + ('"' + QByteArray(key.data(), key.size())) + '"' + separator + quotedPlaceholder;
    const qsizetype at = document.indexOf(member);
    if (at < 0)
        return {};
    return {at + member.size() - quotedPlaceholder.size(), quotedPlaceholder.size()};
}
} // namespace

PlaceholderSpan findTopLevelPlaceholder(const QByteArray &document, QLatin1StringView key)
{
    return findPlaceholder(document, "\n    ", key, ": "); // a member of the top level begins a line
}

QByteArray compactObjectWith(const QJsonObject &members, QLatin1StringView key, QByteArrayView valueText)
{
    // Built and written by Qt, the answer cost a phone's tap a tenth of its work.
    JsonTextWriter json(0, 96 + valueText.size(), JsonTextWriter::Layout::Compact);
    json.beginObject();
    bool written = false;
    const auto writeIt = [&] {
        json.key(key);
        json.rawValue(valueText);
        written = true;
    };
    for (auto it = members.constBegin(); it != members.constEnd(); ++it) { // sorted by key, as Qt writes them
        const QByteArray name = it.key().toLatin1();
        if (!written && QLatin1StringView(name) > key)
            writeIt();
        json.key(QLatin1StringView(name));
        json.value(it.value());
    }
    if (!written)
        writeIt();
    json.endObject();
    return json.text();
}
