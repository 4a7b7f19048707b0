#include "MainWindow.h"
#include "SessionPanel.h"
#include "ScalePanel.h"
#include "scale/SimulatedPumping.h"
#include "scalefeed/LiveScale.h"
#include "recorder/SessionRecorder.h"
#include "storage/SessionStore.h"

#include "SessionFixtures.h"
#include "TestSupport.h"

#include <QAction>
#include <QChartView>
#include <QStatusBar>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>
#include <QWindow>

namespace {
constexpr qint64 kSecond = 1000;

// The real main window over a temporary database, with a clock the test moves.
struct Screen : RecorderRig {
    std::unique_ptr<MainWindow> window;

    Screen() { open(); }

    void open()
    {
        window = std::make_unique<MainWindow>(db.file, recorder, store, clock);
        window->show();
        window->activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(window.get()));
    }

    template <typename T = QWidget> T *find(const char *name)
    {
        T *widget = window->findChild<T *>(QString::fromLatin1(name));
        REQUIRE(widget != nullptr);
        return widget;
    }
    void click(const char *buttonName) { QTest::mouseClick(find<QPushButton>(buttonName), Qt::LeftButton); }
    void key(Qt::Key key)
    {
        QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : window.get();
        QTest::keyClick(target, key);
    }
    QString text(const char *labelName) { return find<QLabel>(labelName)->text(); }
    // Waits until the panel's live timer shows `expected` (it ticks a few times a second).
    bool timerShows(const QString &expected)
    {
        return waitUntil([&] { return text("timerLabel") == expected; }, 5000);
    }

    QStringList letdownLines()
    {
        QStringList lines;
        auto *list = find<QListWidget>("letdownList");
        for (int i = 0; i < list->count(); ++i)
            lines << list->item(i)->text();
        return lines;
    }
    Session savedSession()
    {
        Database other;
        REQUIRE(other.open(db.path));
        SessionStore otherStore(other);
        QList<SessionSummary> recent;
        REQUIRE(otherStore.loadRecentSummaries(1, recent));
        REQUIRE(recent.size() == 1);
        std::optional<Session> found;
        REQUIRE(otherStore.loadSession(recent[0].uuid, found));
        REQUIRE(found);
        return *found;
    }
};
} // namespace

TEST_CASE("GUI: the window is titled and ready to start")
{
    Screen screen;
    CHECK(screen.window->windowTitle().contains("Letdown"));
    CHECK(screen.find<QPushButton>("startStopButton")->text().contains("Start"));
    CHECK(screen.find<QPushButton>("startStopButton")->text().contains("Space"));
    CHECK(screen.find<QPushButton>("letdownButton")->text().contains("[L]"));
    CHECK_FALSE(screen.find<QPushButton>("letdownButton")->isEnabled());
    CHECK(screen.text("timerLabel") == "00:00");
    CHECK_FALSE(screen.find<QLabel>("warningBar")->isVisible());
    // Big enough to hit one-handed.
    CHECK(screen.find<QPushButton>("letdownButton")->height() >= 100);
    CHECK(screen.find<QPushButton>("startStopButton")->height() >= 80);
}

