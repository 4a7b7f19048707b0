#include "domain/SessionJson.h"

#include "base/JsonText.h"

#include <algorithm>

#include "domain/Technique.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace {
QJsonValue optionalNumber(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}
} // namespace

QJsonObject letdownToJson(const Letdown &letdown)
{
    return {{QStringLiteral("at_utc_ms"), letdown.atUtcMs}, {QStringLiteral("utc_offset_s"), letdown.utcOffsetS},
        {QStringLiteral("offset_ms"), letdown.offsetMs}, {QStringLiteral("side"), toKey(letdown.side)},
        {QStringLiteral("measured_volume_ml"), optionalNumber(letdown.measuredVolumeMl)}};
}

QJsonObject sessionToJson(const Session &s, bool withLetdowns)
{
    QJsonObject out {{QStringLiteral("uuid"), s.uuid}, {QStringLiteral("kind"), toKey(s.kind)},
        {QStringLiteral("state"), toKey(s.state)}, {QStringLiteral("started_at_utc_ms"), s.startedAtUtcMs},
        {QStringLiteral("started_utc_offset_s"), s.startedUtcOffsetS},
        {QStringLiteral("ended_at_utc_ms"), s.endedAtUtcMs ? QJsonValue(*s.endedAtUtcMs) : QJsonValue()},
        {QStringLiteral("ended_utc_offset_s"), s.endedUtcOffsetS}, {QStringLiteral("active_ms"), s.activeMs},
        {QStringLiteral("paused_ms"), s.pausedMs}, {QStringLiteral("last_event_at_utc_ms"), s.lastEventAtUtcMs},
        {QStringLiteral("side"), toKey(s.side)}, {QStringLiteral("left_ms"), s.sideMs.leftMs},
        {QStringLiteral("right_ms"), s.sideMs.rightMs}, {QStringLiteral("both_ms"), s.sideMs.bothMs},
        {QStringLiteral("techniques"), QJsonArray::fromStringList(s.techniques)}, {QStringLiteral("note"), s.note},
        {QStringLiteral("pumped_volume_ml"), optionalNumber(s.pumpedVolumeMl)},
        {QStringLiteral("left_volume_ml"), optionalNumber(s.leftVolumeMl)},
        {QStringLiteral("right_volume_ml"), optionalNumber(s.rightVolumeMl)},
        {QStringLiteral("pre_feed_weight_g"), optionalNumber(s.preFeedWeightG)},
        {QStringLiteral("post_feed_weight_g"), optionalNumber(s.postFeedWeightG)},
        {QStringLiteral("topup_ml"), optionalNumber(s.topupMl)},
        {QStringLiteral("topup_kind"), s.topupKind ? QJsonValue(toKey(*s.topupKind)) : QJsonValue()},
        {QStringLiteral("clock_jump_detected"), s.clockJumpDetected}, {QStringLiteral("source"), s.source},
        {QStringLiteral("letdowns_logged"), s.letdownsLogged}};
    if (withLetdowns) {
        QJsonArray letdowns;
        for (const Letdown &e : s.letdowns)
            letdowns.append(letdownToJson(e));
        out.insert(QStringLiteral("letdowns"), letdowns);
    }
    return out;
}

QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray letdownEntryJson(const Letdown &letdown)
{
    JsonTextWriter json(0, 160, JsonTextWriter::Layout::Compact);
    json.beginObject();
    json.key(QLatin1StringView("letdown"));
    json.beginObject(); // letdownToJson's members, in the order Qt writes them
    json.member(QLatin1StringView("at_utc_ms"), letdown.atUtcMs);
    json.member(QLatin1StringView("measured_volume_ml"), letdown.measuredVolumeMl);
    json.member(QLatin1StringView("offset_ms"), letdown.offsetMs);
    json.member(QLatin1StringView("side"), toKey(letdown.side));
    json.member(QLatin1StringView("utc_offset_s"), letdown.utcOffsetS);
    json.endObject();
    json.endObject();
    return json.text();
}

