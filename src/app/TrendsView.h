#pragma once

#include "TrendCharts.h"
#include "reference/ReferenceModel.h"
#include "stats/WeeklyStats.h"

#include <QWidget>

class QChartView;

// The four trend charts in a 2 x 2 grid. Used by the Trends panel, `letdown chart` and
// the printed report, so all three show the same thing.
class TrendsView : public QWidget
{
    Q_OBJECT

public:
    explicit TrendsView(QWidget *parent = nullptr);

    void show(const TrendStats &stats, const ReferenceModel &model, KindFilter filter,
        const TrendCharts::ChartOptions &options = {});
    // The grid drawn at exactly this size, without showing a window.
    // Laid out at `size` (logical pixels), painted at `sharpness` times that.
    QImage renderImage(QSize size, qreal sharpness = 1.0);
    // One chart alone (0 to 3, in the grid's order) at `size`, for print: full width each.
    QImage renderChart(int index, QSize size, qreal sharpness = 1.0);
    static constexpr int kChartCount = 4;

    QChartView *letdownsView() const { return m_views[0]; }
    QChartView *volumeView() const { return m_views[1]; }
    QChartView *firstLetdownView() const { return m_views[2]; }
    QChartView *milkView() const { return m_views[3]; }

private:
    QChartView *m_views[4] {};
};
