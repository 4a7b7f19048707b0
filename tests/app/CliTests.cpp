// The headless commands, run as a user would: the real executable, no display.
#include "scale/SimulatedPumping.h"
#include "instance/InstanceGuard.h"
#include "stats/KeptStatistics.h"
#include "storage/SessionStore.h"

#include "SessionFixtures.h"
#include "LetdownProcess.h"
#include "TestSupport.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSettings>
#include <QDir>

#include <functional>

namespace {
void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    REQUIRE(file.write(bytes) == bytes.size());
}

// The hand-worked week of the stats tests, in a database file.
struct FixtureDatabase {
    TempDatabase db;
    FixtureDatabase()
    {
        SessionStore store(db.database);
        Session b = finishedSession(SessionKind::Nursing, berlin(2026, 11, 16, 14, 0), {120, 400});
        b.preFeedWeightG = 4000;
        b.postFeedWeightG = 4060;
        Session c = finishedSession(SessionKind::Pumping, berlin(2026, 11, 17, 7, 0), {90, 200, 350, 500});
        c.pumpedVolumeMl = 100;
        REQUIRE(store.saveSessions({finishedSession(SessionKind::Nursing, berlin(2026, 11, 16, 8, 0), {60, 300, 600}),
            b, c, finishedSession(SessionKind::Pumping, berlin(2026, 11, 17, 19, 0), {})}));
    }
};
} // namespace

TEST_CASE("CLI: stats --json prints the weekly figures")
{
    FixtureDatabase fixture;
    const CliResult result = runLetdown({"stats", "--database", fixture.db.path, "--json"});
    INFO(result.err.toStdString());
    REQUIRE(result.exitCode == 0);
    QJsonParseError error;
    const QJsonObject json = QJsonDocument::fromJson(result.out, &error).object();
    REQUIRE(error.error == QJsonParseError::NoError);
    const QJsonArray weeks = json.value("weeks").toArray();
    REQUIRE(weeks.size() == 1);
    const QJsonObject week = weeks[0].toObject();
    CHECK(week.value("week").toString() == "2026-W47");
    CHECK(week.value("sessions").toInt() == 4);
    CHECK(week.value("mean_letdowns_nursing").toDouble() == Approx(2.5));
    CHECK(week.value("mean_letdowns_pumping").toDouble() == Approx(2.0));
    CHECK(week.value("median_first_letdown_s").toDouble() == Approx(90));
    CHECK(week.value("estimated_ml_per_day").toDouble() == Approx(109.4));
    CHECK(json.value("reference").toObject().value("mean_letdowns_per_breastfeed").toDouble() == 2.5);
}

TEST_CASE("CLI: stats --json has the consultant's days, and export --days writes them as CSV")
{
    TempDatabase db;
    SessionStore store(db.database);
    REQUIRE(store.saveSessions(consultantWeekend()));
    // Sunday alone: its first gap reaches back to Saturday's last feed.
    const CliResult stats = runLetdown(
        {"stats", "--database", db.path, "--json", "--from", "2026-10-25", "--to", "2026-10-25", "--kind", "pumping"});
    INFO(stats.err.toStdString());
    REQUIRE(stats.exitCode == 0);
    const QJsonArray days = QJsonDocument::fromJson(stats.out).object().value("days").toArray();
    REQUIRE(days.size() == 1);
    const QJsonObject sunday = days[0].toObject();
    CHECK(sunday.value("date") == "2026-10-25");
    CHECK(sunday.value("nursing_sessions") == 1); // both kinds, whatever --kind says
    CHECK(sunday.value("pumping_sessions") == 1);
    CHECK(sunday.value("night_sessions") == 1);
    CHECK(sunday.value("longest_gap_s") == 6 * 3600);
    CHECK(sunday.value("measured_ml") == 0);
    CHECK(sunday.value("estimated_ml") == 78);
    CHECK(sunday.value("letdowns") == 3);

    QTemporaryDir out;
    const QString daysPath = out.filePath("days.csv");
    const CliResult exported = runLetdown({"export", "--database", db.path, "--sessions", out.filePath("s.csv"),
        "--days", daysPath, "--units", "ml"});
    INFO(exported.err.toStdString());
    REQUIRE(exported.exitCode == 0);
    QFile file(daysPath);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split("\r\n", Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0]
        == "date,nursing_sessions,pumping_sessions,night_sessions,longest_gap_s,left_s,right_s,measured_volume_ml,"
           "estimated_volume_ml,topup_ml,letdowns,pumped_left_ml,pumped_right_ml,topup_formula_ml");
    CHECK(lines[1] == "2026-10-24,4,1,0,18600,2620,2180,142,78,40,7,50,40,40");
    CHECK(lines[2] == "2026-10-25,1,1,1,21600,600,0,0,78,0,3,,,0");
}

