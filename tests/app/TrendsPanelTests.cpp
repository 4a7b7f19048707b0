#include "MainWindow.h"
#include "TrendCharts.h"
#include "TrendsPanel.h"
#include "TrendsView.h"
#include "recorder/SessionRecorder.h"
#include "storage/SessionStore.h"

#include "SessionFixtures.h"
#include "TestSupport.h"

#include <QAccessible>
#include <QAreaSeries>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QLabel>
#include <QLineSeries>
#include <QScatterSeries>
#include <QStackedWidget>
#include <QTest>
#include <QToolTip>

namespace {
// Two nursing sessions in 2026-W47 (3 and 2 let-downs), a pumping one (4), none in W48,
// one nursing session with 12 let-downs in W49. "Today" is Saturday 2026-12-05.
struct TrendsScreen {
    TempDatabase db;
    SessionStore store {db.database};
    FakeClock clock {berlin(2026, 12, 5, 10, 0).toMSecsSinceEpoch(), 3600};
    std::unique_ptr<TrendsPanel> panel;

    explicit TrendsScreen(bool withData = true)
    {
        if (withData) {
            Session b = finishedSession(SessionKind::Nursing, berlin(2026, 11, 16, 14, 0), {120, 400});
            b.preFeedWeightG = 4000;
            b.postFeedWeightG = 4060;
            Session c = finishedSession(SessionKind::Pumping, berlin(2026, 11, 17, 7, 0), {90, 200, 350, 500});
            c.pumpedVolumeMl = 100;
            REQUIRE(store.saveSessions(
                {finishedSession(SessionKind::Nursing, berlin(2026, 11, 16, 8, 0), {60, 300, 600}), b, c,
                    finishedSession(SessionKind::Nursing, berlin(2026, 12, 2, 9, 0),
                        {30, 60, 90, 120, 150, 180, 210, 240, 270, 300, 330, 360})}));
        }
        panel = std::make_unique<TrendsPanel>(store, clock);
        panel->resize(1200, 800);
        panel->show();
        REQUIRE(QTest::qWaitForWindowExposed(panel.get()));
    }

    template <typename T = QWidget> T *find(const char *name)
    {
        T *widget = panel->findChild<T *>(QString::fromLatin1(name));
        REQUIRE(widget != nullptr);
        return widget;
    }
    QChart *letdownsChart() { return panel->view()->letdownsView()->chart(); }
    void chooseRange(const QString &text)
    {
        auto *combo = find<QComboBox>("rangeCombo");
        combo->setCurrentIndex(combo->findText(text));
    }
    void chooseKind(int index) { find<QComboBox>("kindCombo")->setCurrentIndex(index); }
};

template <typename Series> QList<Series *> seriesNamed(QChart *chart, const QString &name)
{
    QList<Series *> found;
    for (QAbstractSeries *series : chart->series())
        if (auto *typed = qobject_cast<Series *>(series); typed && typed->name() == name)
            found.append(typed);
    return found;
}

qreal weekX(QDate monday)
{
    return qreal(QDateTime(monday, QTime(12, 0), Qt::UTC).toMSecsSinceEpoch());
}
} // namespace

TEST_CASE("Trends: with no sessions the panel says how to start instead of drawing axes")
{
    TrendsScreen screen(false);
    auto *pages = screen.find<QStackedWidget>("pages");
    CHECK(pages->currentWidget()->objectName() == "emptyPage");
    CHECK_THAT(screen.find<QLabel>("emptyLabel")->text().toStdString(), Catch::Contains("Start"));
    CHECK_FALSE(screen.find<QWidget>("saveImageButton")->isEnabled());
}

