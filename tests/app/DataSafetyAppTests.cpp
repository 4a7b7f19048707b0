#include "import/CsvImport.h"
#include "output/CsvExport.h"
// What she sees when things go wrong: a second window, a write-protected file, a restore,
// a pasted novel.
#include "DamagedFileDialog.h"
#include "MainWindow.h"
#include "recorder/SessionRecorder.h"
#include "storage/Backups.h"
#include "storage/SessionStore.h"

#include "SessionFixtures.h"
#include "TestSupport.h"

#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QLabel>
#include <QLockFile>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>

#include <csignal>
#include <unistd.h>

namespace {
QProcessEnvironment offscreen()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("QT_QPA_PLATFORM", "offscreen");
    return environment;
}

} // namespace

TEST_CASE("A second window on the same database brings the first to the front and exits")
{
    QTemporaryDir dir;
    const QString path = dir.filePath("letdown.sqlite");
    // Starts a window on the database; the second start of a pair must end by itself.
    const auto start = [&](QProcess &process) {
        process.setProcessEnvironment(offscreen());
        process.start(QStringLiteral(LETDOWN_EXECUTABLE), {"--database", path});
        REQUIRE(process.waitForStarted());
    };
    QProcess first;
    start(first);
    waitUntil([&] { return QFileInfo::exists(path + ".lock"); });
    REQUIRE(QFileInfo::exists(path + ".lock"));

    // No fixed wait for the first window: the second keeps asking until it answers.
    QProcess second;
    start(second);
    REQUIRE(second.waitForFinished(30'000)); // it waits 5 s to connect and 15 s for the answer at most
    CHECK(second.exitCode() == 0);
    const QByteArray err = second.readAllStandardError();
    INFO(err.toStdString());
    CHECK(err.contains(QByteArray("already open on this database (process ") + QByteArray::number(first.processId())));
    CHECK(err.contains("brought to the front"));
    CHECK(first.state() == QProcess::Running);

    // Killed without a chance to clean up, the first leaves its lock and socket behind:
    // both are stale, and the third takes them over.
    ::kill(pid_t(first.processId()), SIGKILL);
    REQUIRE(first.waitForFinished());
    CHECK(QFileInfo::exists(path + ".lock"));
    QProcess third;
    start(third);
    // Positive signs that the third owns the database: the lock names it, and a fourth
    // start is sent to it.
    const auto lockOwner = [&] {
        qint64 pid = 0;
        QString host, app;
        QLockFile(path + ".lock").getLockInfo(&pid, &host, &app);
        return pid;
    };
    REQUIRE(waitUntil([&] { return lockOwner() == third.processId(); }, 20'000));
    QProcess fourth;
    start(fourth);
    REQUIRE(fourth.waitForFinished(30'000));
    const QByteArray fourthErr = fourth.readAllStandardError();
    INFO(fourthErr.toStdString());
    CHECK(fourth.exitCode() == 0);
    CHECK(fourthErr.contains(QByteArray("(process ") + QByteArray::number(third.processId()) + ")"));
    CHECK(third.state() == QProcess::Running);
    third.terminate();
    third.waitForFinished();
}

TEST_CASE("A write-protected database opens read-only and says so")
{
    TempDatabase db;
    SessionStore writer(db.database);
    REQUIRE(writer.saveSessions({finishedSession(SessionKind::Nursing, berlin(2026, 11, 16, 8, 0), {60})}));
    Database readOnly;
    REQUIRE(readOnly.open(db.path, Database::OpenMode::ReadOnly));
    SessionStore store(readOnly);
    FakeClock clock;
    SessionRecorder recorder(store, clock);
    DataFile readOnlyFile(readOnly);
    MainWindow window(readOnlyFile, recorder, store, clock);
    window.show();
    auto *warning = window.findChild<QLabel *>("warningBar");
    CHECK(warning->isVisible());
    CHECK_THAT(warning->text().toStdString(), Catch::Contains("write-protected"));
    CHECK_FALSE(window.findChild<QPushButton *>("startStopButton")->isEnabled());
    CHECK_FALSE(window.findChild<QPushButton *>("addButton")->isEnabled());
}

TEST_CASE("As an ordinary user, a write-protected file is read, and writing to it is refused clearly")
{
    const QString setpriv = QStandardPaths::findExecutable("setpriv");
    const bool root = ::geteuid() == 0;
    if (root && setpriv.isEmpty()) {
        LETDOWN_SKIP("running as root (which ignores file modes) and setpriv is not installed");
    }
    QTemporaryDir dir;
    const QString path = dir.filePath("letdown.sqlite");
    {
        Database database;
        REQUIRE(database.open(path));
        SessionStore store(database);
        REQUIRE(store.saveSessions({finishedSession(SessionKind::Nursing, berlin(2026, 11, 16, 8, 0), {60})}));
        CsvExportRequest request;
        request.sessionsPath = dir.filePath("sessions.csv");
        request.letdownsPath = dir.filePath("letdowns.csv");
        int count = 0;
        QString error;
        REQUIRE(exportCsvFiles(store, ReferenceModel(), request, count, error));
    }
    for (const char *name : {"sessions.csv", "letdowns.csv"})
        QFile::setPermissions(dir.filePath(name), QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther);
    QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther);
    QFile::setPermissions(dir.path(),
        QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
    // The programs where an ordinary user can reach them, as an install puts them (the build
    // folder may sit in root's private home): `letdown` starts `letdown-command` beside it.
    QTemporaryDir programs;
    QFile::setPermissions(programs.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
            | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
    const QString built = QFileInfo(QStringLiteral(LETDOWN_EXECUTABLE)).absolutePath();
    for (const char *program : {"letdown", "letdown-command", "letdown-window"}) {
        const QString copy = programs.filePath(QString::fromLatin1(program));
        REQUIRE(QFile::copy(built + u'/' + QString::fromLatin1(program), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
    }
    const QString letdown = programs.filePath(QStringLiteral("letdown"));
    const auto run = [&](const QStringList &arguments) {
        QProcess process;
        QProcessEnvironment environment = offscreen();
        environment.insert("HOME", dir.path());
        process.setProcessEnvironment(environment);
        if (root)
            process.start(setpriv, QStringList {"--reuid=65534", "--regid=65534", "--clear-groups", letdown} + arguments);
        else
            process.start(letdown, arguments);
        REQUIRE(process.waitForFinished(30'000));
        return std::make_pair(process.exitCode(), process.readAllStandardOutput() + process.readAllStandardError());
    };
    const auto [statsCode, statsOut] = run({"stats", "--database", path});
    INFO(statsOut.toStdString());
    CHECK(statsCode == 0);
    CHECK(statsOut.contains("2026-W47"));
    const auto [importCode, importOut] = run({"import", "--database", path, "--sessions", dir.filePath("sessions.csv"), "--ejections",
        dir.filePath("letdowns.csv")});
    CHECK(importCode == 1);
    INFO(importOut.toStdString());
    CHECK(importOut.contains("write-protected"));
    QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

TEST_CASE("File > Restore from backup: the current data is backed up first, then replaced")
{
    TempDatabase db;
    SessionStore store(db.database);
    const Session kept = finishedSession(SessionKind::Nursing, berlin(2026, 11, 16, 8, 0), {60, 120});
    REQUIRE(store.saveSessions({kept}));
    QString error;
    const QString backup = Backups::take(db.database, QStringLiteral("daily"), error);
    REQUIRE_FALSE(backup.isEmpty());
    REQUIRE(store.deleteSession(kept.uuid));

    FakeClock clock;
    SessionRecorder recorder(store, clock);
    MainWindow window(db.file, recorder, store, clock);
    // Not while a session runs.
    REQUIRE(recorder.start(SessionKind::Pumping, Side::Both));
    CHECK_FALSE(window.restoreFrom(backup));
    REQUIRE(recorder.stop());
    REQUIRE(store.deleteSession(recorder.currentSession().uuid));

    REQUIRE(window.restoreFrom(backup));
    CHECK(db.scalar("SELECT count(*) FROM sessions") == 1);
    CHECK(db.scalar("SELECT count(*) FROM ejections") == 2);
    const auto backups = Backups::list(db.path, true);
    REQUIRE(backups.size() == 2);
    CHECK(std::any_of(backups.begin(), backups.end(),
        [](const auto &b) { return b.path.contains("before-restore") && b.sessions == 0; }));
}

TEST_CASE("A huge paste into the note is cut at 10,000 characters with a message")
{
    RecorderRig rig;
    auto &[db, store, clock, recorder] = rig;
    MainWindow window(db.file, recorder, store, clock);
    window.show();
    window.findChild<QPushButton *>("startStopButton")->click();
    auto *note = window.findChild<QPlainTextEdit *>("noteEdit");
    note->setFocus();
    QApplication::clipboard()->setText(QString(1'000'000, u'x'));
    note->paste(); // what Ctrl+V does
    CHECK(note->toPlainText().size() == kMaxNoteLength);
    CHECK_THAT(window.statusBar()->currentMessage().toStdString(), Catch::Contains("10000"));
    window.findChild<QPushButton *>("startStopButton")->click(); // the stop saves the note
    CHECK(recorder.currentSession().note.size() == kMaxNoteLength);
}

TEST_CASE("A first run creates the private data folder and opens the window")
{
    QTemporaryDir home;
    const QString path = home.filePath("new/nested/letdown.sqlite");
    QProcess app;
    app.setProcessEnvironment(offscreen());
    app.start(QStringLiteral(LETDOWN_EXECUTABLE), {"--database", path});
    REQUIRE(app.waitForStarted());
    CHECK_FALSE(app.waitForFinished(2500)); // still running: the window is open
    INFO(app.readAllStandardError().toStdString());
    CHECK(QFileInfo::exists(path));
    CHECK_FALSE(QFileInfo(QFileInfo(path).absolutePath()).permissions() & (QFile::ReadOther | QFile::ReadGroup));
    app.terminate();
    app.waitForFinished();
}

TEST_CASE("A healthy database on a full disk is reported as a full disk, not as damage")
{
    // A real full disk: a 2 MB tmpfs in a mount namespace of its own (needs root and unshare).
    const QString unshare = QStandardPaths::findExecutable("unshare");
    if (::geteuid() != 0 || unshare.isEmpty()) {
        LETDOWN_SKIP("needs root and unshare to mount a small file system");
    }
    QTemporaryDir dir;
    {
        Database database;
        REQUIRE(database.open(dir.filePath("letdown.sqlite")));
        SessionStore store(database);
        REQUIRE(store.saveSessions({finishedSession(SessionKind::Nursing, berlin(2026, 11, 16, 8, 0), {60})}));
    }
    const QString script = QStringLiteral(
        "set -e; mount -t tmpfs -o size=2m tmpfs '%1/disk'; echo mounted; cp '%1/letdown.sqlite' '%1/disk/';"
        "dd if=/dev/zero of='%1/disk/filler' bs=64k 2>/dev/null || true;"
        "'%2' stats --database '%1/disk/letdown.sqlite'; echo \"exit $?\"")
                               .arg(dir.path(), QStringLiteral(LETDOWN_EXECUTABLE));
    REQUIRE(QDir(dir.path()).mkdir("disk"));
    QProcess process;
    process.setProcessEnvironment(offscreen());
    process.start(unshare, {"-m", "--propagation", "private", "bash", "-c", script});
    REQUIRE(process.waitForFinished(60'000));
    const QByteArray err = process.readAllStandardError();
    const QByteArray out = process.readAllStandardOutput();
    INFO(err.toStdString() << out.toStdString());
    if (!out.contains("mounted")) { // no private mount namespace here (a chroot, a container)
        LETDOWN_SKIP("this machine does not allow mounting a file system here: " << err.toStdString());
    }
    CHECK(err.contains("is full"));
    CHECK_FALSE(err.contains("damaged ("));
}

TEST_CASE("The damaged-file dialog offers the newest backup only when there is one, and says what she chose")
{
    const QDateTime taken(QDate(2026, 11, 27), QTime(22, 0));
    {
        DamagedFileDialog dialog("letdown.sqlite is damaged: parts of it cannot be read. It was left untouched.",
            "row 12 missing from index", taken);
        dialog.show();
        auto *restore = dialog.findChild<QPushButton *>("restoreButton");
        REQUIRE(restore);
        CHECK(dialog.informativeText().contains("A checked backup from"));
        CHECK(dialog.detailedText() == "row 12 missing from index");
        QTest::mouseClick(restore, Qt::LeftButton);
        CHECK(dialog.choice() == DamagedFileDialog::Choice::RestoreBackup);
    }
    {
        DamagedFileDialog dialog("other.sqlite belongs to another application", QString(), QDateTime());
        dialog.show();
        CHECK_FALSE(dialog.findChild<QPushButton *>("restoreButton"));
        QTest::mouseClick(dialog.findChild<QPushButton *>("openAnotherButton"), Qt::LeftButton);
        CHECK(dialog.choice() == DamagedFileDialog::Choice::OpenAnother);
    }
    {
        DamagedFileDialog dialog("x", QString(), QDateTime());
        dialog.show();
        QTest::mouseClick(dialog.findChild<QPushButton *>("closeButton"), Qt::LeftButton);
        CHECK(dialog.choice() == DamagedFileDialog::Choice::Close);
    }
}