TEST_CASE("CLI: stats --json keeps what it read from every session, and reads every session again after a change")
{
    FixtureDatabase fixture;
    SessionStore store(fixture.db.database);
    const QStringList ask {"stats", "--database", fixture.db.path, "--json"};
    const CliResult first = runLetdown(ask);
    INFO(first.err.toStdString());
    REQUIRE(first.exitCode == 0);
    CHECK(fixture.db.scalar("SELECT count(*) FROM kept_results") == 1);
    CHECK(runLetdown(ask).out == first.out);

    // Whatever is kept is what the next ask prints: a mark put into the kept insights shows.
    const auto markKeptInsights = [&] {
        TestQuery query(fixture.db.database);
        REQUIRE(query.exec("SELECT key, bytes FROM kept_results"));
        const QByteArray key = query.value(0).toByteArray();
        SessionDerivedStatistics kept;
        REQUIRE(SessionDerivedStatistics::fromBytes(query.value(1).toByteArray(), kept));
        query.finish();
        kept.insightsJson = R"({"mark":"kept"})";
        QByteArray stamp;
        REQUIRE(store.dataStamp(stamp));
        REQUIRE(store.saveKeptResult(key, stamp, kept.toBytes()));
    };
    const auto insightsOf = [](const CliResult &result) {
        INFO(result.err.toStdString());
        REQUIRE(result.exitCode == 0);
        return QJsonDocument::fromJson(result.out).object().value("insights").toObject();
    };
    const auto daysLetdowns = [](const CliResult &result) {
        int letdowns = 0;
        for (const QJsonValue &day : QJsonDocument::fromJson(result.out).object().value("days").toArray())
            letdowns += day.toObject().value("letdowns").toInt();
        return letdowns;
    };
    markKeptInsights();
    CHECK(insightsOf(runLetdown(ask)).value("mark").toString() == "kept");

    // A change by another program, through the change counter's triggers.
    fixture.db.exec("UPDATE sessions SET note = 'kept?' WHERE id = (SELECT min(id) FROM sessions)");
    const CliResult afterNote = runLetdown(ask);
    CHECK_FALSE(insightsOf(afterNote).contains("mark"));
    CHECK(afterNote.out == first.out); // a note changes no figure
    CHECK(fixture.db.scalar("SELECT count(*) FROM kept_results") == 1); // the stale answer is gone

    // A let-down added by hand to a finished session moves no counter: the stamp counts them.
    markKeptInsights();
    fixture.db.exec("INSERT INTO ejections (session_id, id, at_utc_ms, utc_offset_s, offset_ms, side)"
                    " SELECT id, 100, started_at_utc_ms + 700000, started_utc_offset_s, 700000, 'left' FROM sessions"
                    " WHERE id = (SELECT min(id) FROM sessions)");
    const CliResult afterLetdown = runLetdown(ask);
    CHECK_FALSE(insightsOf(afterLetdown).contains("mark"));
    CHECK(daysLetdowns(afterLetdown) == daysLetdowns(first) + 1);

    // Other inputs are asked again too: another decay.
    markKeptInsights();
    CHECK_FALSE(insightsOf(runLetdown(ask + QStringList {"--decay", "0.5"})).contains("mark"));
    CHECK(insightsOf(runLetdown(ask)).value("mark").toString() == "kept"); // kept beside it

    // While another program owns the file (the window, `serve`), an ask keeps nothing: the
    // owner's taps never wait for it. Its answer is the same.
    fixture.db.exec("DELETE FROM kept_results");
    InstanceGuard window(fixture.db.path);
    REQUIRE(window.tryAcquire() == InstanceGuard::Result::Acquired);
    CHECK(runLetdown(ask).out == afterLetdown.out);
    CHECK(fixture.db.scalar("SELECT count(*) FROM kept_results") == 0);
}

TEST_CASE("CLI: stats honours --from, --to and --kind")
{
    FixtureDatabase fixture;
    CliResult result = runLetdown({"stats", "--database", fixture.db.path, "--json", "--from", "2026-11-17", "--to",
        "2026-11-30", "--kind", "pumping"});
    REQUIRE(result.exitCode == 0);
    const QJsonArray weeks = QJsonDocument::fromJson(result.out).object().value("weeks").toArray();
    REQUIRE(weeks.size() == 3); // W47 (from Tuesday), W48, W49 (Monday 30th)
    CHECK(weeks[0].toObject().value("sessions").toInt() == 2);
    CHECK(weeks[0].toObject().value("mean_letdowns_nursing").isNull());
    CHECK(weeks[1].toObject().value("sessions").toInt() == 0);

    result = runLetdown({"stats", "--database", fixture.db.path});
    REQUIRE(result.exitCode == 0);
    CHECK(result.out.contains("2026-W47"));
}

TEST_CASE("CLI: stats refuses bad input with a message and a non-zero exit")
{
    FixtureDatabase fixture;
    CliResult result = runLetdown({"stats", "--database", fixture.db.path, "--from", "28/11/2026"});
    CHECK(result.exitCode == 2);
    CHECK(result.err.contains("--from must be a date like 2026-11-28"));
    result = runLetdown({"stats", "--database", fixture.db.path, "--kind", "bottle"});
    CHECK(result.exitCode == 2);
    result = runLetdown({"stats", "--database", fixture.db.path, "--decay", "7"});
    CHECK(result.exitCode == 2);
    CHECK(result.err.contains("decay"));

    QTemporaryDir dir;
    const QString missing = dir.filePath("nothing-here.sqlite");
    result = runLetdown({"stats", "--database", missing});
    CHECK(result.exitCode == 1);
    CHECK(result.err.contains("There is no database"));
    CHECK_FALSE(QFile::exists(missing)); // a read command never creates a file

    result = runLetdown({"frobnicate"});
    CHECK(result.exitCode == 2);
    CHECK(result.err.contains("unknown command"));

    // Standard output that cannot take it (a full disk) is said, not a silent success.
    result = runProgram(QStringLiteral("bash"),
        {"-c", QStringLiteral("exec '%1' stats --database '%2' --json > /dev/full")
                   .arg(QStringLiteral(LETDOWN_EXECUTABLE), fixture.db.path)});
    CHECK(result.exitCode == 1);
    CHECK(result.err.contains("Cannot write to standard output: No space left on device"));
}