TEST_CASE("Trends: let-downs per session against the 2.5 reference, with gaps for empty weeks")
{
    TrendsScreen screen;
    screen.chooseRange("All weeks");
    CHECK(screen.find<QStackedWidget>("pages")->currentWidget()->objectName() == "chartsPage");
    QChart *chart = screen.letdownsChart();

    const auto reference = seriesNamed<QLineSeries>(chart, "Nursing studies");
    REQUIRE(reference.size() == 1);
    for (const QPointF &point : reference[0]->points())
        CHECK(point.y() == 2.5);

    const auto nursingPoints = seriesNamed<QScatterSeries>(chart, "Nursing");
    REQUIRE(nursingPoints.size() == 1);
    const QList<QPointF> points = nursingPoints[0]->points();
    // W47: (3 + 2) / 2; W48 has no data; W49: 12.
    REQUIRE(points.size() == 2);
    CHECK(points[0] == QPointF(weekX(QDate(2026, 11, 16)), 2.5));
    CHECK(points[1] == QPointF(weekX(QDate(2026, 11, 30)), 12));
    // The empty week breaks the line: two separate segments, nothing drawn at zero.
    const auto segments = seriesNamed<QLineSeries>(chart, "Nursing");
    CHECK(segments.size() == 2);
    for (auto *segment : segments)
        for (const QPointF &point : segment->points())
            CHECK(point.y() > 0);

    // The baseline for W49 is the four weeks before it: 2.5.
    const auto baseline = seriesNamed<QScatterSeries>(chart, "Nursing baseline");
    REQUIRE(baseline.size() == 1);
    CHECK(baseline[0]->points().contains(QPointF(weekX(QDate(2026, 11, 30)), 2.5)));

    // The pumping reference band is there too (Both is the default filter).
    CHECK(seriesNamed<QAreaSeries>(chart, "Pumping studies").size() == 1);
}

TEST_CASE("Trends: hovering a point tells its value and how many sessions it rests on")
{
    TrendsScreen screen;
    screen.chooseRange("All weeks");
    auto *points = seriesNamed<QScatterSeries>(screen.letdownsChart(), "Nursing").value(0);
    REQUIRE(points);
    const QString tip = TrendCharts::tooltipAt(points, weekX(QDate(2026, 11, 16)));
    CHECK_THAT(tip.toStdString(), Catch::Contains("2026-W47"));
    CHECK_THAT(tip.toStdString(), Catch::Contains("2.50 let-downs per session"));
    CHECK_THAT(tip.toStdString(), Catch::Contains("2 sessions"));
    emit points->hovered(QPointF(weekX(QDate(2026, 11, 30)), 12), true);
    CHECK_THAT(QToolTip::text().toStdString(), Catch::Contains("1 session"));
}

TEST_CASE("Trends: week labels are the Mondays they name and stay whole at 1024 px, times in m:ss")
{
    TrendsScreen screen;
    screen.panel->resize(1024, 560);
    for (const char *range : {"Last 12 weeks", "All weeks"}) {
        INFO(range);
        screen.chooseRange(QString::fromLatin1(range));
        QTest::qWait(50);
        for (QChartView *view : {screen.panel->view()->letdownsView(), screen.panel->view()->firstLetdownView()}) {
            QChart *chart = view->chart();
            auto *weeks = qobject_cast<QCategoryAxis *>(chart->axes(Qt::Horizontal).value(0));
            REQUIRE(weeks);
            const QStringList labels = weeks->categoriesLabels();
            REQUIRE_FALSE(labels.isEmpty());
            CHECK(labels.size() <= 5);
            QFontMetrics metrics(weeks->labelsFont());
            int labelsWidth = 0;
            for (const QString &label : labels) {
                const QDate day = QDateTime::fromMSecsSinceEpoch(qint64(weeks->endValue(label))).date();
                CHECK(day.dayOfWeek() == Qt::Monday);
                CHECK(label == QLocale().toString(day, "d MMM"));
                labelsWidth += metrics.horizontalAdvance(label);
            }
            // Whole labels need room, with space between them, in the plot's width at 1024 px.
            INFO(chart->title().toStdString() << ": plot " << chart->plotArea().width() << " px");
            CHECK(labelsWidth * 1.5 < chart->plotArea().width());
            CHECK(QFontMetrics(weeks->titleFont()).horizontalAdvance(weeks->titleText()) < chart->plotArea().width());
        }
    }
    auto *seconds = qobject_cast<QCategoryAxis *>(
        screen.panel->view()->firstLetdownView()->chart()->axes(Qt::Vertical).value(0));
    REQUIRE(seconds);
    for (const QString &label : seconds->categoriesLabels())
        CHECK_THAT(label.toStdString(), Catch::Matches("[0-9]+:[0-5][0-9]"));
    const auto points = seriesNamed<QScatterSeries>(screen.panel->view()->firstLetdownView()->chart(), "Your weekly median");
    REQUIRE(points.size() == 1);
    // W47's first let-downs: 60, 120 and 90 s; the median 1:30.
    CHECK_THAT(TrendCharts::tooltipAt(points[0], weekX(QDate(2026, 11, 16))).toStdString(),
        Catch::Contains("first let-down after 1:30 (median)"));
}

