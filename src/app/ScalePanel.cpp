#include "ScalePanel.h"

#include "domain/TimeFormat.h"
#include "scale/ScaleMerge.h"
#include "scalefeed/LiveScale.h"

#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QScatterSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {
QString minutesSeconds(double seconds)
{
    return formatElapsed(qint64(std::llround(seconds * 1000)));
}

// A round step for an axis up to `top` with at most about five labels.
double niceStep(double top)
{
    for (double step : {0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0})
        if (top / step <= 5)
            return step;
    return 200.0;
}
} // namespace

ScalePanel::ScalePanel(LiveScale &scale, QWidget *parent)
    : QWidget(parent)
    , m_scale(scale)
{
    setObjectName(QStringLiteral("scalePanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("scaleSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_chart = new QChart;
    m_chart->legend()->hide();
    m_chart->setMargins(QMargins(2, 2, 2, 2));
    m_chart->setBackgroundRoundness(0);
    m_flow = new QLineSeries(m_chart);
    m_flow->setName(tr("Milk flow"));
    QPen flowPen(QColor(0x1f, 0x77, 0xb4));
    flowPen.setWidthF(2);
    m_flow->setPen(flowPen);
    m_inSession = new QScatterSeries(m_chart);
    m_inSession->setName(tr("Let-downs"));
    m_inSession->setMarkerSize(11);
    m_inSession->setColor(QColor(0xd6, 0x27, 0x28));
    m_inSession->setBorderColor(QColor(0xd6, 0x27, 0x28));
    m_offered = new QScatterSeries(m_chart);
    m_offered->setName(tr("Found, not confirmed"));
    m_offered->setMarkerSize(13);
    m_offered->setColor(Qt::white);
    m_offered->setBorderColor(QColor(0xd6, 0x27, 0x28));
    for (QAbstractSeries *series : {static_cast<QAbstractSeries *>(m_flow), static_cast<QAbstractSeries *>(m_inSession),
             static_cast<QAbstractSeries *>(m_offered)})
        m_chart->addSeries(series);
    m_minutes = new QValueAxis(m_chart);
    m_minutes->setTitleText(tr("minutes"));
    m_minutes->setLabelFormat(QStringLiteral("%.0f"));
    m_mlPerMin = new QValueAxis(m_chart);
    m_mlPerMin->setTitleText(tr("ml/min"));
    m_mlPerMin->setLabelFormat(QStringLiteral("%.0f"));
    // Small type: the chart shares a column with the let-downs on a 1024 x 576 screen.
    QFont small = m_minutes->labelsFont();
    small.setPointSizeF(std::max(7.0, small.pointSizeF() * 0.85));
    for (QValueAxis *axis : {m_minutes, m_mlPerMin}) {
        axis->setLabelsFont(small);
        axis->setTitleFont(small);
    }
    m_chart->addAxis(m_minutes, Qt::AlignBottom);
    m_chart->addAxis(m_mlPerMin, Qt::AlignLeft);
    for (QAbstractSeries *series : m_chart->series()) {
        series->attachAxis(m_minutes);
        series->attachAxis(m_mlPerMin);
    }
    m_view = new QChartView(m_chart, this);
    m_view->setObjectName(QStringLiteral("scaleChart"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(150);
    m_view->setAccessibleName(tr("Milk flow from the scale"));
    layout->addWidget(m_view, 1);

    auto *offerRow = new QHBoxLayout;
    m_offer = new QLabel(this);
    m_offer->setObjectName(QStringLiteral("scaleOffer"));
    m_offer->setWordWrap(true);
    offerRow->addWidget(m_offer, 1);
    m_confirm = new QPushButton(tr("Yes, a let-down  [C]"), this);
    m_confirm->setObjectName(QStringLiteral("scaleConfirmButton"));
    m_confirm->setMinimumHeight(44);
    m_confirm->setAccessibleDescription(tr("Adds the let-down the scale found to this session. Shortcut: C"));
    m_dismiss = new QPushButton(tr("Not one"), this);
    m_dismiss->setObjectName(QStringLiteral("scaleDismissButton"));
    m_dismiss->setMinimumHeight(44);
    offerRow->addWidget(m_confirm);
    offerRow->addWidget(m_dismiss);
    layout->addLayout(offerRow);

    connect(m_confirm, &QPushButton::clicked, this, &ScalePanel::confirmFirst);
    connect(m_dismiss, &QPushButton::clicked, this, [this] {
        if (!m_scale.offered().isEmpty())
            m_scale.dismiss(m_scale.offered().constFirst());
    });
    connect(&m_scale, &LiveScale::updated, this, &ScalePanel::refresh);
    refresh();
}

void ScalePanel::confirmFirst()
{
    if (m_scale.offered().isEmpty())
        return;
    QString error;
    if (!m_scale.confirm(m_scale.offered().constFirst(), error))
        emit problem(error);
}

void ScalePanel::refresh()
{
    if (m_scale.isActive() != !isHidden()) {
        setVisible(m_scale.isActive());
        emit activeChanged(m_scale.isActive());
    }
    if (!m_scale.isActive())
        return;
    const LetdownDetection &detection = m_scale.detection();
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
    QList<QPointF> offered;
    for (const DetectedLetdown &found : m_scale.offered())
        offered.append({found.peakS / 60, flowAt(found.peakS)});
    QList<QPointF> inSession;
    for (const DetectedLetdown &found : detection.letdowns) {
        const bool isOffered = std::any_of(m_scale.offered().begin(), m_scale.offered().end(),
            [&](const DetectedLetdown &o) { return o.onsetS == found.onsetS; });
        if (!isOffered)
            inSession.append({found.peakS / 60, flowAt(found.peakS)});
    }
    m_offered->replace(offered);
    m_inSession->replace(inSession);
    const double minutes = m_scale.samples().isEmpty() ? 1 : std::max(1.0, m_scale.samples().last().atS / 60);
    m_minutes->setRange(0, std::ceil(minutes));
    m_minutes->setTickType(QValueAxis::TicksDynamic);
    m_minutes->setTickAnchor(0);
    m_minutes->setTickInterval(niceStep(std::ceil(minutes)));
    const double top = std::ceil(topMlPerMin * 1.15);
    m_mlPerMin->setRange(0, top);
    m_mlPerMin->setTickType(QValueAxis::TicksDynamic);
    m_mlPerMin->setTickAnchor(0);
    m_mlPerMin->setTickInterval(niceStep(top));

    const QLocale locale;
    m_summary->setText(tr("Scale: %1 ml in the bottle; let-downs found: %2.")
                           .arg(locale.toString(detection.totalMl, 'f', 0))
                           .arg(detection.letdowns.size()));
    const bool offering = !m_scale.offered().isEmpty();
    m_confirm->setVisible(offering);
    m_dismiss->setVisible(offering);
    if (offering) {
        const DetectedLetdown &first = m_scale.offered().constFirst();
        m_offer->setText(tr("The scale found a let-down at %1 (%2 ml so far). Was it one?")
                             .arg(minutesSeconds(first.onsetS), locale.toString(first.volumeMl, 'f', 0)));
    } else {
        m_offer->setText(m_scale.autoConfirm() ? tr("Let-downs the scale finds are added by themselves.")
                                               : tr("Let-downs the scale finds are offered here to confirm."));
    }
    m_view->setAccessibleDescription(describe());
}

QString ScalePanel::describe() const
{
    const QLocale locale;
    QStringList lines;
    for (const DetectedLetdown &found : m_scale.detection().letdowns)
        lines << tr("Let-down at %1: %2 ml, flow up to %3 ml/min")
                     .arg(minutesSeconds(found.onsetS), locale.toString(found.volumeMl, 'f', 1),
                         locale.toString(found.peakFlowMlPerS * 60, 'f', 0));
    if (lines.isEmpty())
        lines << tr("No let-down found yet.");
    return lines.join(QStringLiteral("; "));
}