TEST_CASE("CLI: every command has its own --help, and none needs a display")
{
    for (const char *verb : {"stats", "chart", "demo-data", "export", "import", "report", "backup", "detect", "sync"}) {
        const CliResult result = runLetdown({verb, "--help"});
        INFO(verb);
        CHECK(result.exitCode == 0);
        CHECK(result.out.contains("--database"));
    }
}

TEST_CASE("CLI: chart writes a PNG of the requested size")
{
    FixtureDatabase fixture;
    QTemporaryDir dir;
    const QString out = dir.filePath("trends.png");
    const CliResult result = runLetdown(
        {"chart", "--database", fixture.db.path, "--out", out, "--weeks", "all", "--width", "900", "--height", "700"});
    INFO(result.err.toStdString());
    REQUIRE(result.exitCode == 0);
    const QImage image(out);
    CHECK(image.size() == QSize(900, 700));
    CHECK(QFileInfo(out).size() > 10'000); // charts, not a blank canvas

    CHECK(runLetdown({"chart", "--database", fixture.db.path}).exitCode == 2); // --out missing
}

TEST_CASE("CLI: demo-data fills only a new database, the same way for the same seed")
{
    QTemporaryDir dir;
    const QString first = dir.filePath("a.sqlite");
    const QString second = dir.filePath("b.sqlite");
    for (const QString &path : {first, second}) {
        const CliResult result = runLetdown({"demo-data", "--database", path, "--weeks", "2", "--sessions-per-day", "3",
            "--seed", "7", "--first-day", "2026-11-02"});
        INFO(result.err.toStdString());
        REQUIRE(result.exitCode == 0);
        CHECK(result.out.contains("Wrote 42 demo sessions"));
    }
    const CliResult a = runLetdown({"stats", "--database", first, "--json"});
    const CliResult b = runLetdown({"stats", "--database", second, "--json"});
    CHECK(a.out == b.out);
    CHECK(QJsonDocument::fromJson(a.out).object().value("sessions").toInt() == 42);

    const CliResult again = runLetdown({"demo-data", "--database", first});
    CHECK(again.exitCode == 1);
    CHECK(again.err.contains("already holds sessions"));
}

TEST_CASE("CLI: backup takes a verified copy beside the database")
{
    FixtureDatabase fixture;
    const CliResult result = runLetdown({"backup", "--database", fixture.db.path});
    INFO(result.err.toStdString());
    REQUIRE(result.exitCode == 0);
    const QString path = QString::fromUtf8(result.out.trimmed());
    CHECK(path.contains("/backups/letdown-"));
    CHECK(Database::integrityOf(path) == "ok");
    CHECK(runLetdown({"backup", "--database", fixture.db.path + "-missing"}).exitCode == 1);
}

TEST_CASE("CLI: every command works with its options before or after it, and prints the same")
{
    FixtureDatabase fixture;
    QTemporaryDir dir;
    QString csv = dir.filePath("s.csv"), letdowns = dir.filePath("l.csv");
    REQUIRE(runLetdown({"export", "--database", fixture.db.path, "--sessions", csv, "--ejections", letdowns}).exitCode
        == 0);
    int n = 0;
    const auto fresh = [&] { return dir.filePath(QStringLiteral("new-%1.sqlite").arg(++n)); };
    // Each command with options that make it succeed; {} stands for where the command goes.
    const QList<std::pair<QString, std::function<QStringList()>>> commands = {
        {"stats", [&] { return QStringList {"--database", fixture.db.path, "--json"}; }},
        {"chart", [&] { return QStringList {"--database", fixture.db.path, "--out", dir.filePath("c.png")}; }},
        {"export", [&] { return QStringList {"--database", fixture.db.path, "--sessions", dir.filePath("e.csv")}; }},
        {"import",
            [&] { return QStringList {"--database", fresh(), "--sessions", csv, "--ejections", letdowns}; }},
        {"report", [&] { return QStringList {"--database", fixture.db.path, "--out", dir.filePath("r.pdf")}; }},
        {"backup", [&] { return QStringList {"--database", fixture.db.path}; }},
        {"demo-data", [&] { return QStringList {"--database", fresh(), "--weeks", "1", "--first-day", "2026-11-02"}; }},
    };
    for (const auto &[verb, options] : commands) {
        INFO(verb.toStdString());
        const CliResult first = runLetdown(QStringList {verb} + options());
        const CliResult last = runLetdown(options() + QStringList {verb});
        INFO(first.err.toStdString() << last.err.toStdString());
        CHECK(first.exitCode == 0);
        CHECK(last.exitCode == 0);
        if (verb == "stats")
            CHECK((first.out == last.out && first.out.contains("\"weeks\"")));
    }
    // The value of an option is never taken for the command.
    const CliResult valueNamedStats = runLetdown({"--database", "stats", "--help"});
    CHECK(valueNamedStats.exitCode == 0);
    CHECK(valueNamedStats.out.contains("Without a command it opens the window"));
    // The main help lists every command of the table.
    for (const char *verb : {"stats", "chart", "demo-data", "export", "import", "report", "backup", "detect"})
        CHECK(valueNamedStats.out.contains(QByteArray("  ") + verb));
    CHECK(runLetdown({"--database", fixture.db.path, "stats", "extra"}).exitCode == 2);
}

TEST_CASE("CLI: an import that fails creates no database and changes none")
{
    QTemporaryDir dir;
    const QString target = dir.filePath("new/letdown.sqlite");
    CliResult result = runLetdown({"import", "--database", target, "--sessions", dir.filePath("missing.csv")});
    CHECK(result.exitCode == 1);
    CHECK(result.err.contains("missing.csv"));
    CHECK_FALSE(QFileInfo::exists(target));
    CHECK_FALSE(QFileInfo::exists(dir.filePath("new")));

    QFile bad(dir.filePath("bad.csv"));
    REQUIRE(bad.open(QIODevice::WriteOnly));
    bad.write("not,a,letdown,file\n1,2,3,4\n");
    bad.close();
    result = runLetdown({"--database", target, "import", "--sessions", bad.fileName()});
    CHECK(result.exitCode == 1);
    CHECK_FALSE(QFileInfo::exists(target));
}

TEST_CASE("CLI import: limits hold for devices, ids in upper case add nothing twice, problems fit a screen")
{
    FixtureDatabase fixture;
    QTemporaryDir dir;
    // A device has no size to ask: the limit is counted while reading.
    CliResult result = runLetdown({"import", "--database", dir.filePath("a.sqlite"), "--sessions", "/dev/zero"});
    CHECK(result.exitCode == 1);
    CHECK(result.err.contains("too large"));

    // The same sessions with their ids in upper case are the same sessions.
    const QString sessions = dir.filePath("s.csv"), letdowns = dir.filePath("l.csv");
    REQUIRE(runLetdown({"export", "--database", fixture.db.path, "--sessions", sessions, "--ejections", letdowns})
                .exitCode
        == 0);
    const auto upperIds = [](const QString &path) {
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = file.readAll().split('\n');
        file.close();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype comma = lines[i].indexOf(',');
            if (comma > 0)
                lines[i] = lines[i].left(comma).toUpper() + lines[i].mid(comma);
        }
        REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(lines.join('\n'));
    };
    upperIds(sessions);
    upperIds(letdowns);
    result = runLetdown({"import", "--database", fixture.db.path, "--sessions", sessions, "--ejections", letdowns});
    INFO(result.err.toStdString());
    CHECK(result.exitCode == 0);
    CHECK(result.out.contains("Imported 0 sessions"));
    CHECK(result.out.contains("4 were already there"));

    // 500 bad rows: a screenful of them and the count of the rest, said once.
    QFile bad(dir.filePath("bad.csv"));
    REQUIRE(bad.open(QIODevice::WriteOnly));
    bad.write("session_id,kind,started_at,ended_at,duration_s,paused_s,side,techniques,letdowns,first_letdown_s,"
              "measured_volume_ml,estimated_volume_ml,pre_feed_weight_g,post_feed_weight_g,notes\r\n");
    for (int i = 0; i < 500; ++i)
        bad.write("not-an-id,nursing,2026-11-16T08:00:00+01:00,2026-11-16T08:15:00+01:00,900,0,left,,0,,,0,,,\r\n");
    bad.close();
    result = runLetdown({"import", "--database", dir.filePath("b.sqlite"), "--sessions", bad.fileName()});
    CHECK(result.exitCode == 1);
    CHECK(result.err.count('\n') <= 25);
    CHECK(result.err.contains("and 480 more"));
    CHECK(result.err.toLower().count("nothing was imported") == 1);
    CHECK_FALSE(QFileInfo::exists(dir.filePath("b.sqlite")));
}

