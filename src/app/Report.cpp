#include "Report.h"

#include "output/OutputFiles.h"
#include "output/PdfInfo.h"
#include "base/Clock.h"

#include "DayRaster.h"
#include "TrendsView.h"
#include "domain/Technique.h"
#include "domain/TimeFormat.h"
#include "stats/DayFigures.h"
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
#include <QTextOption>
#include <QUrl>

#include <cstdio>

namespace {
// lupdate reads Text::tr("...") with this context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Report)
};

// The page is laid out in points: A4 less 15 mm margins is about 510 pt wide.
constexpr int kChartWidthPt = 500;
constexpr QSize kChartLayoutSize(750, 330);
constexpr qreal kPrintSharpness = 2.0;
// The 24-hour picture: 1000 px for 500 pt, so 17 px text prints at 8.5 pt.
constexpr int kRasterWidthPx = 1000;
constexpr int kRasterFontPx = 17;

QString number(const std::optional<double> &value, int decimals)
{
    return value ? QLocale().toString(*value, 'f', decimals) : QStringLiteral("–");
}

QString row(const QStringList &cells, bool header = false, const QString &style = {})
{
    const QString tag = header ? QStringLiteral("th") : QStringLiteral("td");
    const QString open = style.isEmpty() ? tag : QStringLiteral("%1 style=\"%2\"").arg(tag, style);
    QString html = QStringLiteral("<tr>");
    for (const QString &cell : cells)
        html += QStringLiteral("<%1>%2</%3>").arg(open, cell, tag);
    return html + QStringLiteral("</tr>");
}

// Kept on one line (a date, "31 / 32"): spaces that do not break.
QString unbroken(QString text)
{
    return text.toHtmlEscaped().replace(QLatin1Char(' '), QStringLiteral("&nbsp;"));
}

const QString kSmallCell = QStringLiteral("font-size: 8pt");

