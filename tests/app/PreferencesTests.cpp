#include "HistoryModel.h"
#include "HistoryPanel.h"
#include "MainWindow.h"
#include "MiniTimer.h"
#include "TransferDialog.h"
#include "TrendsPanel.h"
#include "TrendsView.h"
#include "recorder/SessionRecorder.h"
#include "storage/Backups.h"
#include "storage/SessionStore.h"

#include "SessionFixtures.h"
#include "TestSupport.h"
#include "WindowHelpers.h"

#include <QAction>
#include <QBarSeries>
#include <QCalendarWidget>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QSpinBox>
#include <QTest>
#include <QValueAxis>

namespace {
struct PrefsScreen {
    CleanSettings clean;
    TempDatabase db;
    SessionStore store {db.database};
    FakeClock clock {berlin(2026, 11, 28, 10, 0).toMSecsSinceEpoch()};
    SessionRecorder recorder {store, clock};
    std::unique_ptr<MainWindow> window;

    PrefsScreen()
    {
        Session pumped = finishedSession(SessionKind::Pumping, berlin(2026, 11, 20, 7, 0), {60, 200});
        pumped.pumpedVolumeMl = 88.72;
        REQUIRE(store.saveSessions({pumped}));
        window = std::make_unique<MainWindow>(db.file, recorder, store, clock);
        window->show();
    }
    // Opens Edit > Preferences and changes what `change` changes, as she would.
    void inPreferences(const std::function<void(QDialog *)> &change) { ::inPreferences(*window, change); }
};

QValueAxis *valueAxisOf(QChart *chart)
{
    for (QAbstractAxis *axis : chart->axes(Qt::Vertical))
        if (auto *value = qobject_cast<QValueAxis *>(axis))
            return value;
    return nullptr;
}
} // namespace

TEST_CASE("Preferences are saved and read back")
{
    CleanSettings clean;
    Preferences p;
    CHECK(Preferences::load() == p); // defaults
    p.unit = VolumeUnit::Oz;
    p.decayR = 0.5;
    p.firstLetdownMl = 25;
    p.defaultKind = SessionKind::Pumping;
    p.showReferenceLines = false;
    QString saveError;
    REQUIRE(p.save(saveError));
    CHECK(Preferences::load() == p);
    QSettings().setValue("model/decayR", 7.0); // hand-edited nonsense falls back to the published values
    CHECK(Preferences::load().decayR == ReferenceModel::kDefaultDecayR);
}

TEST_CASE("Ounces take effect at once: Session tab, History, charts and the export default")
{
    PrefsScreen screen;
    screen.inPreferences([](QDialog *d) { d->findChild<QComboBox *>("unitsCombo")->setCurrentIndex(1); });
    CHECK(Preferences::load().unit == VolumeUnit::Oz);

    // History shows ounces.
    auto *history = screen.window->findChild<HistoryModel *>();
    REQUIRE(history);
    screen.window->showHistory();
    CHECK(history->data(history->index(0, HistoryModel::Volume)).toString() == "3.00 oz");

    // The Session tab asks for ounces and stores millilitres.
    screen.window->findChild<QRadioButton *>("pumpingRadio")->click();
    screen.window->findChild<QPushButton *>("startStopButton")->click();
    screen.window->findChild<QPushButton *>("startStopButton")->click();
    CHECK(screen.window->findChild<QLabel *>("pumpedVolumeLabel")->text() == "Pumped volume (oz):");
    screen.window->findChild<QLineEdit *>("pumpedVolumeEdit")->setText("2");
    screen.window->findChild<QPushButton *>("saveDetailsButton")->click();
    CHECK(*screen.recorder.currentSession().pumpedVolumeMl == Approx(59.147));

    // The charts' volume axes are in ounces.
    screen.window->showTrends();
    TrendsPanel *trends = screen.window->trendsPanel();
    trends->selectWeeks(4);
    QValueAxis *axis = valueAxisOf(trends->view()->milkView()->chart());
    REQUIRE(axis);
    CHECK(axis->titleText() == "oz per day");

    // The export dialog starts on ounces.
    TransferDialog exportDialog(
        TransferDialog::Mode::ExportCsv, screen.window->journal(), QDate(2026, 11, 28), Preferences::load());
    CHECK(exportDialog.findChild<QComboBox *>("unitsCombo")->currentIndex() == 1);
}