TEST_CASE("CLI: a range from year 1 to year 9999 costs what the data costs")
{
    FixtureDatabase fixture;
    QTemporaryDir dir;
    CliResult result = runLetdown(
        {"stats", "--database", fixture.db.path, "--json", "--from", "0001-01-01", "--to", "9999-12-31"});
    REQUIRE(result.exitCode == 0);
    const QJsonArray weeks = QJsonDocument::fromJson(result.out).object().value("weeks").toArray();
    // From her first week (2026-W47) to a year after "now" (Saturday 2027-11-20, in
    // 2027-W46): 7 weeks of 2026 (it has a W53) and 46 of 2027, not 520,000.
    CHECK(weeks.size() == 53);
    CHECK(weeks.last().toObject().value("week").toString() == "2027-W46");
    CHECK(weeks.first().toObject().value("week").toString() == "2026-W47");
    result = runLetdown({"report", "--database", fixture.db.path, "--out", dir.filePath("r.pdf"), "--from",
        "0001-01-01", "--to", "9999-12-31"});
    CHECK(result.exitCode == 0);
    CHECK(QFileInfo(dir.filePath("r.pdf")).size() < 2'000'000);
}

TEST_CASE("CLI import: files named after the command are recognised by their headers, --dry-run writes nothing")
{
    FixtureDatabase fixture;
    QTemporaryDir dir;
    const QString sessions = dir.filePath("s.csv"), letdowns = dir.filePath("l.csv");
    REQUIRE(runLetdown({"export", "--database", fixture.db.path, "--sessions", sessions, "--ejections", letdowns})
                .exitCode
        == 0);
    const QString target = dir.filePath("new.sqlite");
    CliResult result = runLetdown({"import", "--dry-run", "--database", target, letdowns, sessions});
    INFO(result.err.toStdString());
    CHECK(result.exitCode == 0);
    CHECK(result.out.contains("Would import 4 sessions with 9 let-downs"));
    CHECK_FALSE(QFileInfo::exists(target));
    result = runLetdown({"import", "--database", target, "--from", "letdown", sessions, letdowns});
    CHECK(result.exitCode == 0);
    CHECK(result.out.contains("Imported 4 sessions with 9 let-downs"));

    QFile strange(dir.filePath("feeds.csv"));
    REQUIRE(strange.open(QIODevice::WriteOnly));
    strange.write("Type,Start,End\r\nSleep,2026-11-16 08:00,\r\n");
    strange.close();
    result = runLetdown({"import", "--database", target, strange.fileName()});
    CHECK(result.exitCode == 1);
    CHECK(result.err.contains("feeds.csv line 1"));
    CHECK(runLetdown({"import", "--database", target, "--sessions", sessions, letdowns}).exitCode == 2);
}

