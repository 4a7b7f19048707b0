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
    const int ejectionsOut = request.ejectionsPath.isEmpty() ? -1 : outputs.add(request.ejectionsPath, true, error);
    if (!request.ejectionsPath.isEmpty() && ejectionsOut < 0)
        return false;
    QList<Session> sessions;
    QList<SpontaneousLetdown> withoutFeed;
    if (!loadSessionsInRange(store, request.range, sessions, error)
        || (ejectionsOut >= 0 && !loadSpontaneousLetdownsInRange(store, request.range, withoutFeed, error)))
        return false;
    sessionCount = int(sessions.size());
    if (!outputs.write(
            sessionsOut,
            [&](QIODevice *device, QString &e) { return writeSessionsCsv(sessions, model, request.unit, device, e); },
            error))
        return false;
    if (ejectionsOut >= 0
        && !outputs.write(
            ejectionsOut,
            [&](QIODevice *device, QString &e) {
                return writeEjectionsCsv(sessions, model, request.unit, device, e, withoutFeed);
            },
            error))
        return false;
    return outputs.commit(error);
}

bool readCsvFiles(
    const QString &sessionsPath, const QString &ejectionsPath, CsvImportBatch &batch, QStringList &problems)
{
    problems.clear();
    CsvImportInput input;
    input.sessionsName = QFileInfo(sessionsPath).fileName();
    if (!readFile(sessionsPath, input.sessionsCsv, problems))
        return false;
    if (!ejectionsPath.isEmpty()) {
        QByteArray bytes;
        if (!readFile(ejectionsPath, bytes, problems))
            return false;
        input.ejectionsCsv = bytes;
        input.ejectionsName = QFileInfo(ejectionsPath).fileName();
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

bool importCsvFiles(Journal &journal, Origin origin, const QString &sessionsPath, const QString &ejectionsPath,
    CsvImportReport &report, QStringList &problems)
{
    report = {};
    CsvImportBatch batch;
    return readCsvFiles(sessionsPath, ejectionsPath, batch, problems)
        && importCsvFiles(journal, origin, batch, report, problems);
}

QString problemSummary(const QStringList &problems, int maxShown)
{
    QStringList shown = problems.mid(0, maxShown);
    if (problems.size() > maxShown)
        shown << Text::tr("... and %1 more.").arg(problems.size() - maxShown);
    return shown.join(u'\n');
}
