#include "HistoryModel.h"
#include "HistoryPanel.h"
#include "ImportDialog.h"
#include "MainWindow.h"
#include "recorder/SessionRecorder.h"
#include "storage/Database.h"
#include "storage/SessionStore.h"

#include "LetdownProcess.h"
#include "SessionFixtures.h"
#include "TestSupport.h"

#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QPushButton>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

namespace {
const QByteArray kHuckleberry
    = "\"Type\",\"Start\",\"End\",\"Duration\",\"Start Condition\",\"Start Location\",\"End Condition\",\"Notes\"\n"
      "\"Feed\",\"2026-10-25 02:30\",\"2026-10-25 02:50\",\"00:20\",\"00:08R\",\"Breast\",\"00:12L\",\"\"\n"
      "\"Feed\",\"2026-10-25 06:00\",\"2026-10-25 06:10\",\"00:10\",\"Formula\",\"Bottle\",\"80ml\",\"\"\n"
      "\"Pump\",\"2026-10-26 23:50\",\"2026-10-27 00:10\",\"00:20\",\"100ml\",\"\",\"2.5oz\",\"\"\n";

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    return path;
}
} // namespace

TEST_CASE("File > Import of another app's file: the preview first, then her sessions, marked as imported")
{
    RecorderRig rig;
    auto &[db, store, clock, recorder] = rig;
    ProcessClockScope now(clock); // "today" for the plausible-date check: the rig's clock, not the machine's
    // One she logged in Letdown during the imported breastfeed (Berlin, 25 Oct, 02:35 summer time).
    REQUIRE(store.saveSessions({finishedSession(SessionKind::Nursing,
        QDateTime(QDate(2026, 10, 25), QTime(0, 35), Qt::UTC).toTimeZone(QTimeZone("Europe/Berlin")), {60})}));
    MainWindow window(db.file, recorder, store, clock);
    window.show();
    QTemporaryDir dir;
    const QString path = writeFile(dir, "huckleberry.csv", kHuckleberry);
    QString preview;
    auto connection = QObject::connect(&window, &MainWindow::importDialogOpened, &window, [&](QDialog *opened) {
        auto *dialog = qobject_cast<ImportDialog *>(opened);
        REQUIRE(dialog);
        CHECK_FALSE(dialog->canImport()); // nothing chosen yet
        dialog->addFiles({path});
        dialog->setTimeZone("Europe/Berlin");
        preview = dialog->previewText();
        CHECK_FALSE(dialog->findChild<QComboBox *>("unitCombo")->isEnabled()); // Huckleberry writes its units
        REQUIRE(dialog->canImport());
        QTest::mouseClick(dialog->findChild<QPushButton *>("importButton"), Qt::LeftButton);
    });
    window.findChild<QAction *>("actionImport")->trigger();
    QObject::disconnect(connection);
    CHECK_THAT(preview.toStdString(),
        Catch::Contains("Huckleberry: 1 nursing and 1 pumping sessions from 2026-10-25 to 2026-10-26")
            && Catch::Contains("times read in Europe/Berlin") && Catch::Contains("1 rows skipped")
            && Catch::Contains("huckleberry.csv line 2: Start 2026-10-25 02:30 happened twice")
            && Catch::Contains("overlaps the one you logged in Letdown"));

    QList<Session> stored;
    REQUIRE(store.loadSessionsStartedBetween(0, std::numeric_limits<qint64>::max(), stored));
    REQUIRE(stored.size() == 3); // both kept
    int imported = 0;
    for (const Session &s : stored)
        imported += s.source == "huckleberry" && !s.letdownsLogged ? 1 : 0;
    CHECK(imported == 2);

    // History shows where they came from and that their let-downs were not logged.
    window.showHistory();
    HistoryModel *model = window.historyPanel()->model();
    waitUntil([&] { return model->rowCount() == 3; });
    QStringList letdowns, notes;
    for (int row = 0; row < model->rowCount(); ++row) {
        letdowns << model->index(row, HistoryModel::Letdowns).data().toString();
        notes << model->index(row, HistoryModel::Note).data().toString();
    }
    CHECK(letdowns.count("not logged") == 2);
    QStringList tips;
    for (int row = 0; row < model->rowCount(); ++row) {
        tips << model->index(row, HistoryModel::Letdowns).data(Qt::ToolTipRole).toString();
        tips << model->index(row, HistoryModel::Volume).data(Qt::ToolTipRole).toString();
    }
    CHECK(tips.filter("which does not log let-downs").size() == 2);
    CHECK(tips.filter("Left breast: 100 ml").size() == 1); // the pumping session's left breast
    CHECK(notes.filter("[from Huckleberry]").size() == 2);
}