TEST_CASE("Settings move once from where older versions kept them to ~/.config/letdown/letdown.conf")
{
    FixtureDatabase fixture;
    const QString configHome = qEnvironmentVariable("XDG_CONFIG_HOME");
    const QString oldPath = configHome + "/Unknown Organization/letdown.conf";
    const QString newPath = configHome + "/letdown/letdown.conf";
    QFile::remove(newPath);
    REQUIRE(QDir().mkpath(QFileInfo(oldPath).absolutePath()));
    {
        QFile old(oldPath);
        REQUIRE(old.open(QIODevice::WriteOnly));
        old.write("[General]\nunits=oz\n");
    }
    REQUIRE(runLetdown({"stats", "--database", fixture.db.path}).exitCode == 0);
    CHECK_FALSE(QFileInfo::exists(oldPath));
    REQUIRE(QFileInfo::exists(newPath));
    CHECK(QSettings(newPath, QSettings::IniFormat).value("units").toString() == "oz");
    QFile::remove(newPath); // other tests expect no settings
}

TEST_CASE("CLI: a row of year 1 or 9999 in the file is left out of the figures and said, not walked week by week")
{
    FixtureDatabase fixture;
    fixture.db.exec("INSERT INTO sessions (uuid, kind, state, started_at_utc_ms, started_utc_offset_s,"
                    " ended_at_utc_ms, ended_utc_offset_s, active_ms, paused_ms, last_event_at_utc_ms, side) VALUES"
                    " ('99999999-0000-4000-8000-000000000001', 'nursing', 'stopped', 253370764800000, 0,"
                    " 253370765400000, 0, 600000, 0, 253370765400000, 'left'),"
                    " ('00000001-0000-4000-8000-000000000001', 'pumping', 'stopped', -62135596800000, 0,"
                    " -62135596200000, 0, 600000, 0, -62135596200000, 'left')");
    const CliResult result = runLetdown({"stats", "--database", fixture.db.path, "--json"});
    INFO(result.err.toStdString());
    REQUIRE(result.exitCode == 0);
    const QJsonObject json = QJsonDocument::fromJson(result.out).object();
    CHECK(json.value("weeks").toArray().size() == 1); // the fixture's week, not 416,000 of them
    CHECK(json.value("sessions_left_out").toInt() == 2);
    CHECK(result.err.contains("2 sessions on dates before 2000"));
    QTemporaryDir dir;
    const CliResult report = runLetdown({"report", "--database", fixture.db.path, "--out", dir.filePath("r.pdf")});
    CHECK(report.exitCode == 0);
}

TEST_CASE("CLI: a CSV saved as UTF-16 is named as such, whichever way it is given")
{
    FixtureDatabase fixture;
    QTemporaryDir dir;
    REQUIRE(runLetdown({"export", "--database", fixture.db.path, "--sessions", dir.filePath("s.csv")}).exitCode == 0);
    QFile utf8(dir.filePath("s.csv"));
    REQUIRE(utf8.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(utf8.readAll());
    QFile utf16(dir.filePath("unicode-text.csv"));
    REQUIRE(utf16.open(QIODevice::WriteOnly));
    utf16.write("\xFF\xFE");
    utf16.write(reinterpret_cast<const char *>(text.utf16()), text.size() * 2); // as a spreadsheet saves it
    utf16.close();
    const QString target = dir.filePath("new.sqlite");
    for (const QStringList &command : {QStringList {"import", "--database", target, utf16.fileName()},
             QStringList {"import", "--database", target, "--sessions", utf16.fileName()}}) {
        const CliResult result = runLetdown(command);
        CHECK(result.exitCode == 1);
        CHECK(result.err.contains("it looks like UTF-16"));
        // Said as what it is, not as a file of the wrong columns.
        CHECK_FALSE(result.err.contains("not a file Letdown can import"));
        CHECK_FALSE(result.err.contains("looks like an export"));
    }
    CHECK_FALSE(QFileInfo::exists(target));
}

TEST_CASE("CLI: a session holding thousands of let-downs (a damaged file) is read as a plausible one, and said")
{
    FixtureDatabase fixture;
    // 5,000 let-downs written into the first session of the file, as a broken tool might.
    fixture.db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)"
                    " INSERT INTO ejections (session_id, id, at_utc_ms, utc_offset_s, offset_ms, side)"
                    " SELECT (SELECT min(id) FROM sessions), 100 + i, (SELECT started_at_utc_ms FROM sessions WHERE id ="
                    " (SELECT min(id) FROM sessions)) + i, 3600, i, 'left' FROM n");
    const CliResult result = runLetdown({"stats", "--database", fixture.db.path, "--json"});
    INFO(result.err.toStdString());
    REQUIRE(result.exitCode == 0);
    const QJsonObject json = QJsonDocument::fromJson(result.out).object();
    // The session had 3 let-downs before; it is read with 100, the rest said to be left out.
    CHECK(json.value("letdowns_left_out").toInt() == 5003 - kMaxLetdownsPerSession);
    CHECK(json.value("volume_by_order").toArray().size() <= kMaxLetdownsPerSession);
    CHECK(result.err.contains("let-downs beyond 100 in one session were left out"));
    // Export (the hand-off) keeps every row: nothing is lost by reading less for figures.
    QTemporaryDir dir;
    REQUIRE(runLetdown({"export", "--database", fixture.db.path, "--sessions", dir.filePath("s.csv"), "--ejections",
                dir.filePath("l.csv")})
                .exitCode
        == 0);
    QFile letdowns(dir.filePath("l.csv"));
    REQUIRE(letdowns.open(QIODevice::ReadOnly));
    CHECK(letdowns.readAll().count("\r\n") == 1 + 5003 + 2 + 4); // header, the big session, the others
}

