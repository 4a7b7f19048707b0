#include "csv/Csv.h"
#include "import/CsvImport.h"
#include "output/CsvExport.h"
#include "csv/SessionCsv.h"
#include "stats/TrendQuery.h"
#include "storage/SessionStore.h"

#include "SessionFixtures.h"
#include "TestSupport.h"

#include <QBuffer>
#include <QFileInfo>

#include <limits>
#include <random>

namespace {
QByteArray written(const QList<QStringList> &rows)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer);
    for (const QStringList &row : rows)
        REQUIRE(writer.writeRow(row));
    return buffer.data();
}

// A varied fixture: both kinds, measured and unmeasured, a note with every awkward character.
QList<Session> variedSessions()
{
    Session a = finishedSession(SessionKind::Nursing, berlin(2026, 11, 16, 8, 0), {60, 300, 600});
    a.techniques = {QStringLiteral("breast_massage"), QStringLiteral("warm_compress")};
    a.note = QStringLiteral("Tired, \"good\" flow\r\nsecond line; café ☕");
    a.preFeedWeightG = 4000;
    a.postFeedWeightG = 4062.5;
    a.pausedMs = 30'000;
    a.endedAtUtcMs = *a.endedAtUtcMs + 30'000;
    Session b = finishedSession(SessionKind::Pumping, berlin(2026, 11, 17, 7, 0), {90, 200});
    b.side = Side::Both;
    b.sideMs = {0, 0, b.activeMs};
    b.pumpedVolumeMl = 92.5;
    b.letdowns[1].measuredVolumeMl = 30;
    b.note = QStringLiteral("=HYPERLINK(\"http://x\")");
    b.clockJumpDetected = true;
    Session c = finishedSession(SessionKind::Nursing, newYork(2026, 11, 1, 23, 50), {});
    c.note = QStringLiteral("-10 ml less than usual");
    return {a, b, c};
}

QByteArray exportTable(const QList<Session> &sessions, VolumeUnit unit, bool ejections)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString error;
    const bool ok = ejections ? writeLetdownsCsv(sessions, ReferenceModel {}, unit, &buffer, error)
                              : writeSessionsCsv(sessions, ReferenceModel {}, unit, &buffer, error);
    REQUIRE(ok);
    return buffer.data();
}

QStringList importProblems(const QByteArray &sessions, const std::optional<QByteArray> &ejections = std::nullopt)
{
    QList<Session> parsed;
    QStringList problems;
    CHECK_FALSE(readSessionsCsv(
        {sessions, QStringLiteral("sessions.csv"), ejections, QStringLiteral("ejections.csv")}, parsed, problems));
    CHECK(parsed.isEmpty());
    return problems;
}

const QByteArray kHeader = "session_id,kind,started_at,ended_at,duration_s,paused_s,side,techniques,letdowns,"
                           "first_letdown_s,measured_volume_ml,estimated_volume_ml,pre_feed_weight_g,"
                           "post_feed_weight_g,notes\r\n";
const QByteArray kGoodRow = "6f1c9a4e-1111-4f5e-9c11-000000000001,nursing,2026-11-16T08:00:00+01:00,"
                            "2026-11-16T08:15:00+01:00,900,0,left,,0,,,0,,,\r\n";
} // namespace

TEST_CASE("CSV writer: RFC 4180 quoting and CRLF")
{
    const QByteArray csv = written({{"plain", "with,comma", "with \"quote\"", "two\nlines", "cr\rhere", ""}});
    CHECK(csv == "plain,\"with,comma\",\"with \"\"quote\"\"\",\"two\nlines\",\"cr\rhere\",\r\n");
}

TEST_CASE("CSV: formula-like text is written as text and read back as it was")
{
    for (const QString &text : {QStringLiteral("=SUM(A1)"), QStringLiteral("+1"), QStringLiteral("-2"),
             QStringLiteral("@cmd"), QStringLiteral("\tx"), QStringLiteral("\rx")}) {
        const QString cell = CsvWriter::protectText(text);
        CHECK(cell.startsWith(u'\''));
        CHECK(CsvWriter::unprotectText(cell) == text);
    }
    CHECK(CsvWriter::protectText(QStringLiteral("fine")) == "fine");
    CHECK(CsvWriter::unprotectText(QStringLiteral("'quoted by her")) == "'quoted by her"); // older exports
    // A note that itself begins with an apostrophe survives the round trip unchanged.
    for (const QString &text : {QStringLiteral("'=not a formula"), QStringLiteral("'+1"), QStringLiteral("'-"),
             QStringLiteral("'@x"), QStringLiteral("'quoted"), QStringLiteral("''"), QStringLiteral("'")}) {
        INFO(text.toStdString());
        CHECK(CsvWriter::unprotectText(CsvWriter::protectText(text)) == text);
    }
}

TEST_CASE("CSV reader: quotes, embedded line ends, BOM, LF files and line numbers")
{
    CsvReader reader;
    REQUIRE(reader.parse("\xEF\xBB\xBF"
                         "a,b\r\n\"x,1\",\"two\r\nlines\"\r\n\"say \"\"hi\"\"\",\n\nlast,row"));
    const auto &records = reader.records();
    REQUIRE(records.size() == 4);
    CHECK(records[0].fields == QStringList {"a", "b"});
    CHECK(records[1].fields == QStringList {"x,1", "two\r\nlines"});
    CHECK(records[2].lineNumber == 4);
    CHECK(records[2].fields == QStringList {"say \"hi\"", ""});
    CHECK(records[3].lineNumber == 6);
}

