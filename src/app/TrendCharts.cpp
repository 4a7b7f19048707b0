#include "TrendCharts.h"

#include "stats/Insights.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QCoreApplication>
#include <QCursor>
#include <QDateTime>
#include <QGuiApplication>
#include <QLegendMarker>
#include <QHash>
#include <QLineSeries>
#include <QLocale>
#include <QPalette>
#include <QPen>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <optional>

namespace {
const QColor kNursingColor(0x2e, 0x7d, 0x5b);
const QColor kPumpingColor(0x1e, 0x5a, 0xa8);
const QColor kAllColor(0x6a, 0x3d, 0x9a);
const QColor kReferenceColor(0x55, 0x55, 0x55);
const char *kTooltipsProperty = "letdownTooltips";

// lupdate reads Text::tr("...") with this context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(TrendCharts)
};

qreal weekX(const WeekStats &week)
{
    // Noon UTC of the Monday: only a position on the axis (the labels are dates), the same
    // seven days apart for every week, and with no time-zone lookup: in local time each one
    // made the C library look at the zone file again, a third of a ten-year refresh.
    constexpr qint64 kJulianDayOf1970 = 2440588;
    constexpr qint64 kDayMs = 24LL * 3600 * 1000;
    return qreal((week.week.monday.toJulianDay() - kJulianDayOf1970) * kDayMs + kDayMs / 2);
}

QString number(double value, int decimals = 1)
{
    return QLocale().toString(value, 'f', decimals);
}

QString weekCaption(const WeekStats &week)
{
    // Every series' tooltips start with it: made once per week and language (formatting a
    // date for each of ten years of weeks, in six series, was a sixth of a refresh when every
    // tooltip was written in advance; they are now made when asked, in the language of then).
    thread_local QString madeFor;
    thread_local QHash<QDate, QString> captions;
    const QString pattern = Text::tr("Week %1 (from %2)");
    const QLocale locale;
    if (const QString key = pattern + QLatin1Char('|') + locale.name(); key != madeFor) {
        captions.clear();
        madeFor = key;
    }
    auto found = captions.constFind(week.week.monday);
    if (found == captions.cend())
        found = captions.insert(
            week.week.monday, pattern.arg(week.week.label(), locale.toString(week.week.monday, QLocale::ShortFormat)));
    return *found;
}

// A nice axis maximum and tick step for values up to maxValue (1, 2 or 5 times a power of ten).
std::pair<double, double> niceScale(double maxValue)
{
    if (!(maxValue > 0))
        maxValue = 1;
    const double rough = maxValue / 5.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    double step = magnitude;
    for (double factor : {1.0, 2.0, 5.0, 10.0}) {
        step = factor * magnitude;
        if (step >= rough)
            break;
    }
    return {std::ceil(maxValue * 1.08 / step) * step, step};
}

QValueAxis *valueAxis(const QString &title, double maxValue)
{
    auto *axis = new QValueAxis;
    const auto [top, step] = niceScale(maxValue);
    axis->setRange(0, top);
    axis->setTickType(QValueAxis::TicksDynamic); // fixed ticks mislabel integers (1.25, 2.5)
    axis->setTickAnchor(0);
    axis->setTickInterval(step);
    axis->setLabelFormat(step >= 1 ? QStringLiteral("%.0f") : QStringLiteral("%.1f"));
    axis->setTitleText(title);
    return axis;
}

