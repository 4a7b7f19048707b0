// Export, import and the report, through the File menu's dialog and through the CLI.
#include "DayRaster.h"
#include "MainWindow.h"
#include "Report.h"
#include "StartFolder.h"
#include "ImportDialog.h"
#include "TransferDialog.h"
#include "recorder/SessionRecorder.h"
#include "storage/SessionStore.h"

#include "LetdownProcess.h"
#include "SessionFixtures.h"
#include "TestSupport.h"

#include <QAction>
#include <QCheckBox>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

namespace {
using Cli = CliResult;
QList<Session> fixtureSessions()
{
    Session a = finishedSession(SessionKind::Nursing, berlin(2026, 11, 16, 8, 0), {60, 300, 600});
    a.note = QStringLiteral("=cmd|' /C calc'!A0, and \"quotes\"\nsecond line");
    a.techniques = {QStringLiteral("warm_compress")};
    Session b = finishedSession(SessionKind::Pumping, berlin(2026, 11, 17, 7, 0), {90, 200});
    b.pumpedVolumeMl = 85;
    return {a, b};
}

Cli letdown(const QStringList &arguments)
{
    return runLetdown(arguments);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}
} // namespace

TEST_CASE("File > Export CSV writes both tables through the dialog")
{
    TempDatabase db;
    SessionStore store(db.database);
    REQUIRE(store.saveSessions(fixtureSessions()));
    FakeClock clock(berlin(2026, 11, 28, 10, 0).toMSecsSinceEpoch());
    SessionRecorder recorder(store, clock);
    MainWindow window(db.file, recorder, store, clock);
    QTemporaryDir dir;
    const QString sessions = dir.filePath("s.csv"), letdowns = dir.filePath("l.csv");
    QObject::connect(&window, &MainWindow::transferDialogOpened, &window, [&](QDialog *dialog) {
        auto *transfer = qobject_cast<TransferDialog *>(dialog);
        transfer->setPaths(sessions, letdowns);
        transfer->setOunces(true);
        transfer->accept();
    });
    window.findChild<QAction *>("actionExportCsv")->trigger();
    const QByteArray csv = readAll(sessions);
    CHECK(csv.startsWith("session_id,kind,started_at"));
    CHECK(csv.contains("measured_volume_oz"));
    CHECK(csv.contains("2.87")); // 85 ml in oz
    CHECK(csv.contains("\"'=cmd|' /C calc'!A0, and \"\"quotes\"\"\nsecond line\""));
    CHECK(readAll(letdowns).count("\r\n") == 6); // header + 5 let-downs
}

TEST_CASE("File > Export CSV and the report start in Documents when it exists, else in her home, creating nothing")
{
    JournalRig rig;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    REQUIRE(documents.startsWith(QDir::homePath() + "/")); // the test's own home (TestMain.cpp)
    QDir(documents).removeRecursively(); // a home without Documents (a fresh account, another language)
    const auto firstPath = [&](TransferDialog::Mode mode) {
        TransferDialog dialog(mode, rig.journal, QDate(2026, 11, 28), Preferences());
        auto *edit = dialog.findChild<QLineEdit *>("sessionsPathEdit");
        REQUIRE(edit);
        return edit->text();
    };
    CHECK(firstPath(TransferDialog::Mode::ExportCsv) == QDir::homePath() + "/letdown-sessions.csv");
    CHECK(firstPath(TransferDialog::Mode::ReportPdf) == QDir::homePath() + "/letdown-report.pdf");
    CHECK_FALSE(QFileInfo::exists(documents)); // nothing made she did not ask for
    REQUIRE(QDir().mkpath(documents));
    CHECK(firstPath(TransferDialog::Mode::ExportCsv) == documents + "/letdown-sessions.csv");
    CHECK(startFolder(QStandardPaths::DownloadLocation).endsWith('/')); // a folder, never a name typed in
    QDir(documents).removeRecursively();
}