QByteArray importEntryJson(const QList<Session> &sessions, const QList<SpontaneousLetdown> &withoutFeed)
{
    QJsonArray felt;
    for (const SpontaneousLetdown &letdown : withoutFeed)
        felt.append(QJsonObject {
            {QStringLiteral("at_utc_ms"), letdown.atUtcMs}, {QStringLiteral("utc_offset_s"), letdown.utcOffsetS}});
    const auto needsNoEscape = [](const Session &session) {
        return std::all_of(session.uuid.cbegin(), session.uuid.cend(), [](QChar c) {
            return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'-';
        });
    };
    if (!std::all_of(sessions.cbegin(), sessions.cend(), needsNoEscape)) {
        QJsonArray uuids;
        for (const Session &session : sessions)
            uuids.append(session.uuid);
        return compactJson({{QStringLiteral("imported_sessions"), uuids}, {QStringLiteral("spontaneous_letdowns"), felt}});
    }
    // Ids (always, in practice) written directly: a QJsonArray of ten years' 44,000 ids, and
    // its text, were 5 % of an import's work.
    QByteArray json;
    json.reserve(sessions.size() * 39 + 64);
    json += "{\"imported_sessions\":[";
    for (qsizetype i = 0; i < sessions.size(); ++i) {
        if (i > 0)
            json += ',';
        json += '"';
        json += sessions[i].uuid.toLatin1();
        json += '"';
    }
    json += "],\"spontaneous_letdowns\":";
    json += QJsonDocument(felt).toJson(QJsonDocument::Compact); // rarely more than a few
    json += '}';
    return json;
}

namespace {
// Reads one JSON object field by field; the first problem is kept and named.
class JsonReader
{
public:
    explicit JsonReader(const QJsonObject &object)
        : m_object(object)
    { }
    QString error;

    qint64 integer(const char *key, qint64 min, qint64 max)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        const double number = value.toDouble(std::nan(""));
        if (!value.isDouble() || number != std::floor(number) || number < double(min) || number > double(max)) {
            fail(key, "a whole number in range");
            return min;
        }
        return qint64(number);
    }
    std::optional<double> optionalVolume(const char *key)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isNull() || value.isUndefined())
            return std::nullopt;
        if (!value.isDouble() || !std::isfinite(value.toDouble()) || value.toDouble() < 0 || value.toDouble() > 10000) {
            fail(key, "a number from 0 to 10000, or null");
            return std::nullopt;
        }
        return value.toDouble();
    }
    QString text(const char *key, int maxLength)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (!value.isString() || value.toString().size() > maxLength) {
            fail(key, "a text");
            return {};
        }
        return value.toString();
    }
    bool boolean(const char *key)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (!value.isBool())
            fail(key, "true or false");
        return value.toBool();
    }
    template<typename Parse>
    auto keyed(const char *key, Parse parse) -> std::decay_t<decltype(*parse(QString()))>
    {
        const auto parsed = parse(text(key, 40));
        if (!parsed) {
            fail(key, "a known key");
            return {};
        }
        return *parsed;
    }
    void fail(const char *key, const char *expected)
    {
        if (error.isEmpty())
            error = QStringLiteral("\"%1\" must be %2").arg(QLatin1String(key), QLatin1String(expected));
    }

private:
    const QJsonObject &m_object;
};

constexpr qint64 kLatestMs = 253402300799000LL; // 9999-12-31: a range check, not a plausibility one
constexpr qint64 kLongestMs = 366LL * 24 * 3600 * 1000;
constexpr qint64 kWidestOffsetS = 18 * 3600;
} // namespace

