#include "InsightsPanel.h"
#include "MainWindow.h"
#include "TrendsPanel.h"
#include "TrendsView.h"
#include "recorder/SessionRecorder.h"
#include "storage/SessionStore.h"

#include "LetdownProcess.h"
#include "SessionFixtures.h"
#include "TestSupport.h"

#include <QAction>
#include <QAreaSeries>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QSettings>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QHelpEvent>
#include <QTest>
#include <QToolTip>

namespace {
// Her log: 60 pumping sessions from a known curve (32 ml, x0.55), enough for her own curve.
struct FittedScreen {
    CleanSettings clean;
    TempDatabase db;
    SessionStore store {db.database};
    FakeClock clock {berlin(2026, 11, 28, 10, 0).toMSecsSinceEpoch()};
    SessionRecorder recorder {store, clock};
    std::unique_ptr<MainWindow> window;

    explicit FittedScreen(int sessions = 60)
    {
        REQUIRE(store.saveSessions(knownModelSessions(21, sessions, 32, 0.55)));
        window = std::make_unique<MainWindow>(db.file, recorder, store, clock);
        window->show();
        REQUIRE(QTest::qWaitForWindowExposed(window.get()));
    }
    QWidget *insights(const char *name)
    {
        window->showInsights();
        QTest::qWait(0); // the fit runs once the window has shown
        return waitFor(name);
    }
    QWidget *waitFor(const char *name)
    {
        QWidget *found = nullptr;
        waitUntil([&] { return (found = window->insightsPanel()->findChild<QWidget *>(name)) != nullptr; });
        return found;
    }
    QString fittedText()
    {
        auto *label = qobject_cast<QLabel *>(insights("fittedModel"));
        REQUIRE(label);
        return label->text();
    }
    QList<QString> volumeSeriesNames()
    {
        window->showTrendsOfAllWeeks();
        QList<QString> names;
        for (QAbstractSeries *series : window->trendsPanel()->view()->volumeView()->chart()->series())
            names << series->name();
        return names;
    }
};
} // namespace

TEST_CASE("Her own curve: Insights offers it when ready, and only her click puts it in use")
{
    FittedScreen screen;
    waitUntil([&] { return screen.fittedText().contains("ready"); });
    CHECK_THAT(screen.fittedText().toStdString(),
        Catch::Contains("Your own volume curve is ready") && Catch::Contains("still estimated with the published"));
    // Not switched without her: preferences and Trends still use the published curve.
    CHECK(Preferences::load().volumeModelChoice == Preferences::VolumeModelChoice::Reference);
    auto *use = qobject_cast<QPushButton *>(screen.insights("useFittedModel"));
    REQUIRE(use);

    // Trends draws her curve and its band beside the published one, before and after.
    const QList<QString> before = screen.volumeSeriesNames();
    CHECK(before.contains("Published curve"));
    CHECK(before.contains("Your curve"));
    CHECK(before.contains("95 % band"));
    CHECK_THAT(screen.window->trendsPanel()->findChild<QLabel *>("noteLabel")->text().toStdString(),
        Catch::Contains("estimates with the published curve") && Catch::Contains("from 60 measured sessions"));

    screen.window->showInsights();
    QTest::mouseClick(use, Qt::LeftButton);
    CHECK(Preferences::load().volumeModelChoice == Preferences::VolumeModelChoice::Fitted);
    waitUntil([&] { return screen.fittedText().contains("estimated with your own curve"); });
    CHECK_FALSE(screen.window->insightsPanel()->findChild<QPushButton *>("useFittedModel"));

    // Edit > Preferences shows the choice, and going back is one click there.
    auto connection = QObject::connect(
        screen.window.get(), &MainWindow::preferencesDialogOpened, screen.window.get(), [&](QDialog *dialog) {
            auto *combo = dialog->findChild<QComboBox *>("volumeModelCombo");
            REQUIRE(combo);
            CHECK(combo->currentIndex() == 1);
            CHECK(qobject_cast<QStandardItemModel *>(combo->model())->item(1)->isEnabled());
            CHECK_THAT(dialog->findChild<QLabel *>("fittedStatus")->text().toStdString(),
                Catch::Contains("from 60 measured sessions"));
            combo->setCurrentIndex(0);
            dialog->accept();
        });
    screen.window->findChild<QAction *>("actionPreferences")->trigger();
    QObject::disconnect(connection);
    CHECK(Preferences::load().volumeModelChoice == Preferences::VolumeModelChoice::Reference);
}

TEST_CASE("Her own curve: before it is ready, it says what it needs and cannot be chosen")
{
    FittedScreen screen(12);
    waitUntil([&] { return screen.fittedText().contains("8 more measured sessions"); });
    // The chart's legend says how many, too.
    CHECK(screen.volumeSeriesNames().contains("Your curve (8 more sessions needed)"));
    screen.window->showInsights();
    CHECK_FALSE(screen.window->insightsPanel()->findChild<QPushButton *>("useFittedModel"));
    auto connection = QObject::connect(
        screen.window.get(), &MainWindow::preferencesDialogOpened, screen.window.get(), [&](QDialog *dialog) {
            auto *combo = dialog->findChild<QComboBox *>("volumeModelCombo");
            REQUIRE(combo);
            CHECK(combo->currentIndex() == 0);
            CHECK_FALSE(qobject_cast<QStandardItemModel *>(combo->model())->item(1)->isEnabled());
            CHECK_THAT(dialog->findChild<QLabel *>("fittedStatus")->text().toStdString(),
                Catch::Contains("8 more measured sessions"));
            dialog->accept();
        });
    screen.window->findChild<QAction *>("actionPreferences")->trigger();
    QObject::disconnect(connection);
}

