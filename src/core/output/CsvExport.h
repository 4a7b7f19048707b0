#pragma once

#include "csv/SessionCsv.h"
#include "stats/WeeklyStats.h"

#include <QString>

class SessionStore;

// Export between the database and CSV files, as the app and the command line both do it.
struct CsvExportRequest {
    StatsRange range; // by the sessions' local start dates
    VolumeUnit unit = VolumeUnit::Ml;
    QString sessionsPath;
    QString letdownsPath; // empty: sessions only
    QString daysPath; // empty: none; else one row per day (the consultant's figures)
};

// Through OutputFiles: never over the database or a backup, private temporary files
// renamed into place only when both are complete ("-": standard output). Returns false
// with `error` on failure; older files at the targets are then left as they were.
bool exportCsvFiles(SessionStore &store, const ReferenceModel &model, const CsvExportRequest &request,
    int &sessionCount, QString &error);

