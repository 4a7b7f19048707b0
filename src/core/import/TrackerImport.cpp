#include "import/TrackerImport.h"

#include "domain/Measurements.h"
#include "domain/PlausibleDates.h"
#include "base/Clock.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUuid>

#include <cmath>

namespace {
// lupdate reads Text::tr("...") with this context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(TrackerImport)
};

// The namespace of Letdown's import ids (a version 5 UUID of "letdown import").
const QUuid kImportNamespace(QStringLiteral("{4f7c2d0e-8a53-5b1e-9f0a-6c2b1d3e4a57}"));
constexpr qint64 kDayMs = 24LL * 3600 * 1000;
} // namespace

namespace TrackerImport {

bool Table::open(const ImportFile &file, ImportResult &result, QChar delimiter)
{
    m_fileName = file.name;
    CsvReader reader(delimiter);
    if (!reader.parse(file.bytes)) {
        result.problems << QStringLiteral("%1: %2").arg(file.name, reader.errorString());
        return false;
    }
    m_rows = reader.takeRecords();
    if (m_rows.isEmpty()) {
        result.problems << Text::tr("%1: the file is empty.").arg(file.name);
        return false;
    }
    for (const QString &name : m_rows.takeFirst().fields)
        m_header << name.trimmed();
    return true;
}

QString Table::cell(const CsvRecord &row, const QString &column) const
{
    const qsizetype index = m_header.indexOf(column);
    return index >= 0 && index < row.fields.size() ? row.fields[index].trimmed() : QString();
}

QString Table::where(const CsvRecord &row) const
{
    return Text::tr("%1 line %2").arg(m_fileName).arg(row.lineNumber);
}

QList<std::pair<qint64, int>> localToInstants(QDate date, QTime time, const QTimeZone &zone)
{
    if (!date.isValid() || !time.isValid() || !zone.isValid())
        return {};
    // The wall-clock time read as if it were UTC; the real instant is it minus the offset in
    // force then. A day either side covers any one transition: both offsets are candidates.
    const qint64 wallMs = QDateTime(date, time, Qt::UTC).toMSecsSinceEpoch();
    const auto offsetAt = [&](qint64 ms) { return zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)); };
    QList<std::pair<qint64, int>> fits;
    for (const int candidate : {offsetAt(wallMs - kDayMs), offsetAt(wallMs + kDayMs)}) {
        const qint64 instant = wallMs - qint64(candidate) * 1000;
        if (offsetAt(instant) == candidate && !fits.contains(std::pair {instant, candidate}))
            fits.append({instant, candidate});
    }
    std::sort(fits.begin(), fits.end());
    return fits;
}

bool localToInstant(QDate date, QTime time, const QTimeZone &zone, qint64 &utcMs, int &offsetS, bool &repeatedHour)
{
    const QList<std::pair<qint64, int>> fits = localToInstants(date, time, zone);
    repeatedHour = fits.size() > 1;
    if (fits.isEmpty())
        return false; // in the spring gap (or not a date): this wall-clock time never happened
    utcMs = fits.first().first; // the earlier instant: the summer-time offset
    offsetS = fits.first().second;
    return true;
}

bool parseAmountMl(const QString &text, std::optional<VolumeUnit> defaultUnit, std::optional<double> &ml)
{
    ml.reset();
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return true;
    static const QRegularExpression kAmount(
        QStringLiteral("^([0-9]+(?:[.,][0-9]+)?)\\s*(ml|oz)?$"), QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = kAmount.match(trimmed);
    if (!match.hasMatch())
        return false;
    bool ok = false;
    const double value = match.captured(1).replace(u',', u'.').toDouble(&ok);
    const QString unitText = match.captured(2).toLower();
    const std::optional<VolumeUnit> unit = unitText == QLatin1String("oz") ? std::optional(VolumeUnit::Oz)
        : unitText == QLatin1String("ml")                                  ? std::optional(VolumeUnit::Ml)
                                                                           : defaultUnit;
    if (!ok || !unit)
        return false;
    ml = *unit == VolumeUnit::Oz ? value * kMlPerOz : value;
    return true;
}

QString stableUuid(const QString &source, const QString &key)
{
    return QUuid::createUuidV5(kImportNamespace, source + u'\n' + key).toString(QUuid::WithoutBraces);
}

Session importedSession(
    const QString &source, SessionKind kind, qint64 startUtcMs, int startOffsetS, qint64 endUtcMs, int endOffsetS)
{
    Session s;
    s.source = source;
    s.letdownsLogged = false;
    s.kind = kind;
    s.state = SessionState::Stopped;
    s.startedAtUtcMs = startUtcMs;
    s.startedUtcOffsetS = startOffsetS;
    s.endedAtUtcMs = endUtcMs;
    s.endedUtcOffsetS = endOffsetS;
    s.activeMs = std::max<qint64>(0, endUtcMs - startUtcMs);
    s.lastEventAtUtcMs = endUtcMs;
    s.side = Side::Both;
    s.sideMs.bothMs = s.activeMs;
    return s;
}

bool checkImported(const Session &s, const QString &where, ImportResult &result)
{
    const QDate today = localToday(processClock());
    const QDate day
        = QDateTime::fromMSecsSinceEpoch(s.startedAtUtcMs + qint64(s.startedUtcOffsetS) * 1000, Qt::UTC).date();
    QString problem;
    if (day < earliestPlausibleDate() || day > latestPlausibleDate(today))
        problem = Text::tr("the date %1 is outside %2 to %3.")
                      .arg(day.toString(Qt::ISODate), earliestPlausibleDate().toString(Qt::ISODate),
                          latestPlausibleDate(today).toString(Qt::ISODate));
    else if (s.activeMs > kDayMs)
        problem = Text::tr("a session of more than a day.");
    else if (s.endedAtUtcMs && *s.endedAtUtcMs < s.startedAtUtcMs)
        problem = Text::tr("it ends before it starts.");
    else
        problem = validateMeasurements(measurementsOf(s));
    for (const auto &side : {s.leftVolumeMl, s.rightVolumeMl})
        if (problem.isEmpty() && side && (*side < 0 || *side > kMaxSessionVolumeMl))
            problem = Text::tr("a breast's volume outside 0 to %1 ml.").arg(kMaxSessionVolumeMl);
    if (problem.isEmpty())
        return true;
    result.problems << QStringLiteral("%1: %2").arg(where, problem);
    return false;
}

} // namespace TrackerImport
