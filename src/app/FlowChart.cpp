#include "FlowChart.h"

#include "domain/TimeFormat.h"

#include <QChart>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace {
// A round step for an axis up to `top` with at most about five labels.
double niceStep(double top)
{
    for (double step : {0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0})
        if (top / step <= 5)
            return step;
    return 200.0;
}

QString minutesSeconds(double seconds)
{
    return formatElapsed(qint64(std::llround(seconds * 1000)));
}
} // namespace

FlowChart::FlowChart(QWidget *parent)
    : QChartView(new QChart, parent) // given here: setChart() later would leak the default one
{
    QChart *chart = this->chart();
    chart->legend()->hide();
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setBackgroundRoundness(0);
    m_flow = new QLineSeries(chart);
    m_flow->setName(tr("Milk flow"));
    QPen flowPen(QColor(0x1f, 0x77, 0xb4));
    flowPen.setWidthF(2);
    m_flow->setPen(flowPen);
    m_inLog = new QScatterSeries(chart);
    m_inLog->setName(tr("Let-downs"));
    m_inLog->setMarkerSize(11);
    m_inLog->setColor(QColor(0xd6, 0x27, 0x28));
    m_inLog->setBorderColor(QColor(0xd6, 0x27, 0x28));
    m_offered = new QScatterSeries(chart);
    m_offered->setName(tr("Found, not confirmed"));
    m_offered->setMarkerSize(13);
    m_offered->setColor(Qt::white);
    m_offered->setBorderColor(QColor(0xd6, 0x27, 0x28));
    chart->addSeries(m_flow);
    chart->addSeries(m_inLog);
    chart->addSeries(m_offered);
    m_minutes = new QValueAxis(chart);
    m_minutes->setTitleText(tr("minutes"));
    m_minutes->setLabelFormat(QStringLiteral("%.0f"));
    m_mlPerMin = new QValueAxis(chart);
    m_mlPerMin->setTitleText(tr("ml/min"));
    m_mlPerMin->setLabelFormat(QStringLiteral("%.0f"));
    // Small type: on the Session tab the chart shares a column with the let-downs.
    QFont small = m_minutes->labelsFont();
    small.setPointSizeF(std::max(7.0, small.pointSizeF() * 0.85));
    for (QValueAxis *axis : {m_minutes, m_mlPerMin}) {
        axis->setLabelsFont(small);
        axis->setTitleFont(small);
        axis->setTickType(QValueAxis::TicksDynamic);
        axis->setTickAnchor(0);
    }
    chart->addAxis(m_minutes, Qt::AlignBottom);
    chart->addAxis(m_mlPerMin, Qt::AlignLeft);
    for (QAbstractSeries *series : chart->series()) {
        series->attachAxis(m_minutes);
        series->attachAxis(m_mlPerMin);
    }
    setRenderHint(QPainter::Antialiasing);
    setAccessibleName(tr("Milk flow from the scale"));
}

void FlowChart::show(const LetdownDetection &detection, double durationS, const QList<double> &offeredOnsetsS)
{
    QList<QPointF> flow;
    flow.reserve(detection.flow.size());
    double topMlPerMin = 5;
    for (const FlowPoint &point : detection.flow) {
        flow.append({point.atS / 60, std::max(0.0, point.mlPerS * 60)});
        topMlPerMin = std::max(topMlPerMin, point.mlPerS * 60);
    }
    m_flow->replace(flow);
    const auto flowAt = [&](double atS) {
        for (const FlowPoint &point : detection.flow)
            if (point.atS >= atS)
                return std::max(0.0, point.mlPerS * 60);
        return 0.0;
    };
    // Each dot sits on the curve at the let-down's peak.
    QList<QPointF> inLog, offered;
    for (const DetectedLetdown &found : detection.letdowns)
        (offeredOnsetsS.contains(found.onsetS) ? offered : inLog).append({found.peakS / 60, flowAt(found.peakS)});
    m_inLog->replace(inLog);
    m_offered->replace(offered);
    const double minutes = std::ceil(std::max(1.0, durationS / 60));
    m_minutes->setRange(0, minutes);
    m_minutes->setTickInterval(niceStep(minutes));
    const double top = std::ceil(topMlPerMin * 1.15);
    m_mlPerMin->setRange(0, top);
    m_mlPerMin->setTickInterval(niceStep(top));
    setAccessibleDescription(describe(detection));
}

QString FlowChart::describe(const LetdownDetection &detection)
{
    const QLocale locale;
    QStringList lines;
    for (const DetectedLetdown &found : detection.letdowns)
        lines << tr("Let-down at %1: %2 ml, flow up to %3 ml/min")
                     .arg(minutesSeconds(found.onsetS), locale.toString(found.volumeMl, 'f', 1),
                         locale.toString(found.peakFlowMlPerS * 60, 'f', 0));
    if (lines.isEmpty())
        lines << tr("No let-down found yet.");
    return lines.join(QStringLiteral("; "));
}