TEST_CASE("GUI: clicking Start, Let-down twice, Pause, Resume and Stop")
{
    Screen screen;
    screen.find<QRadioButton>("pumpingRadio")->click();
    screen.click("startStopButton");
    CHECK(screen.recorder.state() == SessionRecorder::State::Running);
    CHECK(screen.find<QPushButton>("startStopButton")->text().contains("Stop"));
    CHECK_FALSE(screen.find<QRadioButton>("nursingRadio")->isEnabled());

    screen.clock.advance(42 * kSecond);
    CHECK(screen.timerShows("00:42"));
    screen.click("letdownButton");
    screen.clock.advance(210 * kSecond);
    screen.click("letdownButton");
    CHECK(screen.letdownLines() == QStringList {"#1 at 0:42 · left", "#2 at 4:12 · left"});
    CHECK(screen.text("letdownsHeading").endsWith(": 2"));

    screen.click("pauseButton");
    CHECK(screen.find<QPushButton>("pauseButton")->text().contains("Resume"));
    screen.clock.advance(60 * kSecond);
    CHECK(screen.timerShows("04:12")); // paused time does not count
    screen.click("pauseButton");
    screen.clock.advance(8 * kSecond);
    screen.click("startStopButton");
    CHECK(screen.recorder.state() == SessionRecorder::State::Stopped);
    CHECK(screen.find<QPushButton>("startStopButton")->text().contains("Start"));
    CHECK(screen.text("timerLabel") == "04:20");
    CHECK_THAT(screen.text("summaryLabel").toStdString(), Catch::Contains("2 let-downs"));

    const Session saved = screen.savedSession();
    CHECK(saved.kind == SessionKind::Pumping);
    CHECK(saved.state == SessionState::Stopped);
    CHECK(saved.activeMs == 260 * kSecond);
    CHECK(saved.pausedMs == 60 * kSecond);
    REQUIRE(saved.letdowns.size() == 2);
    CHECK(saved.letdowns[1].offsetMs == 252 * kSecond);

    auto *recent = screen.find<QTreeWidget>("recentList");
    REQUIRE(recent->topLevelItemCount() == 1);
    CHECK(recent->topLevelItem(0)->text(1) == "Pumping");
    CHECK(recent->topLevelItem(0)->text(2) == "4:20");
    CHECK(recent->topLevelItem(0)->text(3) == "2");
}

TEST_CASE("GUI: an accidental Stop or Start is taken back with Ctrl+Z, and Space acts on the Session tab only")
{
    Screen screen;
    const auto undo = [&] { screen.window->findChild<QAction *>("actionUndo")->trigger(); };
    const auto undoText = [&] { return screen.window->findChild<QAction *>("actionUndo")->text(); };
    screen.click("startStopButton");
    REQUIRE(screen.recorder.state() == SessionRecorder::State::Running);
    const QString uuid = screen.recorder.currentSession().uuid;
    screen.clock.advance(60 * kSecond);
    screen.click("letdownButton");
    screen.clock.advance(60 * kSecond);
    screen.click("startStopButton"); // the slip: she meant the let-down button
    REQUIRE(screen.recorder.state() == SessionRecorder::State::Stopped);
    CHECK(undoText().contains("stop"));
    screen.clock.advance(20 * kSecond);
    undo();
    CHECK(screen.recorder.state() == SessionRecorder::State::Running);
    CHECK(screen.recorder.currentSession().uuid == uuid);
    CHECK(screen.recorder.currentSession().pausedMs == 20 * kSecond);
    CHECK(screen.recorder.currentSession().letdowns.size() == 1);
    CHECK(screen.find<QPushButton>("startStopButton")->text().contains("Stop"));
    // The let-down before it is still undoable, then the start itself.
    CHECK(undoText().contains("let-down"));
    undo();
    CHECK(screen.recorder.currentSession().letdowns.isEmpty());
    CHECK(undoText().contains("start"));
    undo();
    CHECK(screen.recorder.state() == SessionRecorder::State::Idle);
    CHECK(screen.db.scalar("SELECT count(*) FROM sessions") == 0);

    // Space on another tab is not a Start; on the Session tab it is.
    screen.window->findChild<QTabWidget *>()->setCurrentIndex(1); // Trends
    screen.key(Qt::Key_Space);
    screen.key(Qt::Key_L);
    CHECK(screen.recorder.state() == SessionRecorder::State::Idle);
    screen.window->findChild<QTabWidget *>()->setCurrentIndex(0);
    screen.find<QPushButton>("leftSideButton")->setFocus();
    screen.key(Qt::Key_Space);
    CHECK(screen.recorder.state() == SessionRecorder::State::Running);
}

