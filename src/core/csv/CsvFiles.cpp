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
    if (!loadSessionsInRange(store, request.range, sessions, error))
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
            [&](QIODevice *device, QString &e) { return writeEjectionsCsv(sessions, model, request.unit, device, e); },
            error))
        return false;
    return outputs.commit(error);
}

bool readCsvFiles(
    const QString &sessionsPath, const QString &ejectionsPath, QList<Session> &sessions, QStringList &problems)
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
    return readSessionsCsv(input, sessions, problems);
}

bool importCsvFiles(
    Journal &journal, Origin origin, const QList<Session> &sessions, CsvImportReport &report, QStringList &problems)
{
    report = {};
    problems.clear();
    QString error;
    if (!journal.importSessions(sessions, origin, report.added, report.skipped, report.letdowns, error)) {
        problems.append(error);
        return false;
    }
    return true;
}

bool importCsvFiles(Journal &journal, Origin origin, const QString &sessionsPath, const QString &ejectionsPath,
    CsvImportReport &report, QStringList &problems)
{
    report = {};
    QList<Session> sessions;
    return readCsvFiles(sessionsPath, ejectionsPath, sessions, problems)
        && importCsvFiles(journal, origin, sessions, report, problems);
}

QString problemSummary(const QStringList &problems, int maxShown)
{
    QStringList shown = problems.mid(0, maxShown);
    if (problems.size() > maxShown)
        shown << Text::tr("... and %1 more.").arg(problems.size() - maxShown);
    return shown.join(u'\n');
}
