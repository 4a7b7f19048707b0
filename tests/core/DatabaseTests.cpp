#include "storage/Database.h"

#include "TestSupport.h"

#include <QDir>
#include <QFileInfo>

namespace {
// Makes a SQLite file with plain SQL, outside our Database class.
void makeForeignFile(const QString &path, const QStringList &statements)
{
    OtherProgramConnection db(path);
    for (const QString &sql : statements)
        REQUIRE(db.exec(sql));
}
} // namespace

TEST_CASE("A new database is created private, versioned and in WAL mode")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("nested/folder/letdown.sqlite"));
    Database database;
    REQUIRE(database.open(path));

    CHECK(QFileInfo(path).permissions() == (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser));
    const auto folderPermissions = QFileInfo(QFileInfo(path).absolutePath()).permissions();
    CHECK_FALSE(folderPermissions & (QFile::ReadOther | QFile::ReadGroup));

    TestQuery query(database);
    REQUIRE(query.exec(QStringLiteral("SELECT (SELECT user_version FROM pragma_user_version),"
                                      " (SELECT application_id FROM pragma_application_id),"
                                      " (SELECT journal_mode FROM pragma_journal_mode),"
                                      " (SELECT synchronous FROM pragma_synchronous),"
                                      " (SELECT foreign_keys FROM pragma_foreign_keys)")));
    REQUIRE(query.next());
    CHECK(query.value(0).toInt() == Database::kSchemaVersion);
    CHECK(query.value(1).toInt() == Database::kApplicationId);
    CHECK(query.value(2).toString() == "wal");
    CHECK(query.value(3).toInt() == 2); // FULL
    CHECK(query.value(4).toInt() == 1);
    query.finish();

    // The WAL sidecar is as private as the file.
    const QFileInfo wal(path + QStringLiteral("-wal"));
    REQUIRE(wal.exists());
    CHECK_FALSE(wal.permissions() & (QFile::ReadOther | QFile::ReadGroup));
}

TEST_CASE("A new database gets its name only once it is whole, and leftovers of a killed creation go")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("letdown.sqlite"));
    // What a creation killed half way left: a partial file and its -wal, under a process
    // that is gone; and one being made right now by a process that still runs (pid 1).
    const auto plant = [&](const QString &name) {
        QFile file(dir.filePath(name));
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("half made");
    };
    plant(QStringLiteral("letdown.sqlite.new-999999999"));
    plant(QStringLiteral("letdown.sqlite.new-999999999-wal"));
    plant(QStringLiteral("letdown.sqlite.new-1"));

    Database database;
    REQUIRE(database.open(path));
    const QStringList left = QDir(dir.path()).entryList({QStringLiteral("letdown.sqlite.new-*")}, QDir::Files);
    CHECK(left == QStringList {QStringLiteral("letdown.sqlite.new-1")});
    qint64 changes = -1;
    CHECK(database.changeCount(changes)); // the schema is all there
    CHECK(changes == 0);
    // Given its name in one step, with the schema already in the file itself (not only in
    // its -wal): never seen empty under that name (the killed-import test kills an import at
    // many points of this).
    CHECK(QFileInfo(path).size() > 0);
}

TEST_CASE("Migrations run from an empty file and reopening keeps the data")
{
    TempDatabase db;
    const qint64 tables = db.scalar(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name "
                                                   "IN ('sessions','ejections','session_techniques')"));
    CHECK(tables == 3);
    db.exec(QStringLiteral(
        "INSERT INTO sessions (uuid, kind, state, started_at_utc_ms, started_utc_offset_s,"
        " active_ms, paused_ms, last_event_at_utc_ms, side) VALUES ('u1','nursing','stopped',1,0,0,0,1,'left')"));

    Database again;
    REQUIRE(again.open(db.path));
    TestQuery query(again);
    REQUIRE(query.exec(QStringLiteral("SELECT count(*) FROM sessions")));
    REQUIRE(query.next());
    CHECK(query.value(0).toInt() == 1);
}

