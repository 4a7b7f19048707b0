#pragma once

#include "reference/ReferenceModel.h"
#include "stats/WeeklyStats.h"

#include <QJsonObject>

// The object `letdown stats --json` prints (documented in docs/cli.md).
QJsonObject trendStatsToJson(const TrendStats &stats, const ReferenceModel &model);
QJsonObject referenceModelToJson(const ReferenceModel &model);
