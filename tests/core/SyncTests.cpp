// Sync through a shared folder (docs/sync.md): each device writes its own subfolder, reads
// the others', and every device ends with the same log, whatever the files' order.
#include "sync/SyncFolder.h"

#include "demo/DemoData.h"
#include "journal/Journal.h"
#include "output/CsvExport.h"
#include "recorder/SessionRecorder.h"
#include "storage/SyncStore.h"

#include "TestSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <algorithm>

namespace {
// One device: its own data file and clock.
struct Device : JournalRig {
    explicit Device(qint64 clockSkewMs = 0) { clock.advance(clockSkewMs); }
    SyncFolder::Report sync(const QString &folder, const QString &name = {})
    {
        SyncFolder exchange(journal, folder);
        exchange.setDeviceName(name);
        SyncFolder::Report report;
        INFO(report.error.toStdString());
        REQUIRE(exchange.exchange(report));
        return report;
    }
    // Both CSV files of `letdown export`, as the consultant would get them.
    QByteArray exported()
    {
        QTemporaryDir out;
        CsvExportRequest request;
        request.sessionsPath = out.filePath(QStringLiteral("sessions.csv"));
        request.letdownsPath = out.filePath(QStringLiteral("letdowns.csv"));
        int count = 0;
        QString error;
        REQUIRE(exportCsvFiles(store, ReferenceModel(), request, count, error));
        QFile sessions(request.sessionsPath);
        QFile letdowns(request.letdownsPath);
        REQUIRE(sessions.open(QIODevice::ReadOnly));
        REQUIRE(letdowns.open(QIODevice::ReadOnly));
        return sessions.readAll() + "\n--\n" + letdowns.readAll();
    }
    int sessionCount() { return int(db.scalar(QStringLiteral("SELECT count(*) FROM sessions"))); }
    int letdownCount() { return int(db.scalar(QStringLiteral("SELECT count(*) FROM ejections"))); }
    QList<SyncConflict> conflicts()
    {
        SyncStore sync(store);
        QList<SyncConflict> kept;
        REQUIRE(sync.loadConflicts(kept));
        return kept;
    }
    // A feed: start, let-downs after these many seconds, stop.
    QString feed(const QList<int> &letdownsAfterS, int lengthS = 600)
    {
        REQUIRE(ask(Journal::Step::Start).result == "recorded");
        const QString uuid = recorder.currentSession().uuid;
        int elapsedS = 0;
        for (const int atS : letdownsAfterS) {
            clock.advance((atS - elapsedS) * 1000LL);
            elapsedS = atS;
            REQUIRE(ask(Journal::Step::Letdown).result == "recorded");
        }
        clock.advance((lengthS - elapsedS) * 1000LL);
        REQUIRE(ask(Journal::Step::Stop).result == "recorded");
        clock.advance(3600'000);
        return uuid;
    }
    Session session(const QString &uuid)
    {
        std::optional<Session> found;
        REQUIRE(store.loadSession(uuid, found));
        REQUIRE(found);
        return *found;
    }
};

QStringList filesUnder(const QString &folder)
{
    QStringList files;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(folder).relativeFilePath(it.next());
    files.sort();
    return files;
}
} // namespace

TEST_CASE("Sync: what one device logs arrives on the other, both ways, and both exports end identical")
{
    QTemporaryDir folder;
    Device laptop;
    Device server(1500); // its clock a little ahead
    const QString first = laptop.feed({95, 260, 400});
    laptop.feed({120});
    QString error;
    QList<SpontaneousLetdown> felt {{0, laptop.clock.wallUtcMs() - 60'000, 3600}};
    REQUIRE(laptop.journal.addLetdownsWithoutFeed(felt, Origin::Key, error));

    const SyncFolder::Report sent = laptop.sync(folder.path(), QStringLiteral("Her laptop"));
    CHECK(sent.sentItems == 3);
    CHECK(sent.filesWritten.size() == 1);
    CHECK(sent.receivedItems == 0);
    const SyncFolder::Report received = server.sync(folder.path(), QStringLiteral("Home server"));
    CHECK(received.receivedItems == 3);
    CHECK(received.fromDevices == QStringList {QStringLiteral("Her laptop")});
    CHECK(server.sessionCount() == 2);
    CHECK(server.letdownCount() == 4);
    CHECK(server.exported() == laptop.exported());

    // The other way: an edit and a deletion on the server, a new feed too.
    Session edited = server.session(first);
    edited.note = QStringLiteral("logged on the server");
    REQUIRE(server.journal.replaceSession(edited, Origin::History, error));
    REQUIRE(server.journal.deleteLetdownWithoutFeed(felt.constFirst(), Origin::History, error));
    server.feed({80, 200});
    server.sync(folder.path());
    const SyncFolder::Report back = laptop.sync(folder.path());
    CHECK(back.receivedItems == 3);
    CHECK(laptop.session(first).note == "logged on the server");
    CHECK(laptop.db.scalar(QStringLiteral("SELECT count(*) FROM spontaneous_letdowns")) == 0);
    CHECK(laptop.sessionCount() == 3);
    CHECK(laptop.exported() == server.exported());

    // Each device wrote only inside its own subfolder, and exchanging again sends nothing.
    for (const QString &file : filesUnder(folder.path()))
        CHECK((file.startsWith(sent.deviceId + '/') || file.startsWith(received.deviceId + '/')));
    CHECK(laptop.sync(folder.path()).sentItems == 0);
    CHECK(server.sync(folder.path()).receivedItems == 0);
    // The change from elsewhere is in the journal's log with its origin, and not sent back.
    CHECK(laptop.db.scalar(QStringLiteral("SELECT count(*) FROM change_log WHERE origin = 'sync'")) >= 1);
}

TEST_CASE("Sync: any subset of the files, in any order, read any number of times, gives the same log")
{
    QTemporaryDir folder;
    Device mother;
    QString error;
    // Five exchanges: five files, with edits and deletions of earlier sessions in between.
    QStringList uuids;
    for (int round = 0; round < 5; ++round) {
        uuids << mother.feed({60 + round * 10, 300});
        if (round == 2)
            REQUIRE(mother.journal.deleteSession(uuids[0], Origin::History, error));
        if (round == 3) {
            Session session = mother.session(uuids[1]);
            session.note = QStringLiteral("edited in round 3");
            session.letdowns.removeLast();
            REQUIRE(mother.journal.replaceSession(session, Origin::History, error));
        }
        mother.sync(folder.path());
    }
    const QByteArray expected = mother.exported();
    const QString deviceFolder = QDir(folder.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot).constFirst();
    const QStringList files = QDir(folder.filePath(deviceFolder)).entryList(QDir::Files);
    REQUIRE(files.size() == 5);

    for (quint32 seed = 1; seed <= 12; ++seed) {
        INFO("seed " << seed);
        QRandomGenerator random(seed);
        QStringList order = files;
        std::shuffle(order.begin(), order.end(), random);
        QTemporaryDir partial;
        QDir(partial.path()).mkdir(deviceFolder);
        Device other(qint64(seed) * 777);
        // In random chunks; after each, some files read again as if new.
        int at = 0;
        while (at < order.size()) {
            const int chunk = 1 + random.bounded(int(order.size()) - at);
            for (int i = at; i < at + chunk; ++i)
                REQUIRE(QFile::copy(folder.filePath(deviceFolder + '/' + order[i]),
                    partial.filePath(deviceFolder + '/' + order[i])));
            at += chunk;
            other.sync(partial.path());
            if (random.bounded(2) == 0)
                other.db.exec(QStringLiteral("DELETE FROM sync_files"));
        }
        other.sync(partial.path());
        CHECK(other.exported() == expected);
        CHECK(other.sessionCount() == 4);
    }
}

TEST_CASE("Sync: concurrent edits of one session end the same on both devices, and the losing edit is kept")
{
    QTemporaryDir folder;
    Device laptop;
    Device partner;
    const QString uuid = laptop.feed({90, 240});
    laptop.sync(folder.path(), QStringLiteral("Her laptop"));
    partner.sync(folder.path(), QStringLiteral("Pat's laptop"));
    // Both edit it before either has seen the other's edit; the partner's is later.
    QString error;
    Session onLaptop = laptop.session(uuid);
    onLaptop.note = QStringLiteral("from the laptop");
    REQUIRE(laptop.journal.replaceSession(onLaptop, Origin::History, error));
    partner.clock.advance(laptop.clock.wallUtcMs() - partner.clock.wallUtcMs() + 10'000);
    Session onPartner = partner.session(uuid);
    onPartner.note = QStringLiteral("from the partner");
    REQUIRE(partner.journal.replaceSession(onPartner, Origin::History, error));

    laptop.sync(folder.path());
    const SyncFolder::Report atPartner = partner.sync(folder.path());
    const SyncFolder::Report atLaptop = laptop.sync(folder.path());
    CHECK(laptop.session(uuid).note == "from the partner");
    CHECK(partner.session(uuid).note == "from the partner");
    CHECK(laptop.exported() == partner.exported());
    CHECK(atPartner.newConflicts == 1);
    CHECK(atLaptop.newConflicts == 1);
    // The same losing version is kept on both, with its words.
    const QList<SyncConflict> keptOnLaptop = laptop.conflicts();
    const QList<SyncConflict> keptOnPartner = partner.conflicts();
    REQUIRE(keptOnLaptop.size() == 1);
    REQUIRE(keptOnPartner.size() == 1);
    CHECK(keptOnLaptop[0].hlc == keptOnPartner[0].hlc);
    CHECK(keptOnLaptop[0].deviceId == keptOnPartner[0].deviceId);
    CHECK(keptOnLaptop[0].payload.contains("from the laptop"));
    CHECK(keptOnPartner[0].payload.contains("from the laptop"));
    CHECK(keptOnPartner[0].deviceName == "Her laptop");

    // An edit made after seeing the other's is no conflict.
    Session later = partner.session(uuid);
    later.note = QStringLiteral("agreed");
    REQUIRE(partner.journal.replaceSession(later, Origin::History, error));
    partner.sync(folder.path());
    CHECK(laptop.sync(folder.path()).newConflicts == 0);
    CHECK(laptop.session(uuid).note == "agreed");
}

TEST_CASE("Sync: a deletion is a tombstone that an older edit does not undo, in either order")
{
    for (const bool deletionReadFirst : {true, false}) {
        INFO("deletion read first: " << deletionReadFirst);
        QTemporaryDir folder;
        Device laptop;
        Device partner;
        const QString uuid = laptop.feed({90});
        laptop.sync(folder.path());
        partner.sync(folder.path());
        QString error;
        Session edited = laptop.session(uuid);
        edited.note = QStringLiteral("an edit older than the deletion");
        REQUIRE(laptop.journal.replaceSession(edited, Origin::History, error));
        // The deletion a minute after the edit, by both clocks.
        partner.clock.advance(laptop.clock.wallUtcMs() - partner.clock.wallUtcMs() + 60'000);
        REQUIRE(partner.journal.deleteSession(uuid, Origin::History, error));
        if (deletionReadFirst) {
            partner.sync(folder.path());
            laptop.sync(folder.path());
            partner.sync(folder.path());
        } else {
            laptop.sync(folder.path());
            partner.sync(folder.path());
            laptop.sync(folder.path());
        }
        CHECK(laptop.sessionCount() == 0);
        CHECK(partner.sessionCount() == 0);
        CHECK(laptop.exported() == partner.exported());
    }
}

TEST_CASE("Sync: a live session shows as live on the other device, which does not run it, and ends there when it ends")
{
    QTemporaryDir folder;
    Device laptop;
    Device server;
    REQUIRE(laptop.ask(Journal::Step::Start).result == "recorded");
    const QString uuid = laptop.recorder.currentSession().uuid;
    laptop.clock.advance(70'000);
    REQUIRE(laptop.ask(Journal::Step::Letdown).result == "recorded");
    laptop.sync(folder.path());
    server.sync(folder.path());
    CHECK(server.session(uuid).state == SessionState::Running);
    CHECK(server.session(uuid).letdowns.size() == 1);
    // The server's own recorder, started again, does not take it as its own.
    SessionRecorder restarted(server.store, server.clock);
    REQUIRE(restarted.restoreUnfinished());
    CHECK_FALSE(restarted.isLive());
    // The server starts a session of its own meanwhile: both are kept.
    REQUIRE(server.ask(Journal::Step::Start).result == "recorded");
    server.clock.advance(30'000);
    REQUIRE(server.ask(Journal::Step::Stop).result == "recorded");

    laptop.clock.advance(60'000);
    REQUIRE(laptop.ask(Journal::Step::Letdown).result == "recorded");
    laptop.sync(folder.path());
    server.sync(folder.path());
    CHECK(server.session(uuid).letdowns.size() == 2);
    laptop.clock.advance(60'000);
    REQUIRE(laptop.ask(Journal::Step::Stop).result == "recorded");
    laptop.sync(folder.path());
    server.sync(folder.path());
    laptop.sync(folder.path());
    CHECK(server.session(uuid).state == SessionState::Stopped);
    CHECK(server.sessionCount() == 2);
    CHECK(laptop.exported() == server.exported());
}

TEST_CASE("Sync: nothing in the folder is trusted: odd files are named, skipped and change nothing")
{
    QTemporaryDir folder;
    Device laptop;
    Device server;
    laptop.feed({90, 200});
    const SyncFolder::Report sent = laptop.sync(folder.path(), QStringLiteral("Her laptop"));
    const QString deviceFolder = folder.filePath(sent.deviceId);
    const QString good = deviceFolder + "/00000001.ldsync";
    QFile goodFile(good);
    REQUIRE(goodFile.open(QIODevice::ReadOnly));
    const QByteArray bytes = goodFile.readAll();
    goodFile.close();
    const auto write = [](const QString &path, const QByteArray &content) {
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(content);
    };
    // Syncthing's conflict copy and temporary file, a truncated file, random bytes, a file
    // signed by another device, a folder that is no device's, and a newer format.
    write(deviceFolder + "/00000001.sync-conflict-20261206-101010-ABCDEFG.ldsync", bytes);
    write(deviceFolder + "/.syncthing.00000002.ldsync.tmp", bytes.left(40));
    write(deviceFolder + "/00000003.ldsync", bytes.left(bytes.size() / 2));
    QByteArray noise(4096, '\0');
    for (char &c : noise)
        c = char(QRandomGenerator::global()->bounded(256));
    write(deviceFolder + "/00000004.ldsync", noise);
    QJsonObject forged = QJsonDocument::fromJson(bytes).object();
    forged.insert(QStringLiteral("device_id"), QStringLiteral("00000000-0000-4000-8000-000000000000"));
    write(deviceFolder + "/00000005.ldsync", QJsonDocument(forged).toJson());
    QDir(folder.path()).mkdir(QStringLiteral("holiday photos"));
    QJsonObject newer = QJsonDocument::fromJson(bytes).object();
    newer.insert(QStringLiteral("version"), 99);
    write(deviceFolder + "/00000006.ldsync", QJsonDocument(newer).toJson());
    write(deviceFolder + "/notes.txt", "not ours");

    const SyncFolder::Report report = server.sync(folder.path());
    const QString said = report.messages.join('\n');
    INFO(said.toStdString());
    CHECK(said.contains("sync-conflict"));
    CHECK(said.contains("00000003.ldsync: damaged"));
    CHECK(said.contains("00000004.ldsync: damaged"));
    CHECK(said.contains("00000005.ldsync: claims to come from device 00000000-0000-4000-8000-000000000000"));
    CHECK(said.contains("holiday photos"));
    CHECK(said.contains("00000006.ldsync: written by a newer Letdown"));
    CHECK(said.contains("notes.txt: not a Letdown sync file"));
    CHECK_FALSE(said.contains(".syncthing.")); // still being copied: looked at next time
    // Only the good file was applied: one session, its two let-downs, once.
    CHECK(server.sessionCount() == 1);
    CHECK(server.letdownCount() == 2);
    CHECK(server.exported() == laptop.exported());
    // Said once: the next exchange is quiet about the files already named (but for the newer one).
    const SyncFolder::Report again = server.sync(folder.path());
    CHECK(again.messages == QStringList {report.messages.filter("00000006").constFirst()});
    // Nothing in the folder was changed by the reader.
    CHECK(QFile::exists(deviceFolder + "/00000004.ldsync"));
    CHECK(QDir(folder.path()).exists(QStringLiteral("holiday photos")));

    // A record that lies inside a good file: refused alone, the rest applied.
    QJsonObject mixed = QJsonDocument::fromJson(bytes).object();
    QJsonArray records = mixed.value("records").toArray();
    QJsonObject bad = records[0].toObject();
    QJsonObject badSession = bad.value("session").toObject();
    badSession.insert(QStringLiteral("active_ms"), -5);
    bad.insert(QStringLiteral("session"), badSession);
    bad.insert(QStringLiteral("item"), badSession.value("uuid"));
    bad.insert(QStringLiteral("hlc"), bad.value("hlc").toDouble() + 1000);
    records.append(bad);
    mixed.insert(QStringLiteral("records"), records);
    write(deviceFolder + "/00000007.ldsync", QJsonDocument(mixed).toJson());
    const SyncFolder::Report partly = server.sync(folder.path());
    CHECK(partly.messages.join('\n').contains("00000007.ldsync: 1 of its 2 changes were refused"));
    CHECK(server.exported() == laptop.exported());

    // A clock far ahead (a broken clock, a forged file) is not taken: it would stamp every
    // later change here.
    QJsonObject ahead = QJsonDocument::fromJson(bytes).object();
    QJsonArray aheadRecords = ahead.value("records").toArray();
    QJsonObject future = aheadRecords[0].toObject();
    future.insert(QStringLiteral("hlc"), double(server.clock.wallUtcMs() + 3LL * 24 * 3600 * 1000));
    aheadRecords[0] = future;
    ahead.insert(QStringLiteral("records"), aheadRecords);
    write(deviceFolder + "/00000008.ldsync", QJsonDocument(ahead).toJson());
    const SyncFolder::Report fromTheFuture = server.sync(folder.path());
    CHECK(fromTheFuture.messages.join('\n').contains("00000008.ldsync: 1 of its 1 changes were refused (the first: a "
                                                        "change dated more than a day ahead"));
    CHECK(server.exported() == laptop.exported());
}

TEST_CASE("Sync: a half-written file left by a killed exchange is removed from the device's own folder")
{
    QTemporaryDir folder;
    Device laptop;
    laptop.feed({90});
    const SyncFolder::Report first = laptop.sync(folder.path());
    const QString own = folder.filePath(first.deviceId);
    // A process id that cannot be running (above the kernel's limit), and this process's own.
    const QString deadWriter = own + "/.tmp-999999999-abcdef01.part";
    const QString liveWriter = own + QStringLiteral("/.tmp-%1-abcdef02.part").arg(QCoreApplication::applicationPid());
    for (const QString &path : {deadWriter, liveWriter}) {
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("{\"format\":\"letdown-sy");
    }
    laptop.feed({60});
    laptop.sync(folder.path());
    CHECK_FALSE(QFile::exists(deadWriter));
    CHECK(QFile::exists(liveWriter)); // still being written, as far as anyone can tell
    CHECK(QDir(own).entryList(QDir::Files).size() == 2);
}

TEST_CASE("Sync: a copied data file takes a new device id before it writes to the folder")
{
    QTemporaryDir folder;
    QTemporaryDir elsewhere;
    Device laptop;
    laptop.feed({90});
    const SyncFolder::Report original = laptop.sync(folder.path());
    const QString copyPath = elsewhere.filePath(QStringLiteral("letdown.sqlite"));
    laptop.db.exec(QStringLiteral("VACUUM INTO '%1'").arg(copyPath));
    {
        QString error;
        std::unique_ptr<Journal> copy = Journal::open(copyPath, laptop.clock, Database::OpenMode::MustExist, error);
        REQUIRE(copy);
        SyncFolder exchange(*copy, folder.path());
        SyncFolder::Report report;
        REQUIRE(exchange.exchange(report));
        CHECK(report.tookNewDeviceId);
        CHECK(report.deviceId != original.deviceId);
        CHECK(report.messages.join(' ').contains("copy"));
        // It reads the original's files as another device's, and changes nothing by it.
        CHECK(report.receivedItems == 0);
        // Its own later changes go to its own folder.
        QString addError;
        QList<SpontaneousLetdown> felt {{0, laptop.clock.wallUtcMs(), 3600}};
        REQUIRE(copy->addLetdownsWithoutFeed(felt, Origin::Key, addError));
        SyncFolder::Report next;
        REQUIRE(exchange.exchange(next));
        CHECK(next.deviceId == report.deviceId);
        CHECK_FALSE(next.tookNewDeviceId);
        CHECK(QDir(folder.filePath(report.deviceId)).entryList(QDir::Files).size() == 1);
    }
    // The original keeps its id, and its folder holds only its own file.
    const SyncFolder::Report again = laptop.sync(folder.path());
    CHECK(again.deviceId == original.deviceId);
    CHECK_FALSE(again.tookNewDeviceId);
    CHECK(QDir(folder.filePath(original.deviceId)).entryList(QDir::Files).size() == 1);
    CHECK(laptop.db.scalar(QStringLiteral("SELECT count(*) FROM spontaneous_letdowns")) == 1);
}

TEST_CASE("Sync: a folder with thousands of small files is read in one exchange, few transactions")
{
    QTemporaryDir folder;
    const QString device = QStringLiteral("11111111-2222-4333-8444-555555555555");
    QDir(folder.path()).mkdir(device);
    const qint64 firstMs = 1'764'000'000'000;
    for (int i = 1; i <= 3000; ++i) {
        const qint64 atMs = firstMs + i * 60'000LL;
        const QJsonObject record {{"item", QStringLiteral("felt:%1").arg(atMs)}, {"hlc", double(atMs)},
            {"device_id", device}, {"base_hlc", 0}, {"owner_device", device}, {"deleted", false},
            {"felt", QJsonObject {{"at_utc_ms", double(atMs)}, {"utc_offset_s", 3600}}}};
        const QJsonObject file {{"format", "letdown-sync"}, {"version", 1}, {"device_id", device},
            {"device_name", "Old phone"}, {"written_at_utc_ms", double(atMs)}, {"records", QJsonArray {record}}};
        QFile out(folder.filePath(device + QStringLiteral("/%1.ldsync").arg(i, 8, 10, QLatin1Char('0'))));
        REQUIRE(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(file).toJson(QJsonDocument::Compact));
    }
    Device laptop;
    const SyncFolder::Report report = laptop.sync(folder.path());
    CHECK(report.receivedItems == 3000);
    CHECK(laptop.db.scalar(QStringLiteral("SELECT count(*) FROM spontaneous_letdowns")) == 3000);
    CHECK(laptop.db.scalar(QStringLiteral("SELECT count(*) FROM change_log WHERE origin = 'sync'")) <= 2);
    CHECK(laptop.sync(folder.path()).receivedItems == 0);
}

TEST_CASE("Sync: a first exchange sends a whole log that was never synced, and the other device ends with the same")
{
    QTemporaryDir folder;
    Device mother;
    DemoDataOptions options;
    options.weeks = 6; // about 330 sessions: read in one pass, not one lookup each
    options.firstDay = QDate(2025, 9, 1);
    QList<Session> sessions = generateDemoSessions(options);
    REQUIRE(sessions.size() > 300);
    REQUIRE(mother.store.saveSessions(sessions)); // written before the change log existed
    QString error;
    REQUIRE(mother.journal.deleteSession(sessions[3].uuid, Origin::History, error));
    const SyncFolder::Report sent = mother.sync(folder.path());
    CHECK(sent.sentItems == sessions.size() - 1);
    CHECK(sent.filesWritten.size() == int((sessions.size() - 1 + SyncFolder::kItemsPerFile - 1) / SyncFolder::kItemsPerFile));
    Device partner;
    CHECK(partner.sync(folder.path()).receivedItems == sessions.size() - 1);
    CHECK(partner.exported() == mother.exported());
}

TEST_CASE("Sync: a first exchange of over a thousand sessions keeps the same figures, counters and triggers")
{
    // A batch this large is written with the per-row insert triggers set aside and its rows
    // counted and their weeks marked once at the end, as an import's are.
    QTemporaryDir folder;
    Device mother;
    DemoDataOptions options;
    options.weeks = 24;
    options.firstDay = QDate(2025, 3, 3);
    const QList<Session> sessions = generateDemoSessions(options);
    REQUIRE(sessions.size() > 1200);
    REQUIRE(mother.store.saveSessions(sessions));
    mother.sync(folder.path());
    Device partner;
    const qint64 countBefore = partner.db.scalar(QStringLiteral("SELECT value FROM meta WHERE key = 'change_count'"));
    CHECK(partner.sync(folder.path()).receivedItems == sessions.size());
    CHECK(partner.exported() == mother.exported());
    QMap<qint64, QByteArray> motherWeeks, partnerWeeks;
    REQUIRE(mother.store.loadWeekFigures(
        std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max(), motherWeeks));
    REQUIRE(partner.store.loadWeekFigures(
        std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max(), partnerWeeks));
    CHECK(motherWeeks.size() >= 24);
    CHECK(partnerWeeks == motherWeeks);
    CHECK(partner.db.scalar(QStringLiteral("SELECT value FROM meta WHERE key = 'change_count'")) > countBefore);
    for (const QString &triggers : {QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"),
             QStringLiteral("SELECT sum(length(sql)) FROM sqlite_schema WHERE type = 'trigger'")})
        CHECK(partner.db.scalar(triggers) == mother.db.scalar(triggers));
    // Her next let-down there is counted and marked by the triggers again.
    const qint64 countAfterSync = partner.db.scalar(QStringLiteral("SELECT value FROM meta WHERE key = 'change_count'"));
    Session extra = sessions.last();
    extra.uuid = QStringLiteral("00000000-0000-4000-8000-0000000000ee");
    extra.startedAtUtcMs += 3'600'000;
    extra.endedAtUtcMs = *extra.endedAtUtcMs + 3'600'000;
    REQUIRE(partner.store.saveSession(extra, extra.letdowns));
    CHECK(partner.db.scalar(QStringLiteral("SELECT value FROM meta WHERE key = 'change_count'")) > countAfterSync);
}
