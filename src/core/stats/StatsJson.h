#pragma once

#include "model/VolumeModel.h"

#include "reference/ReferenceModel.h"
#include "settings/Preferences.h"
#include "stats/WeeklyStats.h"

#include <QJsonObject>

// The object `letdown stats --json` prints (documented in docs/cli.md).
QJsonObject trendStatsToJson(const TrendStats &stats, const ReferenceModel &model);
// Which volume model the estimates used, and both models' figures:
// {"in_use", "source", "reference": {"first_ml", "decay"}, "fitted": {"first_ml",
// "first_ml_ci", "decay", "decay_ci", "sessions", "ready", "needs"} or null (no measured session)}.
QJsonObject volumeModelToJson(const Preferences &preferences);
QJsonObject referenceModelToJson(const ReferenceModel &model);
