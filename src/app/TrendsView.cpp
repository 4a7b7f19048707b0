#include "TrendsView.h"

#include "TrendCharts.h"

#include <QAccessible>
#include <QAccessibleWidget>
#include <QChart>
#include <QChartView>
#include <QGridLayout>
#include <QImage>
#include <QPainter>

namespace {
// Marks the chart views whose description a screen reader gets from their points.
constexpr char kDescribedByPoints[] = "letdownDescribedByPoints";

// What a screen reader is told of a trend chart: its title, then every point's figures.
// Made when asked: ten years of points made at each refresh were a quarter of it.
class TrendChartAccessible final : public QAccessibleWidget
{
public:
    explicit TrendChartAccessible(QChartView *view)
        : QAccessibleWidget(view, QAccessible::Chart)
    { }

    QString text(QAccessible::Text t) const override
    {
        if (t != QAccessible::Description)
            return QAccessibleWidget::text(t);
        const auto *view = static_cast<const QChartView *>(widget());
        const QStringList points = view->chart() ? TrendCharts::spokenPoints(view->chart()) : QStringList();
        return points.isEmpty() ? TrendsView::tr("No data in this period.") : points.join(QStringLiteral("; "));
    }
};

QAccessibleInterface *trendChartFactory(const QString &className, QObject *object)
{
    auto *view = qobject_cast<QChartView *>(object);
    if (view && className == QLatin1String("QChartView") && view->property(kDescribedByPoints).toBool())
        return new TrendChartAccessible(view);
    return nullptr;
}
} // namespace

TrendsView::TrendsView(QWidget *parent)
    : QWidget(parent)
{
    static const bool installed = [] {
        QAccessible::installFactory(trendChartFactory);
        return true;
    }();
    Q_UNUSED(installed);
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    const char *names[] = {"letdownsChart", "volumeChart", "firstLetdownChart", "milkChart"};
    for (int i = 0; i < 4; ++i) {
        m_views[i] = new QChartView(this);
        m_views[i]->setObjectName(QString::fromLatin1(names[i]));
        m_views[i]->setProperty(kDescribedByPoints, true);
        m_views[i]->setRenderHint(QPainter::Antialiasing);
        m_views[i]->setMinimumSize(320, 240); // readable axes; a short screen scrolls the tab
        grid->addWidget(m_views[i], i / 2, i % 2);
    }
}

void TrendsView::show(
    const TrendStats &stats, const ReferenceModel &model, KindFilter filter, const TrendCharts::ChartOptions &options)
{
    QChart *charts[]
        = {TrendCharts::letdownsPerSession(stats, model, filter, options), TrendCharts::volumeByOrder(stats, options),
            TrendCharts::timeToFirstLetdown(stats), TrendCharts::milkPerDay(stats, options)};
    for (int i = 0; i < 4; ++i) {
        // setChart does not delete the chart it replaces.
        QChart *old = m_views[i]->chart();
        m_views[i]->setChart(charts[i]);
        delete old;
        // What a screen reader says for the chart: its title, then every point's figures
        // (TrendChartAccessible, when it asks).
        m_views[i]->setAccessibleName(charts[i]->title());
        QAccessibleEvent described(m_views[i], QAccessible::DescriptionChanged);
        QAccessible::updateAccessibility(&described);
    }
}

QImage TrendsView::renderImage(QSize size, qreal sharpness)
{
    resize(size);
    ensurePolished();
    layout()->activate();
    QImage image(size * sharpness, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(sharpness);
    image.fill(palette().color(QPalette::Window));
    // QWidget::render, not the QGraphicsView overload (that one scales wrongly).
    QWidget::render(&image);
    return image;
}

QImage TrendsView::renderChart(int index, QSize size, qreal sharpness)
{
    QChartView *view = m_views[index];
    // Taken out of the grid for the moment: the layout would size it to its cell.
    QChart *chart = view->chart();
    QChartView alone;
    alone.setRenderHint(QPainter::Antialiasing);
    view->setChart(new QChart); // setChart hands the chart over; the view keeps a placeholder
    alone.setChart(chart);
    alone.resize(size);
    alone.ensurePolished();
    QImage image(size * sharpness, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(sharpness);
    image.fill(palette().color(QPalette::Window));
    alone.QWidget::render(&image);
    QChart *placeholder = view->chart();
    alone.setChart(new QChart);
    view->setChart(chart);
    delete placeholder;
    return image;
}