TEST_CASE("A database from a newer version is refused and left untouched")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("newer.sqlite"));
    makeForeignFile(path,
        {QStringLiteral("PRAGMA application_id=%1").arg(Database::kApplicationId),
            QStringLiteral("CREATE TABLE sessions (id INTEGER PRIMARY KEY, future_column TEXT)"),
            QStringLiteral("PRAGMA user_version=%1").arg(Database::kSchemaVersion + 1)});
    const QByteArray before = fileHash(path);

    Database database;
    CHECK_FALSE(database.open(path));
    CHECK_THAT(database.errorString().toStdString(), Catch::Contains("newer version"));
    CHECK_FALSE(database.isOpen());
    CHECK(fileHash(path) == before);
    CHECK_FALSE(QFileInfo::exists(path + QStringLiteral("-wal")));
}

TEST_CASE("Another application's SQLite file is refused and left untouched")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("other.sqlite"));
    makeForeignFile(path, {QStringLiteral("CREATE TABLE contacts (name TEXT)")});
    const QByteArray before = fileHash(path);

    Database database;
    CHECK_FALSE(database.open(path));
    CHECK_THAT(database.errorString().toStdString(), Catch::Contains("another application"));
    CHECK(fileHash(path) == before);
}

TEST_CASE("A file that is not a database is refused and left untouched")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("garbage.sqlite"));
    {
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
    }
    const QByteArray before = fileHash(path);

    Database database;
    CHECK_FALSE(database.open(path));
    CHECK_THAT(database.errorString().toStdString(), Catch::Contains("not a Letdown database"));
    CHECK(fileHash(path) == before);
}

TEST_CASE("A folder given as the database path is refused")
{
    QTemporaryDir dir;
    Database database;
    CHECK_FALSE(database.open(dir.path()));
    CHECK_THAT(database.errorString().toStdString(), Catch::Contains("folder"));
}

namespace {
// A file whose last changes are still in its -wal, as another program (or a crash) leaves
// it: written with checkpoints off, then copied, -wal and all, while still open.
void makeFileWithPendingWal(const QString &path, const QStringList &statements)
{
    const QString source = path + QStringLiteral(".source");
    {
        OtherProgramConnection db(source);
        for (const QString &sql :
            QStringList {QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA wal_autocheckpoint=0")}
                + statements)
            REQUIRE(db.exec(sql));
        REQUIRE(QFile::copy(source, path));
        REQUIRE(QFile::copy(source + QStringLiteral("-wal"), path + QStringLiteral("-wal")));
    }
    REQUIRE(QFileInfo(path + QStringLiteral("-wal")).size() > 0);
}
} // namespace

TEST_CASE("A foreign or newer file with a -wal beside it is refused with both files exactly as they were")
{
    QTemporaryDir dir;
    const QString foreign = dir.filePath(QStringLiteral("other.sqlite"));
    makeFileWithPendingWal(foreign,
        {QStringLiteral("CREATE TABLE contacts (name TEXT)"), QStringLiteral("INSERT INTO contacts VALUES ('x')")});
    const QString newer = dir.filePath(QStringLiteral("newer.sqlite"));
    makeFileWithPendingWal(newer,
        {QStringLiteral("PRAGMA application_id=%1").arg(Database::kApplicationId),
            QStringLiteral("CREATE TABLE sessions (id INTEGER PRIMARY KEY)"),
            QStringLiteral("PRAGMA user_version=%1").arg(Database::kSchemaVersion + 1)});
    for (const auto &[path, message] :
        {std::pair {foreign, "another application"}, std::pair {newer, "newer version"}}) {
        INFO(path.toStdString());
        const QByteArray fileBefore = fileHash(path);
        const QByteArray walBefore = fileHash(path + QStringLiteral("-wal"));
        {
            Database database;
            CHECK_FALSE(database.open(path));
            CHECK_THAT(database.errorString().toStdString(), Catch::Contains(message) && Catch::Contains("untouched"));
        }
        CHECK(fileHash(path) == fileBefore);
        CHECK(fileHash(path + QStringLiteral("-wal")) == walBefore);
    }
}
