#pragma once

#include "model/VolumeModel.h"

#include "base/JsonText.h"
#include "reference/ReferenceModel.h"
#include "settings/Preferences.h"
#include "stats/DayFigures.h"
#include "stats/WeeklyStats.h"

#include <QByteArrayView>
#include <QJsonObject>

#include <functional>

// The weekly part of the object `letdown stats --json` prints (documented in docs/cli.md):
// "sessions", "weeks", "volume_by_order", "reference". Its "weeks" are written directly
// (writeWeeksJson); as an Array they are that text read back, for tests and the bench.
enum class WeeksAs { Array, Placeholder };
QJsonObject trendStatsToJson(
    const TrendStats &stats, const ReferenceModel &model, WeeksAs weeksAs = WeeksAs::Array);
void writeWeeksJson(JsonTextWriter &json, const TrendStats &stats);
// `stats --json`'s whole text: `document` (any members but "weeks" and "days") with the weeks
// of `stats` and the `days`, byte for byte what QJsonDocument writes for all of them at once.
// writeStatsJson hands it to `write` in pieces, in order, so that ten years' 2 MB of weeks and
// days are never copied into one more buffer; false as soon as `write` returns false.
// `daysText` is statsDaysText's (kept with the other figures made from every session).
bool writeStatsJson(QJsonObject document, const TrendStats &stats, QByteArrayView daysText,
    const std::function<bool(QByteArrayView)> &write);
QByteArray statsDaysText(const QList<DayFigures> &days);
QByteArray statsJsonText(QJsonObject document, const TrendStats &stats, const QList<DayFigures> &days);
// Which volume model the estimates used, and both models' figures:
// {"in_use", "source", "reference": {"first_ml", "decay"}, "fitted": {"first_ml",
// "first_ml_ci", "decay", "decay_ci", "sessions", "ready", "needs"} or null (no measured session)}.
QJsonObject volumeModelToJson(const Preferences &preferences);
QJsonObject referenceModelToJson(const ReferenceModel &model);