TEST_CASE("CSV reader: bad quoting and non-UTF-8 are refused with their line")
{
    CsvReader reader;
    CHECK_FALSE(reader.parse("a,b\r\nx,\"never closed\r\n"));
    CHECK_THAT(reader.errorString().toStdString(), Catch::Contains("Line 2") && Catch::Contains("never closed"));
    CHECK_FALSE(reader.parse("a\r\nb\r\nst\"ray\r\n"));
    CHECK_THAT(reader.errorString().toStdString(), Catch::Contains("Line 3"));
    CHECK_FALSE(reader.parse("a\r\n\"x\"y\r\n"));
    CHECK_THAT(reader.errorString().toStdString(), Catch::Contains("after a closing quote"));
    CHECK_FALSE(reader.parse("a\r\nb\r\n\xff\xfe latin-1 caf\xe9\r\n"));
    CHECK_THAT(reader.errorString().toStdString(), Catch::Contains("Line 3") && Catch::Contains("UTF-8"));
}

TEST_CASE("Sessions CSV: columns, units, times with offsets and empty unknowns")
{
    const QList<Session> sessions = variedSessions();
    CsvReader reader;
    REQUIRE(reader.parse(exportTable(sessions, VolumeUnit::Ml, false)));
    const auto rows = reader.records();
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].fields == sessionsCsvHeader(VolumeUnit::Ml));
    const QStringList a = rows[1].fields;
    CHECK(a[1] == "nursing");
    CHECK(a[2] == "2026-11-16T08:00:00+01:00");
    CHECK(a[4] == "900");
    CHECK(a[5] == "30");
    CHECK(a[7] == "breast_massage;warm_compress");
    CHECK(a[8] == "3");
    CHECK(a[9] == "60");
    CHECK(a[10] == "62.5"); // test-weigh gain, measured
    CHECK(a[11] == "62.5"); // a measured total is also the estimate
    CHECK(a[12] == "4000");
    CHECK(a[14] == "Tired, \"good\" flow\r\nsecond line; café ☕");
    const QStringList b = rows[2].fields;
    CHECK(b[6] == "both");
    CHECK(b[14] == "'=HYPERLINK(\"http://x\")");
    CHECK(b[15] == "1");
    const QStringList c = rows[3].fields;
    CHECK(c[2] == "2026-11-01T23:50:00-05:00");
    CHECK(c[9].isEmpty()); // no let-down: unknown, not zero
    CHECK(c[10].isEmpty()); // nothing measured
    CHECK(c[11].isEmpty()); // nothing measured, no let-down: estimated volume unknown, not 0
    CHECK(c[14] == "'-10 ml less than usual");

    // In ounces every _ml column becomes _oz with two decimals.
    REQUIRE(reader.parse(exportTable(sessions, VolumeUnit::Oz, false)));
    CHECK(reader.records()[0].fields.contains("measured_volume_oz"));
    CHECK_FALSE(reader.records()[0].fields.join(',').contains("_ml"));
    CHECK(reader.records()[2].fields[10] == "3.13"); // 92.5 ml
}

TEST_CASE("Ejections CSV: order, offset and estimated volume")
{
    CsvReader reader;
    REQUIRE(reader.parse(exportTable(variedSessions(), VolumeUnit::Ml, true)));
    const auto rows = reader.records();
    REQUIRE(rows.size() == 6); // header + 3 + 2
    CHECK(rows[0].fields == letdownsCsvHeader(VolumeUnit::Ml));
    CHECK(rows[2].fields[1] == "2");
    CHECK(rows[2].fields[2] == "2026-11-16T08:05:00+01:00");
    CHECK(rows[2].fields[3] == "300");
    CHECK(rows[5].fields[5] == "30"); // measured
    CHECK(rows[5].fields[6] == "30"); // a measured let-down's estimate is its measure
    CHECK(rows[4].fields[6] == "62.5"); // the rest of the 92.5 ml total
}

TEST_CASE("CSV round trip: what is exported imports back the same, in ml and in oz")
{
    const VolumeUnit unit = GENERATE(VolumeUnit::Ml, VolumeUnit::Oz);
    const QList<Session> original = variedSessions();
    QList<Session> imported;
    QStringList problems;
    REQUIRE(readSessionsCsv({exportTable(original, unit, false), QStringLiteral("s.csv"),
                                exportTable(original, unit, true), QStringLiteral("e.csv")},
        imported, problems));
    CHECK(problems.isEmpty());
    REQUIRE(imported.size() == original.size());
    for (int i = 0; i < original.size(); ++i) {
        const Session &o = original[i];
        const Session &n = imported[i];
        CHECK(n.uuid == o.uuid);
        CHECK(n.kind == o.kind);
        CHECK(n.startedAtUtcMs == o.startedAtUtcMs);
        CHECK(n.startedUtcOffsetS == o.startedUtcOffsetS);
        CHECK(n.endedAtUtcMs == o.endedAtUtcMs);
        CHECK(n.activeMs == o.activeMs);
        CHECK(n.pausedMs == o.pausedMs);
        CHECK(n.techniques == o.techniques);
        CHECK(n.note == o.note);
        CHECK(n.preFeedWeightG == o.preFeedWeightG);
        CHECK(n.clockJumpDetected == o.clockJumpDetected);
        REQUIRE(n.letdowns.size() == o.letdowns.size());
        for (int k = 0; k < o.letdowns.size(); ++k) {
            CHECK(n.letdowns[k].offsetMs == o.letdowns[k].offsetMs);
            CHECK(n.letdowns[k].atUtcMs == o.letdowns[k].atUtcMs);
            CHECK(n.letdowns[k].side == o.letdowns[k].side);
        }
        if (o.pumpedVolumeMl)
            CHECK(*n.pumpedVolumeMl == Approx(*o.pumpedVolumeMl).margin(unit == VolumeUnit::Oz ? 0.15 : 0.05));
    }
}

