#pragma once

#include "csv/SessionCsv.h"

#include <QString>
#include <QStringList>

class Journal;
enum class Origin;

// Import of Letdown's own CSV files, as the app and the command line both do it.
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