TEST_CASE("GUI: the window fits a 1024x600 screen, Start and Let-down in view, whichever tab was opened")
{
    Screen screen;
    auto *tabs = screen.window->findChild<QTabWidget *>("tabs");
    for (int tab = tabs->count() - 1; tab >= 0; --tab) {
        tabs->setCurrentIndex(tab); // panels build their contents when first shown
        QTest::qWait(20);
    }
    // 600 px less a desktop's top bar: 576 usable.
    const QSize smallest = screen.window->minimumSizeHint().expandedTo(screen.window->minimumSize());
    CHECK(smallest.height() <= 576);
    CHECK(smallest.width() <= 1024);
    screen.window->resize(1024, 576);
    REQUIRE(QTest::qWaitFor([&] { return screen.window->height() <= 576; }, 5000));
    for (const char *name : {"startStopButton", "letdownButton"}) {
        QWidget *button = screen.find<QWidget>(name);
        const QRect inWindow(button->mapTo(screen.window.get(), QPoint(0, 0)), button->size());
        INFO(name << " at " << inWindow.y() << ".." << inWindow.bottom());
        CHECK(screen.window->rect().contains(inWindow));
    }
}

TEST_CASE("GUI: the Session tab shows the last 24 hours against the aims, the last feed and the next side")
{
    Screen screen;
    REQUIRE(screen.store.saveSessions(consultantWeekend()));
    // Sunday 25 Oct 2026, 12:00 CET: the last feed (03:00) started 9 h ago, and ended on the left.
    screen.clock.advance(berlin(2026, 10, 25, 12, 0).toMSecsSinceEpoch() - screen.clock.wallUtcMs());
    screen.window.reset();
    screen.open();
    const QString day = screen.find<QLabel>("dayLabel")->text();
    CHECK_THAT(day.toStdString(), Catch::Contains("Last feed started 9 h 0 min ago"));
    CHECK_THAT(day.toStdString(), Catch::Contains("next side: right"));
    CHECK_THAT(day.toStdString(),
        Catch::Contains("Last 24 h: 4 breastfeeds (aim 8–12), 1 at night, longest gap 6:00 (aim ≤ 5 h), 2 pump sessions"));
    CHECK_THAT(day.toStdString(), Catch::Contains("Today so far: 1 breastfeed (aim 8–12 a day), 1 at night"));
    // The minutes move with the clock, without a new session.
    screen.clock.advance(5 * 60 * 1000);
    CHECK(waitUntil([&] { return screen.text("dayLabel").contains("9 h 5 min ago"); }, 5000));
}

TEST_CASE("GUI: Recent sessions says 'not logged' for an imported feed, never 0 let-downs")
{
    Screen screen;
    Session imported = finishedSession(SessionKind::Nursing, berlin(2026, 11, 19, 3, 10), {});
    imported.source = QStringLiteral("babybuddy");
    imported.letdownsLogged = false;
    Session none = finishedSession(SessionKind::Pumping, berlin(2026, 11, 19, 7, 0), {});
    REQUIRE(screen.store.saveSessions({imported, none}));
    screen.window.reset();
    screen.open(); // read at start, as after an import
    auto *recent = screen.find<QTreeWidget>("recentList");
    REQUIRE(recent->topLevelItemCount() == 2);
    CHECK(recent->topLevelItem(0)->text(3) == "0"); // logged live, none felt: a real zero
    CHECK(recent->topLevelItem(1)->text(3) == "not logged");
}

TEST_CASE("GUI: Space, L, P and S work from the keyboard, but not while typing a note")
{
    Screen screen;
    screen.find<QPushButton>("leftSideButton")->setFocus();
    screen.key(Qt::Key_Space);
    REQUIRE(screen.recorder.state() == SessionRecorder::State::Running);
    screen.clock.advance(10 * kSecond);
    screen.key(Qt::Key_L);
    screen.key(Qt::Key_S);
    CHECK(screen.find<QPushButton>("rightSideButton")->isChecked());
    screen.clock.advance(10 * kSecond);
    screen.key(Qt::Key_L);
    CHECK(screen.letdownLines() == QStringList {"#1 at 0:10 · left", "#2 at 0:20 · right"});
    screen.key(Qt::Key_P);
    CHECK(screen.recorder.state() == SessionRecorder::State::Paused);
    screen.key(Qt::Key_P);
    CHECK(screen.recorder.state() == SessionRecorder::State::Running);

    // In the note field the same keys are just letters.
    auto *note = screen.find<QPlainTextEdit>("noteEdit");
    note->setFocus();
    QTest::keyClicks(note, QStringLiteral("slept lps"));
    CHECK(note->toPlainText() == "slept lps");
    CHECK(screen.recorder.state() == SessionRecorder::State::Running);
    CHECK(screen.letdownLines().size() == 2);

    // Focus back on the window: Space stops, and the note typed just before is saved.
    screen.find<QPushButton>("letdownButton")->setFocus();
    screen.key(Qt::Key_Space);
    CHECK(screen.recorder.state() == SessionRecorder::State::Stopped);
    const Session saved = screen.savedSession();
    CHECK(saved.note == "slept lps");
    CHECK(saved.letdowns.size() == 2);
    CHECK(saved.sideMs.leftMs == 10 * kSecond);
    CHECK(saved.sideMs.rightMs == 10 * kSecond);
}

