// An output never replaces her database, its companions, a backup, a device or a FIFO,
// nor another output of the same command; a failed write leaves the old file as it was.
#include "storage/SessionStore.h"
#include "output/OutputFiles.h"

#include "LetdownProcess.h"
#include "SessionFixtures.h"
#include "TestSupport.h"

#include <QDir>
#include <QFileInfo>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace {
// A database file with two sessions, closed (as when only the command line uses it).
struct Fixture {
    QTemporaryDir temporary;
    QString dir = temporary.path();
    struct {
        QString path;
    } db {QDir(dir).filePath("letdown.sqlite")};
    Fixture()
    {
        Database database;
        REQUIRE(database.open(db.path));
        SessionStore store(database);
        Session pumped = finishedSession(SessionKind::Pumping, berlin(2026, 11, 16, 8, 0), {60, 200, 400});
        pumped.pumpedVolumeMl = 90;
        REQUIRE(store.saveSessions({finishedSession(SessionKind::Nursing, berlin(2026, 11, 16, 14, 0), {60, 300}),
            pumped}));
    }
    QString path(const QString &name) const { return QDir(dir).filePath(name); }
};

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(file.write(bytes) == bytes.size());
}

// Runs letdown with writes limited to `limitKb` kilobytes per file (what a full disk looks
// like to a writer: each write past it fails).
CliResult runWithFileSizeLimit(int limitKb, const QStringList &arguments)
{
    QStringList quoted;
    for (const QString &argument : arguments)
        quoted << QStringLiteral("'%1'").arg(argument);
    return runProgram(QStringLiteral("bash"),
        {"-c", QStringLiteral("trap '' XFSZ; ulimit -f %1; exec '%2' %3")
                   .arg(limitKb)
                   .arg(QStringLiteral(LETDOWN_EXECUTABLE), quoted.join(u' '))});
}
} // namespace

TEST_CASE("Outputs: the database, its companions and its backups are never written over")
{
    Fixture f;
    const QByteArray before = fileHash(f.db.path);
    REQUIRE(QFile::link(f.db.path, f.path("innocent-looking.csv")));
    for (const QStringList &command : QList<QStringList> {
             {"export", "--sessions", f.db.path},
             {"export", "--sessions", f.path("s.csv"), "--ejections", f.db.path},
             {"export", "--sessions", f.path("innocent-looking.csv")}, // a link to it
             {"export", "--sessions", f.db.path + "-wal"},
             {"export", "--sessions", f.db.path + ".lock"},
             {"report", "--out", f.db.path},
             {"chart", "--out", f.db.path},
             {"chart", "--out", f.dir + "/./letdown.sqlite"},
         }) {
        INFO(command.join(' ').toStdString());
        const CliResult result = runLetdown(command + QStringList {"--database", f.db.path});
        INFO(result.err.toStdString());
        CHECK(result.exitCode == 1);
        CHECK((result.err.contains("Letdown database") && result.err.contains("never")));
    }
    CHECK(fileHash(f.db.path) == before);
    CHECK_FALSE(QFileInfo::exists(f.path("s.csv"))); // refused before anything was written

    // A backup is not a target either.
    const CliResult backup = runLetdown({"backup", "--database", f.db.path});
    REQUIRE(backup.exitCode == 0);
    const QString backupPath = QString::fromUtf8(backup.out.trimmed());
    const QByteArray backupHash = fileHash(backupPath);
    const CliResult overBackup = runLetdown({"report", "--database", f.db.path, "--out", backupPath});
    CHECK(overBackup.exitCode == 1);
    CHECK(overBackup.err.contains("backup"));
    CHECK(fileHash(backupPath) == backupHash);
}

TEST_CASE("Outputs: two outputs of one command may not be the same file")
{
    Fixture f;
    const CliResult result = runLetdown(
        {"export", "--database", f.db.path, "--sessions", f.path("x.csv"), "--ejections", f.dir + "/../" + QFileInfo(f.dir).fileName() + "/x.csv"});
    CHECK(result.exitCode == 1);
    CHECK(result.err.contains("same file"));
    CHECK_FALSE(QFileInfo::exists(f.path("x.csv")));
}

