// The importer seam: a format is recognised by its files' headers and read into sessions
// before anything is written.
#include "csv/Csv.h"
#include "import/CsvImport.h"
#include "output/CsvExport.h"
#include "csv/SessionCsv.h"
#include "import/Importer.h"
#include "import/LetdownCsvImporter.h"
#include "reference/ReferenceModel.h"

#include "SessionFixtures.h"
#include "TestSupport.h"

#include <QBuffer>

namespace {
QByteArray written(const std::function<bool(QIODevice *, QString &)> &write)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString error;
    REQUIRE(write(&buffer, error));
    return buffer.data();
}
} // namespace

TEST_CASE("Importers: Letdown's export is recognised by its headers, in either order, and read whole")
{
    const QList<Session> original {finishedSession(SessionKind::Nursing, berlin(2026, 11, 16, 8, 0), {60, 300}),
        finishedSession(SessionKind::Pumping, berlin(2026, 11, 17, 7, 0), {90})};
    const ReferenceModel model;
    const QByteArray sessions = written(
        [&](QIODevice *d, QString &e) { return writeSessionsCsv(original, model, VolumeUnit::Ml, d, e); });
    const QByteArray letdowns = written(
        [&](QIODevice *d, QString &e) { return writeLetdownsCsv(original, model, VolumeUnit::Oz, d, e); });

    const QList<ImportFile> files {{"l.csv", letdowns}, {"s.csv", sessions}}; // let-downs first
    QString error;
    const Importer *importer = detectImporter(files, error);
    REQUIRE(importer);
    CHECK(importer->id() == "letdown");
    CHECK(importerWithId("letdown") == importer);
    const ImportResult result = importer->read(files, ImportOptions {});
    INFO(result.problems.join('\n').toStdString());
    REQUIRE(result.problems.isEmpty());
    REQUIRE(result.sessions.size() == 2);
    CHECK(result.sessions[0].letdowns.size() == 2);
    CHECK(result.sessions[1].letdowns.size() == 1);

    // Not a known export: named, with its line.
    const QList<ImportFile> strange {{"feeds.csv", "Type,Start,End\r\nSleep,2026-11-16 08:00,\r\n"}};
    CHECK_FALSE(detectImporter(strange, error));
    CHECK_THAT(error.toStdString(), Catch::Contains("feeds.csv line 1") && Catch::Contains("looks like an export of Huckleberry")
        && Catch::Contains("Duration, Start Condition, Start Location, End Condition are missing"));
    // A Baby Buddy feeding file cut short of its method column: said as such, not as Letdown's columns.
    const QList<ImportFile> cut {{"feeding.csv", "id,child_id,start,end,type\n1,1,2026-11-16 08:00:00,,breast milk\n"}};
    CHECK_FALSE(detectImporter(cut, error));
    CHECK_THAT(error.toStdString(), Catch::Contains("feeding.csv line 1: this looks like an export of Baby Buddy "
                                                    "(feeding file), but the column(s) method are missing"));
    // Nothing like any export.
    CHECK_FALSE(detectImporter({{"x.csv", "a,b,c\n1,2,3\n"}}, error));
    CHECK_THAT(error.toStdString(), Catch::Contains("x.csv line 1: this is not a file Letdown can import"));
    // Let-downs alone are not an import.
    CHECK_FALSE(LetdownCsvImporter().read({{"l.csv", letdowns}}, ImportOptions {}).problems.isEmpty());
}

TEST_CASE("CSV reader: another delimiter")
{
    CsvReader reader(u';');
    REQUIRE(reader.parse("a;\"b;c\";d\r\n1;2;3\r\n"));
    REQUIRE(reader.records().size() == 2);
    CHECK(reader.records()[0].fields == QStringList {"a", "b;c", "d"});
    CHECK(reader.records()[1].fields == QStringList {"1", "2", "3"});
}
