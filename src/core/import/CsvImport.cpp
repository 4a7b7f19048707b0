#include "import/CsvImport.h"

#include "import/Importer.h"
#include "journal/Journal.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace {
// lupdate reads Text::tr("...") with this context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(CsvFiles)
};

bool readFile(const QString &path, QByteArray &bytes, QStringList &problems)
{
    ImportFile file;
    QString error;
    if (!readImportFile(path, file, error)) {
        problems.append(error);
        return false;
    }
    bytes = file.bytes;
    return true;
}
} // namespace

bool readCsvFiles(
    const QString &sessionsPath, const QString &letdownsPath, CsvImportBatch &batch, QStringList &problems)
{
    problems.clear();
    CsvImportInput input;
    input.sessionsName = QFileInfo(sessionsPath).fileName();
    if (!readFile(sessionsPath, input.sessionsCsv, problems))
        return false;
    if (!letdownsPath.isEmpty()) {
        QByteArray bytes;
        if (!readFile(letdownsPath, bytes, problems))
            return false;
        input.letdownsCsv = bytes;
        input.letdownsName = QFileInfo(letdownsPath).fileName();
    }
    return readSessionsCsv(input, batch.sessions, problems, &batch.withoutFeed);
}

bool importCsvFiles(
    Journal &journal, Origin origin, const CsvImportBatch &batch, CsvImportReport &report, QStringList &problems)
{
    report = {};
    problems.clear();
    QString error;
    Journal::ImportCounts counts;
    const bool imported = journal.importSessions(batch.sessions, batch.withoutFeed, origin, counts, error);
    report.added = counts.added;
    report.skipped = counts.skipped;
    report.letdowns = counts.letdowns;
    report.withoutFeed = counts.withoutFeed;
    if (!imported) {
        problems.append(error);
        return false;
    }
    return true;
}

bool importCsvFiles(Journal &journal, Origin origin, const QString &sessionsPath, const QString &letdownsPath,
    CsvImportReport &report, QStringList &problems)
{
    report = {};
    CsvImportBatch batch;
    return readCsvFiles(sessionsPath, letdownsPath, batch, problems)
        && importCsvFiles(journal, origin, batch, report, problems);
}

QString problemSummary(const QStringList &problems, int maxShown)
{
    QStringList shown = problems.mid(0, maxShown);
    if (problems.size() > maxShown)
        shown << Text::tr("... and %1 more.").arg(problems.size() - maxShown);
    return shown.join(u'\n');
}
