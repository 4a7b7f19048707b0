#pragma once

#include "model/VolumeModel.h"

#include "reference/ReferenceModel.h"
#include "stats/WeeklyStats.h"

#include <QJsonObject>

// The object `letdown stats --json` prints (documented in docs/cli.md).
QJsonObject trendStatsToJson(const TrendStats &stats, const ReferenceModel &model);
// Which volume model the estimates used: {"in_use": id, "source": ..., "reference": {"first_ml",
// "decay"}, "fitted": null} ("fitted" stays null until a model is fitted to her sessions).
QJsonObject volumeModelToJson(const VolumeModel &inUse);
QJsonObject referenceModelToJson(const ReferenceModel &model);
