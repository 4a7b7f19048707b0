#include "FlowChart.h"
#include "ScaleDialog.h"
#include "scale/SimulatedPumping.h"
#include "HistoryModel.h"
#include "HistoryPanel.h"
#include "MainWindow.h"
#include "SessionDialog.h"
#include "output/CsvExport.h"
#include "reference/ReferenceModel.h"
#include "recorder/SessionRecorder.h"
#include "storage/SessionStore.h"

#include "SessionFixtures.h"
#include "TestSupport.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

namespace {
// Two finished sessions, and the real window opened on the History tab.
struct HistoryScreen {
    TempDatabase db;
    SessionStore store {db.database};
    FakeClock clock {berlin(2026, 11, 28, 10, 0).toMSecsSinceEpoch()};
    SessionRecorder recorder {store, clock};
    Session older = finishedSession(SessionKind::Nursing, berlin(2026, 11, 16, 8, 0), {60, 300, 600});
    Session newer = finishedSession(SessionKind::Pumping, berlin(2026, 11, 17, 7, 0), {90});
    std::unique_ptr<MainWindow> window;
    QStringList questions;
    bool answer = true;

    HistoryScreen()
    {
        older.note = QStringLiteral("first line\nsecond line");
        REQUIRE(store.saveSessions({older, newer}));
        window = std::make_unique<MainWindow>(db.file, recorder, store, clock);
        window->show();
        window->showHistory();
        panel()->setConfirmer([this](const QString &q) {
            questions << q;
            return answer;
        });
    }
    HistoryPanel *panel() { return window->historyPanel(); }
    QTableView *table() { return panel()->findChild<QTableView *>("table"); }
    qint64 count(const char *sql) { return db.scalar(QString::fromLatin1(sql)); }
    void undo() { window->findChild<QAction *>("actionUndo")->trigger(); }
    void redo() { window->findChild<QAction *>("actionRedo")->trigger(); }
    Session stored(const QString &uuid)
    {
        std::optional<Session> s;
        REQUIRE(store.loadSession(uuid, s));
        REQUIRE(s);
        return *s;
    }
    // Runs the add/edit dialog with `fill` doing what she would in it.
    void withDialog(std::function<void(SessionDialog *)> fill)
    {
        QObject::disconnect(m_connection);
        m_connection = QObject::connect(
            panel(), &HistoryPanel::sessionDialogOpened, panel(), [this, fill](SessionDialog *dialog) {
                dialog->setConfirmer([this](const QString &q) {
                    questions << q;
                    return answer;
                });
                fill(dialog);
            });
    }
    QMetaObject::Connection m_connection;
};

template <typename T> T *in(QDialog *dialog, const char *name)
{
    T *widget = dialog->findChild<T *>(QString::fromLatin1(name));
    REQUIRE(widget);
    return widget;
}

void setLetdownTime(QDialog *dialog, int row, const QString &time)
{
    in<QTableWidget>(dialog, "letdownTable")->item(row, 0)->setText(time);
}
} // namespace

TEST_CASE("History model passes QAbstractItemModelTester and sorts by raw values")
{
    HistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    Session a = finishedSession(SessionKind::Nursing, berlin(2026, 11, 16, 9, 0), {60, 300, 600});
    Session b = finishedSession(SessionKind::Pumping, berlin(2026, 11, 16, 10, 0), {90});
    b.pumpedVolumeMl = 80;
    model.setSessions({a, b});
    REQUIRE(model.rowCount() == 2);
    CHECK(model.sessionAt(0).uuid == b.uuid); // newest first
    CHECK(model.data(model.index(0, HistoryModel::Volume)).toString() == "80 ml");
    CHECK(model.data(model.index(1, HistoryModel::Volume)).toString() == "≈ 59 ml"); // 30 + 18 + 10.8, estimated
    CHECK(model.data(model.index(1, HistoryModel::FirstLetdown)).toString() == "1:00");
    CHECK(model.data(model.index(1, HistoryModel::Letdowns), HistoryModel::SortRole).toInt() == 3);
    model.setSessions({});
    CHECK(model.rowCount() == 0);
}