TEST_CASE("GUI: techniques ticked are saved with the session")
{
    Screen screen;
    screen.find<QCheckBox>("technique_warm_compress")->click(); // before the start
    screen.click("startStopButton");
    screen.find<QCheckBox>("technique_nipple_stimulation")->click(); // during the session
    screen.click("startStopButton");
    CHECK(screen.savedSession().techniques
        == QStringList {QStringLiteral("nipple_stimulation"), QStringLiteral("warm_compress")});
}

TEST_CASE("GUI: after Stop the figures stay editable and bad ones are refused")
{
    Screen screen;
    screen.find<QRadioButton>("nursingRadio")->click();
    screen.click("startStopButton");
    CHECK_FALSE(screen.find<QWidget>("detailsGroup")->isEnabled());
    screen.clock.advance(600 * kSecond);
    screen.click("startStopButton");
    REQUIRE(screen.find<QWidget>("detailsGroup")->isEnabled());
    CHECK_FALSE(screen.find<QLineEdit>("pumpedVolumeEdit")->isVisible());

    auto *before = screen.find<QLineEdit>("preWeightEdit");
    auto *after = screen.find<QLineEdit>("postWeightEdit");
    before->setText(QStringLiteral("4200"));
    after->setText(QStringLiteral("4150"));
    screen.click("saveDetailsButton");
    CHECK_THAT(screen.text("detailsMessage").toStdString(), Catch::Contains("lower"));
    CHECK_FALSE(screen.savedSession().preFeedWeightG.has_value());

    after->setText(QStringLiteral("abc"));
    screen.click("saveDetailsButton");
    CHECK_THAT(screen.text("detailsMessage").toStdString(), Catch::Contains("numbers"));

    after->setText(QStringLiteral("4262"));
    screen.click("saveDetailsButton");
    CHECK(screen.text("detailsMessage") == "Saved.");
    CHECK(screen.savedSession().preFeedWeightG == 4200.0);
    CHECK(screen.savedSession().postFeedWeightG == 4262.0);
}

TEST_CASE("GUI: pumped volume is entered after a pumping session")
{
    Screen screen;
    screen.find<QRadioButton>("pumpingRadio")->click();
    screen.click("startStopButton");
    screen.click("startStopButton");
    auto *volume = screen.find<QLineEdit>("pumpedVolumeEdit");
    REQUIRE(volume->isVisible());
    volume->setText(QStringLiteral("-5"));
    screen.click("saveDetailsButton");
    CHECK_THAT(screen.text("detailsMessage").toStdString(), Catch::Contains("negative"));
    volume->setText(QStringLiteral("85.5"));
    QTest::keyClick(volume, Qt::Key_Return);
    CHECK(screen.savedSession().pumpedVolumeMl == 85.5);
}

