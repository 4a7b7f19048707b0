#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QList>
#include <QString>

#include <cmath>
#include <optional>
#include <string>

// Writes, value by value, the bytes QJsonDocument::toJson writes (Indented, or Compact) for
// the same document, without building the document. `stats --json` on ten years built a
// QJsonObject for each of 3,650 days and 522 weeks and then walked them again to write them:
// more than a third of the command (docs/performance.md). The phone remote's state and a
// let-down's change-log entry are written the same way. The output is compared byte for byte
// with Qt's in tests/core/JsonTextTests.cpp.
//
// Qt writes an object's members sorted by key: give them in that order.
class JsonTextWriter {
public:
    enum class Layout { Indented, Compact };
    // `depth`: the nesting of the first value written (1 for a member of a top-level object).
    explicit JsonTextWriter(int depth = 0, qsizetype expectedBytes = 0, Layout layout = Layout::Indented);

    QByteArray text() const; // what was written
    QByteArrayView view() const { return QByteArrayView(out.data(), qsizetype(out.size())); } // the same, not copied

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    void key(QLatin1StringView name); // plain ASCII, nothing to escape
    void value(qint64 number);
    void value(int number) { value(qint64(number)); }
    void value(double number); // Qt's shortest form that reads back the same; null when not finite
    void value(const QString &text);
    void value(bool yes);
    void value(const std::optional<double> &number); // null when empty
    void value(const std::optional<qint64> &number); // null when empty
    void null();
    void value(const QJsonValue &plain); // a boolean, number, text or null
    void rawValue(QByteArrayView json); // a value already written as JSON, as it is
    // key(name), then value(v): one member of an object.
    template <typename Value> void member(QLatin1StringView name, const Value &v)
    {
        key(name);
        value(v);
    }

private:
    void beforeValue();
    void begin(bool isObject);
    void end(char close);
    void indent();
    void separate(); // between two values or members
    void append(const char *bytes, size_t size) { out.append(bytes, size); }
    void appendInteger(qint64 number);

    struct Container {
        bool isObject = false;
        int valuesWritten = 0;
    };
    std::string out; // appends inline: a QByteArray's went through a call each (a third of the writing)
    int baseDepth;
    bool compact;
    QList<Container> open; // innermost last
};

// A figure as `stats --json` prints it: to three decimals, for people and diffs, and enough
// for any figure there (a tenth of a millilitre, a millisecond of a second).
inline double jsonRounded(double value)
{
    return std::round(value * 1000.0) / 1000.0;
}

// A stand-in for a member whose value is written directly: insert it into the QJsonObject that
// Qt writes, then put the value's own text in its place (findTopLevelPlaceholder,
// replaceCompactPlaceholder).
QJsonValue jsonPlaceholder(QLatin1StringView key);
// Where the top-level member `key`'s placeholder stands in Qt's indented `document`: its
// first byte and length (at = -1 when it is not there). The member's own text (written by a
// JsonTextWriter at depth 1) goes there; writeStatsJson writes the document in pieces.
struct PlaceholderSpan {
    qsizetype at = -1;
    qsizetype length = 0;
};
PlaceholderSpan findTopLevelPlaceholder(const QByteArray &document, QLatin1StringView key);
// Qt's compact text of `members` with one member more, `key`, whose value is `valueText`
// (already JSON, written by a JsonTextWriter): the phone's answer with its state. `members`
// holds booleans, numbers, texts and nulls only (what an answer says).
QByteArray compactObjectWith(const QJsonObject &members, QLatin1StringView key, QByteArrayView valueText);