TEST_CASE("File > Import takes Letdown's own export too: a bad file is refused line by line - a good one is taken once")
{
    TempDatabase source;
    SessionStore sourceStore(source.database);
    REQUIRE(sourceStore.saveSessions(fixtureSessions()));
    QTemporaryDir dir;
    const QString sessions = dir.filePath("s.csv"), letdowns = dir.filePath("l.csv");
    REQUIRE(
        letdown({"export", "--database", source.path, "--sessions", sessions, "--ejections", letdowns}).exitCode == 0);

    TempDatabase target;
    SessionStore store(target.database);
    FakeClock clock;
    SessionRecorder recorder(store, clock);
    Journal journal(target.file, store, recorder, clock);
    {
        QFile broken(dir.filePath("broken.csv"));
        REQUIRE(broken.open(QIODevice::WriteOnly));
        broken.write(readAll(sessions).replace("pumping", "bottle"));
    }
    ImportDialog bad(journal);
    bad.addFiles({dir.filePath("broken.csv"), letdowns});
    CHECK_FALSE(bad.canImport());
    bad.accept();
    CHECK(bad.result() != QDialog::Accepted);
    // The first session's note has a line break, so the pumping session starts on line 4.
    const QString message = bad.previewText();
    INFO(message.toStdString());
    CHECK_THAT(message.toStdString(),
        Catch::Contains("Nothing can be imported") && Catch::Contains("broken.csv line 4")
            && Catch::Contains("unknown kind 'bottle'"));
    CHECK(message.count("broken.csv line") == 1); // one problem, not a cascade of guesses
    CHECK(target.scalar("SELECT count(*) FROM sessions") == 0);

    ImportDialog good(journal);
    good.addFiles({sessions, letdowns});
    CHECK_THAT(good.previewText().toStdString(), Catch::StartsWith("Letdown"));
    good.accept();
    CHECK(good.result() == QDialog::Accepted);
    CHECK(good.resultMessage() == "Imported 2 sessions from Letdown; 0 were already there.");
    ImportDialog again(journal);
    again.addFiles({sessions, letdowns});
    again.accept();
    CHECK(again.resultMessage() == "Imported 0 sessions from Letdown; 2 were already there.");
    CHECK(target.scalar("SELECT count(*) FROM ejections") == 5);
    // Each import is one change in the log, made by the import dialog.
    CHECK(target.scalar("SELECT count(*) FROM change_log WHERE command = 'import' AND origin = 'import'") == 2);
}

TEST_CASE("CLI: export, import and their exit codes")
{
    TempDatabase source;
    SessionStore sourceStore(source.database);
    REQUIRE(sourceStore.saveSessions(fixtureSessions()));
    QTemporaryDir dir;
    const QString sessions = dir.filePath("s.csv"), letdowns = dir.filePath("l.csv");
    Cli result = letdown({"export", "--database", source.path, "--sessions", sessions, "--ejections", letdowns,
        "--from", "2026-11-17", "--to", "2026-11-17", "--units", "oz"});
    REQUIRE(result.exitCode == 0);
    CHECK(readAll(sessions).count("\r\n") == 2); // header + the one session of the 17th
    CHECK(letdown({"export", "--database", source.path, "--sessions", sessions, "--units", "cups"}).exitCode == 2);
    CHECK(letdown({"export", "--database", source.path}).exitCode == 2);

    const QString target = dir.filePath("target.sqlite");
    result = letdown({"import", "--database", target, "--sessions", sessions, "--ejections", letdowns});
    INFO(result.err.toStdString());
    REQUIRE(result.exitCode == 0);
    CHECK(result.out.contains("Imported 1 sessions with 2 let-downs"));
    result = letdown({"import", "--database", target, "--sessions", dir.filePath("missing.csv")});
    CHECK(result.exitCode == 1);
    CHECK(result.err.contains("nothing was imported"));
}

