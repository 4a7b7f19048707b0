#include "output/CsvExport.h"

#include "output/OutputFiles.h"
#include "stats/TrendQuery.h"
#include "storage/SessionStore.h"

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
    const int daysOut = request.daysPath.isEmpty() ? -1 : outputs.add(request.daysPath, true, error);
    if (!request.daysPath.isEmpty() && daysOut < 0)
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
    if (daysOut >= 0) {
        // The first day's longest gap needs the session before it: read four weeks more.
        StatsRange wider = request.range;
        if (wider.from)
            wider.from = wider.from->addDays(-28);
        QList<Session> withBefore;
        if (!loadSessionsInRange(store, wider, withBefore, error))
            return false;
        const QList<DayFigures> days = dayFigures(withBefore, model, request.range);
        if (!outputs.write(
                daysOut, [&](QIODevice *device, QString &e) { return writeDaysCsv(days, request.unit, device, e); },
                error))
            return false;
    }
    return outputs.commit(error);
}