// Labels on Mondays, the points' own days, and few enough (at most five) to stay whole on
// a half-width chart at 1024 px: every k-th week, counted back from the latest.
QCategoryAxis *weekAxis(const TrendStats &stats)
{
    auto *axis = new QCategoryAxis;
    const qreal halfWeekMs = 3.5 * 24 * 3600 * 1000;
    const qreal from = weekX(stats.weeks.first()) - halfWeekMs;
    axis->setRange(from, weekX(stats.weeks.last()) + halfWeekMs);
    axis->setStartValue(from);
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    const qsizetype weeks = stats.weeks.size();
    const qsizetype step = std::max<qsizetype>(1, (weeks + 4) / 5);
    // Across a new year the year is needed to tell the labels apart (they must be unique).
    const bool withYear = stats.weeks.first().week.monday.year() != stats.weeks.last().week.monday.year();
    const QString format = withYear ? QStringLiteral("d MMM yy") : QStringLiteral("d MMM");
    QList<qsizetype> labelled;
    for (qsizetype i = weeks - 1; i >= 0; i -= step)
        labelled.prepend(i);
    for (qsizetype i : std::as_const(labelled))
        axis->append(QLocale().toString(stats.weeks[i].week.monday, format), weekX(stats.weeks[i]));
    axis->setTitleText(Text::tr("Week starting Monday"));
    return axis;
}

// Seconds on a value axis labelled m:ss at round steps (15 s, 30 s, 1, 2, 5 or 10 minutes).
QCategoryAxis *secondsAxis(double maxSeconds)
{
    auto *axis = new QCategoryAxis;
    double step = 15;
    for (double candidate : {15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0}) {
        step = candidate;
        if (maxSeconds * 1.08 / candidate <= 5)
            break;
    }
    const double top = std::max(step, std::ceil(maxSeconds * 1.08 / step) * step);
    axis->setRange(0, top);
    axis->setStartValue(0);
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    for (double value = 0; value <= top + 0.5; value += step)
        axis->append(formatSeconds(value), value == 0 ? 0.001 : value); // end values must grow from the start
    axis->setTitleText(Text::tr("min:sec"));
    return axis;
}

// Follows the desktop: dark charts on a dark palette, with a lighter grey for references.
bool darkPalette()
{
    return QGuiApplication::palette().color(QPalette::Window).lightness() < 128;
}

QColor referenceColor()
{
    return darkPalette() ? QColor(0xbb, 0xbb, 0xbb) : kReferenceColor;
}

QChart *newChart(const QString &title)
{
    auto *chart = new QChart;
    if (darkPalette())
        chart->setTheme(QChart::ChartThemeDark);
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setAnimationOptions(QChart::NoAnimation);
    QFont titleFont = chart->titleFont();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    chart->setTitleFont(titleFont);
    return chart;
}

void attach(QChart *chart, QAbstractSeries *series, QAbstractAxis *x, QAbstractAxis *y)
{
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
}

// A point's tooltip by its x (rounded to a whole number: weeks are milliseconds, bars indexes).
using Tooltips = QHash<qint64, QString>;

qint64 tipKey(qreal x)
{
    return std::llround(x);
}

// What a chart tells a screen reader, which cannot hover: every point's tooltip, in order,
// one part per series. A part is a function, so a series can make its texts when asked.
struct ChartDescription {
    QList<std::function<QStringList()>> parts;
};
using ChartDescriptionPointer = std::shared_ptr<ChartDescription>;

void describe(QChart *chart, std::function<QStringList()> part)
{
    auto description = chart->property(TrendCharts::kDescriptionProperty).value<ChartDescriptionPointer>();
    if (!description) {
        description = std::make_shared<ChartDescription>();
        chart->setProperty(TrendCharts::kDescriptionProperty, QVariant::fromValue(description));
    }
    description->parts.append(std::move(part));
}

// Tooltips written in advance (the few bars of a chart).
void setTooltips(QChart *chart, QObject *series, const Tooltips &tips, const QStringList &inOrder)
{
    series->setProperty(kTooltipsProperty, QVariant::fromValue(tips));
    describe(chart, [inOrder] { return inOrder; });
}