TEST_CASE("Outputs: a FIFO or a device is refused and stays what it was - - is standard output")
{
    Fixture f;
    const QString fifo = f.path("fifo");
    REQUIRE(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    QList<QStringList> commands = {{"export", "--sessions", fifo}, {"report", "--out", fifo}, {"chart", "--out", fifo}};
    const QString device = f.path("null-copy");
    const bool root = ::geteuid() == 0;
    if (root) { // a copy of /dev/null, as a hostile test would make it
        REQUIRE(::mknod(QFile::encodeName(device).constData(), S_IFCHR | 0600, makedev(1, 3)) == 0);
        commands << QStringList {"export", "--sessions", device} << QStringList {"report", "--out", device};
    }
    for (const QStringList &command : commands) {
        INFO(command.join(' ').toStdString());
        const CliResult result = runLetdown(command + QStringList {"--database", f.db.path});
        INFO(result.err.toStdString());
        CHECK(result.exitCode == 1);
        CHECK(result.err.contains("not a regular file"));
    }
    struct stat info {};
    REQUIRE(::stat(QFile::encodeName(fifo).constData(), &info) == 0);
    CHECK(S_ISFIFO(info.st_mode));
    if (root) {
        REQUIRE(::stat(QFile::encodeName(device).constData(), &info) == 0);
        CHECK(S_ISCHR(info.st_mode));
    }

    const CliResult toStdout = runLetdown({"export", "--database", f.db.path, "--sessions", "-"});
    CHECK(toStdout.exitCode == 0);
    CHECK(toStdout.out.startsWith("session_id,"));
    CHECK(toStdout.out.count("\r\n") == 3);
    const CliResult png = runLetdown({"chart", "--database", f.db.path, "--out", "-", "--width", "300", "--height", "200"});
    CHECK(png.exitCode == 0);
    CHECK(png.out.startsWith("\x89PNG"));
}

TEST_CASE("Outputs: a write that fails (a full disk) replaces nothing, and both CSV files or neither")
{
    Fixture f;
    // Good older outputs that must survive.
    writeFile(f.path("report.pdf"), "%PDF-1.4 an older good report %%EOF");
    writeFile(f.path("s.csv"), "older sessions");
    writeFile(f.path("l.csv"), "older let-downs");
    const QByteArray oldReport = fileHash(f.path("report.pdf"));
    const QByteArray oldSessions = fileHash(f.path("s.csv"));
    const QByteArray oldLetdowns = fileHash(f.path("l.csv"));

    CliResult result = runWithFileSizeLimit(4, {"report", "--database", f.db.path, "--out", f.path("report.pdf")});
    INFO(result.err.toStdString());
    CHECK(result.exitCode == 1);
    CHECK(fileHash(f.path("report.pdf")) == oldReport);

    // The sessions file (3 lines) fits; the let-downs file is made to exceed the limit.
    Database big;
    const QString bigPath = f.path("big.sqlite");
    REQUIRE(big.open(bigPath));
    SessionStore bigStore(big);
    QList<Session> many;
    for (int day = 0; day < 3; ++day)
        many << finishedSession(SessionKind::Nursing, berlin(2026, 11, 2 + day, 8, 0),
            {30, 60, 90, 120, 150, 180, 210, 240, 270, 300, 330, 360});
    REQUIRE(bigStore.saveSessions(many));
    result = runWithFileSizeLimit(
        1, {"export", "--database", bigPath, "--sessions", f.path("s.csv"), "--ejections", f.path("l.csv")});
    INFO(result.err.toStdString());
    CHECK(result.exitCode == 1);
    // The system's reason, not Qt's "Unknown error".
    CHECK(result.err.contains("File too large"));
    CHECK_FALSE(result.err.contains("Unknown error"));
    // Both files are written in one pass: the message names the one that failed.
    CHECK(result.err.contains(f.path("l.csv").toUtf8()));
    CHECK(fileHash(f.path("s.csv")) == oldSessions);
    CHECK(fileHash(f.path("l.csv")) == oldLetdowns);
    // No temporary file is left behind by a failure.
    CHECK(QDir(f.dir).entryList({"*letdown-part*", "*letdown-old*"}, QDir::Files | QDir::Hidden).isEmpty());
}

TEST_CASE("Outputs: files are private, and temporary files left by a killed writer are cleaned up")
{
    Fixture f;
    // What a kill at the wrong moment leaves: the writer (this pid) is gone.
    const QString leftover = OutputFiles::temporaryPrefixFor(f.path("s.csv")) + "999999999-abc";
    writeFile(leftover, "half a file");
    const QString ours = OutputFiles::temporaryPrefixFor(f.path("s.csv")) + QString::number(::getpid()) + "-live";
    writeFile(ours, "a writer that is still running");
    const CliResult result = runLetdown({"export", "--database", f.db.path, "--sessions", f.path("s.csv")});
    REQUIRE(result.exitCode == 0);
    CHECK_FALSE(QFileInfo::exists(leftover));
    CHECK(QFileInfo::exists(ours)); // its writer is alive
    CHECK(QFileInfo(f.path("s.csv")).permissions() == (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser));

    REQUIRE(runLetdown({"report", "--database", f.db.path, "--out", f.path("r.pdf")}).exitCode == 0);
    CHECK_FALSE(QFileInfo(f.path("r.pdf")).permissions() & (QFile::ReadGroup | QFile::ReadOther));
}
