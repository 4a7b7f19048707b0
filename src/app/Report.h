#pragma once

#include "settings/Preferences.h"
#include "stats/WeeklyStats.h"

#include <QString>

class QPrinter;
class QTextDocument;
class SessionStore;

// The printable report for her lactation consultant: summary, charts, weekly table, notes.
namespace Report {
// Builds the document for the sessions whose local start date is in `range`.
bool build(SessionStore &store, const Preferences &preferences, const StatsRange &range, QTextDocument &document,
    QString &error);
// Prints (or writes, for a PDF printer) the report.
bool print(
    SessionStore &store, const Preferences &preferences, const StatsRange &range, QPrinter &printer, QString &error);
bool writePdf(
    SessionStore &store, const Preferences &preferences, const StatsRange &range, const QString &path, QString &error);
} // namespace Report
