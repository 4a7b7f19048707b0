#include "stats/StatsJson.h"

#include <QJsonArray>

#include <cmath>

namespace {
// Rounded for people and diffs; enough digits for any figure here.
QJsonValue number(double value)
{
    return std::round(value * 1000.0) / 1000.0;
}

QJsonValue optionalNumber(const std::optional<double> &value)
{
    return value ? number(*value) : QJsonValue(QJsonValue::Null);
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

QJsonObject trendStatsToJson(const TrendStats &stats, const ReferenceModel &model)
{
    QJsonArray weeks;
    for (const WeekStats &week : stats.weeks) {
        QJsonValue byOrder = QJsonValue::Null;
        if (!week.meanEstimatedMlByOrder.isEmpty()) {
            QJsonArray values;
            for (double ml : week.meanEstimatedMlByOrder)
                values.append(number(ml));
            byOrder = values;
        }
        weeks.append(QJsonObject {
            {QStringLiteral("week"), week.week.label()},
            {QStringLiteral("week_start"), week.week.monday.toString(Qt::ISODate)},
            {QStringLiteral("sessions"), week.sessions},
            {QStringLiteral("nursing_sessions"), week.nursingSessions},
            {QStringLiteral("pumping_sessions"), week.pumpingSessions},
            {QStringLiteral("mean_letdowns_nursing"), optionalNumber(week.meanLetdownsNursing)},
            {QStringLiteral("mean_letdowns_pumping"), optionalNumber(week.meanLetdownsPumping)},
            {QStringLiteral("baseline_letdowns_nursing"), optionalNumber(week.baselineLetdownsNursing)},
            {QStringLiteral("baseline_letdowns_pumping"), optionalNumber(week.baselineLetdownsPumping)},
            {QStringLiteral("median_first_letdown_s"), optionalNumber(week.medianFirstLetdownS)},
            {QStringLiteral("estimated_ml_per_day"), optionalNumber(week.estimatedMlPerDay)},
            {QStringLiteral("measured_ml_per_day"), optionalNumber(week.measuredMlPerDay)},
            {QStringLiteral("letdown_estimate_ml_per_day"), optionalNumber(week.letdownEstimateMlPerDay)},
            {QStringLiteral("sessions_without_volume_estimate"), week.sessionsWithoutEstimate},
            {QStringLiteral("mean_estimated_ml_by_order"), byOrder},
        });
    }
    QJsonArray byOrder;
    for (const OrderVolume &order : stats.volumeByOrder)
        byOrder.append(QJsonObject {{QStringLiteral("order"), order.order},
            {QStringLiteral("mean_estimated_ml"), number(order.meanEstimatedMl)},
            {QStringLiteral("sessions"), order.sessions}, {QStringLiteral("reference_ml"), number(order.referenceMl)}});
    return {
        {QStringLiteral("sessions"), stats.sessions},
        {QStringLiteral("weeks"), weeks},
        {QStringLiteral("volume_by_order"), byOrder},
        {QStringLiteral("reference"), referenceModelToJson(model)},
    };
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