TEST_CASE("CLI: the same tracker file imported again with a corrected --timezone says the times differ, and "
          "--replace replaces them after a backup")
{
    QTemporaryDir dir;
    QFile feeding(dir.filePath("feeding.csv"));
    REQUIRE(feeding.open(QIODevice::WriteOnly));
    feeding.write("id,child_id,child_first_name,child_last_name,start,end,type,method,amount,notes,tags\n"
                  "31,1,Mia,K,2025-11-10 08:00:00,2025-11-10 08:20:00,breast milk,left breast,,,\n"
                  "32,1,Mia,K,2025-11-10 11:00:00,2025-11-10 11:15:00,breast milk,right breast,,,\n");
    feeding.close();
    const QString database = dir.filePath("tz.sqlite");
    const auto startOfFirst = [&] {
        Database check;
        REQUIRE(check.open(database, Database::OpenMode::ReadOnly));
        TestQuery query(check);
        REQUIRE(query.exec("SELECT min(started_at_utc_ms) FROM sessions"));
        REQUIRE(query.next());
        return query.value(0).toLongLong();
    };
    REQUIRE(runLetdown({"import", "--database", database, "--timezone", "UTC", feeding.fileName()}).exitCode == 0);
    const qint64 asUtc = startOfFirst();
    CHECK(asUtc == QDateTime(QDate(2025, 11, 10), QTime(8, 0), Qt::UTC).toMSecsSinceEpoch());

    // The right zone this time: the same ids, other times. Said, and nothing changed.
    const CliResult again
        = runLetdown({"import", "--database", database, "--timezone", "Europe/Berlin", feeding.fileName()});
    CHECK(again.exitCode == 0);
    CHECK(again.err.contains("2 of the sessions already there have the same ids but other times"));
    CHECK(again.err.contains("--replace"));
    CHECK(startOfFirst() == asUtc);

    const CliResult replaced = runLetdown(
        {"import", "--database", database, "--timezone", "Europe/Berlin", "--replace", feeding.fileName()});
    INFO(replaced.err.toStdString());
    CHECK(replaced.exitCode == 0);
    CHECK(replaced.out.contains("Replaced 2 sessions whose times differed"));
    CHECK(startOfFirst() == asUtc - 3600 * 1000); // 08:00 in Berlin is 07:00 UTC
    CHECK(QDir(dir.filePath("backups")).entryList({"*before-replace*"}, QDir::Files).size() == 1);
    // Once right, the same command has nothing more to say or do.
    const CliResult settled = runLetdown(
        {"import", "--database", database, "--timezone", "Europe/Berlin", "--replace", feeding.fileName()});
    CHECK_FALSE(settled.out.contains("Replaced"));
    CHECK_FALSE(settled.err.contains("other times"));
}