// A tooltip on one line, its line breaks as ", " (what a screen reader is given). Built in one
// go: QString::replace moved the rest of the text at each break (a sixth of a ten-year refresh).
QString oneLine(const QString &tip)
{
    QString line;
    line.reserve(tip.size() + 8);
    qsizetype from = 0;
    for (qsizetype at = tip.indexOf(QLatin1Char('\n')); at >= 0; at = tip.indexOf(QLatin1Char('\n'), from)) {
        line += QStringView(tip).sliced(from, at - from);
        line += QLatin1String(", ");
        from = at + 1;
    }
    line += QStringView(tip).sliced(from);
    return line;
}

// One value per week, or none. Returns the weekly values' series name for the legend.
// The tooltip is called later, when a point is hovered or described: it keeps copies of
// what it needs, never references to the chart builder's locals.
struct WeeklyValues {
    QString name;
    QColor color;
    std::function<std::optional<double>(const WeekStats &)> value;
    std::function<QString(const WeekStats &, double)> tooltip; // empty: no markers
    Qt::PenStyle style = Qt::SolidLine;
    bool inLegend = true; // the baselines are not: the note below the charts explains dotted lines
};

// A weekly series' tooltips, made when asked for (a hover, a screen reader): ten years of
// them written at each refresh were a quarter of it, and grew with her history.
struct WeeklyTips {
    QList<WeekStats> weeks; // in order, as TrendStats holds them (shared, not copied)
    std::function<std::optional<double>(const WeekStats &)> value;
    std::function<QString(const WeekStats &, double)> tooltip;

    QString at(qint64 key) const
    {
        const auto found = std::lower_bound(weeks.cbegin(), weeks.cend(), key,
            [](const WeekStats &week, qint64 wanted) { return tipKey(weekX(week)) < wanted; });
        if (found == weeks.cend() || tipKey(weekX(*found)) != key)
            return {};
        const auto v = value(*found);
        return v ? tooltip(*found, *v) : QString();
    }
    QStringList inOrder() const
    {
        QStringList lines;
        for (const WeekStats &week : weeks)
            if (const auto v = value(week))
                lines << oneLine(tooltip(week, *v));
        return lines;
    }
};
using WeeklyTipsPointer = std::shared_ptr<const WeeklyTips>;
const char *kWeeklyTipsProperty = "letdownWeeklyTips";

// Beyond two years of weeks the points are drawn by their line, not as markers of their
// own: Qt Charts makes a graphics item of every marker (ten years: thousands of them, most
// of a refresh), while 500 weeks across a chart leave a marker under a pixel's width anyway.
constexpr qsizetype kMostWeeksWithMarkers = 104;

