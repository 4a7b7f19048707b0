#pragma once

#include "reference/ReferenceModel.h"
#include "settings/Preferences.h"
#include "stats/WeeklyStats.h"

class QChart;

// Turns computed statistics into Qt Charts. Presentation only: every figure comes from
// TrendStats (core). Each data point carries a tooltip (exact value and the number of
// sessions behind it), shown on hover.
namespace TrendCharts {
struct ChartOptions {
    VolumeFormat volume; // ml or oz on the volume charts
    bool showReference = true; // the published figures as lines and bands
    // The volume-by-order chart draws the published curve (these figures) and, when there
    // is one, her fitted curve with its 95 % band.
    double publishedFirstMl = ReferenceModel::kDefaultFirstLetdownMl;
    double publishedDecay = ReferenceModel::kDefaultDecayR;
    std::optional<VolumeFit> fit;
};
// The options her preferences give (unit, reference lines, both curves).
ChartOptions chartOptionsFor(const Preferences &preferences);
QChart *letdownsPerSession(
    const TrendStats &stats, const ReferenceModel &model, KindFilter filter, const ChartOptions &options = {});
QChart *volumeByOrder(const TrendStats &stats, const ChartOptions &options = {});
QChart *timeToFirstLetdown(const TrendStats &stats);
QChart *milkPerDay(const TrendStats &stats, const ChartOptions &options = {});

// The chart's property that holds how to describe its points (spokenPoints reads it).
inline constexpr char kDescriptionProperty[] = "letdownDescription";

// The tooltip a series shows for the point at x (tests read it; hover shows it). Made when
// asked, from the figures the chart was drawn from.
QString tooltipAt(const QObject *series, qreal x);
// Every point's tooltip, in order, each on one line: what the chart view tells a screen
// reader (TrendsView). Made when asked.
QStringList spokenPoints(const QChart *chart);
} // namespace TrendCharts