TEST_CASE("CSV import: every kind of bad row is named with its line, and nothing is taken")
{
    const QString uuid = QStringLiteral("6f1c9a4e-1111-4f5e-9c11-000000000001");
    const auto row = [&](const QString &replaceWhat, const QString &with) {
        return kHeader + QString::fromUtf8(kGoodRow).replace(replaceWhat, with).toUtf8();
    };
    CHECK_THAT(importProblems(row("nursing", "bottle")).join('\n').toStdString(),
        Catch::Contains("sessions.csv line 2: unknown kind 'bottle'"));
    CHECK_THAT(importProblems(row("2026-11-16T08:00:00+01:00", "16/11/2026 8:00")).join('\n').toStdString(),
        Catch::Contains("line 2: started_at"));
    CHECK_THAT(importProblems(row("2026-11-16T08:15:00+01:00", "2026-11-16T07:00:00+01:00")).join('\n').toStdString(),
        Catch::Contains("ended_at is before started_at"));
    CHECK_THAT(
        importProblems(row("left,,0,,,0", "left,,0,,-5,0")).join('\n').toStdString(), Catch::Contains("negative"));
    CHECK_THAT(
        importProblems(row("nursing", "pumping").replace("left,,0,,,0", "left,,0,,9000,0")).join('\n').toStdString(),
        Catch::Contains("above the plausible limit"));
    CHECK_THAT(importProblems(row("left,,0", "left,,zero")).join('\n').toStdString(), Catch::Contains("not a count"));
    CHECK_THAT(importProblems(row(uuid, "not-a-uuid")).join('\n').toStdString(), Catch::Contains("not a UUID"));
    CHECK_THAT(importProblems(kHeader + kGoodRow + kGoodRow).join('\n').toStdString(),
        Catch::Contains("line 3: session_id") && Catch::Contains("twice"));
    CHECK_THAT(
        importProblems("name,phone\r\nAnna,123\r\n").join('\n').toStdString(), Catch::Contains("missing column"));
    CHECK_THAT(importProblems(kHeader + "a,b,c\r\n").join('\n').toStdString(), Catch::Contains("3 fields"));
    CHECK_THAT(importProblems(kHeader + "\xff\xfe\r\n").join('\n').toStdString(), Catch::Contains("UTF-8"));
    CHECK_THAT(
        importProblems(row(",,\r\n", ",,\"" + QString(kMaxNoteLength + 1, u'x') + "\"\r\n")).join('\n').toStdString(),
        Catch::Contains("longer than"));

    const QByteArray letdownHeader = "session_id,order,at,offset_s,side,measured_volume_ml,estimated_volume_ml\r\n";
    const QByteArray oneLetdown = row("left,,0", "left,,1");
    CHECK_THAT(importProblems(oneLetdown).join('\n').toStdString(), Catch::Contains("no let-down file"));
    CHECK_THAT(importProblems(oneLetdown,
                   letdownHeader
                       + "00000000-0000-4000-8000-999999999999,1,"
                         "2026-11-16T08:01:00+01:00,60,left,,\r\n")
                   .join('\n')
                   .toStdString(),
        Catch::Contains("ejections.csv line 2: session_id") && Catch::Contains("is not in sessions.csv"));
    CHECK_THAT(
        importProblems(oneLetdown, letdownHeader + uuid.toUtf8() + ",1,2026-11-16T09:00:00+01:00,3600,left,,\r\n")
            .join('\n')
            .toStdString(),
        Catch::Contains("outside its session"));
}

TEST_CASE("CSV files: export writes owner-only files atomically - import twice adds nothing")
{
    TempDatabase source;
    SessionStore sourceStore(source.database);
    REQUIRE(sourceStore.saveSessions(variedSessions()));
    QTemporaryDir dir;
    CsvExportRequest request;
    request.sessionsPath = dir.filePath("sessions.csv");
    request.letdownsPath = dir.filePath("letdowns.csv");
    int exported = 0;
    QString error;
    REQUIRE(exportCsvFiles(sourceStore, ReferenceModel {}, request, exported, error));
    CHECK(exported == 3);
    CHECK(QFileInfo(request.sessionsPath).permissions()
        == (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser));

    // A failing export leaves the older file as it was.
    const QByteArray before = fileHash(request.sessionsPath);
    request.letdownsPath = dir.filePath("no-such-folder/letdowns.csv");
    CHECK_FALSE(exportCsvFiles(sourceStore, ReferenceModel {}, request, exported, error));
    CHECK(fileHash(request.sessionsPath) == before);
    request.letdownsPath = dir.filePath("letdowns.csv");

    // A date range keeps only the sessions that started on those local days.
    request.range = {QDate(2026, 11, 17), QDate(2026, 11, 17)};
    request.sessionsPath = dir.filePath("one-day.csv");
    request.letdownsPath.clear();
    REQUIRE(exportCsvFiles(sourceStore, ReferenceModel {}, request, exported, error));
    CHECK(exported == 1);

    JournalRig target;
    CsvImportReport report;
    QStringList problems;
    REQUIRE(importCsvFiles(target.journal, Origin::Import, dir.filePath("sessions.csv"), dir.filePath("letdowns.csv"), report, problems));
    CHECK(report.added == 3);
    CHECK(report.letdowns == 5);
    REQUIRE(importCsvFiles(target.journal, Origin::Import, dir.filePath("sessions.csv"), dir.filePath("letdowns.csv"), report, problems));
    CHECK(report.added == 0);
    CHECK(report.skipped == 3);
    CHECK(target.db.scalar("SELECT count(*) FROM sessions") == 3);
    CHECK(target.db.scalar("SELECT count(*) FROM ejections") == 5);

    // A file with one bad line imports nothing at all.
    JournalRig empty;
    QFile bad(dir.filePath("bad.csv"));
    REQUIRE(bad.open(QIODevice::WriteOnly));
    bad.write(kHeader + kGoodRow + QByteArray(kGoodRow).replace("nursing", "bottle").replace("0001", "0002"));
    bad.close();
    CHECK_FALSE(importCsvFiles(empty.journal, Origin::Import, bad.fileName(), {}, report, problems));
    CHECK(problems.size() == 1);
    CHECK(empty.db.scalar("SELECT count(*) FROM sessions") == 0);
}

