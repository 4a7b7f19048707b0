#include "stats/StatsJson.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace {
QJsonValue number(double value)
{
    return jsonRounded(value);
}

std::optional<double> optionalNumber(const std::optional<double> &value)
{
    return value ? std::optional(jsonRounded(*value)) : std::nullopt;
}
} // namespace

QJsonObject referenceModelToJson(const ReferenceModel &model)
{
    QJsonArray citations;
    for (const auto &citation : ReferenceModel::citations())
        citations.append(
            QJsonObject {{QStringLiteral("figure"), citation.figure}, {QStringLiteral("source"), citation.source}});
    return {
        {QStringLiteral("mean_letdowns_per_breastfeed"), model.meanLetdownsPerBreastfeed},
        {QStringLiteral("sd_letdowns_per_breastfeed"), model.sdLetdownsPerBreastfeed},
        {QStringLiteral("most_letdowns_recorded"), model.mostLetdownsRecorded},
        {QStringLiteral("pumping_letdowns_low"), model.pumpingLetdownsLow},
        {QStringLiteral("pumping_letdowns_high"), model.pumpingLetdownsHigh},
        {QStringLiteral("first_letdown_ml"), model.firstLetdownMl},
        {QStringLiteral("largest_recorded_letdown_ml"), model.largestRecordedLetdownMl},
        {QStringLiteral("decay_r"), model.decayR},
        {QStringLiteral("citations"), citations},
    };
}

void writeWeeksJson(JsonTextWriter &json, const TrendStats &stats)
{
    json.beginArray();
    for (const WeekStats &week : stats.weeks) {
        json.beginObject(); // the members in Qt's order, by name
        json.member(QLatin1StringView("baseline_letdowns_nursing"), optionalNumber(week.baselineLetdownsNursing));
        json.member(QLatin1StringView("baseline_letdowns_pumping"), optionalNumber(week.baselineLetdownsPumping));
        json.member(QLatin1StringView("estimated_ml_per_day"), optionalNumber(week.estimatedMlPerDay));
        json.member(QLatin1StringView("letdown_estimate_ml_per_day"), optionalNumber(week.letdownEstimateMlPerDay));
        json.key(QLatin1StringView("mean_estimated_ml_by_order"));
        if (week.meanEstimatedMlByOrder.isEmpty()) {
            json.null();
        } else {
            json.beginArray();
            for (double ml : week.meanEstimatedMlByOrder)
                json.value(jsonRounded(ml));
            json.endArray();
        }
        json.member(QLatin1StringView("mean_letdowns_nursing"), optionalNumber(week.meanLetdownsNursing));
        json.member(QLatin1StringView("mean_letdowns_pumping"), optionalNumber(week.meanLetdownsPumping));
        json.member(QLatin1StringView("measured_ml_per_day"), optionalNumber(week.measuredMlPerDay));
        json.member(QLatin1StringView("median_first_letdown_s"), optionalNumber(week.medianFirstLetdownS));
        json.member(QLatin1StringView("nursing_sessions"), week.nursingSessions);
        json.member(QLatin1StringView("pumping_sessions"), week.pumpingSessions);
        json.member(QLatin1StringView("sessions"), week.sessions);
        json.member(QLatin1StringView("sessions_without_volume_estimate"), week.sessionsWithoutEstimate);
        json.member(QLatin1StringView("week"), week.week.label());
        json.member(QLatin1StringView("week_start"), week.week.monday.toString(Qt::ISODate));
        json.endObject();
    }
    json.endArray();
}

QJsonObject trendStatsToJson(const TrendStats &stats, const ReferenceModel &model, WeeksAs weeksAs)
{
    QJsonArray byOrder;
    for (const OrderVolume &order : stats.volumeByOrder)
        byOrder.append(QJsonObject {{QStringLiteral("order"), order.order},
            {QStringLiteral("mean_estimated_ml"), number(order.meanEstimatedMl)},
            {QStringLiteral("sessions"), order.sessions}, {QStringLiteral("reference_ml"), number(order.referenceMl)}});
    QJsonValue weeks = jsonPlaceholder(QLatin1StringView("weeks"));
    if (weeksAs == WeeksAs::Array) {
        JsonTextWriter json;
        writeWeeksJson(json, stats);
        weeks = QJsonDocument::fromJson(json.text()).array();
    }
    return {
        {QStringLiteral("sessions"), stats.sessions},
        {QStringLiteral("weeks"), weeks},
        {QStringLiteral("volume_by_order"), byOrder},
        {QStringLiteral("reference"), referenceModelToJson(model)},
    };
}