TEST_CASE("The reference lines can be hidden, and the model reset to the published values")
{
    PrefsScreen screen;
    screen.window->showTrends();
    TrendsPanel *trends = screen.window->trendsPanel();
    trends->selectWeeks(4);
    const auto referenceCount = [&] {
        int n = 0;
        for (QAbstractSeries *series : trends->view()->letdownsView()->chart()->series())
            n += series->name() == "Nursing studies" || series->name() == "Pumping studies";
        return n;
    };
    CHECK(referenceCount() == 2);
    screen.inPreferences([](QDialog *d) { d->findChild<QCheckBox *>("referenceCheck")->setChecked(false); });
    CHECK(referenceCount() == 0);

    screen.inPreferences([](QDialog *d) { d->findChild<QDoubleSpinBox *>("decaySpin")->setValue(0.5); });
    CHECK(Preferences::load().decayR == 0.5);
    screen.inPreferences([](QDialog *d) { d->findChild<QPushButton *>("resetButton")->click(); });
    CHECK(Preferences::load().decayR == ReferenceModel::kDefaultDecayR);
    CHECK(Preferences::load().firstLetdownMl == ReferenceModel::kDefaultFirstLetdownMl);
}

TEST_CASE("The default session kind is used for the next session")
{
    PrefsScreen screen; // the last session was pumping
    CHECK(screen.window->findChild<QRadioButton *>("pumpingRadio")->isChecked());
    screen.inPreferences([](QDialog *d) { d->findChild<QComboBox *>("kindCombo")->setCurrentIndex(1); });
    CHECK(screen.window->findChild<QRadioButton *>("nursingRadio")->isChecked());
}