TEST_CASE("Docs: every command, option and repository path they name exists")
{
    const QDir root(QStringLiteral(LETDOWN_SOURCE_DIR));
    QStringList documents = {root.filePath("README.md")};
    for (const QString &name : QDir(root.filePath("docs")).entryList({"*.md"}, QDir::Files))
        documents << root.filePath("docs/" + name);
    REQUIRE(documents.size() > 5);
    // What `letdown [VERB] --help` prints, asked once per verb.
    QHash<QString, QString> helpOf;
    const auto help = [&](const QString &verb) -> const QString & {
        if (!helpOf.contains(verb)) {
            const CliResult shown = runLetdown(verb.isEmpty() ? QStringList {"--help"} : QStringList {verb, "--help"});
            helpOf.insert(verb, shown.exitCode == 0 ? QString::fromUtf8(shown.out) : QString());
        }
        return helpOf[verb];
    };
    const QRegularExpression command(QStringLiteral("`letdown ([^`]*)`"));
    const QRegularExpression option(QStringLiteral("--[a-z][a-z-]*"));
    const QRegularExpression repositoryPath(QStringLiteral("`((?:src|tests|docs|scripts|resources|ui|\\.ci)/[^` ]*)`"));
    int commandsChecked = 0, pathsChecked = 0;
    for (const QString &document : documents) {
        QFile file(document);
        REQUIRE(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        const QString name = QFileInfo(document).fileName();
        for (const QRegularExpressionMatch &match : command.globalMatch(text)) {
            // The verb is the first word that is neither an option nor an option's value.
            QString verb;
            bool valueNext = false;
            for (QString word : match.captured(1).split(QRegularExpression(QStringLiteral("[\\s\\[\\]|]+")), Qt::SkipEmptyParts)) {
                if (word.startsWith("--")) {
                    valueNext = word == "--database";
                    continue;
                }
                if (!valueNext && verb.isEmpty() && word.front().isLower())
                    verb = word;
                valueNext = false;
            }
            const QString &shown = help(verb);
            INFO(name.toStdString() << ": `letdown " << match.captured(1).toStdString() << "`");
            CHECK_FALSE(shown.isEmpty()); // a known command
            for (const QRegularExpressionMatch &named : option.globalMatch(match.captured(1)))
                CHECK(shown.contains(named.captured(0)));
            ++commandsChecked;
        }
        for (const QRegularExpressionMatch &match : repositoryPath.globalMatch(text)) {
            INFO(name.toStdString() << ": " << match.captured(1).toStdString());
            CHECK(QFileInfo::exists(root.filePath(match.captured(1))));
            ++pathsChecked;
        }
    }
    CHECK(commandsChecked > 20);
    CHECK(pathsChecked > 10);
}

TEST_CASE("CLI: detect finds the let-downs in a scale's recording and refuses a broken one")
{
    QTemporaryDir dir;
    const SimulatedPumping session = PumpingSimulation::simulate({{75, 32}, {330, 14}}, PumpingConditions {}, 11);
    const QString recording = dir.filePath("pumping.csv");
    writeFile(recording, ScaleSamples::toSecondsCsv(session.samples));

    CliResult result = runLetdown({"detect", "--samples", recording, "--json"});
    INFO(result.err.toStdString());
    REQUIRE(result.exitCode == 0);
    const QJsonObject json = QJsonDocument::fromJson(result.out).object();
    const QJsonArray letdowns = json["letdowns"].toArray();
    REQUIRE(letdowns.size() == 2);
    CHECK(std::abs(letdowns[0].toObject()["at_s"].toDouble() - 75) <= 20);
    CHECK(letdowns[0].toObject()["volume_ml"].toDouble() == Approx(32).epsilon(0.15));
    CHECK(std::abs(letdowns[1].toObject()["at_s"].toDouble() - 330) <= 20);
    CHECK(letdowns[1].toObject()["volume_ml"].toDouble() == Approx(14).epsilon(0.15));
    CHECK(json["total_ml"].toDouble() == Approx(session.totalMl).margin(2));

    result = runLetdown({"detect", "--samples", recording});
    CHECK(result.exitCode == 0);
    CHECK(result.out.contains("2 let-downs found in"));

    const QString backwards = dir.filePath("backwards.csv");
    writeFile(backwards, "seconds,grams\n0,100\n2,101\n1,102\n");
    result = runLetdown({"detect", "--samples", backwards});
    CHECK(result.exitCode == 1);
    CHECK(result.err.contains("line 4: the time goes backwards"));
    const QString noHeader = dir.filePath("noheader.csv");
    writeFile(noHeader, "0,100\n2,101\n");
    result = runLetdown({"detect", "--samples", noHeader});
    CHECK(result.exitCode == 1);
    CHECK(result.err.contains("header"));
    const QString words = dir.filePath("words.csv");
    writeFile(words, "seconds,grams\n0,100\n2,heavy\n");
    result = runLetdown({"detect", "--samples", words});
    CHECK(result.exitCode == 1);
    CHECK(result.err.contains("line 3"));
    result = runLetdown({"detect", "--samples", dir.filePath("missing.csv")});
    CHECK(result.exitCode == 1);
    CHECK(result.err.contains("does not exist"));
    CHECK(runLetdown({"detect"}).exitCode == 2);
}

TEST_CASE("CLI: attach-scale gives a finished pumping session the let-downs a scale weighed")
{
    TempDatabase db;
    const QDateTime start = QDateTime::currentDateTime().addDays(-1);
    Session session = finishedSession(SessionKind::Pumping, start, {80}, 900);
    {
        SessionStore store(db.database);
        REQUIRE(store.saveSessions({session}));
    }
    QTemporaryDir dir;
    const SimulatedPumping readings = PumpingSimulation::simulate({{70, 30}, {360, 13}}, PumpingConditions {}, 5);
    writeFile(dir.filePath("scale.csv"), ScaleSamples::toSecondsCsv(readings.samples));

    CliResult result = runLetdown({"attach-scale", dir.filePath("scale.csv"), "--session", "last", "--database", db.path});
    INFO(result.err.toStdString());
    REQUIRE(result.exitCode == 0);
    CHECK(result.out.contains("2 let-downs found (1 matched your taps, 1 added)"));

    const QString letdowns = dir.filePath("letdowns.csv");
    REQUIRE(runLetdown({"export", "--database", db.path, "--sessions", dir.filePath("s.csv"), "--ejections", letdowns,
                "--units", "ml"})
                .exitCode
        == 0);
    QFile file(letdowns);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    REQUIRE(lines.size() == 3); // the header and two let-downs, each with a measured volume
    const QList<QByteArray> header = lines[0].split(',');
    const int measured = header.indexOf("measured_volume_ml");
    REQUIRE(measured >= 0);
    CHECK(lines[1].split(',').value(measured).toDouble() == Approx(30).epsilon(0.15));
    CHECK(lines[2].split(',').value(measured).toDouble() == Approx(13).epsilon(0.2));

    // A breastfeed, a missing file, no --session: refused, nothing changed.
    result = runLetdown({"attach-scale", dir.filePath("nothing.csv"), "--session", "last", "--database", db.path});
    CHECK(result.exitCode == 1);
    CHECK(result.err.contains("does not exist"));
    CHECK(runLetdown({"attach-scale", dir.filePath("scale.csv"), "--database", db.path}).exitCode == 2);
}

TEST_CASE("CLI: sync exchanges through a folder: what one file holds reaches another, once")
{
    FixtureDatabase fixture;
    QTemporaryDir dir;
    const QString folder = dir.filePath("Sync");
    const QString other = dir.filePath("partner.sqlite");
    // Missing pieces: a clear message, nothing made.
    const CliResult noFolder = runLetdown({"sync", "--database", other});
    CHECK(noFolder.exitCode == 2);
    CHECK(noFolder.err.contains("--folder is required"));
    const CliResult missing = runLetdown({"sync", "--database", other, "--folder", folder});
    CHECK(missing.exitCode == 1);
    CHECK(missing.err.contains("does not exist"));
    CHECK_FALSE(QFile::exists(other));
    REQUIRE(QDir().mkpath(folder));

    const CliResult sent = runLetdown({"sync", "--database", fixture.db.path, "--folder", folder, "--name", "Her laptop"});
    INFO(sent.err.toStdString());
    REQUIRE(sent.exitCode == 0);
    CHECK(sent.out.contains("This device: Her laptop"));
    CHECK(sent.out.contains("Sent 4 changes in 1 files."));
    // The partner's file is made by its first sync, as import makes one.
    const CliResult received = runLetdown({"sync", "--database", other, "--folder", folder, "--name", "Pat's laptop"});
    INFO(received.err.toStdString());
    REQUIRE(received.exitCode == 0);
    CHECK(received.out.contains("Received 4 changes from Her laptop."));
    const auto exported = [&](const QString &database) {
        const CliResult result = runLetdown({"export", "--database", database, "--sessions", "-"});
        REQUIRE(result.exitCode == 0);
        return result.out;
    };
    CHECK(exported(other) == exported(fixture.db.path));
    const CliResult again = runLetdown({"sync", "--database", other, "--folder", folder});
    CHECK(again.out.contains("Sent 0 changes in 0 files."));
    CHECK(again.out.contains("Received nothing new."));
    CHECK(again.out.contains("This device: Pat's laptop")); // the name is kept
}

TEST_CASE("letdown runs letdown-command with huge pages for its heap, and nothing started from there inherits them")
{
    // Fake programs beside copies of the real ones print what their environment says of it.
    const QByteArray printTunables
        = "#!/bin/sh\nprintf '%s|%s\\n' \"${GLIBC_TUNABLES-unset}\" \"${LETDOWN_SET_GLIBC_TUNABLES-unset}\"\n";
    const auto install = [](const QString &from, const QString &to) {
        REQUIRE(QFile::copy(from, to));
        REQUIRE(QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    };
    const QString realCommand = QFileInfo(QStringLiteral(LETDOWN_EXECUTABLE)).dir().filePath("letdown-command");
    QTemporaryDir fakeCommand, fakeWindow;
    install(LETDOWN_EXECUTABLE, fakeCommand.filePath("letdown"));
    writeFile(fakeCommand.filePath("letdown-command"), printTunables);
    REQUIRE(QFile::setPermissions(fakeCommand.filePath("letdown-command"), QFile::ReadOwner | QFile::ExeOwner));
    install(LETDOWN_EXECUTABLE, fakeWindow.filePath("letdown"));
    install(realCommand, fakeWindow.filePath("letdown-command"));
    writeFile(fakeWindow.filePath("letdown-window"), printTunables);
    REQUIRE(QFile::setPermissions(fakeWindow.filePath("letdown-window"), QFile::ReadOwner | QFile::ExeOwner));

    const QByteArray before = qgetenv("GLIBC_TUNABLES");
    const bool wasSet = qEnvironmentVariableIsSet("GLIBC_TUNABLES");
    const auto restore = qScopeGuard([&] {
        if (wasSet)
            qputenv("GLIBC_TUNABLES", before);
        else
            qunsetenv("GLIBC_TUNABLES");
    });

    SECTION("set for letdown-command, taken out again before the window starts")
    {
        qunsetenv("GLIBC_TUNABLES");
        CHECK(runProgram(fakeCommand.filePath("letdown"), {"stats"}).out == "glibc.malloc.hugetlb=1|1\n");
        // --version is the window's to answer: letdown -> letdown-command -> letdown-window.
        CHECK(runProgram(fakeWindow.filePath("letdown"), {"--version"}).out == "unset|unset\n");
    }
    SECTION("her own setting is left as it is, all the way")
    {
        qputenv("GLIBC_TUNABLES", "glibc.malloc.check=0");
        CHECK(runProgram(fakeCommand.filePath("letdown"), {"stats"}).out == "glibc.malloc.check=0|unset\n");
        CHECK(runProgram(fakeWindow.filePath("letdown"), {"--version"}).out == "glibc.malloc.check=0|unset\n");
    }
}