// Draws points for weeks with data and joins only neighbouring weeks: a week with no
// data is a gap, never a zero.
void addWeeklySeries(
    QChart *chart, const TrendStats &stats, const WeeklyValues &values, QAbstractAxis *x, QAbstractAxis *y)
{
    QPen pen(values.color, 2.2, values.style);
    const bool pointsOnLine = stats.weeks.size() > kMostWeeksWithMarkers;
    QLineSeries *segment = nullptr;
    QList<QLineSeries *> segments;
    // A segment's points are handed over at once: each point appended to a series already on
    // a chart made it lay out all its points again (ten years: quadratic, most of a refresh).
    QList<QList<QPointF>> pointsOfSegments;
    QScatterSeries *markers = nullptr;
    for (const WeekStats &week : stats.weeks) {
        const auto value = values.value(week);
        if (!value) {
            segment = nullptr;
            continue;
        }
        if (!segment) {
            segment = new QLineSeries;
            segment->setPen(pen);
            segment->setName(values.name);
            attach(chart, segment, x, y);
            // One legend entry per curve: the first segment stands for all of them, unless
            // markers do.
            const bool markersInLegend = values.tooltip && !pointsOnLine;
            if (!segments.isEmpty() || markersInLegend || !values.inLegend)
                chart->legend()->markers(segment).constFirst()->setVisible(false);
            if (values.tooltip && pointsOnLine) {
                segment->setPointsVisible(true);
                segment->setMarkerSize(5);
            }
            segments << segment;
            pointsOfSegments.append(QList<QPointF>());
        }
        pointsOfSegments.last().append({weekX(week), *value});
        if (values.tooltip) {
            if (!markers && !pointsOnLine) {
                markers = new QScatterSeries;
                markers->setName(values.name);
                markers->setColor(values.color);
                markers->setBorderColor(values.color);
                markers->setMarkerSize(9);
            }
            if (markers)
                markers->append(weekX(week), *value);
        }
    }
    for (qsizetype i = 0; i < segments.size(); ++i)
        segments[i]->replace(pointsOfSegments[i]);
    const auto showTips = [](QXYSeries *series) {
        QObject::connect(series, &QXYSeries::hovered, series, [series](const QPointF &point, bool over) {
            if (over)
                QToolTip::showText(QCursor::pos(), TrendCharts::tooltipAt(series, point.x()));
            else
                QToolTip::hideText();
        });
    };
    if (!values.tooltip || (!markers && segments.isEmpty()))
        return;
    const auto tips = std::make_shared<const WeeklyTips>(WeeklyTips {stats.weeks, values.value, values.tooltip});
    describe(chart, [tips] { return tips->inOrder(); });
    // The markers answer for every week; without them each segment answers for its own.
    QList<QXYSeries *> answering;
    if (markers) {
        attach(chart, markers, x, y);
        if (!values.inLegend)
            chart->legend()->markers(markers).constFirst()->setVisible(false);
        answering << markers;
    } else {
        for (QLineSeries *each : std::as_const(segments))
            answering << each;
    }
    for (QXYSeries *series : std::as_const(answering)) {
        series->setProperty(kWeeklyTipsProperty, QVariant::fromValue(WeeklyTipsPointer(tips)));
        showTips(series);
    }
}

void addHorizontalLine(
    QChart *chart, const QString &name, double y, qreal fromX, qreal toX, QAbstractAxis *x, QAbstractAxis *yAxis)
{
    auto *line = new QLineSeries;
    line->setName(name);
    line->setPen(QPen(referenceColor(), 2, Qt::DashLine));
    line->append(fromX, y);
    line->append(toX, y);
    attach(chart, line, x, yAxis);
}

double maxOf(const TrendStats &stats, const std::function<std::optional<double>(const WeekStats &)> &value)
{
    double result = 0;
    for (const WeekStats &week : stats.weeks)
        if (const auto v = value(week))
            result = std::max(result, *v);
    return result;
}

// "1 session", "12 sessions": the words translated once per chart, not once per point.
struct SessionsText {
    QString one = Text::tr("1 session");
    QString many = Text::tr("%1 sessions");
    QString operator()(int count) const { return count == 1 ? one : many.arg(count); }
};
} // namespace

QString TrendCharts::tooltipAt(const QObject *series, qreal x)
{
    if (const auto weekly = series->property(kWeeklyTipsProperty).value<WeeklyTipsPointer>())
        return weekly->at(tipKey(x));
    return series->property(kTooltipsProperty).value<Tooltips>().value(tipKey(x));
}

QStringList TrendCharts::spokenPoints(const QChart *chart)
{
    QStringList points;
    if (const auto description = chart->property(kDescriptionProperty).value<ChartDescriptionPointer>())
        for (const auto &part : std::as_const(description->parts))
            points << part();
    return points;
}

