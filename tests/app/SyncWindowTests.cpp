// Sync in the window (docs/sync.md): Preferences names the folder and this device, shows the
// other devices and the folder's problems; changes from elsewhere are said in the status bar
// and History says which device logged a session.
#include "HistoryModel.h"
#include "HistoryPanel.h"
#include "SessionPanel.h"
#include "MainWindow.h"
#include "recorder/SessionRecorder.h"
#include "storage/SessionStore.h"
#include "sync/SyncFolder.h"
#include "sync/SyncRunner.h"

#include "SessionFixtures.h"
#include "TestSupport.h"
#include "WindowHelpers.h"

#include <QAction>
#include <QDialog>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QStatusBar>
#include <QTableView>
#include <QTest>

namespace {
struct SyncScreen {
    CleanSettings clean;
    TempDatabase db;
    SessionStore store {db.database};
    FakeClock clock {berlin(2026, 11, 28, 10, 0).toMSecsSinceEpoch()};
    SessionRecorder recorder {store, clock};
    std::unique_ptr<MainWindow> window;
    QTemporaryDir folder;

    SyncScreen()
    {
        REQUIRE(store.saveSessions({finishedSession(SessionKind::Nursing, berlin(2026, 11, 27, 7, 0), {60, 200})}));
        window = std::make_unique<MainWindow>(db.file, recorder, store, clock);
        window->show();
    }
    void inPreferences(const std::function<void(QDialog *)> &change) { ::inPreferences(*window, change); }
};

void typeInto(QLineEdit *edit, const QString &text)
{
    REQUIRE(edit);
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return); // editingFinished, as Enter (or leaving the field) does
}
} // namespace

TEST_CASE("Sync window: Preferences sets the folder and name, shows the other device, and History says where a session was logged")
{
    SyncScreen screen;
    // The partner's laptop logged a feed and is running a pumping session now.
    JournalRig partner;
    partner.clock.advance(berlin(2026, 11, 28, 8, 0).toMSecsSinceEpoch() - partner.clock.wallUtcMs());
    REQUIRE(partner.ask(Journal::Step::Start).result == "recorded");
    partner.clock.advance(90'000);
    REQUIRE(partner.ask(Journal::Step::Letdown).result == "recorded");
    partner.clock.advance(600'000);
    REQUIRE(partner.ask(Journal::Step::Stop).result == "recorded");
    partner.clock.advance(3600'000);
    partner.journal.steps().setNextSession({SessionKind::Pumping, Side::Both});
    REQUIRE(partner.ask(Journal::Step::Start).result == "recorded");
    {
        SyncFolder exchange(partner.journal, screen.folder.path());
        exchange.setDeviceName(QStringLiteral("Pat's laptop"));
        SyncFolder::Report report;
        REQUIRE(exchange.exchange(report));
    }

    QLabel *status = nullptr;
    screen.inPreferences([&](QDialog *dialog) {
        status = dialog->findChild<QLabel *>("syncStatus");
        REQUIRE(status);
        CHECK(status->text().contains("stays on this computer"));
        typeInto(dialog->findChild<QLineEdit *>("syncFolderEdit"), screen.folder.path());
        // The first exchange ran: the partner's two sessions are here, and said to be.
        CHECK(status->text().contains("Pat's laptop"));
        CHECK(screen.window->statusBar()->currentMessage().contains("Changes from Pat's laptop arrived (2)"));
        typeInto(dialog->findChild<QLineEdit *>("syncNameEdit"), QStringLiteral("Her laptop"));
    });
    CHECK(Preferences::load().syncFolder == screen.folder.path());
    // The Session tab shows the partner's live session (stopped there, not here).
    auto *day = screen.window->sessionPanel()->findChild<QLabel *>("dayLabel");
    REQUIRE(day);
    CHECK(day->accessibleDescription().contains("Running on Pat's laptop: a pump session since"));

    // History: the partner's sessions are marked, the live one runs there, not here.
    screen.window->showHistory();
    auto *table = screen.window->historyPanel()->findChild<QTableView *>("table");
    REQUIRE(table);
    QAbstractItemModel *model = table->model();
    QStringList notes;
    QStringList durations;
    for (int row = 0; row < model->rowCount(); ++row) {
        notes << model->index(row, HistoryModel::Note).data().toString();
        durations << model->index(row, HistoryModel::Duration).data().toString();
    }
    INFO(notes.join(" | ").toStdString() + " / " + durations.join(" | ").toStdString());
    CHECK(notes.filter("[logged on Pat's laptop]").size() == 2);
    CHECK(durations.contains("running on Pat's laptop"));
    CHECK_FALSE(screen.recorder.isLive());

    // A step here is written to the folder within two seconds, under the name she gave.
    const QString own = screen.window->syncRunner().lastReport().deviceId;
    REQUIRE_FALSE(own.isEmpty());
    const qsizetype filesBefore = QDir(screen.folder.filePath(own)).entryList(QDir::Files).size();
    REQUIRE(screen.window->journal().apply(Journal::ask(Journal::Step::Start, Origin::Mouse)).result == "recorded");
    // Within 2 s of the commit (SyncRunner::kWriteDelayMs is 1 s).
    QTRY_VERIFY_WITH_TIMEOUT(QDir(screen.folder.filePath(own)).entryList(QDir::Files).size() == filesBefore + 1, 2000);
    {
        SyncFolder exchange(partner.journal, screen.folder.path());
        SyncFolder::Report report;
        REQUIRE(exchange.exchange(report));
        CHECK(report.fromDevices.contains("Her laptop"));
    }

    // A change made just before the window closes is written as it closes, not at the next start.
    const qsizetype filesBeforeClose = QDir(screen.folder.filePath(own)).entryList(QDir::Files).size();
    REQUIRE(screen.window->journal().apply(Journal::ask(Journal::Step::Stop, Origin::Mouse)).result == "recorded");
    screen.window.reset();
    CHECK(QDir(screen.folder.filePath(own)).entryList(QDir::Files).size() == filesBeforeClose + 1);
    screen.window = std::make_unique<MainWindow>(screen.db.file, screen.recorder, screen.store, screen.clock);
    screen.window->show();

    // A folder that is gone: said plainly in Preferences.
    screen.inPreferences([&](QDialog *dialog) {
        typeInto(dialog->findChild<QLineEdit *>("syncFolderEdit"), screen.folder.filePath("unplugged-disk"));
        status = dialog->findChild<QLabel *>("syncStatus");
        CHECK(status->text().contains("does not exist"));
    });
}