QByteArray statsDaysText(const QList<DayFigures> &days)
{
    JsonTextWriter dayText(1, 400 * days.size()); // about what a day takes
    writeDayFiguresJson(dayText, days);
    return dayText.text();
}

bool writeStatsJson(QJsonObject document, const TrendStats &stats, QByteArrayView daysText,
    const std::function<bool(QByteArrayView)> &write)
{
    document.insert(QStringLiteral("weeks"), jsonPlaceholder(QLatin1StringView("weeks")));
    document.insert(QStringLiteral("days"), jsonPlaceholder(QLatin1StringView("days")));
    const QByteArray text = QJsonDocument(document).toJson(QJsonDocument::Indented);
    JsonTextWriter weeks(1, 800 * stats.weeks.size()); // about what a week takes
    writeWeeksJson(weeks, stats);
    // Qt's text, with each placeholder's place taken by its member's own text, in the
    // document's order (its members are sorted by key).
    struct Cut {
        PlaceholderSpan span;
        QByteArrayView value;
    };
    Cut cuts[] = {{findTopLevelPlaceholder(text, QLatin1StringView("days")), daysText},
        {findTopLevelPlaceholder(text, QLatin1StringView("weeks")), weeks.view()}};
    Q_ASSERT(cuts[0].span.at >= 0 && cuts[1].span.at >= 0); // both were inserted just above
    std::sort(std::begin(cuts), std::end(cuts), [](const Cut &a, const Cut &b) { return a.span.at < b.span.at; });
    qsizetype from = 0;
    for (const Cut &cut : cuts) {
        if (!write(QByteArrayView(text).sliced(from, cut.span.at - from)) || !write(cut.value))
            return false;
        from = cut.span.at + cut.span.length;
    }
    return write(QByteArrayView(text).sliced(from));
}

QByteArray statsJsonText(QJsonObject document, const TrendStats &stats, const QList<DayFigures> &days)
{
    QByteArray all;
    writeStatsJson(std::move(document), stats, statsDaysText(days), [&all](QByteArrayView piece) {
        all += piece;
        return true;
    });
    return all;
}

QJsonObject volumeModelToJson(const Preferences &preferences)
{
    QJsonValue fitted = QJsonValue::Null;
    if (const auto &fit = preferences.currentFit) {
        const auto figure = [&](double value) { return fit->fitted ? number(value) : QJsonValue(QJsonValue::Null); };
        const auto interval = [&](const ValueInterval &i) {
            return fit->fitted ? QJsonValue(QJsonArray {number(i.low), number(i.high)}) : QJsonValue(QJsonValue::Null);
        };
        fitted = QJsonObject {{QStringLiteral("first_ml"), figure(fit->firstMl)},
            {QStringLiteral("first_ml_ci"), interval(fit->firstMlInterval)},
            {QStringLiteral("decay"), figure(fit->decay)}, {QStringLiteral("decay_ci"), interval(fit->decayInterval)},
            {QStringLiteral("sessions"), fit->sessions},
            {QStringLiteral("sessions_measured_by_letdown"), fit->sessionsMeasuredByLetdown},
            {QStringLiteral("ready"), fit->ready},
            {QStringLiteral("needs"), fit->ready ? QJsonValue(QJsonValue::Null) : QJsonValue(fit->needs)}};
    }
    const ReferenceModel inUse = preferences.referenceModel();
    const LiteratureVolumeModel reference = preferences.volumeModel();
    return {
        {QStringLiteral("in_use"), inUse.volumeModelId},
        {QStringLiteral("source"), inUse.volumeModelSource},
        {QStringLiteral("reference"),
            QJsonObject {{QStringLiteral("first_ml"), number(reference.firstMl())},
                {QStringLiteral("decay"), number(reference.decay())}}},
        {QStringLiteral("fitted"), fitted},
    };
}