TEST_CASE("CLI and dialog: the report is a PDF of a few pages with the summary in it")
{
    TempDatabase db;
    SessionStore store(db.database);
    REQUIRE(store.saveSessions(fixtureSessions()));
    qint64 feltId = 0;
    REQUIRE(store.addSpontaneousLetdown(berlin(2026, 11, 18, 3, 0).toMSecsSinceEpoch(), 3600, feltId));
    QTemporaryDir dir;
    const QString pdf = dir.filePath("report.pdf");
    const Cli result
        = letdown({"report", "--database", db.path, "--out", pdf, "--from", "2026-11-01", "--to", "2026-11-30"});
    INFO(result.err.toStdString());
    REQUIRE(result.exitCode == 0);
    const QByteArray bytes = readAll(pdf);
    CHECK(bytes.startsWith("%PDF"));
    const int pages = int(bytes.count("/Type /Page\n") + bytes.count("/Type /Page\r") + bytes.count("/Type /Page>")
        + bytes.count("/Type /Page "));
    CHECK(pages >= 2);
    CHECK(pages <= 6);
    CHECK_FALSE(QFileInfo(pdf).permissions() & QFile::ReadOther);

    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty()) {
        WARN("pdftotext is not installed (Debian package poppler-utils): the report's text is not checked");
    } else {
        QProcess text;
        text.start(pdftotext, {pdf, "-"});
        REQUIRE(text.waitForFinished(60'000));
        const QString content = QString::fromUtf8(text.readAllStandardOutput()).simplified(); // table cells wrap
        CHECK(content.contains("Summary"));
        CHECK(content.contains("1 nursing, 1 pumping"));
        CHECK(content.contains("2026-W47"));
        CHECK(content.contains("second line")); // her notes
        CHECK(content.contains("estimated"));
        CHECK(content.contains("Let-downs without a feed 1"));
        CHECK(content.contains("Not medical advice"));
    }

    FakeClock clock;
    SessionRecorder recorder(store, clock);
    Journal journal(db.file, store, recorder, clock);
    TransferDialog dialog(TransferDialog::Mode::ReportPdf, journal, QDate(2026, 11, 28));
    dialog.setPaths(dir.filePath("from-dialog.pdf"));
    dialog.accept();
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(readAll(dir.filePath("from-dialog.pdf")).startsWith("%PDF"));
}

TEST_CASE("Every output takes the volume model from her preferences: stats, chart, export and report agree")
{
    // What the app saved when she set first 40 ml and decay 0.9 (the commands' settings file).
    const QString settingsPath = qEnvironmentVariable("XDG_CONFIG_HOME") + "/letdown/letdown.conf";
    {
        QSettings settings(settingsPath, QSettings::IniFormat);
        settings.setValue("model/decayR", 0.9);
        settings.setValue("model/firstEjectionMl", 40.0);
        settings.sync();
        REQUIRE(settings.status() == QSettings::NoError);
    }
    struct RemoveSettings {
        QString path;
        ~RemoveSettings() { QFile::remove(path); }
    } removeSettings {settingsPath};

    TempDatabase db;
    SessionStore store(db.database);
    // Nothing measured: the second let-down's estimate is the model's 40 * 0.9 = 36 ml.
    REQUIRE(store.saveSessions({finishedSession(SessionKind::Nursing, berlin(2026, 11, 16, 8, 0), {60, 300})}));
    QTemporaryDir dir;

    const Cli stats = letdown({"stats", "--database", db.path, "--json", "--from", "2026-11-16", "--to", "2026-11-22"});
    REQUIRE(stats.exitCode == 0);
    const QJsonObject json = QJsonDocument::fromJson(stats.out).object();
    CHECK(json.value("reference").toObject().value("decay_r").toDouble() == Approx(0.9));
    const QJsonObject model = json.value("model").toObject();
    CHECK(model.value("in_use").toString() == "reference");
    CHECK(model.value("reference").toObject().value("first_ml").toDouble() == Approx(40));
    CHECK(model.value("reference").toObject().value("decay").toDouble() == Approx(0.9));
    CHECK(model.value("fitted").isNull());
    const QJsonArray byOrder = json.value("volume_by_order").toArray();
    REQUIRE(byOrder.size() == 2);
    CHECK(byOrder[1].toObject().value("mean_estimated_ml").toDouble() == Approx(36));
    CHECK(byOrder[1].toObject().value("reference_ml").toDouble() == Approx(36));

    const QString letdowns = dir.filePath("l.csv");
    REQUIRE(letdown({"export", "--database", db.path, "--sessions", dir.filePath("s.csv"), "--ejections", letdowns})
                .exitCode
        == 0);
    const QList<QByteArray> lines = readAll(letdowns).split('\n');
    REQUIRE(lines.size() >= 3);
    CHECK(lines[2].trimmed().endsWith(",36,reference")); // the estimate names its model

    const QString pdf = dir.filePath("r.pdf");
    const Cli report = letdown({"report", "--database", db.path, "--out", pdf, "--from", "2026-11-16", "--to", "2026-11-22"});
    INFO("letdown report said: " << report.err.toStdString());
    REQUIRE(report.exitCode == 0);
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    REQUIRE_FALSE(pdftotext.isEmpty()); // poppler-utils is installed by scripts/common.sh
    QProcess text;
    text.start(pdftotext, {pdf, "-"});
    REQUIRE(text.waitForFinished(60'000));
    const QString content = QString::fromUtf8(text.readAllStandardOutput()).simplified();
    CHECK(content.contains("#2: 36 ml"));
    CHECK(content.contains("40 ml for the")); // "first" is set with an fi ligature
    CHECK(content.contains("×0.9 for each later one (model: published studies"));
}

namespace {
QString runTool(const QString &tool, const QStringList &arguments)
{
    QProcess process;
    process.start(QStandardPaths::findExecutable(tool), arguments);
    REQUIRE(process.waitForFinished(60'000));
    return QString::fromUtf8(process.readAllStandardOutput());
}
} // namespace

TEST_CASE("Report: page 1 is the consultant's, the PDF has her name as author, and no page is a leftover")
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()
        || QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty())
        LETDOWN_SKIP("pdftotext and pdfinfo are not installed (Debian package poppler-utils)");
    TempDatabase db;
    SessionStore store(db.database);
    QList<Session> sessions = consultantWeekend();
    sessions[2].note = QStringLiteral("A note from the night feed"); // the 23:40 one, on Saturday
    REQUIRE(store.saveSessions(sessions));
    Preferences preferences;
    preferences.motherName = QStringLiteral("Anna Müller");
    preferences.babyName = QStringLiteral("Mia");
    preferences.reportNotesDays = 1; // Sunday's notes only: Saturday's is left out
    QTemporaryDir dir;
    const QString pdf = dir.filePath("report.pdf");
    QString error;
    REQUIRE(Report::writePdf(store, preferences, StatsRange {QDate(2026, 10, 12), QDate(2026, 10, 25)}, pdf, error));

    const QString info = runTool(QStringLiteral("pdfinfo"), {pdf});
    CHECK(QRegularExpression(QStringLiteral("Title:\\s+Letdown report for Anna Müller\n")).match(info).hasMatch());
    CHECK(QRegularExpression(QStringLiteral("Author:\\s+Anna Müller\n")).match(info).hasMatch());

    const QString first = runTool(QStringLiteral("pdftotext"), {"-f", "1", "-l", "1", "-layout", pdf, "-"});
    INFO(first.toStdString());
    CHECK(first.contains("Baby: Mia"));
    CHECK(first.contains("The last 24 hours"));
    CHECK(first.contains("The last 14 days"));
    // Saturday's row as worked by hand: 4 feeds, 1 pump, no night, the 5:10 gap, 142 measured, 78 estimated.
    static const QRegularExpression saturday(QStringLiteral("24/10\\s+4\\s+1\\s+0\\s+5:10\\s+.*142\\s+78\\s+40\\s+7"));
    CHECK(saturday.match(first).hasMatch());
    const QString words = runTool(QStringLiteral("pdftotext"), {"-f", "1", "-l", "1", pdf, "-"}).simplified();
    CHECK(QRegularExpression(QStringLiteral("Milk\\s+measured")).match(words).hasMatch());
    CHECK(QRegularExpression(QStringLiteral("Milk\\s+estimated")).match(words).hasMatch());
    CHECK(words.contains("never added together"));

    // Ending on Saturday, the last 24 hours hold the 23:40 feed's test weight, with its raw weights.
    const QString saturdayPdf = dir.filePath("saturday.pdf");
    REQUIRE(Report::writePdf(
        store, preferences, StatsRange {QDate(2026, 10, 11), QDate(2026, 10, 24)}, saturdayPdf, error));
    const QString saturdayPage = runTool(QStringLiteral("pdftotext"), {"-f", "1", "-l", "1", saturdayPdf, "-"});
    CHECK(saturdayPage.simplified().contains(QStringLiteral("+52 g (4000 → 4052)")));

    const QString all = runTool(QStringLiteral("pdftotext"), {pdf, "-"});
    CHECK_FALSE(all.contains("A note from the night feed"));
    CHECK(all.contains("Appendix: her notes from"));
    // No page holds only a leftover (a footnote, a line of a table): every page but the last is full.
    const QStringList pages = all.split(QLatin1Char('\f'), Qt::SkipEmptyParts);
    REQUIRE(pages.size() >= 2);
    for (int i = 0; i + 1 < pages.size(); ++i) {
        INFO("page " << i + 1);
        CHECK(QString(pages[i]).remove(QRegularExpression(QStringLiteral("\\s"))).size() > 400);
    }
}

TEST_CASE("Export dialog: a third file, one line per day, when she names it")
{
    TempDatabase db;
    SessionStore store(db.database);
    REQUIRE(store.saveSessions(consultantWeekend()));
    FakeClock clock(berlin(2026, 10, 26, 10, 0).toMSecsSinceEpoch());
    SessionRecorder recorder(store, clock);
    MainWindow window(db.file, recorder, store, clock);
    QTemporaryDir dir;
    TransferDialog dialog(TransferDialog::Mode::ExportCsv, window.journal(), QDate(2026, 10, 26));
    dialog.findChild<QCheckBox *>("allDatesCheck")->setChecked(true);
    dialog.setPaths(dir.filePath("s.csv"), dir.filePath("l.csv"));
    auto *days = dialog.findChild<QLineEdit *>("daysPathEdit");
    REQUIRE(days);
    CHECK(days->text().isEmpty()); // optional: nothing written unless she names it
    days->setText(dir.filePath("days.csv"));
    dialog.accept();
    const QString written = QString::fromUtf8(readAll(dir.filePath("days.csv")));
    CHECK_THAT(written.toStdString(), Catch::StartsWith("date,nursing_sessions,pumping_sessions,night_sessions"));
    CHECK_THAT(written.toStdString(), Catch::Contains("2026-10-24,4,1,0,18600,"));
}

TEST_CASE("Report: the 24-hour raster draws each session where its hours are, nursing solid, and the long gaps")
{
    // Two days: Saturday and the Sunday the clocks go back (consultantWeekend), drawn as the
    // last two rows of a two-day raster, without a key's worth of guessing: pixels are read.
    DayRaster::Input input {consultantWeekend(), QDate(2026, 10, 25), 2, DayOptions {}};
    const QImage image = DayRaster::render(input, 1000, 17);
    REQUIRE_FALSE(image.isNull());
    // Where an hour of a row is, as the painter lays it out (render's geometry, spelled out).
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(17);
    const QFontMetricsF metrics(font);
    const qreal lineH = metrics.height();
    qreal labelW = 0;
    for (const QDate day : {QDate(2026, 10, 24), QDate(2026, 10, 25)})
        labelW = std::max(labelW, metrics.horizontalAdvance(QLocale().toString(day, "ddd d.M.")));
    labelW += metrics.horizontalAdvance("  ");
    const qreal left = labelW, right = 1000 - metrics.horizontalAdvance("24:00") / 2 - 2;
    const qreal top = lineH * 1.4;
    const qreal rowH = (image.height() - top - lineH * 1.6) / 2;
    const auto darkAt = [&](int row, double hour) {
        const int x = int(left + (right - left) * hour / 24.0);
        const int y = int(top + rowH * row + rowH * 0.5 + rowH * 0.08);
        return qGray(image.pixel(x, y)) < 100;
    };
    CHECK(darkAt(0, 8.1)); // Saturday 08:00, nursing 20 min: a solid bar
    CHECK(darkAt(0, 13.2)); // 13:10
    CHECK(darkAt(0, 23.8)); // 23:40, across midnight ...
    CHECK(darkAt(1, 0.05)); // ... and on into Sunday's row
    CHECK(darkAt(1, 3.05)); // Sunday 03:00 CET, the night feed
    CHECK_FALSE(darkAt(0, 11.0)); // nothing at 11:00
    CHECK_FALSE(darkAt(1, 6.0)); // nor at 06:00 on Sunday
    // The 5 h 10 min gap (08:00 to 13:10) is bracketed with a dashed line above the row's bars.
    const auto markedAbove = [&](double hour) {
        const int x0 = int(left + (right - left) * hour / 24.0);
        for (int y = int(top); y < int(top + rowH * 0.45); ++y)
            for (int x = x0 - 4; x <= x0 + 4; ++x)
                if (qGray(image.pixel(x, y)) < 100)
                    return true;
        return false;
    };
    CHECK(markedAbove(10.5));
    CHECK_FALSE(markedAbove(14.5)); // 13:10 to 16:00 is under 5 h: no bracket
}
