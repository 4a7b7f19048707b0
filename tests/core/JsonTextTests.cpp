#include "base/JsonText.h"

#include "demo/DemoData.h"
#include "stats/DayFigures.h"
#include "stats/StatsJson.h"

#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <cmath>
#include <limits>

namespace {
// Qt's indented text of `value` as the member "v" of a top-level object, and ours the same way.
QByteArray qtText(const QJsonValue &value)
{
    return QJsonDocument(QJsonObject {{QStringLiteral("v"), value}}).toJson(QJsonDocument::Indented);
}

QByteArray ourText(const std::function<void(JsonTextWriter &)> &write)
{
    JsonTextWriter json(1);
    write(json);
    return "{\n    \"v\": " + json.text() + "\n}\n";
}
} // namespace

TEST_CASE("Direct JSON: numbers are written as Qt writes them")
{
    QList<double> numbers {0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 2.5, 30, 246, 321.6, 598.56, 1e-3, 1e-4, 1e-5, 1e-7,
        123456.789, 1e15, 9007199254740991.0, 9007199254740992.0, 9007199254740994.0, -9007199254740992.0,
        -9007199254740994.0, 1e16, 1e21, 1.5e300, -7.25, std::numeric_limits<double>::min(),
        std::numeric_limits<double>::max(), std::numeric_limits<double>::infinity(),
        -std::numeric_limits<double>::infinity(), std::numeric_limits<double>::quiet_NaN()};
    QRandomGenerator random(27);
    for (int i = 0; i < 2000; ++i) // as the figures are rounded: to 3 decimals, up to ten million
        numbers << std::round((random.generateDouble() - 0.2) * 1e7 * std::pow(10.0, -random.bounded(8))) / 1000.0;
    for (double number : numbers) {
        INFO(QByteArray::number(number, 'g', 17).constData());
        CHECK(ourText([&](JsonTextWriter &json) { json.value(number); }) == qtText(number));
    }
    for (qint64 whole : {qint64(0), qint64(-1), qint64(18600), std::numeric_limits<qint64>::max(),
             std::numeric_limits<qint64>::min() + 1}) {
        INFO(whole);
        CHECK(ourText([&](JsonTextWriter &json) { json.value(whole); }) == qtText(whole));
    }
    CHECK(ourText([](JsonTextWriter &json) { json.value(std::optional<double>()); })
        == qtText(QJsonValue(QJsonValue::Null)));
}

TEST_CASE("Direct JSON: texts are escaped as Qt escapes them")
{
    for (const QString &text : {QString(), QStringLiteral("2026-W47"), QStringLiteral("a \"quoted\" \\ back"),
             QStringLiteral("tab\there\nnew line\r\b\f"), QString(QChar(1)) + QChar(0x1f) + QChar(0x7f),
             QStringLiteral("Stillhütchen ✓ 🍼"), QStringLiteral("</script>")}) {
        INFO(text.toStdString());
        CHECK(ourText([&](JsonTextWriter &json) { json.value(text); }) == qtText(text));
    }
    // Plain texts before and after ones that need escaping, in one array: each starts where
    // the one before it ended.
    const QStringList texts = {QStringLiteral("plain"), QStringLiteral("plain, then \"quoted\""), QString(),
        QStringLiteral("Stillhütchen"), QStringLiteral("end")};
    CHECK(ourText([&](JsonTextWriter &json) {
        json.beginArray();
        for (const QString &text : texts)
            json.value(text);
        json.endArray();
    }) == qtText(QJsonArray::fromStringList(texts)));
}

namespace {
// Nested and empty containers of every kind, and a value of each type: what writeSample writes.
const QJsonValue kSample = QJsonArray {
    QJsonObject {{"a", 1}, {"b", QJsonArray {}}, {"c", QJsonObject {}},
        {"d", QJsonArray {1.5, QJsonValue(), true, false, "x"}}},
    QJsonArray {},
    QJsonObject {},
    QJsonArray {QJsonArray {QJsonObject {{"x", "y"}, {"z", -3}}}},
    7,
};

void writeSample(JsonTextWriter &json)
{
    json.beginArray();
    json.beginObject();
    json.member(QLatin1StringView("a"), 1);
    json.key(QLatin1StringView("b"));
    json.beginArray();
    json.endArray();
    json.key(QLatin1StringView("c"));
    json.beginObject();
    json.endObject();
    json.key(QLatin1StringView("d"));
    json.beginArray();
    json.value(1.5);
    json.null();
    json.value(true);
    json.value(false);
    json.value(QStringLiteral("x"));
    json.endArray();
    json.endObject();
    json.beginArray();
    json.endArray();
    json.beginObject();
    json.endObject();
    json.beginArray();
    json.beginArray();
    json.beginObject();
    json.member(QLatin1StringView("x"), QStringLiteral("y"));
    json.member(QLatin1StringView("z"), -3);
    json.endObject();
    json.endArray();
    json.endArray();
    json.value(7);
    json.endArray();
}
} // namespace

