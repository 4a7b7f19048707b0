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
    QList<SpontaneousLetdown> withoutFeed;
    if (letdownsOut >= 0 && !loadSpontaneousLetdownsInRange(store, request.range, withoutFeed, error))
        return false;
    // One pass over her log for both files, a session at a time (ten years need not be held).
    QList<int> together {sessionsOut};
    if (letdownsOut >= 0)
        together << letdownsOut;
    sessionCount = 0;
    QString readError; // her file could not be read: said as it is, not as a failed write
    if (!outputs.writeTogether(
            together,
            [&](const QList<QIODevice *> &devices, qsizetype &failedDevice, QString &e) {
                SessionCsvStream stream(model, request.unit, devices[0], devices.value(1));
                bool written = stream.writeHeaders(e);
                const bool read = written
                    && forEachSessionInRange(
                        store, request.range,
                        [&](Session &&session) {
                            // After a failed write the rest is still read, and not written.
                            written = written && stream.writeSession(session, e);
                            sessionCount += written;
                        },
                        readError);
                for (qsizetype i = 0; written && read && i < withoutFeed.size(); ++i)
                    written = stream.writeWithoutFeed(withoutFeed[i], e);
                failedDevice = stream.failedDevice();
                return written && read;
            },
            error)) {
        if (!readError.isEmpty())
            error = readError;
        return false;
    }
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
