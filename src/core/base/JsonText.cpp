#include "base/JsonText.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <charconv>
#include <cmath>

IndentedJsonWriter::IndentedJsonWriter(int depth, qsizetype expectedBytes)
    : baseDepth(depth)
{
    out.reserve(size_t(expectedBytes));
}

QByteArray IndentedJsonWriter::text() const
{
    return QByteArray(out.data(), qsizetype(out.size()));
}

namespace {
bool isPlainAscii(const QString &text) // nothing Qt would escape or encode
{
    for (const QChar c : text)
        if (c.unicode() < 0x20 || c.unicode() >= 0x7f || c == u'"' || c == u'\\')
            return false;
    return true;
}
} // namespace

void IndentedJsonWriter::indent()
{
    out.append(size_t(4 * (baseDepth + open.size())), ' ');
}

// In an array each value starts its own line; in an object key() has started it.
void IndentedJsonWriter::beforeValue()
{
    if (open.isEmpty() || open.last().isObject)
        return;
    if (open.last().valuesWritten++ > 0)
        append(",\n", 2);
    indent();
}

void IndentedJsonWriter::key(QLatin1StringView name)
{
    Q_ASSERT(!open.isEmpty() && open.last().isObject);
    if (open.last().valuesWritten++ > 0)
        append(",\n", 2);
    indent();
    out.push_back('"');
    append(name.data(), size_t(name.size()));
    append("\": ", 3);
}

void IndentedJsonWriter::beginObject()
{
    beforeValue();
    append("{\n", 2);
    open << Container {true, 0};
}

void IndentedJsonWriter::endObject()
{
    if (open.takeLast().valuesWritten > 0)
        out.push_back('\n');
    indent();
    out.push_back('}');
}

void IndentedJsonWriter::beginArray()
{
    beforeValue();
    append("[\n", 2);
    open << Container {false, 0};
}

void IndentedJsonWriter::endArray()
{
    if (open.takeLast().valuesWritten > 0)
        out.push_back('\n');
    indent();
    out.push_back(']');
}

void IndentedJsonWriter::value(qint64 number)
{
    beforeValue();
    appendInteger(number);
}

void IndentedJsonWriter::appendInteger(qint64 number)
{
    char digits[24];
    const auto written = std::to_chars(digits, digits + sizeof digits, number);
    append(digits, size_t(written.ptr - digits));
}

void IndentedJsonWriter::value(double number)
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

void IndentedJsonWriter::value(const std::optional<double> &number)
{
    if (number)
        value(*number);
    else
        null();
}

void IndentedJsonWriter::value(const QString &text)
{
    beforeValue();
    if (isPlainAscii(text)) { // dates and week labels
        out.push_back('"');
        for (const QChar c : text)
            out.push_back(char(c.unicode()));
        out.push_back('"');
        return;
    }
    // Anything else with Qt's own escaping, from its compact form of a one-element array: ["..."].
    const QByteArray quoted = QJsonDocument(QJsonArray {text}).toJson(QJsonDocument::Compact);
    append(quoted.constData() + 1, size_t(quoted.size() - 2));
}

void IndentedJsonWriter::null()
{
    beforeValue();
    append("null", 4);
}

QJsonValue jsonPlaceholder(QLatin1StringView key)
{
    return QStringLiteral("@letdown-written-directly:%1@").arg(key);
}

bool replaceTopLevelPlaceholder(QByteArray &document, QLatin1StringView key, const QByteArray &text)
{
    const QByteArray quotedPlaceholder = '"' + jsonPlaceholder(key).toString().toLatin1() + '"';
    const QByteArray line = "\n    \"" + QByteArray(key.data(), key.size()) + "\": " + quotedPlaceholder;
    const qsizetype at = document.indexOf(line);
    if (at < 0)
        return false;
    document.replace(at + line.size() - quotedPlaceholder.size(), quotedPlaceholder.size(), text);
    return true;
}