TEST_CASE("Direct JSON: nested and empty containers are laid out as Qt lays them out, indented and compact")
{
    CHECK(ourText(writeSample) == qtText(kSample));
    JsonTextWriter compact(0, 0, JsonTextWriter::Layout::Compact);
    writeSample(compact);
    CHECK(compact.text() == QJsonDocument(kSample.toArray()).toJson(QJsonDocument::Compact));
}

TEST_CASE("Direct JSON: a compact answer with its state is Qt's text of the whole")
{
    const QByteArray state = R"({"last_feed":null,"server_time":"2026-11-29T03:12:05.250+01:00","state":"idle"})";
    const QJsonObject stateObject = QJsonDocument::fromJson(state).object();
    REQUIRE_FALSE(stateObject.isEmpty());
    // The answers the phone gets: a tap's (with and without a message), a scale's counts, a
    // refusal, and members before and after "status" in key order.
    const QList<QJsonObject> answers = {
        {{"ok", true}, {"result", "recorded"}},
        {{"ok", false}, {"result", "refused"}, {"message", QStringLiteral("Start a session \"first\" — ✓\n")}},
        {{"ok", true}, {"result", "recorded"}, {"taken", 118}, {"skipped", 2}},
        {{"a", QJsonValue::Null}, {"z", 0.125}, {"zz", -3}},
        {},
    };
    for (const QJsonObject &answer : answers) {
        QJsonObject whole = answer;
        whole.insert("status", stateObject);
        const QByteArray ours = compactObjectWith(answer, QLatin1StringView("status"), state);
        CHECK(ours.toStdString() == QJsonDocument(whole).toJson(QJsonDocument::Compact).toStdString());
    }
}

TEST_CASE("Direct JSON: stats' weeks and days spliced into Qt's text equal Qt's text of the whole")
{
    DemoDataOptions options;
    options.firstDay = QDate(2026, 1, 5);
    options.weeks = 10;
    options.sessionsPerDay = 9;
    options.utcOffsetS = [](qint64) { return 3600; };
    const QList<Session> sessions = generateDemoSessions(options);
    REQUIRE(sessions.size() > 500);
    const ReferenceModel model;
    for (const StatsRange &range : {StatsRange {}, StatsRange {QDate(2026, 2, 1), QDate(2026, 2, 20)},
             StatsRange {QDate(2030, 1, 1), QDate(2030, 1, 31)}}) { // the last: no session, empty days
        const TrendStats stats = computeTrendStats(sessions, model, KindFilter::Both, range);
        const QList<DayFigures> days = dayFigures(sessions, model, range);
        QJsonObject rest = trendStatsToJson(stats, model, WeeksAs::Placeholder);
        rest.insert(QStringLiteral("spontaneous_letdowns"), 3);
        const QByteArray ours = statsJsonText(rest, stats, days);

        QJsonObject whole = trendStatsToJson(stats, model); // its weeks read back from our text
        whole.insert(QStringLiteral("spontaneous_letdowns"), 3);
        whole.insert(QStringLiteral("days"), dayFiguresToJson(days));
        CHECK(whole.value("weeks").toArray().size() == stats.weeks.size());
        CHECK(whole.value("days").toArray().size() == days.size());
        CHECK(ours == QJsonDocument(whole).toJson(QJsonDocument::Indented));
    }
}

TEST_CASE("Direct JSON: a placeholder that is not at the top level is not found")
{
    const QByteArray nested
        = QJsonDocument(QJsonObject {{"a", QJsonObject {{"days", jsonPlaceholder(QLatin1StringView("days"))}}}})
              .toJson(QJsonDocument::Indented);
    CHECK(findTopLevelPlaceholder(nested, QLatin1StringView("days")).at == -1);
    QByteArray top = QJsonDocument(QJsonObject {{"days", jsonPlaceholder(QLatin1StringView("days"))}})
                         .toJson(QJsonDocument::Indented);
    const PlaceholderSpan span = findTopLevelPlaceholder(top, QLatin1StringView("days"));
    REQUIRE(span.at >= 0);
    top.replace(span.at, span.length, "[]");
    CHECK(top == "{\n    \"days\": []\n}\n");
}