bool sessionFromJson(const QJsonObject &object, Session &s, QString &error)
{
    JsonReader in(object);
    s = Session();
    s.uuid = in.text("uuid", 64);
    s.kind = in.keyed("kind", [](const QString &k) { return sessionKindFromKey(k); });
    s.state = in.keyed("state", [](const QString &k) { return sessionStateFromKey(k); });
    s.startedAtUtcMs = in.integer("started_at_utc_ms", 0, kLatestMs);
    s.startedUtcOffsetS = int(in.integer("started_utc_offset_s", -kWidestOffsetS, kWidestOffsetS));
    if (!object.value(QLatin1String("ended_at_utc_ms")).isNull())
        s.endedAtUtcMs = in.integer("ended_at_utc_ms", 0, kLatestMs);
    s.endedUtcOffsetS = int(in.integer("ended_utc_offset_s", -kWidestOffsetS, kWidestOffsetS));
    s.activeMs = in.integer("active_ms", 0, kLongestMs);
    s.pausedMs = in.integer("paused_ms", 0, kLongestMs);
    s.lastEventAtUtcMs = in.integer("last_event_at_utc_ms", 0, kLatestMs);
    s.side = in.keyed("side", [](const QString &k) { return sideFromKey(k); });
    s.sideMs.leftMs = in.integer("left_ms", 0, kLongestMs);
    s.sideMs.rightMs = in.integer("right_ms", 0, kLongestMs);
    s.sideMs.bothMs = in.integer("both_ms", 0, kLongestMs);
    const QJsonArray techniques = object.value(QLatin1String("techniques")).toArray();
    if (techniques.size() > 20)
        in.fail("techniques", "at most 20 keys");
    for (const QJsonValue &technique : techniques) {
        if (!technique.isString() || !isKnownTechniqueKey(technique.toString()))
            in.fail("techniques", "a list of known technique keys");
        else
            s.techniques << technique.toString();
    }
    s.techniques.sort();
    s.techniques.removeDuplicates();
    s.note = in.text("note", kMaxNoteLength);
    s.pumpedVolumeMl = in.optionalVolume("pumped_volume_ml");
    s.leftVolumeMl = in.optionalVolume("left_volume_ml");
    s.rightVolumeMl = in.optionalVolume("right_volume_ml");
    s.preFeedWeightG = in.optionalVolume("pre_feed_weight_g");
    s.postFeedWeightG = in.optionalVolume("post_feed_weight_g");
    s.topupMl = in.optionalVolume("topup_ml");
    if (!object.value(QLatin1String("topup_kind")).isNull())
        s.topupKind = in.keyed("topup_kind", [](const QString &k) { return topupKindFromKey(k); });
    s.clockJumpDetected = in.boolean("clock_jump_detected");
    s.source = in.text("source", 40);
    s.letdownsLogged = in.boolean("letdowns_logged");
    const QJsonArray letdowns = object.value(QLatin1String("letdowns")).toArray();
    if (letdowns.size() > kMaxLetdownsPerSession)
        in.fail("letdowns", "at most 100 let-downs");
    for (const QJsonValue &value : letdowns) {
        const QJsonObject letdownObject = value.toObject();
        JsonReader letdownIn(letdownObject);
        Letdown letdown;
        letdown.atUtcMs = letdownIn.integer("at_utc_ms", 0, kLatestMs);
        letdown.utcOffsetS = int(letdownIn.integer("utc_offset_s", -kWidestOffsetS, kWidestOffsetS));
        letdown.offsetMs = letdownIn.integer("offset_ms", 0, kLongestMs);
        letdown.side = letdownIn.keyed("side", [](const QString &k) { return sideFromKey(k); });
        letdown.measuredVolumeMl = letdownIn.optionalVolume("measured_volume_ml");
        if (!letdownIn.error.isEmpty() && in.error.isEmpty())
            in.error = QStringLiteral("a let-down: %1").arg(letdownIn.error);
        s.letdowns.append(letdown);
    }
    if (in.error.isEmpty() && s.uuid.isEmpty())
        in.error = QStringLiteral("\"uuid\" is empty");
    if (in.error.isEmpty() && s.endedAtUtcMs && *s.endedAtUtcMs < s.startedAtUtcMs)
        in.error = QStringLiteral("the session ends before it starts");
    if (in.error.isEmpty() && s.isFinished() != s.endedAtUtcMs.has_value())
        in.error = QStringLiteral("a stopped session needs an end, an unfinished one has none");
    error = in.error;
    return error.isEmpty();
}