TEST_CASE("History: the table lists every session newest first, with the start of the note")
{
    HistoryScreen screen;
    auto *table = screen.table();
    REQUIRE(table->model()->rowCount() == 2);
    CHECK(table->model()->index(0, HistoryModel::Kind).data().toString() == "Pumping");
    CHECK(table->model()->index(1, HistoryModel::Note).data().toString() == "first line…");
    table->sortByColumn(HistoryModel::Letdowns, Qt::DescendingOrder);
    CHECK(table->model()->index(0, HistoryModel::Letdowns).data().toString() == "3");
    screen.panel()->findChild<QComboBox *>("kindCombo")->setCurrentIndex(2); // pumping only
    CHECK(table->model()->rowCount() == 1);
}

TEST_CASE("History: add a forgotten session through the dialog, then undo and redo it")
{
    HistoryScreen screen;
    QString addedUuid;
    screen.withDialog([&](SessionDialog *dialog) {
        in<QComboBox>(dialog, "kindCombo")->setCurrentIndex(1); // pumping
        const QDateTime start = berlin(2026, 11, 20, 21, 0);
        in<QDateTimeEdit>(dialog, "startEdit")->setDateTime(start);
        in<QDateTimeEdit>(dialog, "endEdit")->setDateTime(start.addSecs(20 * 60));
        in<QLineEdit>(dialog, "pumpedEdit")->setText("95");
        for (const char *time : {"1:10", "4:12"}) {
            QTest::mouseClick(in<QPushButton>(dialog, "addLetdownButton"), Qt::LeftButton);
            auto *letdowns = in<QTableWidget>(dialog, "letdownTable");
            setLetdownTime(dialog, letdowns->rowCount() - 1, QString::fromLatin1(time));
        }
        dialog->accept();
        addedUuid = dialog->session().uuid;
    });
    QTest::mouseClick(screen.panel()->findChild<QPushButton *>("addButton"), Qt::LeftButton);
    REQUIRE(screen.count("SELECT count(*) FROM sessions") == 3);
    const Session added = screen.stored(addedUuid);
    CHECK(added.kind == SessionKind::Pumping);
    CHECK(added.activeMs == 20 * 60 * 1000);
    CHECK(added.pumpedVolumeMl == 95.0);
    REQUIRE(added.letdowns.size() == 2);
    CHECK(added.letdowns[1].offsetMs == 252'000);
    CHECK(screen.table()->model()->rowCount() == 3);

    screen.undo();
    CHECK(screen.count("SELECT count(*) FROM sessions") == 2);
    CHECK(screen.table()->model()->rowCount() == 2);
    screen.redo();
    CHECK(screen.count("SELECT count(*) FROM sessions") == 3);
}

TEST_CASE("History: edit a session's let-downs (move, remove a double, add a forgotten one), undoably")
{
    HistoryScreen screen;
    screen.panel()->selectSession(screen.older.uuid);
    screen.withDialog([&](SessionDialog *dialog) {
        setLetdownTime(dialog, 0, "2:00"); // moved
        in<QTableWidget>(dialog, "letdownTable")->setCurrentCell(1, 0); // the double tap
        QTest::mouseClick(in<QPushButton>(dialog, "removeLetdownButton"), Qt::LeftButton);
        QTest::mouseClick(in<QPushButton>(dialog, "addLetdownButton"), Qt::LeftButton);
        setLetdownTime(dialog, 2, "12:30"); // forgotten
        in<QLineEdit>(dialog, "preEdit")->setText("4200");
        in<QLineEdit>(dialog, "postEdit")->setText("4262");
        dialog->accept();
    });
    QTest::mouseClick(screen.panel()->findChild<QPushButton *>("editButton"), Qt::LeftButton);
    Session edited = screen.stored(screen.older.uuid);
    REQUIRE(edited.letdowns.size() == 3);
    CHECK(edited.letdowns[0].offsetMs == 120'000);
    CHECK(edited.letdowns[1].offsetMs == 600'000);
    CHECK(edited.letdowns[2].offsetMs == 750'000);
    CHECK(edited.postFeedWeightG == 4262.0);

    screen.undo();
    const Session restored = screen.stored(screen.older.uuid);
    CHECK(restored.letdowns == screen.older.letdowns);
    CHECK_FALSE(restored.preFeedWeightG);
    screen.redo();
    CHECK(screen.stored(screen.older.uuid).letdowns.size() == 3);
}

TEST_CASE("History: the dialog shows what is wrong beside the field and saves nothing")
{
    HistoryScreen screen;
    SessionDialog dialog(screen.store, screen.older, QDateTime());
    QStringList asked;
    dialog.setConfirmer([&](const QString &q) {
        asked << q;
        return false;
    });
    const QDateTime start = in<QDateTimeEdit>(&dialog, "startEdit")->dateTime();

    in<QDateTimeEdit>(&dialog, "endEdit")->setDateTime(start.addSecs(-60));
    dialog.accept();
    CHECK(dialog.result() != QDialog::Accepted);
    CHECK_THAT(in<QLabel>(&dialog, "timesMessage")->text().toStdString(), Catch::Contains("after the start"));

    // A date no session can have (a slip of the year field) is refused beside the times.
    in<QDateTimeEdit>(&dialog, "startEdit")->setDateTime(QDateTime(QDate(9999, 6, 1), QTime(8, 0)));
    in<QDateTimeEdit>(&dialog, "endEdit")->setDateTime(QDateTime(QDate(9999, 6, 1), QTime(8, 20)));
    dialog.accept();
    CHECK(dialog.result() != QDialog::Accepted);
    CHECK_THAT(in<QLabel>(&dialog, "timesMessage")->text().toStdString(), Catch::Contains("between 2000-01-01"));
    in<QDateTimeEdit>(&dialog, "startEdit")->setDateTime(start);

    // Overlapping the other nursing session is refused too.
    in<QDateTimeEdit>(&dialog, "endEdit")->setDateTime(start.addSecs(15 * 60));
    Session overlapping = finishedSession(SessionKind::Nursing, berlin(2026, 11, 16, 8, 10), {});
    REQUIRE(screen.store.insertSession(overlapping));
    dialog.accept();
    CHECK_THAT(in<QLabel>(&dialog, "timesMessage")->text().toStdString(), Catch::Contains("overlaps"));
    REQUIRE(screen.store.deleteSession(overlapping.uuid));

    in<QLineEdit>(&dialog, "preEdit")->setText("4200");
    in<QLineEdit>(&dialog, "postEdit")->setText("4100");
    dialog.accept();
    CHECK(dialog.result() != QDialog::Accepted);
    CHECK_THAT(in<QLabel>(&dialog, "figuresMessage")->text().toStdString(), Catch::Contains("lower"));
    CHECK(in<QLabel>(&dialog, "timesMessage")->text().isEmpty());
    in<QLineEdit>(&dialog, "postEdit")->clear();
    in<QLineEdit>(&dialog, "preEdit")->clear();

    setLetdownTime(&dialog, 0, "16:00"); // the session lasts 15 minutes
    dialog.accept();
    CHECK_THAT(in<QLabel>(&dialog, "letdownsMessage")->text().toStdString(), Catch::Contains("outside"));
    setLetdownTime(&dialog, 0, "four");
    dialog.accept();
    CHECK_THAT(in<QLabel>(&dialog, "letdownsMessage")->text().toStdString(), Catch::Contains("m:ss"));
    setLetdownTime(&dialog, 0, "1:00");

    // Thirteen let-downs: allowed, after "are you sure?" (answered no here).
    for (int i = 0; i < 10; ++i) {
        QTest::mouseClick(in<QPushButton>(&dialog, "addLetdownButton"), Qt::LeftButton);
        setLetdownTime(&dialog, 3 + i, QStringLiteral("11:%1").arg(i, 2, 10, QLatin1Char('0')));
    }
    dialog.accept();
    CHECK(dialog.result() != QDialog::Accepted);
    REQUIRE(asked.size() == 1);
    CHECK_THAT(asked[0].toStdString(), Catch::Contains("12"));
    CHECK(screen.stored(screen.older.uuid).letdowns.size() == 3); // nothing saved
}

TEST_CASE("History: delete asks with the session's name - undo brings it back whole")
{
    HistoryScreen screen;
    screen.panel()->selectSession(screen.older.uuid);
    screen.answer = false;
    QTest::mouseClick(screen.panel()->findChild<QPushButton *>("deleteButton"), Qt::LeftButton);
    CHECK(screen.count("SELECT count(*) FROM sessions") == 2);
    REQUIRE(screen.questions.size() == 1);
    CHECK_THAT(screen.questions[0].toStdString(),
        Catch::Contains("nursing session of Mon 16 Nov, 08:00") && Catch::Contains("3 let-downs"));

    screen.answer = true;
    QTest::mouseClick(screen.panel()->findChild<QPushButton *>("deleteButton"), Qt::LeftButton);
    CHECK(screen.count("SELECT count(*) FROM sessions") == 1);
    CHECK(screen.count("SELECT count(*) FROM ejections") == 1);
    screen.undo();
    const Session back = screen.stored(screen.older.uuid); // the same session_id
    CHECK(back.letdowns == screen.older.letdowns);
    CHECK(back.note == screen.older.note);
    screen.redo();
    CHECK(screen.count("SELECT count(*) FROM sessions") == 1);
}

TEST_CASE("Undo takes back a let-down tapped by mistake during a live session")
{
    HistoryScreen screen;
    auto *letdownButton = screen.window->findChild<QPushButton *>("letdownButton");
    screen.window->findChild<QPushButton *>("startStopButton")->click();
    screen.clock.advance(30'000);
    letdownButton->click();
    screen.clock.advance(30'000);
    letdownButton->click();
    auto *list = screen.window->findChild<QListWidget *>("letdownList");
    REQUIRE(list->count() == 2);
    screen.undo();
    CHECK(list->count() == 1);
    CHECK(screen.count("SELECT count(*) FROM ejections") == 4 + 1); // 4 from the fixture + the first tap
    screen.redo();
    CHECK(list->count() == 2);
    CHECK(screen.recorder.state() == SessionRecorder::State::Running);
}

TEST_CASE("Deleting the session the Session tab shows clears it there")
{
    HistoryScreen screen;
    screen.window->findChild<QPushButton *>("startStopButton")->click();
    screen.clock.advance(60'000);
    screen.window->findChild<QPushButton *>("startStopButton")->click();
    const QString shown = screen.recorder.currentSession().uuid;
    screen.panel()->reload();
    screen.panel()->selectSession(shown);
    screen.panel()->deleteSelected();
    CHECK(screen.recorder.state() == SessionRecorder::State::Idle);
    screen.undo();
    CHECK(screen.count("SELECT count(*) FROM sessions") == 3);
}

namespace {
// Every kind of session the file can hold, with values the dialog cannot show exactly:
// milliseconds in every time, volumes with more digits than shown, a split between sides,
// a pause, a technique from another tracker, fields of the other kind.
QList<Session> everyKindOfStoredSession()
{
    // Recorded live: left then right, a pause, let-downs at odd milliseconds, the side it ended on.
    Session live = finishedSession(SessionKind::Nursing, berlin(2026, 11, 10, 3, 12), {});
    live.startedAtUtcMs += 123;
    live.activeMs = 872'579;
    live.pausedMs = 61'004;
    live.endedAtUtcMs = live.startedAtUtcMs + live.activeMs + live.pausedMs + 7;
    live.lastEventAtUtcMs = *live.endedAtUtcMs;
    live.side = Side::Right;
    live.sideMs = {441'123, 431'456, 0};
    live.techniques = {QStringLiteral("warm_compress"), QStringLiteral("skin_to_skin_custom")};
    live.note = QStringLiteral("sleepy  \nlatched well");
    for (qint64 offsetMs : {61'234, 245'999, 400'001}) {
        Letdown e;
        e.offsetMs = offsetMs;
        e.atUtcMs = live.startedAtUtcMs + offsetMs + 17; // the moment it was pressed
        e.utcOffsetS = live.startedUtcOffsetS;
        e.side = offsetMs < 300'000 ? Side::Left : Side::Right;
        live.letdowns << e;
    }
    live.letdowns[1].measuredVolumeMl = 3.14159265;
    // Pumped on both sides at once, each breast measured to more digits than shown.
    Session pumped = finishedSession(SessionKind::Pumping, berlin(2026, 11, 11, 7, 0), {95});
    pumped.side = Side::Both;
    pumped.sideMs = {0, 0, pumped.activeMs};
    pumped.pumpedVolumeMl = 75.623456789;
    pumped.leftVolumeMl = 40.123456789;
    pumped.rightVolumeMl = 35.5;
    pumped.clockJumpDetected = true;
    // Brought from Baby Buddy: no let-downs logged, no side times, a formula top-up and test weights.
    Session imported = finishedSession(SessionKind::Nursing, berlin(2026, 11, 12, 22, 40), {});
    imported.source = QStringLiteral("babybuddy");
    imported.letdownsLogged = false;
    imported.sideMs = {};
    imported.topupMl = 59.1470591;
    imported.topupKind = TopupKind::Formula;
    imported.preFeedWeightG = 4200.5;
    imported.postFeedWeightG = 4262.25;
    // A pumping session with no let-downs felt, and one on one side only.
    Session quiet = finishedSession(SessionKind::Pumping, berlin(2026, 11, 13, 9, 30), {});
    Session oneSide = finishedSession(SessionKind::Nursing, berlin(2026, 11, 14, 14, 5), {300});
    oneSide.side = Side::Right;
    oneSide.sideMs = {0, oneSide.activeMs, 0};
    return {live, pumped, imported, quiet, oneSide};
}

QByteArray exported(SessionStore &store, const QString &folder)
{
    CsvExportRequest request;
    request.sessionsPath = folder + "/sessions.csv";
    request.letdownsPath = folder + "/letdowns.csv";
    int count = 0;
    QString error;
    REQUIRE(exportCsvFiles(store, ReferenceModel(), request, count, error));
    QFile sessions(request.sessionsPath), letdowns(request.letdownsPath);
    REQUIRE(sessions.open(QIODevice::ReadOnly));
    REQUIRE(letdowns.open(QIODevice::ReadOnly));
    return sessions.readAll() + letdowns.readAll();
}
} // namespace

TEST_CASE("History: Save without a change in the edit dialog changes nothing, for every kind of stored session")
{
    for (const VolumeUnit unit : {VolumeUnit::Ml, VolumeUnit::Oz}) {
        TempDatabase db;
        SessionStore store(db.database);
        const QList<Session> sessions = everyKindOfStoredSession();
        REQUIRE(store.saveSessions(sessions));
        QTemporaryDir before, after;
        const QByteArray original = exported(store, before.path());
        REQUIRE(original.contains("441")); // the live session's split is in the export
        for (const Session &stored : sessions) {
            std::optional<Session> loaded;
            REQUIRE(store.loadSession(stored.uuid, loaded));
            SessionDialog dialog(store, *loaded, QDateTime());
            dialog.setVolumeUnit(unit);
            QStringList asked;
            dialog.setConfirmer([&](const QString &q) {
                asked << q;
                return true;
            });
            dialog.accept();
            INFO("session " << stored.uuid.toStdString() << ", unit " << int(unit) << ", asked "
                            << asked.join(" | ").toStdString() << ", said "
                            << (in<QLabel>(&dialog, "timesMessage")->text() + " | "
                                   + in<QLabel>(&dialog, "figuresMessage")->text() + " | "
                                   + in<QLabel>(&dialog, "letdownsMessage")->text())
                                   .toStdString());
            REQUIRE(dialog.result() == QDialog::Accepted);
            CHECK(dialog.session() == *loaded);
            REQUIRE(store.replaceSession(dialog.session()));
        }
        CHECK(exported(store, after.path()) == original);
    }
}

TEST_CASE("History: the edit dialog shows the time on each side and takes her corrections")
{
    TempDatabase db;
    SessionStore store(db.database);
    Session live = everyKindOfStoredSession().constFirst();
    REQUIRE(store.saveSession(live, live.letdowns));
    const auto edit = [&](const std::function<void(SessionDialog &)> &change) {
        SessionDialog dialog(store, live, QDateTime());
        dialog.setConfirmer([](const QString &) { return true; });
        change(dialog);
        dialog.accept();
        return std::make_pair(dialog.result() == QDialog::Accepted, dialog.session());
    };
    {
        SessionDialog dialog(store, live, QDateTime());
        CHECK(in<QLineEdit>(&dialog, "leftTimeEdit")->text() == "7:21");
        CHECK(in<QLineEdit>(&dialog, "rightTimeEdit")->text() == "7:11");
        CHECK(in<QLineEdit>(&dialog, "bothTimeEdit")->text().isEmpty());
        CHECK(in<QComboBox>(&dialog, "sideCombo")->currentData().toInt() == int(Side::Right));
    }
    // Written by her: taken as written.
    auto [saved, corrected] = edit([](SessionDialog &d) { in<QLineEdit>(&d, "leftTimeEdit")->setText("5:00"); });
    CHECK(saved);
    CHECK(corrected.sideMs == SideDurations {300'000, 431'000, 0});
    // More than the running time: said beside the times, nothing handed back.
    auto [refused, unused] = edit([](SessionDialog &d) { in<QLineEdit>(&d, "bothTimeEdit")->setText("10:00"); });
    CHECK_FALSE(refused);
    // A longer session keeps the split's shares, and every millisecond is on some side.
    auto [longer, stretched] = edit([](SessionDialog &d) {
        QDateTimeEdit *end = in<QDateTimeEdit>(&d, "endEdit");
        end->setDateTime(end->dateTime().addSecs(60));
    });
    CHECK(longer);
    CHECK(stretched.sideMs.leftMs + stretched.sideMs.rightMs + stretched.sideMs.bothMs == stretched.activeMs);
    CHECK(stretched.sideMs.leftMs > stretched.sideMs.rightMs);
    CHECK(stretched.sideMs.bothMs == 0);
    // A session added by hand takes the times she types for each side.
    {
        SessionDialog added(store, std::nullopt, berlin(2026, 11, 20, 9, 0));
        added.setConfirmer([](const QString &) { return true; });
        in<QLineEdit>(&added, "leftTimeEdit")->setText("10:00");
        in<QLineEdit>(&added, "rightTimeEdit")->setText("5:00");
        added.accept();
        REQUIRE(added.result() == QDialog::Accepted);
        CHECK(added.session().sideMs == SideDurations {600'000, 300'000, 0});
    }
    // A session on one side moved to the other: all its time goes with it.
    Session oneSide = everyKindOfStoredSession().constLast();
    REQUIRE(store.saveSession(oneSide, oneSide.letdowns));
    SessionDialog dialog(store, oneSide, QDateTime());
    dialog.setConfirmer([](const QString &) { return true; });
    in<QComboBox>(&dialog, "sideCombo")->setCurrentIndex(0); // left
    dialog.accept();
    CHECK(dialog.session().sideMs == SideDurations {oneSide.activeMs, 0, 0});
}

TEST_CASE("History: a scale's recording attached to a pumping session gives its let-downs measured volumes, drawn again, undoable")
{
    HistoryScreen screen;
    screen.panel()->selectSession(screen.newer.uuid);
    auto *scaleButton = screen.panel()->findChild<QPushButton *>("scaleButton");
    REQUIRE(scaleButton);
    CHECK(scaleButton->isEnabled());
    QTemporaryDir dir;
    // Her tap was at 1:30; the scale saw let-downs beginning at 1:15 and at 6:00.
    const SimulatedPumping readings = PumpingSimulation::simulate({{75, 28}, {360, 12}}, PumpingConditions {}, 4);
    QFile file(dir.filePath("bottle.csv"));
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(ScaleSamples::toSecondsCsv(readings.samples));
    file.close();
    QString summary, described;
    bool attached = false;
    const auto connection = QObject::connect(screen.panel(), &HistoryPanel::scaleDialogOpened, [&](ScaleDialog *dialog) {
        CHECK(dialog->summary().contains("No scale readings"));
        CHECK_FALSE(dialog->attachFile(dir.filePath("missing.csv")));
        attached = dialog->attachFile(file.fileName());
        summary = dialog->summary();
        described = dialog->chart()->accessibleDescription();
        dialog->accept();
    });
    QTest::mouseClick(scaleButton, Qt::LeftButton);
    QObject::disconnect(connection);
    REQUIRE(attached);
    CHECK(summary.contains("let-downs found: 2"));
    CHECK(described.contains("Let-down at 1:"));
    Session after = screen.stored(screen.newer.uuid);
    REQUIRE(after.letdowns.size() == 2);
    CHECK(after.letdowns[0].offsetMs == 90'000); // her tap, with the scale's volume
    CHECK(*after.letdowns[0].measuredVolumeMl == Approx(28).epsilon(0.2));
    CHECK(after.letdowns[1].measuredVolumeMl);

    screen.undo();
    after = screen.stored(screen.newer.uuid);
    REQUIRE(after.letdowns.size() == 1);
    CHECK_FALSE(after.letdowns[0].measuredVolumeMl);
    screen.redo();
    CHECK(screen.stored(screen.newer.uuid).letdowns.size() == 2);

    // A breastfeed has no scale readings to show.
    screen.panel()->selectSession(screen.older.uuid);
    CHECK_FALSE(scaleButton->isEnabled());
}