TEST_CASE("GUI: each breast's pumped volume, the total their sum, and a top-up bottle with a feed")
{
    Screen screen;
    screen.find<QRadioButton>("pumpingRadio")->click();
    screen.click("startStopButton");
    screen.click("startStopButton");
    auto *left = screen.find<QLineEdit>("leftVolumeEdit");
    auto *right = screen.find<QLineEdit>("rightVolumeEdit");
    REQUIRE(left->isVisible());
    CHECK_FALSE(screen.find<QLineEdit>("topupEdit")->isVisible());
    left->setText(QStringLiteral("40"));
    right->setText(QStringLiteral("35.5"));
    screen.find<QLineEdit>("pumpedVolumeEdit")->setText(QStringLiteral("80")); // not their sum
    screen.click("saveDetailsButton");
    CHECK_THAT(screen.text("detailsMessage").toStdString(), Catch::Contains("sum of both breasts"));
    CHECK_FALSE(screen.savedSession().leftVolumeMl);
    screen.find<QLineEdit>("pumpedVolumeEdit")->clear();
    screen.click("saveDetailsButton");
    CHECK(screen.text("detailsMessage") == "Saved.");
    CHECK(screen.savedSession().leftVolumeMl == 40.0);
    CHECK(screen.savedSession().rightVolumeMl == 35.5);
    CHECK(screen.savedSession().pumpedVolumeMl == 75.5);
    CHECK(screen.find<QLineEdit>("pumpedVolumeEdit")->text() == "75.5");

    // A breastfeed with a formula top-up.
    screen.find<QRadioButton>("nursingRadio")->click();
    screen.click("startStopButton");
    screen.click("startStopButton");
    auto *topup = screen.find<QLineEdit>("topupEdit");
    REQUIRE(topup->isVisible());
    CHECK_FALSE(left->isVisible());
    topup->setText(QStringLiteral("60"));
    auto *kind = screen.find<QComboBox>("topupKindCombo");
    kind->setCurrentIndex(kind->findText("formula"));
    QTest::keyClick(topup, Qt::Key_Return);
    CHECK(screen.text("detailsMessage") == "Saved.");
    CHECK(screen.savedSession().topupMl == 60.0);
    CHECK(screen.savedSession().topupKind == TopupKind::Formula);
}

TEST_CASE("GUI: a failed write shows a warning and 'not saved yet', and clears once saved")
{
    Screen screen;
    screen.click("startStopButton");
    screen.db.exec(QStringLiteral("CREATE TEMP TRIGGER disk_full BEFORE INSERT ON ejections"
                                  " BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"));
    screen.clock.advance(5 * kSecond);
    screen.click("letdownButton");
    auto *warning = screen.find<QLabel>("warningBar");
    CHECK(warning->isVisible());
    CHECK_THAT(warning->text().toStdString(), Catch::Contains("Not saved yet"));
    REQUIRE(screen.letdownLines().size() == 1);
    CHECK(screen.letdownLines()[0].contains("not saved yet"));

    screen.db.exec(QStringLiteral("DROP TRIGGER disk_full"));
    REQUIRE(screen.recorder.retrySave());
    CHECK_FALSE(warning->isVisible());
    CHECK(screen.letdownLines() == QStringList {"#1 at 0:05 · left"});
    CHECK(screen.savedSession().letdowns.size() == 1);
}

TEST_CASE("GUI: a session left running is shown running after a restart")
{
    Screen screen;
    screen.click("startStopButton");
    screen.clock.advance(30 * kSecond);
    screen.click("letdownButton");
    screen.window.reset();

    // The app restarts two minutes later.
    screen.clock.advance(120 * kSecond);
    screen.clock.restartMonotonic(0);
    SessionRecorder restarted(screen.store, screen.clock);
    REQUIRE(restarted.restoreUnfinished());
    MainWindow window(screen.db.file, restarted, screen.store, screen.clock);
    window.show();
    CHECK(waitUntil([&] { return window.findChild<QLabel *>("timerLabel")->text() == "02:30"; }, 5000));
    CHECK(window.findChild<QListWidget *>("letdownList")->count() == 1);
    CHECK(window.findChild<QPushButton *>("startStopButton")->text().contains("Stop"));
}

