#include "domain/SessionJson.h"

#include <QJsonArray>
#include <QJsonDocument>

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