TEST_CASE(
    "letdown import from another tracker: summary, skipped rows, and let-down figures 'not logged' (null) in stats")
{
    TempDatabase db;
    QTemporaryDir dir;
    const QString path = writeFile(dir, "huckleberry.csv", kHuckleberry);
    const CliResult dry
        = runLetdown({"import", "--database", db.path, "--timezone", "Europe/Berlin", "--dry-run", path});
    CHECK(dry.exitCode == 0);
    CHECK_THAT(dry.err.toStdString(), Catch::Contains("Huckleberry: 1 nursing and 1 pumping sessions"));
    CHECK_THAT(dry.out.toStdString(), Catch::Contains("Would import 2 sessions"));
    const CliResult run
        = runLetdown({"import", "--database", db.path, "--from", "huckleberry", "--timezone", "Europe/Berlin", path});
    REQUIRE(run.exitCode == 0);
    CHECK_THAT(run.out.toStdString(), Catch::Contains("Imported 2 sessions"));
    CHECK(runLetdown({"import", "--database", db.path, "--timezone", "Europe/Berlin", path})
              .out.contains("Imported 0 sessions with 0 let-downs; 2 were already there"));

    const CliResult stats = runLetdown({"stats", "--database", db.path, "--json"});
    REQUIRE(stats.exitCode == 0);
    const QJsonObject json = QJsonDocument::fromJson(stats.out).object();
    int sessions = 0;
    for (const QJsonValue &week : json.value("weeks").toArray()) {
        sessions += week.toObject().value("sessions").toInt();
        CHECK(week.toObject().value("mean_letdowns_nursing").isNull());
        CHECK(week.toObject().value("mean_letdowns_pumping").isNull());
        CHECK(week.toObject().value("median_first_letdown_s").isNull());
    }
    CHECK(sessions == 2);
    const QJsonObject literature = json.value("insights").toObject().value("literature").toObject();
    CHECK(literature.value("mean_letdowns_nursing").isNull());

    const CliResult badZone = runLetdown({"import", "--database", db.path, "--timezone", "Mars/Olympus", path});
    CHECK(badZone.exitCode != 0);
    CHECK_THAT(badZone.err.toStdString(), Catch::Contains("not a time zone"));
}

TEST_CASE("An import killed half way leaves nothing: every count seen is all or none")
{
    // 20,000 breastfeeds from another tracker: long enough to kill at different points.
    QByteArray file
        = "\"Type\",\"Start\",\"End\",\"Duration\",\"Start Condition\",\"Start Location\",\"End Condition\","
          "\"Notes\"\n";
    constexpr int kSessions = 20000;
    const QDateTime first(QDate(2021, 1, 1), QTime(6, 0));
    for (int i = 0; i < kSessions; ++i) {
        const QDateTime start = first.addSecs(qint64(i) * 2 * 3600); // to mid-2025
        file += "\"Feed\",\"" + start.toString("yyyy-MM-dd HH:mm").toUtf8() + "\",\""
            + start.addSecs(900).toString("yyyy-MM-dd HH:mm").toUtf8()
            + "\",\"00:15\",\"00:07R\",\"Breast\",\"00:08L\",\"\"\n";
    }
    QTemporaryDir dir;
    const QString path = writeFile(dir, "huckleberry.csv", file);
    const QString database = dir.filePath("killed.sqlite");
    const auto startImport = [&](QProcess &process, const QString &target) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("LETDOWN_NOW", "2026-11-20T12:00:00+01:00");
        process.setProcessEnvironment(environment);
        process.start(LETDOWN_EXECUTABLE, {"import", "--database", target, "--timezone", "UTC", path});
        REQUIRE(process.waitForStarted(30'000));
    };
    // The file is read (most of the run) before the database is opened, and the write is
    // short: each kill waits for the database file to appear, then lands at a different point
    // of the write, measured on one whole run first so that a slow machine (or a sanitizer
    // build) is killed at the same stages as a fast one.
    const auto waitForFile = [](QProcess &process, const QString &file) {
        for (int poll = 0; poll < 60'000 && !QFile::exists(file); ++poll) // at most a minute
            if (process.waitForFinished(1))
                return;
    };
    qint64 writeMs = 0;
    {
        QProcess process;
        const QString whole = dir.filePath("whole.sqlite");
        startImport(process, whole);
        waitForFile(process, whole);
        QElapsedTimer write;
        write.start();
        REQUIRE(process.waitForFinished(300'000));
        REQUIRE(process.exitCode() == 0);
        writeMs = write.elapsed();
    }
    QSet<qint64> countsSeen;
    int killedWhileWriting = 0; // kills that found the database made and the import still at work
    constexpr int kKills = 8;
    for (int attempt = 0; attempt < kKills; ++attempt) {
        QProcess process;
        startImport(process, database);
        waitForFile(process, database);
        QThread::msleep(ulong(writeMs * attempt / kKills)); // a point of the write, not a wait for it
        const bool stillWriting = process.state() == QProcess::Running;
        process.kill();
        REQUIRE(process.waitForFinished(30'000));
        Database check;
        if (!QFile::exists(database))
            continue; // killed before the database was created: nothing written either
        const bool opened = check.open(database, Database::OpenMode::MustExist);
        INFO("kill " << attempt << ": " << check.errorString().toStdString());
        REQUIRE(opened);
        TestQuery count(check);
        REQUIRE(count.exec("SELECT count(*) FROM sessions"));
        REQUIRE(count.next());
        countsSeen << count.value(0).toLongLong();
        killedWhileWriting += stillWriting ? 1 : 0;
        QFile::remove(database + ".lock");
        if (count.value(0).toLongLong() == kSessions)
            break; // it finished before the kill: nothing more to learn
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(database + suffix);
    }
    INFO("counts seen: " << QStringList([&] {
        QStringList texts;
        for (qint64 c : countsSeen)
            texts << QString::number(c);
        return texts;
    }())
                                .join(", ")
                                .toStdString());
    CHECK_FALSE(countsSeen.isEmpty()); // at least one kill found a database to look into
    // A test of killing mid-write must have killed mid-write at least once.
    INFO("kills that landed while the import was writing: " << killedWhileWriting);
    CHECK(killedWhileWriting >= 1);
    for (qint64 seen : countsSeen)
        CHECK((seen == 0 || seen == kSessions));
}