TEST_CASE("GUI: a click handled late counts at the moment it was made (its window-system timestamp)")
{
    Screen screen;
    screen.click("startStopButton");
    auto *button = screen.find<QPushButton>("letdownButton");
    QWindow *window = screen.window->windowHandle();
    REQUIRE(window);
    // A click as the window system delivers it: to the window, with its own timestamp.
    const auto clickAt = [&](ulong timestampMs) {
        const QPointF at = button->mapTo(screen.window.get(), button->rect().center());
        const QPointF global = button->mapToGlobal(button->rect().center());
        QMouseEvent press(QEvent::MouseButtonPress, at, global, Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
        press.setTimestamp(timestampMs);
        QMouseEvent release(QEvent::MouseButtonRelease, at, global, Qt::LeftButton, Qt::NoButton, Qt::NoModifier);
        release.setTimestamp(timestampMs + 80);
        QCoreApplication::sendEvent(window, &press);
        QCoreApplication::sendEvent(window, &release);
    };
    screen.clock.advance(20 * kSecond);
    clickAt(100'000); // handled at once
    // The window was busy for 3 s: a click made 1.5 s after the first is handled only now.
    screen.clock.advance(3 * kSecond);
    clickAt(101'500);
    CHECK(screen.letdownLines() == QStringList {"#1 at 0:20 · left", "#2 at 0:21 · left"});
    const Session saved = screen.savedSession();
    REQUIRE(saved.letdowns.size() == 2);
    CHECK(saved.letdowns[1].offsetMs - saved.letdowns[0].offsetMs == 1500);
}

TEST_CASE("Session: a scale's flow is drawn while she pumps, a let-down it found is confirmed with one tap, hers is not doubled")
{
    Screen screen;
    auto *panel = screen.find<ScalePanel>("scalePanel");
    CHECK_FALSE(panel->isVisible()); // no scale, no chart
    screen.find<QRadioButton>("pumpingRadio")->click();
    screen.click("startStopButton");
    const qint64 startUtcMs = screen.recorder.currentSession().startedAtUtcMs;
    const SimulatedPumping readings
        = PumpingSimulation::simulate({{60, 30}, {320, 12}}, PumpingConditions::steady(600), 9);
    int fed = 0;
    const auto feedUntil = [&](double untilS) {
        QVector<ScaleReading> batch;
        for (; fed < readings.samples.size() && readings.samples[fed].atS <= untilS; ++fed)
            batch.append({startUtcMs + qint64(readings.samples[fed].atS * 1000), readings.samples[fed].grams});
        screen.clock.advance(qint64(untilS * 1000) - (screen.clock.wallUtcMs() - startUtcMs));
        QString error;
        REQUIRE(screen.window->liveScale().add(batch, error));
        screen.window->liveScale().detectNow();
    };
    feedUntil(75);
    screen.key(Qt::Key_L); // she felt the first one
    feedUntil(420);
    CHECK(panel->isVisible());
    auto *confirm = screen.find<QPushButton>("scaleConfirmButton");
    REQUIRE(confirm->isVisible());
    // On a 1024 x 576 screen the chart leaves Stop, Let-down and the Yes in view.
    screen.window->resize(1024, 576);
    REQUIRE(QTest::qWaitFor([&] { return screen.window->height() <= 576; }, 5000));
    QTest::qWait(50);
    for (const char *name : {"startStopButton", "letdownButton", "scaleConfirmButton"}) {
        QWidget *button = screen.find<QWidget>(name);
        const QRect inWindow(button->mapTo(screen.window.get(), QPoint(0, 0)), button->size());
        INFO(name << " at " << inWindow.y() << ".." << inWindow.bottom());
        CHECK(screen.window->rect().contains(inWindow));
    }
    CHECK(screen.text("scaleOffer").contains("found a let-down at 5:"));
    CHECK(screen.letdownLines().size() == 1);
    QTest::mouseClick(confirm, Qt::LeftButton);
    CHECK(screen.letdownLines().size() == 2);
    CHECK_FALSE(confirm->isVisible());
    CHECK(panel->describe().contains("Let-down at 1:"));
    CHECK(screen.find<QChartView>("scaleChart")->accessibleDescription().contains("Let-down at 5:"));

    feedUntil(600);
    screen.click("startStopButton");
    CHECK(screen.window->statusBar()->currentMessage().contains("The scale weighed"));
    const Session saved = screen.savedSession();
    REQUIRE(saved.letdowns.size() == 2);
    CHECK(saved.letdowns[0].measuredVolumeMl);
    CHECK(saved.letdowns[1].measuredVolumeMl);
    CHECK_FALSE(panel->isVisible());
}