TEST_CASE("Insights: let-downs against measured milk, as a sentence and a small scatter")
{
    FittedScreen screen;
    auto *sentence = qobject_cast<QLabel *>(screen.insights("volumeRelation"));
    REQUIRE(sentence);
    CHECK_THAT(sentence->text().toStdString(),
        Catch::StartsWith("In your 60 measured sessions, more let-downs usually went with more milk."));
    auto *details = qobject_cast<QLabel *>(screen.insights("volumeRelationDetails"));
    REQUIRE(details);
    CHECK_THAT(details->text().toStdString(), Catch::StartsWith("Rank correlation (Spearman's rho) 0."));
    auto *scatter = qobject_cast<VolumeScatter *>(screen.insights("volumeScatter"));
    REQUIRE(scatter);
    CHECK(scatter->isVisible());
    // A screen reader hears the dots per let-down count; the mouse gets one dot's figures.
    CHECK_THAT(scatter->accessibleDescription().toStdString(), Catch::Contains("1 let-down: ") && Catch::Contains(" ml"));
    const QPoint dot = scatter->dotPosition(0).toPoint();
    QHelpEvent hover(QEvent::ToolTip, dot, scatter->mapToGlobal(dot));
    QApplication::sendEvent(scatter, &hover);
    CHECK(QToolTip::text() == scatter->pointText(*scatter->pointNear(dot)));
    CHECK_THAT(QToolTip::text().toStdString(), Catch::Contains("measured"));
}

TEST_CASE("stats --json names the model in use and carries her fitted curve with its intervals")
{
    CleanSettings clean;
    TempDatabase db;
    SessionStore store(db.database);
    REQUIRE(store.saveSessions(knownModelSessions(21, 60, 32, 0.55)));
    const auto modelOf = [&] {
        const CliResult stats = runLetdown({"stats", "--database", db.path, "--json"});
        REQUIRE(stats.exitCode == 0);
        return QJsonDocument::fromJson(stats.out).object().value("model").toObject();
    };
    QJsonObject model = modelOf();
    CHECK(model.value("in_use").toString() == "reference");
    CHECK(model.value("reference").toObject().value("first_ml").toDouble() == Approx(30));
    const QJsonObject fitted = model.value("fitted").toObject();
    CHECK(fitted.value("ready").toBool());
    CHECK(fitted.value("needs").isNull());
    CHECK(fitted.value("sessions").toInt() == 60);
    const QJsonArray firstCi = fitted.value("first_ml_ci").toArray();
    const QJsonArray decayCi = fitted.value("decay_ci").toArray();
    REQUIRE(firstCi.size() == 2);
    REQUIRE(decayCi.size() == 2);
    CHECK(firstCi[0].toDouble() <= 32);
    CHECK(firstCi[1].toDouble() >= 32);
    CHECK(decayCi[0].toDouble() <= 0.55);
    CHECK(decayCi[1].toDouble() >= 0.55);

    // Chosen in the commands' settings file: the fitted curve is in use, and the export says so.
    const QString settingsPath = qEnvironmentVariable("XDG_CONFIG_HOME") + "/letdown/letdown.conf";
    {
        QSettings settings(settingsPath, QSettings::IniFormat);
        settings.setValue("model/inUse", "fitted");
        settings.sync();
    }
    struct RemoveSettings {
        QString path;
        ~RemoveSettings() { QFile::remove(path); }
    } removeSettings {settingsPath};
    model = modelOf();
    CHECK(model.value("in_use").toString() == "fitted");
    CHECK_THAT(model.value("source").toString().toStdString(), Catch::Contains("fitted to your 60 measured sessions"));

    QTemporaryDir dir;
    REQUIRE(runLetdown({"export", "--database", db.path, "--sessions", dir.filePath("s.csv"), "--ejections",
                           dir.filePath("e.csv")})
                .exitCode
        == 0);
    QFile letdowns(dir.filePath("e.csv"));
    REQUIRE(letdowns.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = letdowns.readAll().split('\n');
    CHECK(lines[0].trimmed().endsWith(",estimate_model"));
    CHECK(lines[1].trimmed().endsWith(",fitted"));
}

TEST_CASE("stats --json: no measured session, no fitted curve (null, not zeros)")
{
    CleanSettings clean;
    TempDatabase db;
    SessionStore store(db.database);
    REQUIRE(store.saveSessions({finishedSession(SessionKind::Nursing, berlin(2026, 11, 16, 8, 0), {60, 300})}));
    const CliResult stats = runLetdown({"stats", "--database", db.path, "--json"});
    REQUIRE(stats.exitCode == 0);
    const QJsonObject json = QJsonDocument::fromJson(stats.out).object();
    CHECK(json.value("model").toObject().value("fitted").isNull());
    const QJsonObject relation = json.value("insights").toObject().value("letdowns_and_volume").toObject();
    CHECK(relation.value("rho").isNull());
    CHECK(relation.value("sessions").toInt() == 0);
}