QChart *TrendCharts::letdownsPerSession(
    const TrendStats &stats, const ReferenceModel &model, KindFilter filter, const ChartOptions &options)
{
    QChart *chart = newChart(Text::tr("Let-downs per session (weekly mean)"));
    chart->legend()->setAlignment(Qt::AlignRight); // six entries: too many for one row below
    if (stats.weeks.isEmpty())
        return chart;
    const bool nursing = filter != KindFilter::Pumping;
    const bool pumping = filter != KindFilter::Nursing;
    double top = nursing ? model.meanLetdownsPerBreastfeed : 0;
    if (pumping)
        top = std::max(top, model.pumpingLetdownsHigh);
    top = std::max({top, maxOf(stats, [](const WeekStats &w) { return w.meanLetdownsNursing; }),
        maxOf(stats, [](const WeekStats &w) { return w.meanLetdownsPumping; })});
    auto *x = weekAxis(stats);
    auto *y = valueAxis(Text::tr("per session"), top);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    const qreal fromX = x->min();
    const qreal toX = x->max();

    if (pumping && options.showReference) {
        // The pumping studies give a range rather than one mean: draw it as a band.
        // An area series does not own its boundary lines: the chart does.
        auto *low = new QLineSeries(chart);
        auto *high = new QLineSeries(chart);
        low->append(fromX, model.pumpingLetdownsLow);
        low->append(toX, model.pumpingLetdownsLow);
        high->append(fromX, model.pumpingLetdownsHigh);
        high->append(toX, model.pumpingLetdownsHigh);
        auto *band = new QAreaSeries(high, low);
        band->setName(
            Text::tr("Pumping studies"));
        QColor fill = kPumpingColor;
        fill.setAlpha(40);
        band->setBrush(fill);
        band->setPen(
            QPen(QColor(kPumpingColor.red(), kPumpingColor.green(), kPumpingColor.blue(), 90), 1, Qt::DashLine));
        attach(chart, band, x, y);
    }
    if (nursing && options.showReference)
        addHorizontalLine(chart, Text::tr("Nursing studies"),
            model.meanLetdownsPerBreastfeed, fromX, toX, x, y);

    const SessionsText sessionsText;
    const QString meanTip = Text::tr("%1\n%2: %3 let-downs per session\nfrom %4");
    const QString baselineTip = Text::tr("%1\n%2 baseline: %3 let-downs per session\nfrom %4 in the 4 weeks before");
    const auto addKind
        = [&](const QString &kindName, QColor color, auto mean, auto count, auto baseline, auto baselineCount) {
              addWeeklySeries(chart, stats,
                  {kindName, color, mean,
                      [=](const WeekStats &w, double v) {
                          return meanTip.arg(weekCaption(w), kindName, number(v, 2), sessionsText(count(w)));
                      }},
                  x, y);
              addWeeklySeries(chart, stats,
                  {Text::tr("%1 baseline").arg(kindName), color.lighter(140), baseline,
                      [=](const WeekStats &w, double v) {
                          return baselineTip.arg(weekCaption(w), kindName, number(v, 2), sessionsText(baselineCount(w)));
                      },
                      Qt::DotLine, false},
                  x, y);
          };
    if (nursing)
        addKind(
            Text::tr("Nursing"), kNursingColor, [](const WeekStats &w) { return w.meanLetdownsNursing; },
            [](const WeekStats &w) { return w.nursingSessions; },
            [](const WeekStats &w) { return w.baselineLetdownsNursing; },
            [](const WeekStats &w) { return w.baselineSessionsNursing; });
    if (pumping)
        addKind(
            Text::tr("Pumping"), kPumpingColor, [](const WeekStats &w) { return w.meanLetdownsPumping; },
            [](const WeekStats &w) { return w.pumpingSessions; },
            [](const WeekStats &w) { return w.baselineLetdownsPumping; },
            [](const WeekStats &w) { return w.baselineSessionsPumping; });
    return chart;
}