// The summary table and what is measured and what estimated.
QString summaryHtml(const PeriodSummary &summary, const TrendStats &stats, const ReferenceModel &model,
    const VolumeFormat &volume, int letdownsWithoutFeed)
{
    const QLocale locale;
    QString h;
    h += QStringLiteral("<p style=\"font-size: 11pt; font-weight: bold; margin-top: 10px\">%1</p><table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">")
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
        summary.medianFirstLetdownS ? formatSeconds(*summary.medianFirstLetdownS) : QStringLiteral("–"),
        QString(), Text::tr("logged")});
    h += row({Text::tr("Let-downs without a feed"), locale.toString(letdownsWithoutFeed), QString(),
        Text::tr("logged (felt with no session running; in no session's figures)")});
    // Measured and estimated milk apart, never added together.
    h += row({Text::tr("Milk per day, measured (pumped, test weights)"),
        summary.measuredMlPerDay ? volume.text(*summary.measuredMlPerDay) : QStringLiteral("–"), QString(),
        Text::tr("measured; mean over the days with a measured session (%1 of %2 sessions measured)")
            .arg(summary.sessionsWithMeasuredTotal)
            .arg(summary.sessions())});
    h += row({Text::tr("Milk per day, estimated from let-downs"),
        summary.letdownEstimateMlPerDay ? volume.text(*summary.letdownEstimateMlPerDay) : QStringLiteral("–"),
        QString(),
        Text::tr("estimated, for the sessions with nothing measured; %1 could not be estimated (nothing measured, "
                 "no let-down)")
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

QString minutes(qint64 seconds)
{
    return QLocale().toString(double(seconds) / 60.0, 'f', 0);
}

// Left's share of the time on one side alone, as "55 %".
QString balance(qint64 leftS, qint64 rightS)
{
    if (leftS + rightS == 0)
        return QStringLiteral("–");
    return Text::tr("%1 %").arg(QLocale().toString(100.0 * double(leftS) / double(leftS + rightS), 'f', 0));
}

// Page 1: the last 24 hours against the aims, the last 14 days, and the 24-hour picture.
QString firstPageHtml(const QList<Session> &sessions, const Preferences &preferences, const ReferenceModel &model,
    qint64 endUtcMs, QDate lastDay)
{
    const QLocale locale;
    const VolumeFormat volume {preferences.unit};
    const DayOptions &options = preferences.dayOptions;
    const PeriodFigures day = lastDayFigures(sessions, model, endUtcMs, options);
    const auto aim = [](bool met, const QString &text) {
        return met ? text : QStringLiteral("<b>%1</b>").arg(text); // an aim not met stands out in print
    };
    const int feeds = day.nursingSessions;
    // Two figures per line, each with its usual aim: the whole page stays on one sheet.
    // A value stays on one line unless it may wrap (a list, a longer note).
    const auto cell = [](const QString &label, const QString &value, bool mayWrap = false) {
        return QStringLiteral("<td width=\"36%\">%1</td><td width=\"14%\"%3>%2</td>")
            .arg(label, value, mayWrap ? QString() : QStringLiteral(" style=\"white-space: nowrap\""));
    };
    const auto line = [](const QString &first, const QString &second) {
        return QStringLiteral("<tr>%1%2</tr>").arg(first, second);
    };
    QString h;
    h += QStringLiteral("<p style=\"font-size: 11pt; font-weight: bold; margin-top: 10px\">%1</p>")
             .arg(Text::tr("The last 24 hours (to %1)")
                      .arg(locale.toString(storedLocalDateTime(endUtcMs, processClock().utcOffsetS(endUtcMs)),
                          Text::tr("ddd d MMM, HH:mm"))));
    h += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"2\" width=\"100%\">");
    h += line(cell(Text::tr("Breastfeeds (aim %1–%2)")
                       .arg(FeedingTargets::kFewestFeedsPerDay)
                       .arg(FeedingTargets::kMostFeedsPerDay),
                  aim(feeds >= FeedingTargets::kFewestFeedsPerDay && feeds <= FeedingTargets::kMostFeedsPerDay,
                      QString::number(feeds))),
        cell(Text::tr("Pump sessions"), QString::number(day.pumpingSessions)));
    h += line(cell(Text::tr("Night %1–%2 h (aim ≥ %3)")
                       .arg(options.nightFromHour)
                       .arg(options.nightToHour)
                       .arg(FeedingTargets::kNightFeeds),
                  aim(day.nightSessions >= FeedingTargets::kNightFeeds, QString::number(day.nightSessions))),
        cell(Text::tr("Longest gap (aim ≤ %1 h)").arg(FeedingTargets::kLongestGapS / 3600),
            day.longestGapS ? aim(*day.longestGapS <= FeedingTargets::kLongestGapS, formatHoursMinutes(*day.longestGapS))
                            : QStringLiteral("–")));
    // Test weights with their raw weights, so the consultant can check the gain herself.
    QStringList weighed;
    for (const auto &[beforeG, afterG] : day.testWeightsG)
        weighed << Text::tr("+%1 g<br/>(%2 → %3)")
                       .arg(locale.toString(afterG - beforeG, 'f', 0), locale.toString(beforeG, 'f', 0),
                           locale.toString(afterG, 'f', 0));
    h += line(cell(Text::tr("Minutes L / R (left's share)"),
                  unbroken(Text::tr("%1/%2 (%3)").arg(minutes(day.leftS), minutes(day.rightS), balance(day.leftS, day.rightS)))),
        cell(Text::tr("Test weights"), weighed.isEmpty() ? QStringLiteral("–") : weighed.join(QStringLiteral("<br/>")),
            true));
    // Measured milk with what was pumped from each breast, where she entered it.
    QString measured = day.sessionsMeasured > 0 ? volume.text(day.measuredMl) : QStringLiteral("–");
    if (day.pumpedLeftMl || day.pumpedRightMl)
        measured += QStringLiteral(" ")
            + Text::tr("(pumped L %1, R %2)")
                  .arg(day.pumpedLeftMl ? volume.text(*day.pumpedLeftMl) : QStringLiteral("–"),
                      day.pumpedRightMl ? volume.text(*day.pumpedRightMl) : QStringLiteral("–"));
    h += line(cell(Text::tr("Milk <b>measured</b>"), measured, true),
        cell(Text::tr("Milk <b>estimated</b> (let-downs)"),
            day.estimatedMl ? volume.text(*day.estimatedMl) : QStringLiteral("–")));
    h += line(cell(Text::tr("Top-ups (of which formula)"),
                  day.topupMl > 0
                      ? Text::tr("%1 (%2)").arg(volume.text(day.topupMl), volume.text(day.topupFormulaMl))
                      : QStringLiteral("–"),
                  true),
        cell(Text::tr("Let-downs/session (studies %1), first")
                 .arg(locale.toString(model.meanLetdownsPerBreastfeed, 'f', 1)),
            day.sessionsWithLetdownsLogged > 0
                ? Text::tr("%1, %2").arg(
                      locale.toString(double(day.letdowns) / day.sessionsWithLetdownsLogged, 'f', 1),
                      day.medianFirstLetdownS ? formatSeconds(*day.medianFirstLetdownS) : QStringLiteral("–"))
                : Text::tr("not logged")));
    h += QStringLiteral("</table>");

    // Day by day, newest last, with the same aims.
    const StatsRange fortnight {lastDay.addDays(-13), lastDay};
    const QList<DayFigures> days = dayFigures(sessions, model, fortnight, options);
    h += QStringLiteral("<p style=\"font-size: 11pt; font-weight: bold; margin-top: 10px\">%1</p>").arg(Text::tr("The last 14 days (volumes in %1)").arg(volume.symbol()));
    h += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"1\" width=\"100%\" "
                        "style=\"font-size: 8pt\">");
    h += row({Text::tr("Day"), Text::tr("Feeds"), Text::tr("Pumps"), Text::tr("Night"), Text::tr("Longest gap"),
                 Text::tr("Min L/R"), Text::tr("Measured"), Text::tr("Estimated"),
                 Text::tr("Top-up", "short column title of the 14-day table"),
                 Text::tr("Let-downs", "short column title of the 14-day table")},
        true, kSmallCell);
    const auto amount = [&](double ml) { return locale.toString(volume.fromMl(ml), 'f', volume.decimals()); };
    for (const DayFigures &d : days)
        h += row({unbroken(locale.toString(d.date, Text::tr("d/M"))), // the weekday is on the raster below
            aim(d.nursingSessions >= FeedingTargets::kFewestFeedsPerDay
                    && d.nursingSessions <= FeedingTargets::kMostFeedsPerDay,
                QString::number(d.nursingSessions)),
            QString::number(d.pumpingSessions), QString::number(d.nightSessions),
            d.longestGapS ? aim(*d.longestGapS <= FeedingTargets::kLongestGapS, formatHoursMinutes(*d.longestGapS))
                          : QStringLiteral("–"),
            unbroken(QStringLiteral("%1/%2").arg(minutes(d.leftS), minutes(d.rightS))),
            d.sessionsMeasured > 0 ? amount(d.measuredMl) : QStringLiteral("–"),
            d.estimatedMl ? amount(*d.estimatedMl) : QStringLiteral("–"),
            d.topupMl > 0 ? amount(d.topupMl) : QStringLiteral("–"),
            d.sessionsWithLetdownsLogged > 0 ? QString::number(d.letdowns) : Text::tr("not logged")},
            false, kSmallCell);
    if (days.isEmpty())
        h += QStringLiteral("<tr><td colspan=\"10\">%1</td></tr>").arg(Text::tr("No sessions in these 14 days."));
    h += QStringLiteral("</table>");
    h += QStringLiteral("<p><img src=\"letdown:raster\" width=\"%1\"/></p>").arg(kChartWidthPt);
    h += QStringLiteral("<p style=\"font-size: 8pt\">%1</p>")
             .arg(Text::tr("Bold: outside the usual aim (%1 to %2 breastfeeds a day, at least one at night, no gap "
                           "over %3 h); her consultant may set others. Gaps are counted %4. Measured: pumped and "
                           "test weights. Estimated: from let-downs, for sessions with nothing measured. The two are "
                           "never added together.")
                      .arg(FeedingTargets::kFewestFeedsPerDay)
                      .arg(FeedingTargets::kMostFeedsPerDay)
                      .arg(FeedingTargets::kLongestGapS / 3600)
                      .arg(options.gap == GapConvention::StartToStart ? Text::tr("from start to start")
                                                                      : Text::tr("from the end of one to the start "
                                                                                 "of the next")));
    return h;
}

