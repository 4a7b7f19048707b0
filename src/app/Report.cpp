#include "Report.h"

#include "output/OutputFiles.h"
#include "base/Clock.h"

#include "TrendsView.h"
#include "domain/Technique.h"
#include "domain/TimeFormat.h"
#include "stats/Insights.h"
#include "stats/Summary.h"
#include "stats/TrendQuery.h"
#include "storage/FileSync.h"
#include "storage/SessionStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLocale>
#include <QPageLayout>
#include <QPrinter>
#include <QTextDocument>
#include <QUrl>

#include <cstdio>

namespace {
// lupdate reads Text::tr("...") with this context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Report)
};

// The page is laid out in points: A4 less 15 mm margins is about 510 pt wide.
constexpr int kChartWidthPt = 500;
constexpr QSize kChartImageSize(1200, 760);

QString number(const std::optional<double> &value, int decimals)
{
    return value ? QLocale().toString(*value, 'f', decimals) : QStringLiteral("–");
}

QString row(const QStringList &cells, bool header = false)
{
    const QString tag = header ? QStringLiteral("th") : QStringLiteral("td");
    QString html = QStringLiteral("<tr>");
    for (const QString &cell : cells)
        html += QStringLiteral("<%1>%2</%1>").arg(tag, cell);
    return html + QStringLiteral("</tr>");
}

