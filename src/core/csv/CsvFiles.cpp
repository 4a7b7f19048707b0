#include "csv/CsvFiles.h"

#include "journal/Journal.h"

#include "csv/Csv.h"
#include "import/Importer.h"
#include "output/OutputFiles.h"
#include "stats/TrendQuery.h"
#include "storage/SessionStore.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <functional>

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

bool exportCsvFiles(SessionStore &store, const ReferenceModel &model, const CsvExportRequest &request,
    int &sessionCount, QString &error)
{
    // Both targets are checked before anything is read, and replaced together or not at all.
    OutputFiles outputs(store.databasePath());
    const int sessionsOut = outputs.add(request.sessionsPath, true, error);
    if (sessionsOut < 0)
        return false;
    const int letdownsOut = request.letdownsPath.isEmpty() ? -1 : outputs.add(request.letdownsPath, true, error);
    if (!request.letdownsPath.isEmpty() && letdownsOut < 0)
        return false;
    QList<Session> sessions;
    QList<SpontaneousLetdown> withoutFeed;
    if (!loadSessionsInRange(store, request.range, sessions, error)
        || (letdownsOut >= 0 && !loadSpontaneousLetdownsInRange(store, request.range, withoutFeed, error)))
        return false;
    sessionCount = int(sessions.size());
    if (!outputs.write(
            sessionsOut,
            [&](QIODevice *device, QString &e) { return writeSessionsCsv(sessions, model, request.unit, device, e); },
            error))
        return false;
    if (letdownsOut >= 0
        && !outputs.write(
            letdownsOut,
            [&](QIODevice *device, QString &e) {
                return writeLetdownsCsv(sessions, model, request.unit, device, e, withoutFeed);
            },
            error))
        return false;
    return outputs.commit(error);
}

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