TEST_CASE("CSV import: ids in one canonical form - impossible dates, offsets and end times are bad lines")
{
    FakeClock clock(QDateTime(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch());
    ProcessClockScope scope(clock);
    const auto parse = [](const QByteArray &row, QList<Session> &sessions, QStringList &problems) {
        return readSessionsCsv(
            {kHeader + row, QStringLiteral("sessions.csv"), std::nullopt, QStringLiteral("e.csv")}, sessions, problems);
    };
    QList<Session> sessions;
    QStringList problems;
    // Upper case and braces are the same id, stored in lower case without braces.
    REQUIRE(parse("{6F1C9A4E-1111-4F5E-9C11-000000000001},nursing,2026-11-16T08:00:00+01:00,"
                  "2026-11-16T08:15:00+01:00,900,0,left,,0,,,0,,,\r\n",
        sessions, problems));
    CHECK(sessions.value(0).uuid == "6f1c9a4e-1111-4f5e-9c11-000000000001");

    const QList<std::pair<QByteArray, const char *>> bad = {
        {"6f1c9a4e-1111-4f5e-9c11-00000000001,nursing,2026-11-16T08:00:00+01:00,2026-11-16T08:15:00+01:00,900,0,left,,"
         "0,,,0,,,\r\n",
            "is not a UUID"},
        {"{6f1c9a4e-1111-4f5e-9c11-000000000001,nursing,2026-11-16T08:00:00+01:00,2026-11-16T08:15:00+01:00,900,0,left,"
         ",0,,,0,,,\r\n",
            "is not a UUID"},
        {"6f1c9a4e-1111-4f5e-9c11-000000000001,nursing,1999-12-31T08:00:00+01:00,1999-12-31T08:15:00+01:00,900,0,left,,"
         "0,,,0,,,\r\n",
            "is outside 2000-01-01 to 2027-11-20"},
        {"6f1c9a4e-1111-4f5e-9c11-000000000001,nursing,2027-12-01T08:00:00+01:00,2027-12-01T08:15:00+01:00,900,0,left,,"
         "0,,,0,,,\r\n",
            "is outside 2000-01-01"},
        {"6f1c9a4e-1111-4f5e-9c11-000000000001,nursing,2026-11-16T08:00:00+15:00,2026-11-16T08:15:00+15:00,900,0,left,,"
         "0,,,0,,,\r\n",
            "beyond ±14:00"},
        {"6f1c9a4e-1111-4f5e-9c11-000000000001,nursing,2026-11-16T08:00:00+01:00,2026-11-16T08:17:00+01:00,900,0,left,,"
         "0,,,0,,,\r\n",
            "disagrees with started_at + duration_s + paused_s by 120 s"},
    };
    for (const auto &[row, message] : bad) {
        INFO(row.toStdString());
        CHECK_FALSE(parse(row, sessions, problems));
        CHECK(problems.join(' ').contains(QString::fromUtf8(message)));
    }
    // The wall clock moved during the session (flagged): the end may disagree.
    const QByteArray header = QByteArray(kHeader).replace("notes\r\n", "notes,clock_changed\r\n");
    CHECK(readSessionsCsv({header
                                  + "6f1c9a4e-1111-4f5e-9c11-000000000001,nursing,2026-11-16T08:00:00+01:00,"
                                    "2026-11-16T09:17:00+01:00,900,0,left,,0,,,0,,,,1\r\n",
                              QStringLiteral("s.csv"), std::nullopt, QStringLiteral("e.csv")},
        sessions, problems));
}

TEST_CASE("CSV import: numbers read exactly as the standard conversion would, whatever their form")
{
    const auto rowWithWeight = [](const QString &weight) {
        return kHeader
            + QString::fromUtf8(kGoodRow)
                  .replace("left,,0,,,0,,,", "left,,0,,,0," + weight + "," + weight + ",")
                  .toUtf8();
    };
    // Plain decimals take a fast path; the others go through QString::toDouble. Both must agree to the bit.
    for (const QString &text : {QStringLiteral("3500"), QStringLiteral("3512.5"), QStringLiteral("3500.1"),
             QStringLiteral("3402.675"), QStringLiteral("4321.987654321"), QStringLiteral("0350.250"),
             QStringLiteral("3.5e3"), QStringLiteral("4005."), QStringLiteral(" 4242.42 ")}) {
        INFO(text.toStdString());
        QList<Session> parsed;
        QStringList problems;
        const bool read = readSessionsCsv(
            {rowWithWeight(text), QStringLiteral("sessions.csv"), std::nullopt, {}}, parsed, problems);
        INFO(problems.join(u'\n').toStdString());
        REQUIRE(read);
        REQUIRE(parsed.size() == 1);
        REQUIRE(parsed[0].preFeedWeightG);
        CHECK(*parsed[0].preFeedWeightG == text.trimmed().toDouble());
    }
    for (const QString &text :
        {QStringLiteral("."), QStringLiteral("1.2.3"), QStringLiteral("12a"), QStringLiteral("1234567890123456789")}) {
        INFO(text.toStdString());
        const QString problems = importProblems(rowWithWeight(text)).join('\n');
        CHECK((problems.contains("not a number") || problems.contains("above the plausible limit")));
    }
    CHECK_THAT(importProblems(rowWithWeight("-5")).join('\n').toStdString(), Catch::Contains("negative"));
}

TEST_CASE("CSV round trip: export, import, export again is byte-identical, imported and per-breast fields included")
{
    QList<Session> sessions = variedSessions();
    // A pumping session with each breast measured, and time split between the sides.
    Session perBreast = finishedSession(SessionKind::Pumping, berlin(2026, 11, 18, 6, 0), {45, 160}, 1201);
    perBreast.sideMs = {500'400, 620'300, 80'300};
    perBreast.leftVolumeMl = 41.5;
    perBreast.rightVolumeMl = 37;
    perBreast.pumpedVolumeMl = 78.5;
    // A breastfeed with a formula top-up.
    Session toppedUp = finishedSession(SessionKind::Nursing, berlin(2026, 11, 18, 9, 0), {70}, 900);
    toppedUp.topupMl = 60;
    toppedUp.topupKind = TopupKind::Formula;
    // One imported from another tracker: no let-downs logged, sides from its own columns.
    Session imported = finishedSession(SessionKind::Nursing, berlin(2026, 11, 19, 3, 10), {}, 840);
    imported.source = QStringLiteral("huckleberry");
    imported.letdownsLogged = false;
    imported.sideMs = {360'000, 480'000, 0};
    imported.note = QStringLiteral("=1+1 from the old app");
    sessions << perBreast << toppedUp << imported;

    for (const VolumeUnit unit : {VolumeUnit::Ml, VolumeUnit::Oz}) {
        const QByteArray sessionsCsv = exportTable(sessions, unit, false);
        const QByteArray letdownsCsv = exportTable(sessions, unit, true);
        QList<Session> back;
        QStringList problems;
        REQUIRE(readSessionsCsv(
            {sessionsCsv, QStringLiteral("s.csv"), letdownsCsv, QStringLiteral("e.csv")}, back, problems));
        INFO(problems.join('\n').toStdString());
        REQUIRE(back.size() == sessions.size());
        CHECK(exportTable(back, unit, false).toStdString() == sessionsCsv.toStdString());
        // In ounces the measured totals come back rounded to 0.01 oz (0.3 ml), so a let-down's
        // estimate shared from them may move by 0.01 oz; in millilitres nothing moves.
        if (unit == VolumeUnit::Ml)
            CHECK(exportTable(back, unit, true).toStdString() == letdownsCsv.toStdString());
        const Session &again = back[5];
        CHECK(again.source == "huckleberry");
        CHECK_FALSE(again.letdownsLogged);
        CHECK(again.sideMs.leftMs == 360'000);
        CHECK(again.sideMs.rightMs == 480'000);
        CHECK(back[4].topupKind == TopupKind::Formula);
        CHECK(*back[3].leftVolumeMl == Approx(41.5).margin(unit == VolumeUnit::Oz ? 0.2 : 0));
    }
    // Not logged is unknown: its count is empty, not 0 (a real 0 is a session logged live with none).
    const QList<QByteArray> lines = exportTable(sessions, VolumeUnit::Ml, false).split('\n');
    const auto letdownsCell = [&](const QString &uuid) {
        for (const QByteArray &line : lines)
            if (line.startsWith(uuid.toUtf8()))
                return line.split(',').value(8);
        return QByteArray("(no row)");
    };
    CHECK(letdownsCell(imported.uuid) == "");
    CHECK(letdownsCell(perBreast.uuid) == "2");
    const QString header = QString::fromUtf8(exportTable(sessions, VolumeUnit::Ml, false).split('\r').first());
    CHECK(header.endsWith("source,letdowns_logged,left_s,right_s,left_volume_ml,right_volume_ml,topup_ml,topup_kind"));
}

TEST_CASE("CSV import: imported-session columns are checked, and older exports without them still import")
{
    const QString uuid = QStringLiteral("6f1c9a4e-1111-4f5e-9c11-000000000001");
    const QByteArray extraHeader = kHeader.trimmed() + ",source,letdowns_logged,left_s,right_s,topup_ml,topup_kind\r\n";
    const auto row = [&](const QString &extras) {
        return extraHeader + QString::fromUtf8(kGoodRow).trimmed().toUtf8() + "," + extras.toUtf8() + "\r\n";
    };
    QList<Session> parsed;
    QStringList problems;
    REQUIRE(
        readSessionsCsv({row("babybuddy,0,300,600,,"), QStringLiteral("s.csv"), std::nullopt, {}}, parsed, problems));
    REQUIRE(parsed.size() == 1);
    CHECK(parsed[0].source == "babybuddy");
    CHECK_FALSE(parsed[0].letdownsLogged);
    CHECK(parsed[0].sideMs.leftMs == 300'000);
    CHECK(parsed[0].sideMs.rightMs == 600'000);
    CHECK(parsed[0].sideMs.bothMs == 0);

    CHECK_THAT(importProblems(row("Baby Buddy,1,,,,")).join('\n').toStdString(), Catch::Contains("not a source name"));
    // A source name: a-z first, then up to 31 of a-z, 0-9 and '_'.
    for (const QString &bad : {QStringLiteral("1app"), QStringLiteral("_app"), QStringLiteral("app-2"),
             QStringLiteral("appé"), QStringLiteral("a") + QString(32, u'b')})
        CHECK_THAT(importProblems(row(bad + ",1,,,,")).join('\n').toStdString(), Catch::Contains("not a source name"));
    for (const QString &good : {QStringLiteral("a"), QStringLiteral("baby_buddy2"), QStringLiteral("a") + QString(31, u'z')}) {
        REQUIRE(readSessionsCsv({row(good + ",1,,,,"), QStringLiteral("s.csv"), std::nullopt, {}}, parsed, problems));
        CHECK(parsed[0].source == good);
    }
    CHECK_THAT(importProblems(row("letdown,2,,,,")).join('\n').toStdString(), Catch::Contains("must be 1 or 0"));
    CHECK_THAT(importProblems(row("letdown,1,800,200,,")).join('\n').toStdString(),
        Catch::Contains("add up to more than duration_s"));
    CHECK_THAT(importProblems(row("letdown,1,,,30,juice")).join('\n').toStdString(),
        Catch::Contains("must be breast_milk or formula"));
    CHECK_THAT(importProblems(row("letdown,1,,,-5,formula")).join('\n').toStdString(), Catch::Contains("negative"));
    // The let-down count and "not logged" contradict each other.
    CHECK_THAT(
        importProblems((extraHeader + QString::fromUtf8(kGoodRow).trimmed().replace("left,,0,", "left,,2,").toUtf8()
                           + ",babybuddy,0,,,,\r\n"))
            .join('\n')
            .toStdString(),
        Catch::Contains("not logged cannot list 2"));
    // An empty count is "not logged" only where letdowns_logged says so.
    const QByteArray emptyCount
        = extraHeader + QString::fromUtf8(kGoodRow).trimmed().replace("left,,0,", "left,,,").toUtf8();
    REQUIRE(readSessionsCsv({emptyCount + ",babybuddy,0,,,,\r\n", QStringLiteral("s.csv"), std::nullopt, {}}, parsed,
        problems));
    CHECK_FALSE(parsed[0].letdownsLogged);
    CHECK_THAT(importProblems(emptyCount + ",letdown,1,,,,\r\n").join('\n').toStdString(),
        Catch::Contains("letdowns is empty"));
    // An export from before these columns: Letdown's own session, let-downs logged.
    REQUIRE(readSessionsCsv({kHeader + kGoodRow, QStringLiteral("s.csv"), std::nullopt, {}}, parsed, problems));
    CHECK(parsed[0].source == "letdown");
    CHECK(parsed[0].letdownsLogged);
    CHECK(uuid == parsed[0].uuid);
}

TEST_CASE("CSV hand-off: let-downs without a feed travel in the let-downs file, and come back once")
{
    JournalRig source;
    const QList<Session> sessions = variedSessions();
    REQUIRE(source.store.saveSessions(sessions));
    // Two felt with no feed, in two time zones' worth of offsets.
    QList<SpontaneousLetdown> felt {{0, berlin(2026, 11, 16, 23, 40).toMSecsSinceEpoch(), 3600},
        {0, berlin(2026, 11, 17, 2, 5).toMSecsSinceEpoch() + 250, -18000}};
    QString error;
    REQUIRE(source.journal.addLetdownsWithoutFeed(felt, Origin::History, error));

    QTemporaryDir dir;
    CsvExportRequest request;
    request.sessionsPath = dir.filePath("sessions.csv");
    request.letdownsPath = dir.filePath("letdowns.csv");
    int exported = 0;
    REQUIRE(exportCsvFiles(source.store, ReferenceModel {}, request, exported, error));
    QFile letdowns(request.letdownsPath);
    REQUIRE(letdowns.open(QIODevice::ReadOnly));
    const QByteArray firstExport = letdowns.readAll();
    letdowns.close();
    // An empty session_id, order and offset: a let-down of no session, at its own moment.
    CHECK(firstExport.contains(",,2026-11-16T23:40:00+01:00,,,,,\r\n"));
    CHECK(firstExport.contains(",,2026-11-16T20:05:00-05:00,,,,,\r\n")); // to the second, as every time

    JournalRig target;
    CsvImportReport report;
    QStringList problems;
    REQUIRE(importCsvFiles(
        target.journal, Origin::Import, request.sessionsPath, request.letdownsPath, report, problems));
    CHECK(report.withoutFeed == 2);
    CHECK(target.db.scalar("SELECT count(*) FROM spontaneous_letdowns") == 2);
    // The same files again add nothing: the moment is a let-down's identity.
    REQUIRE(importCsvFiles(
        target.journal, Origin::Import, request.sessionsPath, request.letdownsPath, report, problems));
    CHECK(report.withoutFeed == 0);
    CHECK(target.db.scalar("SELECT count(*) FROM spontaneous_letdowns") == 2);
    // Into the file they came from (which knows them to the millisecond): nothing new either.
    REQUIRE(importCsvFiles(
        source.journal, Origin::Import, request.sessionsPath, request.letdownsPath, report, problems));
    CHECK(report.withoutFeed == 0);
    CHECK(source.db.scalar("SELECT count(*) FROM spontaneous_letdowns") == 2);

    // Export -> import -> export: the same bytes.
    CsvExportRequest again = request;
    again.sessionsPath = dir.filePath("sessions-again.csv");
    again.letdownsPath = dir.filePath("letdowns-again.csv");
    REQUIRE(exportCsvFiles(target.store, ReferenceModel {}, again, exported, error));
    CHECK(fileHash(again.letdownsPath) == fileHash(request.letdownsPath));
    CHECK(fileHash(again.sessionsPath) == fileHash(request.sessionsPath));

    // A bad moment on such a row is named like any other bad line, and nothing is taken.
    QFile broken(dir.filePath("broken.csv"));
    REQUIRE(broken.open(QIODevice::WriteOnly));
    broken.write(QByteArray(firstExport).replace("2026-11-16T23:40:00+01:00", "yesterday"));
    broken.close();
    JournalRig empty;
    CHECK_FALSE(importCsvFiles(empty.journal, Origin::Import, request.sessionsPath, broken.fileName(), report, problems));
    CHECK(problems.join('\n').contains("broken.csv line"));
    CHECK(empty.db.scalar("SELECT count(*) FROM spontaneous_letdowns") == 0);
}

TEST_CASE("CSV reader: rows are counted while reading, and a file of millions of tiny rows stops at the limit")
{
    QByteArray tiny = "session_id,kind\n";
    tiny += QByteArray("a\n").repeated(int(CsvReader::kMaxRows) + 1);
    CsvReader reader;
    CHECK_FALSE(reader.parse(tiny));
    CHECK(reader.errorString().contains("more than 2000000 rows"));
    CHECK(reader.records().isEmpty()); // nothing held on to
    QByteArray atLimit = "session_id,kind\n";
    atLimit += QByteArray("a\n").repeated(int(CsvReader::kMaxRows) - 1);
    CHECK(reader.parse(atLimit));
    CHECK(reader.records().size() == CsvReader::kMaxRows);
}

TEST_CASE("CSV line: a row built cell by cell is the same bytes as writeRow's")
{
    const QStringList cells = {"plain", "with,comma", "with \"quote\"", "two\nlines", "cr\rhere", "", "café ☕",
        "ünï,code", "-12"};
    CsvLine line;
    line.text(u"stale").integer(1); // clear() starts again
    line.clear();
    for (const QString &cell : cells)
        line.text(cell);
    line.integer(-42).integer(0).ascii("2026-11-16T08:00:00+01:00").empty();
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer);
    REQUIRE(writer.writeLine(line));
    CHECK(buffer.data() == written({cells + QStringList {"-42", "0", "2026-11-16T08:00:00+01:00", ""}}));
    // A line that starts with a cell to quote, and one of a single cell, after the first.
    const QStringList quotedFirst = {"\"first\"", "x"};
    line.clear();
    line.text(quotedFirst[0]).text(quotedFirst[1]);
    REQUIRE(writer.writeLine(line));
    line.clear();
    line.text(u"é");
    REQUIRE(writer.writeLine(line));
    CHECK(buffer.data()
        == written({cells + QStringList {"-42", "0", "2026-11-16T08:00:00+01:00", ""}, quotedFirst, {"é"}}));
}

TEST_CASE("CSV export: read a few weeks at a time, her log comes out oldest first as one sorted read would")
{
    // Sessions over two years, stored out of order, some starting at the same instant,
    // in two time zones: the windowed read must give exactly the order (and the files) of
    // sorting everything at once, with equal starts in storage order.
    TempDatabase db;
    SessionStore store(db.database);
    std::mt19937 random(27);
    QList<Session> sessions;
    for (int i = 0; i < 400; ++i) {
        const int day = int(random() % 730);
        const QDateTime start = (i % 3 ? berlin(2025, 1, 1, 0, 0) : newYork(2025, 1, 1, 0, 0))
                                    .addDays(day)
                                    .addSecs(qint64(random() % 1440) * 60);
        Session s = finishedSession(i % 2 ? SessionKind::Pumping : SessionKind::Nursing, start, {40, 200});
        sessions << s;
        if (i % 25 == 0) { // a twin at the same instant, stored right after
            Session twin = finishedSession(SessionKind::Nursing, start, {90});
            sessions << twin;
        }
    }
    REQUIRE(store.saveSessions(sessions));

    QList<Session> sortedAtOnce;
    REQUIRE(store.loadSessionsStartedBetween(
        std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max(), sortedAtOnce));
    REQUIRE(sortedAtOnce.size() == sessions.size());
    CHECK_FALSE(std::is_sorted(sessions.cbegin(), sessions.cend(),
        [](const Session &a, const Session &b) { return a.startedAtUtcMs < b.startedAtUtcMs; }));

    for (const StatsRange &range : {StatsRange {}, StatsRange {QDate(2025, 3, 10), QDate(2026, 2, 1)}}) {
        QList<Session> expected = sortedAtOnce;
        expected.removeIf([&](const Session &s) { return !range.contains(localStartDate(s)); });
        QList<Session> streamed;
        QString error;
        REQUIRE(forEachSessionInRange(
            store, range, [&](Session &&s) { streamed.append(std::move(s)); }, error));
        CHECK(streamed == expected);

        QTemporaryDir dir;
        CsvExportRequest request;
        request.range = range;
        request.sessionsPath = dir.filePath("sessions.csv");
        request.letdownsPath = dir.filePath("letdowns.csv");
        int exported = 0;
        REQUIRE(exportCsvFiles(store, ReferenceModel {}, request, exported, error));
        CHECK(exported == expected.size());
        QFile sessionsFile(request.sessionsPath), letdownsFile(request.letdownsPath);
        REQUIRE(sessionsFile.open(QIODevice::ReadOnly));
        REQUIRE(letdownsFile.open(QIODevice::ReadOnly));
        CHECK(sessionsFile.readAll() == exportTable(expected, VolumeUnit::Ml, false));
        CHECK(letdownsFile.readAll() == exportTable(expected, VolumeUnit::Ml, true));
    }
}

TEST_CASE("CSV line: numbers have exactly csvNumber's digits, ties and edges included")
{
    // to_chars would round 0.25 to "0.2"; Qt, and so every earlier export, says "0.3".
    const auto same = [](double value, int decimals) {
        CsvLine line;
        line.number(value, decimals);
        return line.bytes() == csvNumber(value, decimals).toLatin1();
    };
    CHECK(same(0.25, 1));
    CHECK(same(-12499.625, 2));
    int differing = 0;
    std::mt19937_64 random(27);
    std::uniform_real_distribution<double> anyVolume(-2000.0, 2000.0);
    for (int i = -40000; i < 40000; ++i)
        for (int decimals = 0; decimals <= 3; ++decimals)
            differing += !same(i / 8.0, decimals) + !same(i / 64.0, decimals) + !same(i * 0.05, decimals)
                + !same(anyVolume(random), decimals) + !same(anyVolume(random) / 29.5735, decimals);
    for (const double edge : {0.0, -0.0, -0.04, 0.05, 1e-300, -1e-300, 999999999.95, 1e9, -1e9, 1e300, -1e300,
             std::numeric_limits<double>::infinity(), std::numeric_limits<double>::quiet_NaN()})
        for (int decimals = 0; decimals <= 6; ++decimals)
            differing += !same(edge, decimals);
    CHECK(differing == 0);
}

TEST_CASE("CSV reader: cells outside ASCII, other delimiters, and every kind of bad UTF-8 with its line")
{
    // The reader works on the bytes as they are: these cells must come out as Qt decodes them.
    CsvReader reader;
    REQUIRE(reader.parse("name,note\r\ncafé,\"Crème \"\"brûlée\"\", ☕\"\r\n\"Łódź\nnoc\",日本語 😀\r\n"));
    REQUIRE(reader.records().size() == 3);
    CHECK(reader.records()[1].fields == QStringList {QStringLiteral("café"), QStringLiteral("Crème \"brûlée\", ☕")});
    CHECK(reader.records()[2].fields == QStringList {QStringLiteral("Łódź\nnoc"), QStringLiteral("日本語 😀")});
    CHECK(reader.records()[2].lineNumber == 3);

    CsvReader semicolons(u';');
    REQUIRE(semicolons.parse("a;b,c;\"d;e\"\r\n"));
    CHECK(semicolons.records()[0].fields == QStringList {"a", "b,c", "d;e"});
    CsvReader tabs(u'\t');
    REQUIRE(tabs.parse("a\tb c\t\r\n"));
    CHECK(tabs.records()[0].fields == QStringList {"a", "b c", ""});

    // Overlong, a UTF-16 surrogate, beyond U+10FFFF, cut short, a stray continuation byte.
    for (const QByteArray &bad : {QByteArray("\xC0\xAF"), QByteArray("\xED\xA0\x80"), QByteArray("\xF4\x90\x80\x80"),
             QByteArray("\xE2\x82"), QByteArray("\x80")}) {
        CAPTURE(bad.toHex().toStdString());
        CHECK_FALSE(reader.parse("a,b\r\nok,fine\r\n\"x\",y" + bad + "\r\n"));
        CHECK_THAT(reader.errorString().toStdString(), Catch::Contains("Line 3") && Catch::Contains("UTF-8"));
    }
}

TEST_CASE("CSV reader: a record at a time gives the records of reading all, and kept cells stay as they were")
{
    const QByteArray text = "\xEF\xBB\xBF"
                            "a,b,c\r\n\"x,1\",\"two\r\nlines\",\r\n\"say \"\"hi\"\"\",,longer cell here\n\n"
                            "short\r\n\"\",\"\"\"\",café ☕,extra\nlast,row";
    CsvReader all;
    REQUIRE(all.parse(text));
    REQUIRE(all.records().size() == 6);
    CsvReader oneByOne;
    QList<int> lines;
    QList<QStringList> kept; // copies taken while reading: the reused record must not change them
    REQUIRE(oneByOne.parse(text, [&](const CsvRecord &record) {
        lines << record.lineNumber;
        kept << record.fields;
        return true;
    }));
    CHECK(oneByOne.records().isEmpty());
    REQUIRE(kept.size() == all.records().size());
    for (qsizetype i = 0; i < kept.size(); ++i) {
        CHECK(kept[i] == all.records()[i].fields);
        CHECK(lines[i] == all.records()[i].lineNumber);
    }
    // Stopping early reads no further, and is not an error.
    int visited = 0;
    CHECK(oneByOne.parse(text, [&](const CsvRecord &) { return ++visited < 2; }));
    CHECK(visited == 2);
    // An error after some rows is still the file's error.
    CHECK_FALSE(oneByOne.parse("a\r\nb\r\n\"never closed\r\n", [](const CsvRecord &) { return true; }));
    CHECK_THAT(oneByOne.errorString().toStdString(), Catch::Contains("Line 3"));
}

TEST_CASE("CSV import: a file that is not CSV further down is named once, not with the rows before it")
{
    // Rows are checked while the file is read; when reading then fails, the file's own
    // problem is what she needs to see, as when the whole file was read first.
    const QByteArray badRow = QByteArray(kGoodRow).replace("nursing", "bottle");
    const QStringList problems = importProblems(kHeader + badRow + "x,\"never closed\r\n");
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems.first().toStdString(), Catch::Contains("sessions.csv") && Catch::Contains("never closed"));
    // In the let-downs file too: the sessions file's problems stay, the let-downs rows' go.
    const QByteArray letdownHeader = "session_id,order,at,offset_s,side,measured_volume_ml,estimated_volume_ml\r\n";
    const QStringList both = importProblems(kHeader + badRow,
        letdownHeader + "6f1c9a4e-1111-4f5e-9c11-000000000009,1,bad,1,left,,\r\n\"never closed\r\n");
    REQUIRE(both.size() == 2);
    CHECK_THAT(both[0].toStdString(), Catch::Contains("unknown kind"));
    CHECK_THAT(both[1].toStdString(), Catch::Contains("ejections.csv") && Catch::Contains("never closed"));
}
