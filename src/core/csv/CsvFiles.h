#pragma once

#include "csv/SessionCsv.h"
#include "stats/WeeklyStats.h"

#include <QString>
#include <QStringList>

class Journal;
class SessionStore;
enum class Origin;

// Export and import between the database and CSV files, as the app and the command line
// both do it.
struct CsvExportRequest {
    StatsRange range; // by the sessions' local start dates
    VolumeUnit unit = VolumeUnit::Ml;
    QString sessionsPath;
    QString letdownsPath; // empty: sessions only
};

// Through OutputFiles: never over the database or a backup, private temporary files
// renamed into place only when both are complete ("-": standard output). Returns false
// with `error` on failure; older files at the targets are then left as they were.
bool exportCsvFiles(SessionStore &store, const ReferenceModel &model, const CsvExportRequest &request,
    int &sessionCount, QString &error);

struct CsvImportReport {
    int added = 0;
    int skipped = 0; // already in the database
    int letdowns = 0; // in the sessions added
    int withoutFeed = 0; // let-downs without a feed added (those already there are left out)
};
// Sessions read from files, with the let-downs felt with no feed that came with them.
struct CsvImportBatch {
    QList<Session> sessions;
    QList<SpontaneousLetdown> withoutFeed;
};

// Reads and checks both files completely (nothing is written). On any problem returns
// false and `problems` lists each bad line.
bool readCsvFiles(
    const QString &sessionsPath, const QString &letdownsPath, CsvImportBatch &batch, QStringList &problems);
// Writes checked sessions through the journal in one transaction: all of them, or nothing.
bool importCsvFiles(
    Journal &journal, Origin origin, const CsvImportBatch &batch, CsvImportReport &report, QStringList &problems);
// Both steps above.
bool importCsvFiles(Journal &journal, Origin origin, const QString &sessionsPath, const QString &letdownsPath,
    CsvImportReport &report, QStringList &problems);

// The first `maxShown` problems, one a line, and how many more there are (a screenful, not
// 500,000 lines).
QString problemSummary(const QStringList &problems, int maxShown = 20);