// The summary table and what is measured and what estimated.
QString summaryHtml(const PeriodSummary &summary, const TrendStats &stats, const ReferenceModel &model,
    const VolumeFormat &volume, int letdownsWithoutFeed)
{
    const QLocale locale;
    QString h;
    h += QStringLiteral("<h2>%1</h2><table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">")
             .arg(Text::tr("Summary"));
    h += row({Text::tr("Figure"), Text::tr("Her log"), Text::tr("Reference"), Text::tr("Kind of figure")}, true);
    h += row({Text::tr("Sessions"),
        Text::tr("%1 nursing, %2 pumping").arg(summary.nursingSessions).arg(summary.pumpingSessions), QString(),
        Text::tr("counted")});
    h += row({Text::tr("Let-downs per nursing session (mean)"), number(summary.meanLetdownsNursing, 2),
        Text::tr("%1 ± %2 (Ramsay 2004, ultrasound)")
            .arg(locale.toString(model.meanLetdownsPerBreastfeed), locale.toString(model.sdLetdownsPerBreastfeed)),
        Text::tr("logged (the ones she noticed)")});
    h += row({Text::tr("Let-downs per pumping session (mean)"), number(summary.meanLetdownsPumping, 2),
        Text::tr("%1 – %2 (Prime 2011, Ramsay 2005)")
            .arg(locale.toString(model.pumpingLetdownsLow), locale.toString(model.pumpingLetdownsHigh)),
        Text::tr("logged (the ones she noticed)")});
    h += row({Text::tr("Time to first let-down (median)"),
        summary.medianFirstLetdownS ? Text::tr("%1 s").arg(number(summary.medianFirstLetdownS, 0))
                                    : QStringLiteral("–"),
        QString(), Text::tr("logged")});
    h += row({Text::tr("Let-downs without a feed"), locale.toString(letdownsWithoutFeed), QString(),
        Text::tr("logged (felt with no session running; in no session's figures)")});
    h += row({Text::tr("Milk per day (mean over %1 days with sessions)").arg(summary.daysWithSessions),
        summary.estimatedMlPerDay ? volume.text(*summary.estimatedMlPerDay) : QStringLiteral("–"), QString(),
        Text::tr("estimated; %1 of %2 sessions had a measured total; %3 could not be estimated "
                 "(nothing measured, no let-down)")
            .arg(summary.sessionsWithMeasuredTotal)
            .arg(summary.sessions())
            .arg(summary.sessionsWithoutEstimate)});
    QStringList herByOrder, referenceByOrder;
    for (const OrderVolume &order : stats.volumeByOrder) {
        herByOrder << Text::tr("#%1: %2").arg(order.order).arg(volume.text(order.meanEstimatedMl));
        referenceByOrder << Text::tr("#%1: %2").arg(order.order).arg(volume.text(order.referenceMl));
    }
    h += row({Text::tr("Milk by let-down order (mean)"),
        herByOrder.isEmpty() ? QStringLiteral("–") : herByOrder.join(QStringLiteral("<br/>")),
        referenceByOrder.join(QStringLiteral("<br/>")), Text::tr("estimated (model below)")});
    QStringList techniques;
    for (const auto &use : summary.techniques)
        techniques << Text::tr("%1: %2 sessions").arg(techniqueLabel(use.key)).arg(use.sessions);
    h += row({Text::tr("Techniques used"),
        techniques.isEmpty() ? Text::tr("none ticked") : techniques.join(QStringLiteral("<br/>")), QString(),
        Text::tr("ticked by her")});
    h += QStringLiteral("</table>");
    h += QStringLiteral("<p><i>%1</i></p>")
             .arg(Text::tr(
                 "Measured: counts, times and any pumped volume or test-weigh she entered. Estimated: the volume "
                 "of each let-down, %1 for the first and ×%2 for each later one (model: %3), or her measured total "
                 "shared in the same proportions. Logged let-downs are the ones she noticed; studies find "
                 "later ones often go unfelt. Not medical advice.")
                      .arg(volume.text(model.firstLetdownMl), locale.toString(model.decayR, 'g', 2),
                          model.volumeModelSource.isEmpty() ? model.volumeModelId : model.volumeModelSource));

    return h;
}

// Week by week, as in the Trends tab.
QString weeksHtml(const TrendStats &stats, const VolumeFormat &volume)
{
    QString h;
    h += QStringLiteral("<h2>%1</h2><table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">")
             .arg(Text::tr("Week by week"));
    h += row({Text::tr("Week"), Text::tr("Sessions"), Text::tr("Let-downs / nursing"), Text::tr("Let-downs / pumping"),
                 Text::tr("First let-down (median s)"), Text::tr("Milk per day (est. %1)").arg(volume.symbol())},
        true);
    for (const WeekStats &week : stats.weeks)
        h += row({week.week.label(), QString::number(week.sessions), number(week.meanLetdownsNursing, 2),
            number(week.meanLetdownsPumping, 2), number(week.medianFirstLetdownS, 0),
            week.estimatedMlPerDay ? QLocale().toString(volume.fromMl(*week.estimatedMlPerDay), 'f', volume.decimals())
                                   : QStringLiteral("–")});
    h += QStringLiteral("</table>");

    return h;
}

// Her log's insights and her notes.
QString insightsAndNotesHtml(const PeriodSummary &summary, const Insights &insights)
{
    const QLocale locale;
    QString h;
    h += QStringLiteral("<h2>%1</h2>").arg(Text::tr("What her own log suggests"));
    for (const InsightAlert &alert : insights.alerts)
        h += QStringLiteral("<p><b>%1</b></p>").arg(alert.message.toHtmlEscaped());
    QList<TechniqueInsight> compared = insights.techniques;
    if (insights.usualSpot)
        compared.append(*insights.usualSpot);
    for (const TechniqueInsight &insight : std::as_const(compared))
        h += insight.details.isEmpty() // the figures under the words, for her consultant
            ? QStringLiteral("<p>%1</p>").arg(insight.sentence.toHtmlEscaped())
            : QStringLiteral("<p>%1<br/><small>%2</small></p>")
                  .arg(insight.sentence.toHtmlEscaped(), insight.details.toHtmlEscaped());
    for (const QString &sentence : insights.literature.sentences)
        h += QStringLiteral("<p>%1</p>").arg(sentence.toHtmlEscaped());

    h += QStringLiteral("<h2>%1</h2>").arg(Text::tr("Her notes"));
    if (summary.notes.isEmpty())
        h += QStringLiteral("<p>%1</p>").arg(Text::tr("No notes in this period."));
    for (const auto &note : summary.notes) {
        const QString when
            = locale.toString(storedLocalDateTime(note.atUtcMs, note.utcOffsetS), Text::tr("ddd d MMM yyyy, HH:mm"));
        h += QStringLiteral("<p><b>%1</b> (%2): %3</p>")
                 .arg(when.toHtmlEscaped(),
                     note.kind == SessionKind::Nursing ? Text::tr("nursing") : Text::tr("pumping"),
                     note.text.toHtmlEscaped().replace(u'\n', QStringLiteral("<br/>")));
    }
    return h;
}

QString html(const PeriodSummary &summary, const TrendStats &stats, const Insights &insights,
    const ReferenceModel &model, const VolumeFormat &volume, const StatsRange &range, int letdownsWithoutFeed)
{
    const QLocale locale;
    const QString from = range.from
        ? locale.toString(*range.from, QLocale::LongFormat)
        : (summary.firstDay ? locale.toString(*summary.firstDay, QLocale::LongFormat) : QStringLiteral("–"));
    const QString to = range.to
        ? locale.toString(*range.to, QLocale::LongFormat)
        : (summary.lastDay ? locale.toString(*summary.lastDay, QLocale::LongFormat) : QStringLiteral("–"));
    QString h;
    h += QStringLiteral("<html><body style=\"font-family: 'DejaVu Sans', sans-serif; font-size: 9pt;\">");
    h += QStringLiteral("<h1>%1</h1>").arg(Text::tr("Letdown: let-down log report"));
    h += QStringLiteral("<p><b>%1</b> %2 – %3<br/>%4 %5</p>")
             .arg(Text::tr("Period:"), from.toHtmlEscaped(), to.toHtmlEscaped(), Text::tr("Prepared:"),
                 locale.toString(localNow(processClock()), Text::tr("ddd d MMM yyyy, HH:mm")).toHtmlEscaped());

    h += summaryHtml(summary, stats, model, volume, letdownsWithoutFeed);

    h += QStringLiteral(
        "<h2 style=\"page-break-before: always\">%1</h2><p><img src=\"letdown:trends\" width=\"%2\"/></p>")
             .arg(Text::tr("Weekly trends"))
             .arg(kChartWidthPt);

    h += weeksHtml(stats, volume);

    h += insightsAndNotesHtml(summary, insights);
    h += QStringLiteral("</body></html>");
    return h;
}
} // namespace

bool Report::build(SessionStore &store, const Preferences &preferences, const StatsRange &range,
    QTextDocument &document, QString &error)
{
    const ReferenceModel model = preferences.referenceModel();
    const VolumeFormat volume {preferences.unit};
    QList<Session> sessions;
    QList<SpontaneousLetdown> withoutFeed;
    TrendStats stats;
    if (!loadSessionsInRange(store, range, sessions, error)
        || !loadSpontaneousLetdownsInRange(store, range, withoutFeed, error)
        || !loadTrendStats(store, model, KindFilter::Both, range, stats, error))
        return false;
    TrendsView charts;
    charts.show(stats, model, KindFilter::Both, TrendCharts::chartOptionsFor(preferences));
    document.addResource(
        QTextDocument::ImageResource, QUrl(QStringLiteral("letdown:trends")), charts.renderImage(kChartImageSize));
    const Insights insights = computeInsights(sessions, model, range, localToday(processClock()));
    document.setHtml(
        html(summarize(sessions, model), stats, insights, model, volume, range, int(withoutFeed.size())));
    return true;
}

bool Report::print(
    SessionStore &store, const Preferences &preferences, const StatsRange &range, QPrinter &printer, QString &error)
{
    QTextDocument document;
    if (!build(store, preferences, range, document, error))
        return false;
    printer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    document.setPageSize(printer.pageLayout().paintRectPoints().size());
    document.print(&printer);
    return true;
}

bool Report::writePdf(
    SessionStore &store, const Preferences &preferences, const StatsRange &range, const QString &path, QString &error)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setPageSize(QPageSize(QPageSize::A4));
    // A private temporary file beside the target, renamed over it only when the PDF is
    // complete: a failed report never replaces a good one, nor anything else she owns.
    OutputFiles output(store.databasePath());
    const int index = output.add(path, true, error);
    if (index < 0)
        return false;
    const auto printTo = [&](const QString &temporary, QString &e) {
        printer.setOutputFileName(temporary);
        return print(store, preferences, range, printer, e);
    };
    // QPrinter does not report write errors: a complete PDF starts with %PDF and ends with %%EOF.
    const auto complete = [](const QByteArray &head, const QByteArray &tail) {
        return head.startsWith("%PDF") && tail.contains("%%EOF");
    };
    return output.writeToPath(index, printTo, complete, error) && output.commit(error);
}