QChart *TrendCharts::volumeByOrder(const TrendStats &stats, const ChartOptions &options)
{
    const VolumeFormat &v = options.volume;
    QChart *chart = newChart(Text::tr("Estimated volume by let-down order"));
    if (stats.volumeByOrder.isEmpty())
        return chart;
    // Short legend names (four share one line); the figures are in the tooltips and the note.
    auto *set = new QBarSet(Text::tr("Your mean"));
    set->setColor(kAllColor.lighter(130));
    set->setBorderColor(kAllColor);
    // The published curve, always the literature's figures (the bars may use her own curve).
    auto *reference = new QLineSeries;
    reference->setName(Text::tr("Published curve"));
    reference->setPen(QPen(referenceColor(), 2, Qt::DashLine));
    reference->setPointsVisible(true);
    // Her fitted curve and its 95 % band, where a fit could be made.
    const auto &fit = options.fit;
    const bool drawFit = fit && fit->fitted && !fit->volumeOfOrderIntervals.isEmpty();
    auto *fitted = new QLineSeries;
    auto *bandLow = new QLineSeries;
    auto *bandHigh = new QLineSeries;
    fitted->setName(fit && !fit->ready && fit->moreSessionsNeeded > 0
            ? (fit->moreSessionsIsEstimate ? Text::tr("Your curve (about %1 more sessions needed)")
                                           : fit->moreSessionsNeeded == 1 ? Text::tr("Your curve (1 more session needed)")
                                                                          : Text::tr("Your curve (%1 more sessions needed)"))
                  .arg(fit->moreSessionsNeeded)
            : fit && !fit->ready ? Text::tr("Your curve (not ready)")
                                 : Text::tr("Your curve"));
    fitted->setPen(QPen(kAllColor.darker(130), 2));
    fitted->setPointsVisible(true);
    QStringList categories;
    double top = 0;
    Tooltips tips;
    QStringList tipsInOrder;
    const SessionsText sessionsText;
    for (const OrderVolume &order : stats.volumeByOrder) {
        categories << QString::number(order.order);
        set->append(v.fromMl(order.meanEstimatedMl));
        const double publishedMl = options.publishedFirstMl * std::pow(options.publishedDecay, order.order - 1);
        reference->append(order.order - 1, v.fromMl(publishedMl));
        top = std::max({top, v.fromMl(order.meanEstimatedMl), options.showReference ? v.fromMl(publishedMl) : 0.0});
        QString tip = Text::tr("Let-down #%1: %2 on average (estimated)\nfrom %3; published curve %4")
                          .arg(order.order)
                          .arg(v.text(order.meanEstimatedMl), sessionsText(order.sessions), v.text(publishedMl));
        if (drawFit && order.order <= fit->volumeOfOrderIntervals.size()) {
            const double ownMl = fit->firstMl * std::pow(fit->decay, order.order - 1);
            const ValueInterval &band = fit->volumeOfOrderIntervals[order.order - 1];
            fitted->append(order.order - 1, v.fromMl(ownMl));
            bandLow->append(order.order - 1, v.fromMl(band.low));
            bandHigh->append(order.order - 1, v.fromMl(band.high));
            top = std::max(top, v.fromMl(band.high));
            tip += Text::tr("; your curve %1 (95 % band %2 to %3)")
                       .arg(v.text(ownMl), v.text(band.low), v.text(band.high));
        }
        tips.insert(tipKey(order.order - 1), tip);
        tipsInOrder << tip;
    }
    auto *bars = new QBarSeries;
    bars->append(set);
    setTooltips(chart, set, tips, tipsInOrder);
    QObject::connect(set, &QBarSet::hovered, set, [set](bool over, int index) {
        if (over)
            QToolTip::showText(QCursor::pos(), TrendCharts::tooltipAt(set, index));
        else
            QToolTip::hideText();
    });
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    x->setTitleText(Text::tr("let-down number in the session"));
    auto *y = valueAxis(v.symbol(), top);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    attach(chart, bars, x, y);
    if (drawFit) {
        // An area series does not own its boundary lines: the chart does.
        bandLow->setParent(chart);
        bandHigh->setParent(chart);
        auto *band = new QAreaSeries(bandHigh, bandLow);
        band->setName(Text::tr("95 % band"));
        QColor fill = kAllColor;
        fill.setAlpha(60);
        band->setBrush(fill);
        band->setPen(Qt::NoPen);
        attach(chart, band, x, y);
        attach(chart, fitted, x, y);
    } else {
        delete fitted;
        delete bandLow;
        delete bandHigh;
    }
    if (options.showReference)
        attach(chart, reference, x, y);
    else
        delete reference;
    return chart;
}

