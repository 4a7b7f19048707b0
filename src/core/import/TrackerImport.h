#pragma once

#include "csv/Csv.h"
#include "import/Importer.h"

#include <QDate>
#include <QTime>

// What the importers of other trackers share: their files as tables found by column name,
// local times turned into instants in the zone she names, amounts with their units, and
// ids that stay the same when the same file is imported again (docs/import.md).
namespace TrackerImport {

// A CSV file of another tracker, its columns found by (trimmed) name.
class Table
{
public:
    // False with a problem in `result` when the file does not parse.
    bool open(const ImportFile &file, ImportResult &result, QChar delimiter = u',');
    const QList<CsvRecord> &rows() const { return m_rows; }
    bool has(const QString &column) const { return m_header.contains(column); }
    QString cell(const CsvRecord &row, const QString &column) const;
    QString where(const CsvRecord &row) const; // "feeding.csv line 7"
    QString fileName() const { return m_fileName; }

private:
    QString m_fileName;
    QStringList m_header;
    QList<CsvRecord> m_rows;
};

// A local wall-clock time in `zone` as an instant. A time inside the autumn's repeated
// hour takes the first (summer-time) offset and says so in `warning`; a time inside the
// spring gap does not exist: false.
// Every instant a wall-clock time stands for in `zone`, earliest first, with its offset: one,
// two in the autumn's repeated hour, none in the spring gap.
QList<std::pair<qint64, int>> localToInstants(QDate date, QTime time, const QTimeZone &zone);
bool localToInstant(QDate date, QTime time, const QTimeZone &zone, qint64 &utcMs, int &offsetS, bool &repeatedHour);

// "2.5oz", "100ml", "80 ml": millilitres. Empty text: no value (true). `defaultUnit` for a
// bare number; without one, a bare number is refused.
bool parseAmountMl(const QString &text, std::optional<VolumeUnit> defaultUnit, std::optional<double> &ml);

// A stable session id for a row of another tracker: the same source and key give the same id.
QString stableUuid(const QString &source, const QString &key);

// A finished session from start and end instants; the time goes to `side` unless split.
Session importedSession(
    const QString &source, SessionKind kind, qint64 startUtcMs, int startOffsetS, qint64 endUtcMs, int endOffsetS);

// Checks a whole session (durations, volumes) like Letdown's own; a problem names the row.
bool checkImported(const Session &session, const QString &where, ImportResult &result);

} // namespace TrackerImport