// Week by week, as in the Trends tab.
QString weeksHtml(const TrendStats &stats, const VolumeFormat &volume)
{
    QString h;
    h += QStringLiteral("<p style=\"font-size: 11pt; font-weight: bold; margin-top: 10px\">%1</p><table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">")
             .arg(Text::tr("Week by week"));
    h += row({Text::tr("Week"), Text::tr("Sessions"), Text::tr("Let-downs / nursing"), Text::tr("Let-downs / pumping"),
                 Text::tr("First let-down (median)"), Text::tr("Measured %1/day").arg(volume.symbol()),
                 Text::tr("Estimated %1/day").arg(volume.symbol())},
        true);
    for (const WeekStats &week : stats.weeks)
        h += row({week.week.label(), QString::number(week.sessions), number(week.meanLetdownsNursing, 2),
            number(week.meanLetdownsPumping, 2),
            week.medianFirstLetdownS ? formatSeconds(*week.medianFirstLetdownS) : QStringLiteral("–"),
            week.measuredMlPerDay ? QLocale().toString(volume.fromMl(*week.measuredMlPerDay), 'f', volume.decimals())
                                  : QStringLiteral("–"),
            week.letdownEstimateMlPerDay
                ? QLocale().toString(volume.fromMl(*week.letdownEstimateMlPerDay), 'f', volume.decimals())
                : QStringLiteral("–")},
            false, QStringLiteral("white-space: nowrap")); // "2026-W47" kept whole
    h += QStringLiteral("</table>");

    return h;
}

// Her log's insights and her notes.
QString insightsAndNotesHtml(
    const Insights &insights, const QList<PeriodSummary::DatedNote> &notes, QDate notesFrom)
{
    const QLocale locale;
    QString h;
    h += QStringLiteral("<p style=\"font-size: 11pt; font-weight: bold; margin-top: 10px\">%1</p>").arg(Text::tr("What her own log suggests"));
    for (const InsightAlert &alert : insights.alerts)
        h += QStringLiteral("<p><b>%1</b></p>").arg(alert.message.toHtmlEscaped());
    QList<TechniqueInsight> compared = insights.techniques;
    if (insights.usualSpot)
        compared.append(*insights.usualSpot);
    for (const TechniqueInsight &insight : std::as_const(compared))
        h += insight.details.isEmpty() // the figures under the words, for her consultant
            ? QStringLiteral("<p>%1</p>").arg(insight.sentence.toHtmlEscaped())
            : QStringLiteral("<p>%1<br/><span style=\"font-size: 8pt\">%2</span></p>")
                  .arg(insight.sentence.toHtmlEscaped(), insight.details.toHtmlEscaped());
    for (const QString &sentence : insights.literature.sentences)
        h += QStringLiteral("<p>%1</p>").arg(sentence.toHtmlEscaped());

    // Her notes last, as an appendix, from the day she chose (the whole period can be pages).
    h += QStringLiteral("<p style=\"font-size: 11pt; font-weight: bold; margin-top: 10px\">%1</p>")
             .arg(notesFrom.isValid() ? Text::tr("Appendix: her notes from %1").arg(locale.toString(notesFrom, QLocale::LongFormat))
                                      : Text::tr("Appendix: her notes"));
    if (notes.isEmpty())
        h += QStringLiteral("<p>%1</p>").arg(Text::tr("No notes in this part of the period."));
    for (const auto &note : notes) {
        const QString when
            = locale.toString(storedLocalDateTime(note.atUtcMs, note.utcOffsetS), Text::tr("ddd d MMM yyyy, HH:mm"));
        h += QStringLiteral("<p><b>%1</b> (%2): %3</p>")
                 .arg(when.toHtmlEscaped(),
                     note.kind == SessionKind::Nursing ? Text::tr("nursing") : Text::tr("pumping"),
                     note.text.toHtmlEscaped().replace(u'\n', QStringLiteral("<br/>")));
    }
    return h;
}

QString reportTitle(const Preferences &preferences)
{
    if (preferences.motherName.isEmpty())
        return Text::tr("Letdown: let-down log report");
    return Text::tr("Letdown report for %1").arg(preferences.motherName);
}

QString html(const PeriodSummary &summary, const TrendStats &stats, const Insights &insights,
    const ReferenceModel &model, const Preferences &preferences, const StatsRange &range, int letdownsWithoutFeed,
    const QString &firstPage, const QList<PeriodSummary::DatedNote> &notes, QDate notesFrom)
{
    const VolumeFormat volume {preferences.unit};
    const QLocale locale;
    const QString from = range.from
        ? locale.toString(*range.from, QLocale::LongFormat)
        : (summary.firstDay ? locale.toString(*summary.firstDay, QLocale::LongFormat) : QStringLiteral("–"));
    const QString to = range.to
        ? locale.toString(*range.to, QLocale::LongFormat)
        : (summary.lastDay ? locale.toString(*summary.lastDay, QLocale::LongFormat) : QStringLiteral("–"));
    QString h;
    h += QStringLiteral("<html><body style=\"font-family: 'DejaVu Sans', sans-serif; font-size: 9pt;\">");
    h += QStringLiteral("<p style=\"font-size: 15pt; font-weight: bold\">%1</p>").arg(reportTitle(preferences).toHtmlEscaped());
    QString who;
    if (!preferences.babyName.isEmpty())
        who = Text::tr("Baby: %1").arg(preferences.babyName.toHtmlEscaped()) + QStringLiteral("<br/>");
    h += QStringLiteral("<p>%1<b>%2</b> %3 – %4. %5 %6</p>")
             .arg(who, Text::tr("Period:"), from.toHtmlEscaped(), to.toHtmlEscaped(), Text::tr("Prepared:"),
                 locale.toString(localNow(processClock()), Text::tr("ddd d MMM yyyy, HH:mm")).toHtmlEscaped());
    h += firstPage;

    // No forced break here: the first page's footnote is followed by the summary, never alone.
    h += summaryHtml(summary, stats, model, volume, letdownsWithoutFeed);
    h += QStringLiteral("<p style=\"font-size: 11pt; font-weight: bold; margin-top: 10px\">%1</p>")
             .arg(Text::tr("Weekly trends"));
    // One chart per line, each the page's width: legends and week labels stay whole.
    for (int i = 0; i < TrendsView::kChartCount; ++i)
        h += QStringLiteral("<p><img src=\"letdown:trends%1\" width=\"%2\"/></p>").arg(i).arg(kChartWidthPt);
    h += weeksHtml(stats, volume);
    h += insightsAndNotesHtml(insights, notes, notesFrom);
    h += QStringLiteral("</body></html>");
    return h;
}
} // namespace