TrendCharts::ChartOptions TrendCharts::chartOptionsFor(const Preferences &preferences)
{
    ChartOptions options;
    options.volume = VolumeFormat {preferences.unit};
    options.showReference = preferences.showReferenceLines;
    options.publishedFirstMl = preferences.firstLetdownMl;
    options.publishedDecay = preferences.decayR;
    options.fit = preferences.currentFit;
    return options;
}

QChart *TrendCharts::timeToFirstLetdown(const TrendStats &stats)
{
    QChart *chart = newChart(Text::tr("Time to first let-down (weekly median)"));
    if (stats.weeks.isEmpty())
        return chart;
    const auto value = [](const WeekStats &w) { return w.medianFirstLetdownS; };
    auto *x = weekAxis(stats);
    auto *y = secondsAxis(maxOf(stats, value));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    const SessionsText sessionsText;
    const QString tip = Text::tr("%1\nfirst let-down after %2 (median)\nfrom %3 with a let-down");
    addWeeklySeries(chart, stats,
        {Text::tr("Your weekly median"), kAllColor, value,
            [=](const WeekStats &w, double v) {
                return tip.arg(weekCaption(w), formatSeconds(v), sessionsText(w.sessionsWithLetdown));
            }},
        x, y);
    return chart;
}

QChart *TrendCharts::milkPerDay(const TrendStats &stats, const ChartOptions &options)
{
    // Measured and estimated side by side, never added together (docs/consultant.md).
    QChart *chart = newChart(Text::tr("Milk per day (weekly mean)"));
    if (stats.weeks.isEmpty())
        return chart;
    const VolumeFormat volume = options.volume;
    const auto inUnit = [volume](const std::optional<double> &ml) {
        return ml ? std::optional<double>(volume.fromMl(*ml)) : std::nullopt;
    };
    const auto measured = [inUnit](const WeekStats &w) { return inUnit(w.measuredMlPerDay); };
    const auto estimated = [inUnit](const WeekStats &w) { return inUnit(w.letdownEstimateMlPerDay); };
    auto *x = weekAxis(stats);
    auto *y = valueAxis(Text::tr("%1 per day").arg(volume.symbol()), std::max(maxOf(stats, measured), maxOf(stats, estimated)));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    const QString measuredTip
        = Text::tr("%1\n%2 per day measured (pumped, test weights)\nmean of the days with a measured session");
    const QString estimatedTip = Text::tr("%1\n%2 per day estimated from let-downs\n(sessions with nothing measured)");
    const QString oneNotEstimated = Text::tr("\n1 session not estimated (nothing measured, no let-down)");
    const QString manyNotEstimated = Text::tr("\n%1 sessions not estimated (nothing measured, no let-down)");
    addWeeklySeries(chart, stats,
        {Text::tr("Measured"), kPumpingColor, measured,
            [=](const WeekStats &w, double v) { return measuredTip.arg(weekCaption(w), volume.text(volume.toMl(v))); }},
        x, y);
    addWeeklySeries(chart, stats,
        {Text::tr("Estimated from let-downs"), kAllColor, estimated,
            [=](const WeekStats &w, double v) {
                QString tip = estimatedTip.arg(weekCaption(w), volume.text(volume.toMl(v)));
                if (w.sessionsWithoutEstimate > 0)
                    tip += w.sessionsWithoutEstimate == 1 ? oneNotEstimated
                                                          : manyNotEstimated.arg(w.sessionsWithoutEstimate);
                return tip;
            },
            Qt::DashLine},
        x, y);
    return chart;
}