TEST_CASE("The mini timer and the main window stay in step")
{
    PrefsScreen screen;
    screen.window->findChild<QAction *>("actionMiniTimer")->trigger();
    MiniTimer *mini = screen.window->miniTimer();
    REQUIRE(mini);
    CHECK(mini->isVisible());
    CHECK(mini->windowFlags() & Qt::WindowStaysOnTopHint);
    auto *miniLetdown = mini->findChild<QPushButton *>("miniLetdown");
    CHECK_FALSE(miniLetdown->isEnabled());

    mini->findChild<QPushButton *>("miniStartStop")->click(); // start from the mini timer
    CHECK(screen.recorder.state() == SessionRecorder::State::Running);
    screen.clock.advance(65'000);
    miniLetdown->click();
    CHECK(screen.window->findChild<QListWidget *>("letdownList")->count() == 1);
    CHECK(mini->findChild<QLabel *>("miniCount")->text().startsWith("1 let-down"));
    screen.window->findChild<QAction *>("actionUndo")->trigger(); // undoable like any tap
    CHECK(mini->findChild<QLabel *>("miniCount")->text().startsWith("0 let-down"));

    screen.window->findChild<QPushButton *>("startStopButton")->click(); // stop in the main window
    CHECK(mini->findChild<QPushButton *>("miniStartStop")->text().startsWith("Start"));
    CHECK(mini->findChild<QLabel *>("miniTime")->text() == "01:05");
    screen.window->findChild<QAction *>("actionMiniTimer")->trigger();
    CHECK_FALSE(mini->isVisible());
}

TEST_CASE("The data file can be moved, with its backups, and Letdown remembers where")
{
    PrefsScreen screen;
    QString error;
    REQUIRE_FALSE(Backups::take(screen.db.database, QStringLiteral("daily"), error).isEmpty());
    QTemporaryDir elsewhere;
    const QString target = elsewhere.filePath("moved/letdown.sqlite");
    REQUIRE(screen.window->moveDatabase(target));
    CHECK(screen.db.database.path() == target);
    CHECK_FALSE(QFileInfo::exists(screen.db.path));
    CHECK(screen.db.scalar("SELECT count(*) FROM sessions") == 1);
    CHECK(Preferences::load().databasePath == target);
    CHECK(Backups::list(target, false).size() == 2); // the daily one and the one before the move
    // Moving onto an existing file is refused and changes nothing.
    CHECK_FALSE(screen.window->moveDatabase(target));
    CHECK(screen.db.database.path() == target);
}

TEST_CASE("Calendars start on the chosen day")
{
    PrefsScreen screen;
    screen.inPreferences([](QDialog *d) {
        auto *combo = d->findChild<QComboBox *>("weekStartCombo");
        combo->setCurrentIndex(combo->findData(int(Qt::Sunday)));
    });
    CHECK(Preferences::load().weekStartsOn == Qt::Sunday);
    // Her calendars are History's, applied when she opens that tab (not made while hidden).
    auto *tabs = screen.window->findChild<QTabWidget *>("tabs");
    REQUIRE(tabs);
    tabs->setCurrentWidget(screen.window->historyPanel());
    auto *from = screen.window->historyPanel()->findChild<QDateEdit *>("fromDate");
    REQUIRE(from);
    CHECK(from->calendarWidget()->firstDayOfWeek() == Qt::Sunday);
    // Changed again while the tab shows: at once.
    screen.inPreferences([](QDialog *d) {
        auto *combo = d->findChild<QComboBox *>("weekStartCombo");
        combo->setCurrentIndex(combo->findData(int(Qt::Saturday)));
    });
    CHECK(from->calendarWidget()->firstDayOfWeek() == Qt::Saturday);
}

TEST_CASE("With ounces chosen, File > Export CSV writes _oz columns")
{
    PrefsScreen screen;
    screen.inPreferences([](QDialog *d) { d->findChild<QComboBox *>("unitsCombo")->setCurrentIndex(1); });
    QTemporaryDir dir;
    const QString sessions = dir.filePath("s.csv");
    auto connection = QObject::connect(
        screen.window.get(), &MainWindow::transferDialogOpened, screen.window.get(), [&](QDialog *dialog) {
            auto *transfer = qobject_cast<TransferDialog *>(dialog);
            transfer->setPaths(sessions, {});
            transfer->accept();
        });
    screen.window->findChild<QAction *>("actionExportCsv")->trigger();
    QObject::disconnect(connection);
    QFile file(sessions);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray header = file.readLine();
    CHECK(header.contains("measured_volume_oz"));
    CHECK(header.contains("estimated_volume_oz"));
    CHECK(file.readAll().contains(",3,3,")); // 88.72 ml = 3.00 oz, measured and estimated
}

TEST_CASE("The report's notes cut-off is kept, and a later change in Preferences does not undo it")
{
    PrefsScreen screen;
    QTemporaryDir dir;
    auto connection = QObject::connect(
        screen.window.get(), &MainWindow::transferDialogOpened, screen.window.get(), [&](QDialog *dialog) {
            auto *transfer = qobject_cast<TransferDialog *>(dialog);
            CHECK(transfer->findChild<QSpinBox *>("notesDaysSpin")->value() == 14); // the default
            transfer->findChild<QSpinBox *>("notesDaysSpin")->setValue(3);
            transfer->setPaths(dir.filePath("report.pdf"), {});
            transfer->accept();
        });
    screen.window->findChild<QAction *>("actionSaveReport")->trigger();
    QObject::disconnect(connection);
    CHECK(QFileInfo::exists(dir.filePath("report.pdf")));
    CHECK(Preferences::load().reportNotesDays == 3);
    screen.inPreferences([](QDialog *d) { d->findChild<QComboBox *>("unitsCombo")->setCurrentIndex(1); });
    CHECK(Preferences::load().unit == VolumeUnit::Oz);
    CHECK(Preferences::load().reportNotesDays == 3);
}

TEST_CASE("The mini timer, the keys and the Session tab take one path: a let-down from the mini timer is undoable")
{
    PrefsScreen screen;
    screen.window->findChild<QAction *>("actionMiniTimer")->trigger();
    MiniTimer *mini = screen.window->miniTimer();
    REQUIRE(mini);
    auto *miniStart = mini->findChild<QPushButton *>("miniStartStop");
    auto *miniLetdown = mini->findChild<QPushButton *>("miniLetdown");
    REQUIRE(miniStart);
    REQUIRE(miniLetdown);
    // S before a session: the Session tab shows the side the next session will start on.
    screen.window->activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(screen.window.get()));
    QTest::keyClick(screen.window.get(), Qt::Key_S);
    CHECK(screen.window->findChild<QPushButton *>("rightSideButton")->isChecked());
    QTest::mouseClick(miniStart, Qt::LeftButton);
    REQUIRE(screen.recorder.state() == SessionRecorder::State::Running);
    CHECK(screen.recorder.currentSession().side == Side::Right);
    screen.clock.advance(25'000);
    QTest::mouseClick(miniLetdown, Qt::LeftButton);
    REQUIRE(screen.recorder.currentSession().letdowns.size() == 1);
    screen.window->findChild<QAction *>("actionUndo")->trigger();
    CHECK(screen.recorder.currentSession().letdowns.isEmpty());
}