TEST_CASE("Trends: a screen reader hears every point's figures, as the mouse would see them")
{
    TrendsScreen screen;
    screen.chooseRange("All weeks");
    QChartView *view = screen.panel->view()->letdownsView();
    CHECK(view->accessibleName() == "Let-downs per session (weekly mean)");
    auto *points = seriesNamed<QScatterSeries>(view->chart(), "Nursing").value(0);
    REQUIRE(points);
    const QString tip = TrendCharts::tooltipAt(points, weekX(QDate(2026, 11, 16)));
    // What a screen reader gets: the chart's accessible description, made when it asks.
    const auto spoken = [](QWidget *w) {
        QAccessibleInterface *a = QAccessible::queryAccessibleInterface(w);
        return a ? a->text(QAccessible::Description) : QString();
    };
    CHECK(QAccessible::queryAccessibleInterface(view)->role() == QAccessible::Chart);
    CHECK_FALSE(tip.isEmpty());
    CHECK_THAT(spoken(view).toStdString(), Catch::Contains(QString(tip).replace('\n', ", ").toStdString()));
    QChartView *volume = screen.panel->view()->volumeView();
    CHECK_THAT(spoken(volume).toStdString(), Catch::Contains("Let-down #1: "));
    // Charts without data say so.
    TrendsView empty;
    empty.show(TrendStats {}, ReferenceModel {}, KindFilter::Both);
    CHECK(spoken(empty.letdownsView()) == "No data in this period.");
}

TEST_CASE("Trends: the kind filter and range picker change what is drawn")
{
    TrendsScreen screen;
    screen.chooseRange("All weeks");
    screen.chooseKind(2); // pumping only
    QChart *chart = screen.letdownsChart();
    CHECK(seriesNamed<QScatterSeries>(chart, "Nursing").isEmpty());
    CHECK(seriesNamed<QLineSeries>(chart, "Nursing studies").isEmpty());
    REQUIRE(seriesNamed<QScatterSeries>(chart, "Pumping").size() == 1);
    CHECK(seriesNamed<QScatterSeries>(chart, "Pumping")[0]->points().size() == 1);

    screen.chooseKind(1); // nursing only
    screen.chooseRange("Last 4 weeks"); // W46..W49, but her log starts in W47: no weeks before it
    REQUIRE(screen.panel->stats().weeks.size() == 3);
    CHECK(screen.panel->stats().weeks.first().week.label() == "2026-W47");
    CHECK(screen.panel->stats().sessions == 3);
    CHECK(seriesNamed<QAreaSeries>(screen.letdownsChart(), "Pumping ref. 3.3–5.0").isEmpty());
}