bool Report::build(SessionStore &store, const Preferences &preferences, const StatsRange &range,
    QTextDocument &document, QString &error)
{
    const ReferenceModel model = preferences.referenceModel();
    QList<Session> sessions;
    QList<SpontaneousLetdown> withoutFeed;
    TrendStats stats;
    if (!loadSessionsInRange(store, range, sessions, error)
        || !loadSpontaneousLetdownsInRange(store, range, withoutFeed, error)
        || !loadTrendStats(store, model, KindFilter::Both, range, stats, error))
        return false;
    // Page 1 ends with the period (or now): its last 24 hours and 14 days, and the four weeks
    // before them for the first day's gap.
    const qint64 nowUtcMs = processClock().wallUtcMs();
    const QDate today = localToday(processClock());
    const QDate lastDay = range.to && *range.to < today ? *range.to : today;
    const qint64 endUtcMs = lastDay < today
        ? QDateTime(lastDay.addDays(1), QTime(0, 0)).toMSecsSinceEpoch() - 1
        : nowUtcMs;
    QList<Session> recent;
    if (!loadSessionsInRange(store, StatsRange {lastDay.addDays(-13 - 28), lastDay}, recent, error))
        return false;
    // Charts at print size: laid out at 750 px for 500 pt (text of 9 to 12 px stays at 8 pt or
    // more), painted at twice that for sharpness.
    TrendsView charts;
    charts.show(stats, model, KindFilter::Both, TrendCharts::chartOptionsFor(preferences));
    for (int i = 0; i < TrendsView::kChartCount; ++i)
        document.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("letdown:trends%1").arg(i)),
            charts.renderChart(i, kChartLayoutSize, kPrintSharpness));
    DayRaster::Input raster {recent, lastDay, 14, preferences.dayOptions};
    document.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("letdown:raster")),
        DayRaster::render(raster, kRasterWidthPx, kRasterFontPx));
    const Insights insights = computeInsights(sessions, model, range, localToday(processClock()));
    const PeriodSummary summary = summarize(sessions, model);
    QList<PeriodSummary::DatedNote> notes;
    QDate notesFrom;
    if (preferences.reportNotesDays > 0) {
        notesFrom = lastDay.addDays(1 - preferences.reportNotesDays);
        for (const auto &note : summary.notes)
            if (storedLocalDate(note.atUtcMs, note.utcOffsetS) >= notesFrom)
                notes << note;
    }
    // Words are never broken inside (a German word split over two lines or pages is unreadable).
    QTextOption wrap = document.defaultTextOption();
    wrap.setWrapMode(QTextOption::WordWrap);
    document.setDefaultTextOption(wrap);
    document.setMetaInformation(QTextDocument::DocumentTitle, reportTitle(preferences));

    document.setHtml(html(summary, stats, insights, model, preferences, range, int(withoutFeed.size()),
        firstPageHtml(recent, preferences, model, endUtcMs, lastDay), notes, notesFrom));
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
    printer.setDocName(reportTitle(preferences));
    printer.setCreator(QStringLiteral("Letdown"));
    const auto printTo = [&](const QString &temporary, QString &e) {
        printer.setOutputFileName(temporary);
        // Qt 6.4 writes no author: added as an incremental update (output/PdfInfo.h).
        return print(store, preferences, range, printer, e)
            && appendPdfInfo(temporary,
                PdfInfo {reportTitle(preferences), preferences.motherName,
                    QStringLiteral("Letdown %1").arg(QCoreApplication::applicationVersion()),
                    QDateTime::fromMSecsSinceEpoch(processClock().wallUtcMs(), Qt::UTC)},
                e);
    };
    // QPrinter does not report write errors: a complete PDF starts with %PDF and ends with %%EOF.
    const auto complete = [](const QByteArray &head, const QByteArray &tail) {
        return head.startsWith("%PDF") && tail.contains("%%EOF");
    };
    return output.writeToPath(index, printTo, complete, error) && output.commit(error);
}
