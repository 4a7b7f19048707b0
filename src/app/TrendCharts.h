#pragma once

#include "reference/ReferenceModel.h"
#include "stats/WeeklyStats.h"

class QChart;

// Turns computed statistics into Qt Charts. Presentation only: every figure comes from
// TrendStats (core). Each data point carries a tooltip (exact value and the number of
// sessions behind it), shown on hover.
namespace TrendCharts {
QChart *letdownsPerSession(const TrendStats &stats, const ReferenceModel &model, KindFilter filter);
QChart *volumeByOrder(const TrendStats &stats, const ReferenceModel &model);
QChart *timeToFirstLetdown(const TrendStats &stats);
QChart *milkPerDay(const TrendStats &stats);

// The tooltip a series shows for the point at x (tests read it; hover shows it).
QString tooltipAt(const QObject *series, qreal x);
} // namespace TrendCharts