TEST_CASE("Trends: volume by let-down order against the reference curve")
{
    TrendsScreen screen;
    screen.chooseRange("All weeks");
    QChart *chart = screen.panel->view()->volumeView()->chart();
    QBarSet *mean = nullptr;
    for (QAbstractSeries *series : chart->series())
        if (auto *bars = qobject_cast<QBarSeries *>(series))
            mean = bars->barSets().value(0);
    REQUIRE(mean);
    REQUIRE(mean->count() == 12);
    // First let-downs: 30 (reference), 37.5 (test-weigh share), 45.96 (pumped share), 30.
    CHECK(mean->at(0) == Approx((30 + 37.5 + 100 / 2.176 + 30) / 4).epsilon(1e-4));
    const auto reference = seriesNamed<QLineSeries>(chart, "Published curve");
    REQUIRE(reference.size() == 1);
    CHECK(reference[0]->at(1).y() == Approx(18));
    CHECK_THAT(TrendCharts::tooltipAt(mean, 0).toStdString(), Catch::Contains("4 sessions"));
}

TEST_CASE("Trends: the charts render to an image of the asked size")
{
    TrendsScreen screen;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("trends.png"));
    screen.panel->saveImageAs(path);
    const QImage image(path);
    CHECK(image.size() == QSize(1600, 1000));
}

TEST_CASE("Trends: a session stopped in the main window shows up in the trends")
{
    RecorderRig rig;
    auto &[db, store, clock, recorder] = rig;
    MainWindow window(db.file, recorder, store, clock);
    window.show();
    window.showTrends();
    CHECK(window.trendsPanel()->stats().sessions == 0);
    // Through the window's journal, as every hand does.
    Journal &journal = window.journal();
    REQUIRE(journal.apply(Journal::ask(Journal::Step::Start, Origin::Key)).result == "recorded");
    clock.advance(60'000);
    REQUIRE(journal.apply(Journal::ask(Journal::Step::Letdown, Origin::Key)).result == "recorded");
    REQUIRE(journal.apply(Journal::ask(Journal::Step::Stop, Origin::Key)).result == "recorded");
    CHECK(window.trendsPanel()->stats().sessions == 1);
}


TEST_CASE("Trends: beyond two years of weeks the points are drawn on their line, each week still told")
{
    // Three years of weeks, with a gap: every week a point, a tooltip and a spoken figure.
    TrendStats stats;
    const QDate firstMonday(2023, 1, 2);
    for (int i = 0; i < 156; ++i) {
        WeekStats week;
        week.week = IsoWeek::containing(firstMonday.addDays(7 * i));
        if (i != 80) {
            week.sessions = week.nursingSessions = 7;
            week.meanLetdownsNursing = 2.0 + (i % 5) * 0.25;
        }
        stats.weeks.append(week);
    }
    std::unique_ptr<QChart> chart(TrendCharts::letdownsPerSession(stats, ReferenceModel(), KindFilter::Nursing, {}));
    CHECK(seriesNamed<QScatterSeries>(chart.get(), "Nursing").isEmpty()); // no graphics item per point
    const auto lines = seriesNamed<QLineSeries>(chart.get(), "Nursing");
    REQUIRE(lines.size() == 2); // split at the week without data
    CHECK(lines[0]->points().size() == 80);
    CHECK(lines[1]->points().size() == 75);
    CHECK(lines[0]->pointsVisible());
    const QDate lateMonday = firstMonday.addDays(7 * 153); // 2 + 3 * 0.25 let-downs
    CHECK_THAT(TrendCharts::tooltipAt(lines[1], weekX(lateMonday)).toStdString(), Catch::Contains("2.75"));
    CHECK(TrendCharts::tooltipAt(lines[1], weekX(firstMonday.addDays(7 * 80))).isEmpty()); // the week without data
    // Hovering a point of the line shows its tooltip, made at that moment.
    QToolTip::hideText();
    emit lines[1]->hovered(QPointF(weekX(lateMonday), 2.75), true);
    CHECK_THAT(QToolTip::text().toStdString(), Catch::Contains("2.75"));
    QToolTip::hideText();
    const QStringList spoken = TrendCharts::spokenPoints(chart.get());
    CHECK(spoken.filter(QStringLiteral("Nursing")).size() >= 155);
}
