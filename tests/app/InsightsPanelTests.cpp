#include "InsightsPanel.h"
#include "storage/SessionStore.h"

#include "SessionFixtures.h"
#include "TestSupport.h"

#include <QCheckBox>
#include <QLabel>
#include <QSettings>
#include <QHelpEvent>
#include <QTest>
#include <QToolTip>

namespace {
QList<Session> techniqueFixture()
{
    QList<Session> sessions;
    const QList<int> withS = {40, 50, 60, 70, 80, 90}, withoutS = {100, 110, 120, 130, 140, 150};
    for (int i = 0; i < 6; ++i) {
        Session with = finishedSession(SessionKind::Nursing, berlin(2026, 11, 23 + i, 8, 0), {withS[i], 300});
        with.techniques = {QStringLiteral("warm_compress")};
        sessions << with << finishedSession(SessionKind::Nursing, berlin(2026, 11, 23 + i, 14, 0), {withoutS[i], 300});
    }
    return sessions;
}
} // namespace

TEST_CASE("Insights tab: an empty log says how to begin")
{
    TempDatabase db;
    SessionStore store(db.database);
    FakeClock clock(berlin(2026, 12, 2, 10, 0).toMSecsSinceEpoch());
    InsightsPanel panel(store, clock);
    panel.show();
    auto *empty = panel.findChild<QLabel *>("emptyText");
    REQUIRE(empty);
    CHECK_THAT(empty->text().toStdString(), Catch::Contains("tick the techniques"));
}

TEST_CASE("Insights tab: the sentence and chart for a technique that helps")
{
    TempDatabase db;
    SessionStore store(db.database);
    REQUIRE(store.saveSessions(techniqueFixture()));
    FakeClock clock(berlin(2026, 12, 2, 10, 0).toMSecsSinceEpoch());
    InsightsPanel panel(store, clock);
    panel.resize(900, 700);
    panel.show();
    auto *sentence = panel.findChild<QLabel *>("sentence_warm_compress");
    REQUIRE(sentence);
    CHECK_THAT(sentence->text().toStdString(),
        Catch::StartsWith("With a warm compress, your first let-down typically came sooner: after "));
    CHECK_THAT(sentence->text().toStdString(), !Catch::Contains("interval"));
    auto *details = panel.findChild<QLabel *>("details_warm_compress");
    REQUIRE(details);
    CHECK_THAT(details->text().toStdString(), Catch::Contains("(95 % interval "));
    auto *chart = panel.findChild<SpreadChart *>("chart_warm_compress");
    REQUIRE(chart);
    // A screen reader hears every row's figures; hovering a row shows that row's.
    CHECK(chart->accessibleDescription()
        == chart->rowText(0) + "; " + chart->rowText(1) + "; " + chart->rowText(2));
    CHECK_THAT(chart->rowText(0).toStdString(), Catch::StartsWith("with: typically "));
    CHECK_THAT(chart->rowText(2).toStdString(), Catch::StartsWith("Difference \u2212"));
    const QPoint withRow(chart->width() / 2, 8 + chart->fontMetrics().height() / 2);
    QHelpEvent hover(QEvent::ToolTip, withRow, chart->mapToGlobal(withRow));
    QApplication::sendEvent(chart, &hover);
    CHECK(QToolTip::text() == chart->rowText(0));
    CHECK_FALSE(chart->grab().isNull());
}

TEST_CASE("Insights tab: the gentle alert shows, and can be switched off")
{
    QSettings().remove("insights/showAlerts");
    TempDatabase db;
    SessionStore store(db.database);
    QList<Session> sessions;
    // Four usual weeks with 3 let-downs, then two with 2: the alert's case.
    for (QDate monday(2026, 10, 26); monday < QDate(2026, 12, 7); monday = monday.addDays(7))
        for (int day = 0; day < 6; ++day) {
            const QDate date = monday.addDays(day);
            const bool recent = monday >= QDate(2026, 11, 23);
            sessions << finishedSession(SessionKind::Nursing, berlin(date.year(), date.month(), date.day(), 9, 0),
                recent ? QList<int> {60, 200} : QList<int> {60, 200, 400});
        }
    REQUIRE(store.saveSessions(sessions));
    FakeClock clock(berlin(2026, 12, 9, 10, 0).toMSecsSinceEpoch());
    InsightsPanel panel(store, clock);
    panel.show();
    REQUIRE(panel.findChild<QLabel *>("alert"));
    CHECK_THAT(panel.findChild<QLabel *>("alert")->text().toStdString(), Catch::Contains("lactation consultant"));
    panel.findChild<QCheckBox *>("alertsCheck")->click();
    CHECK_FALSE(panel.findChild<QLabel *>("alert"));
    CHECK(QSettings().value("insights/showAlerts").toBool() == false);
    QSettings().remove("insights/showAlerts");
}
