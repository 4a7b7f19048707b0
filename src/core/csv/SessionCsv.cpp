#include "csv/SessionCsv.h"

#include "domain/PlausibleDates.h"
#include "base/Clock.h"

#include "csv/Csv.h"
#include "domain/Measurements.h"
#include "domain/Technique.h"
#include "domain/TimeFormat.h"
#include "stats/VolumeEstimate.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QUuid>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>

namespace {
// lupdate reads Text::tr("...") with this context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(SessionCsv)
};

QString unitSuffix(VolumeUnit unit)
{
    return unit == VolumeUnit::Oz ? QStringLiteral("oz") : QStringLiteral("ml");
}

QString volume(const std::optional<double> &ml, VolumeUnit unit)
{
    if (!ml)
        return {};
    return unit == VolumeUnit::Oz ? csvNumber(*ml / kMlPerOz, 2) : csvNumber(*ml, 1);
}

// Whole seconds on each side as the export writes them: left and right alone, and "both"
// as what is left of the duration (so the three add up, and an import gets them back).
struct SideSeconds {
    qint64 left = 0;
    qint64 right = 0;
    qint64 both = 0;
};
SideSeconds sideSeconds(const Session &s)
{
    SideSeconds seconds {
        std::llround(double(s.sideMs.leftMs) / 1000.0), std::llround(double(s.sideMs.rightMs) / 1000.0), 0};
    seconds.both = std::max<qint64>(0, std::llround(double(s.activeMs) / 1000.0) - seconds.left - seconds.right);
    return seconds;
}

// The side she used: the only one with time on it, or "both". Read from the exported
// seconds, so that an imported export says the same again.
Side sideUsed(const Session &s, const SideSeconds &seconds)
{
    const int sidesUsed = (seconds.left > 0) + (seconds.right > 0) + (seconds.both > 0);
    if (sidesUsed > 1)
        return Side::Both;
    if (seconds.left > 0)
        return Side::Left;
    if (seconds.right > 0)
        return Side::Right;
    return s.side;
}

bool write(CsvWriter &writer, const QStringList &row, QString &error)
{
    if (writer.writeRow(row))
        return true;
    error = writer.errorString();
    return false;
}
} // namespace

namespace {
// csvTime's 25 characters, without making a QString (an export writes one per row).
struct CsvTimeText {
    char text[26] = "0000-00-00T00:00:00+00:00";
    std::string_view view() const { return {text, 25}; }
};
CsvTimeText csvTimeText(qint64 utcMs, int utcOffsetS)
{
    // By hand rather than QDateTime::toString: this runs for every session and let-down
    // of an export, and the ISO form is fixed. Seconds are enough for a person; the
    // offset keeps the clock time she saw.
    const qint64 localS = (utcMs - ((utcMs % 1000) + 1000) % 1000) / 1000 + utcOffsetS;
    const qint64 days = localS >= 0 ? localS / 86400 : (localS - 86399) / 86400;
    const int secondOfDay = int(localS - days * 86400);
    // A session's times and its let-downs' fall on the same day, one after the other: the
    // date's digits are kept from the call before when the day is the same.
    thread_local qint64 lastDays = std::numeric_limits<qint64>::min();
    thread_local char lastDate[10];
    CsvTimeText time;
    char *text = time.text;
    const auto put = [text](int at, int value, int width) {
        for (int i = width - 1; i >= 0; --i, value /= 10)
            text[at + i] = char('0' + value % 10);
    };
    if (days != lastDays) {
        int year = 0, month = 0, day = 0;
        QDate::fromJulianDay(2440588 + days).getDate(&year, &month, &day);
        put(0, year, 4);
        put(5, month, 2);
        put(8, day, 2);
        std::memcpy(lastDate, text, sizeof lastDate);
        lastDays = days;
    } else {
        std::memcpy(text, lastDate, sizeof lastDate);
    }
    const int offsetMinutes = std::abs(utcOffsetS) / 60;
    put(11, secondOfDay / 3600, 2);
    put(14, secondOfDay / 60 % 60, 2);
    put(17, secondOfDay % 60, 2);
    text[19] = utcOffsetS < 0 ? '-' : '+';
    put(20, offsetMinutes / 60, 2);
    put(23, offsetMinutes % 60, 2);
    return time;
}
} // namespace

QString csvTime(qint64 utcMs, int utcOffsetS)
{
    return QString::fromLatin1(csvTimeText(utcMs, utcOffsetS).view());
}

bool parseCsvTime(const QString &text, qint64 &utcMs, int &utcOffsetS)
{
    // Exactly what csvTime() writes: 2026-11-28T03:14:07+01:00 (anything else goes the
    // slow, general way through QDateTime).
    if (text.size() != 25 || text[4] != u'-' || text[7] != u'-' || text[10] != u'T' || text[13] != u':'
        || text[16] != u':' || (text[19] != u'+' && text[19] != u'-') || text[22] != u':')
        return false;
    bool ok = true;
    const auto number = [&](int at, int width) {
        int value = 0;
        for (int i = at; i < at + width; ++i) {
            const char16_t c = text[i].unicode();
            if (c < u'0' || c > u'9')
                ok = false;
            value = value * 10 + (c - u'0');
        }
        return value;
    };
    const QDate date(number(0, 4), number(5, 2), number(8, 2));
    const int hour = number(11, 2), minute = number(14, 2), second = number(17, 2);
    const int offsetMinutes = number(20, 2) * 60 + number(23, 2);
    if (!ok || !date.isValid() || hour > 23 || minute > 59 || second > 59 || offsetMinutes > 18 * 60)
        return false;
    utcOffsetS = (text[19] == u'-' ? -1 : 1) * offsetMinutes * 60;
    const qint64 localS = (date.toJulianDay() - 2440588) * 86400 + hour * 3600 + minute * 60 + second;
    utcMs = (localS - utcOffsetS) * 1000;
    return true;
}

QStringList sessionsCsvHeader(VolumeUnit unit)
{
    const QString u = unitSuffix(unit);
    return {QStringLiteral("session_id"), QStringLiteral("kind"), QStringLiteral("started_at"),
        QStringLiteral("ended_at"), QStringLiteral("duration_s"), QStringLiteral("paused_s"), QStringLiteral("side"),
        QStringLiteral("techniques"), QStringLiteral("letdowns"), QStringLiteral("first_letdown_s"),
        QStringLiteral("measured_volume_") + u, QStringLiteral("estimated_volume_") + u,
        QStringLiteral("pre_feed_weight_g"), QStringLiteral("post_feed_weight_g"), QStringLiteral("notes"),
        QStringLiteral("clock_changed"), QStringLiteral("estimate_model"), QStringLiteral("source"),
        QStringLiteral("letdowns_logged"), QStringLiteral("left_s"), QStringLiteral("right_s"),
        QStringLiteral("left_volume_") + u, QStringLiteral("right_volume_") + u, QStringLiteral("topup_") + u,
        QStringLiteral("topup_kind")};
}

QStringList letdownsCsvHeader(VolumeUnit unit)
{
    const QString u = unitSuffix(unit);
    return {QStringLiteral("session_id"), QStringLiteral("order"), QStringLiteral("at"), QStringLiteral("offset_s"),
        QStringLiteral("side"), QStringLiteral("measured_volume_") + u, QStringLiteral("estimated_volume_") + u,
        QStringLiteral("estimate_model")};
}

SessionCsvStream::SessionCsvStream(
    const ReferenceModel &model, VolumeUnit unit, QIODevice *sessionsDevice, QIODevice *letdownsDevice)
    : m_model(model)
    , m_unit(unit)
{
    if (sessionsDevice)
        m_sessions.emplace(sessionsDevice);
    if (letdownsDevice)
        m_letdowns.emplace(letdownsDevice);
}

bool SessionCsvStream::writeHeaders(QString &error)
{
    const auto header = [this](const QStringList &cells) {
        m_line.clear();
        for (const QString &cell : cells)
            m_line.text(cell);
    };
    if (m_sessions) {
        header(sessionsCsvHeader(m_unit));
        if (!put(m_sessions, 0, error))
            return false;
    }
    if (m_letdowns) {
        header(letdownsCsvHeader(m_unit));
        if (!put(m_letdowns, 1, error))
            return false;
    }
    return true;
}

bool SessionCsvStream::put(std::optional<CsvWriter> &writer, int device, QString &error)
{
    if (writer->writeLine(m_line))
        return true;
    error = writer->errorString();
    m_failedDevice = device;
    return false;
}

bool SessionCsvStream::writeSession(const Session &s, QString &error)
{
    // Cell by cell into one line of bytes: a list of strings per row was most of an export.
    const auto volumeCell = [this](const std::optional<double> &ml) {
        if (!ml)
            m_line.empty();
        else if (m_unit == VolumeUnit::Oz)
            m_line.number(*ml / kMlPerOz, 2);
        else
            m_line.number(*ml, 1);
    };
    const auto gramsCell = [this](const std::optional<double> &grams) {
        if (grams)
            m_line.number(*grams, 1);
        else
            m_line.empty();
    };
    const auto secondsCell = [this](qint64 ms) { m_line.integer(std::llround(double(ms) / 1000.0)); };
    if (m_sessions) {
        const auto first = s.firstLetdownOffsetMs();
        const auto measured = measuredTotalMl(s);
        const SideSeconds sides = sideSeconds(s);
        const auto estimated = estimatedSessionVolumeMl(s, m_model);
        m_line.clear();
        m_line.text(s.uuid).text(toKey(s.kind)).ascii(csvTimeText(s.startedAtUtcMs, s.startedUtcOffsetS).view());
        if (s.endedAtUtcMs)
            m_line.ascii(csvTimeText(*s.endedAtUtcMs, s.endedUtcOffsetS).view());
        else
            m_line.empty();
        secondsCell(s.activeMs);
        secondsCell(s.pausedMs);
        m_line.text(toKey(sideUsed(s, sides)));
        m_line.text(s.techniques.join(u';'));
        // Not logged is unknown, never "none": left empty (letdowns_logged says why).
        if (s.letdownsLogged)
            m_line.integer(s.letdowns.size());
        else
            m_line.empty();
        if (first)
            secondsCell(*first);
        else
            m_line.empty();
        volumeCell(measured);
        volumeCell(estimated); // empty when unknown
        gramsCell(s.preFeedWeightG);
        gramsCell(s.postFeedWeightG);
        m_line.text(CsvWriter::protectText(s.note));
        m_line.ascii(s.clockJumpDetected ? "1" : "0");
        // Named only where the model made the figure (a measured total is its own estimate).
        m_line.text(estimated && !measured ? QStringView(m_model.volumeModelId) : QStringView());
        m_line.text(s.source.isEmpty() ? QStringLiteral("letdown") : s.source);
        m_line.ascii(s.letdownsLogged ? "1" : "0");
        m_line.integer(sides.left).integer(sides.right);
        volumeCell(s.leftVolumeMl);
        volumeCell(s.rightVolumeMl);
        volumeCell(s.topupMl);
        m_line.text(s.topupKind ? toKey(*s.topupKind) : QString());
        if (!put(m_sessions, 0, error))
            return false;
    }
    if (m_letdowns && !s.letdowns.isEmpty()) {
        const QList<double> estimates = estimatedLetdownVolumesMl(s, m_model);
        for (int i = 0; i < s.letdowns.size(); ++i) {
            const Letdown &e = s.letdowns[i];
            m_line.clear();
            m_line.text(s.uuid).integer(i + 1).ascii(csvTimeText(e.atUtcMs, e.utcOffsetS).view());
            secondsCell(e.offsetMs);
            m_line.text(toKey(e.side));
            volumeCell(e.measuredVolumeMl);
            volumeCell(estimates[i]);
            m_line.text(e.measuredVolumeMl ? QStringView() : QStringView(m_model.volumeModelId));
            if (!put(m_letdowns, 1, error))
                return false;
        }
    }
    return true;
}

bool SessionCsvStream::writeWithoutFeed(const SpontaneousLetdown &felt, QString &error)
{
    if (!m_letdowns)
        return true;
    m_line.clear();
    m_line.empty().empty().ascii(csvTimeText(felt.atUtcMs, felt.utcOffsetS).view());
    for (int i = 0; i < 5; ++i)
        m_line.empty();
    return put(m_letdowns, 1, error);
}

namespace {
bool writeAll(SessionCsvStream &stream, const QList<Session> &sessions, const QList<SpontaneousLetdown> &withoutFeed,
    QString &error)
{
    if (!stream.writeHeaders(error))
        return false;
    for (const Session &s : sessions)
        if (!stream.writeSession(s, error))
            return false;
    for (const SpontaneousLetdown &felt : withoutFeed)
        if (!stream.writeWithoutFeed(felt, error))
            return false;
    return true;
}
} // namespace

bool writeSessionsCsv(
    const QList<Session> &sessions, const ReferenceModel &model, VolumeUnit unit, QIODevice *device, QString &error)
{
    SessionCsvStream stream(model, unit, device, nullptr);
    return writeAll(stream, sessions, {}, error);
}

bool writeLetdownsCsv(const QList<Session> &sessions, const ReferenceModel &model, VolumeUnit unit,
    QIODevice *device, QString &error, const QList<SpontaneousLetdown> &withoutFeed)
{
    SessionCsvStream stream(model, unit, nullptr, device);
    return writeAll(stream, sessions, withoutFeed, error);
}

namespace {
// "123" or "12.5" (what exports write) without QString::toDouble, which costs an import of
// ten years a noticeable share of its time. Exact: the digits and the power of ten are both
// exactly representable, so one division rounds correctly, as strtod would. Anything else
// (exponents, signs, long fractions) is left to toDouble.
bool parsePlainDecimal(QStringView text, double &value)
{
    constexpr int kMaxDigits = 15; // below 2^53
    constexpr double kPowersOfTen[]
        = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    qint64 digits = 0;
    int digitCount = 0;
    int decimals = -1; // -1: no dot yet
    for (const QChar c : text) {
        if (c == u'.' && decimals < 0) {
            decimals = 0;
            continue;
        }
        if (c < u'0' || c > u'9' || ++digitCount > kMaxDigits)
            return false;
        digits = digits * 10 + (c.unicode() - u'0');
        if (decimals >= 0)
            ++decimals;
    }
    if (digitCount == 0 || decimals == 0)
        return false; // "", "." and "5." go the slow way (and "." fails there)
    value = double(digits) / kPowersOfTen[decimals < 0 ? 0 : decimals];
    return true;
}
} // namespace

namespace {
// One table being read: finds columns by name and collects problems with line numbers.
class TableReader
{
public:
    TableReader(const QString &fileName, QStringList &problems)
        : m_fileName(fileName)
        , m_problems(problems)
    { }

    // Reads `bytes` a row at a time, holding none: the header first (`required` columns must
    // be there, with either volume unit), then `row` for each record (false: stop reading).
    // False, with the problem named, when the file is not CSV, is empty or lacks a column;
    // after a CSV error that one problem replaces whatever rows before it had.
    bool read(const QByteArray &bytes, const QStringList &requiredWithoutUnit, const QStringList &volumeColumns,
        const std::function<bool(const CsvRecord &)> &row)
    {
        const qsizetype problemsBefore = m_problems.size();
        CsvReader reader;
        bool headerRead = false;
        bool headerOk = false;
        const bool parsed = reader.parse(bytes, [&](const CsvRecord &record) {
            if (headerRead)
                return row(record);
            headerRead = true;
            headerOk = readHeader(record.fields, requiredWithoutUnit, volumeColumns);
            return headerOk;
        });
        if (!parsed) {
            m_problems.resize(problemsBefore);
            m_problems.append(m_fileName + QStringLiteral(": ") + reader.errorString());
            return false;
        }
        if (!headerRead) {
            m_problems.append(m_fileName + Text::tr(": the file is empty."));
            return false;
        }
        return headerOk;
    }

    bool readHeader(const QStringList &header, const QStringList &requiredWithoutUnit, const QStringList &volumeColumns)
    {
        for (const QString &name : header)
            m_columns << name.trimmed();
        m_columnCount = int(header.size());
        // The unit comes from the header: measured_volume_ml or measured_volume_oz.
        m_unit = hasColumn(QStringLiteral("measured_volume_oz")) ? VolumeUnit::Oz : VolumeUnit::Ml;
        QStringList missing;
        for (const QString &name : requiredWithoutUnit)
            if (!hasColumn(name))
                missing << name;
        for (const QString &stem : volumeColumns)
            if (!hasColumn(stem + unitSuffix(m_unit)))
                missing << stem + QStringLiteral("ml");
        if (!missing.isEmpty()) {
            m_problems.append(m_fileName
                + Text::tr(" line 1: missing column(s) %1. Is this a Letdown export?")
                      .arg(missing.join(QStringLiteral(", "))));
            return false;
        }
        return true;
    }

    // Where a column is (-1: not there). A name given twice counts where it is last.
    qsizetype columnIndex(const QString &name) const
    {
        // Nearly every name asked for is a literal (QStringLiteral: no owner, its text fixed in
        // the program), asked for again on every row: its place is remembered by the address
        // of its text, which no other name can have. (Comparing names on every cell was a
        // twentieth of an import.) QString::fromRawData also makes a string without an owner;
        // no column name here is made so, since its buffer could later hold another name.
        const bool literal = !name.data_ptr().isMutable(); // no owner: literal text
        // A small table by address, probed from the address's own slot: a literal seen before
        // is found in a step or two.
        qsizetype slot = qsizetype((quintptr(name.constData()) >> 1) % m_literalNames.size());
        if (literal) {
            for (; m_literalNames[slot].text; slot = (slot + 1) % m_literalNames.size())
                if (m_literalNames[slot].text == name.constData() && m_literalNames[slot].size == name.size())
                    return m_literalNames[slot].index;
        }
        qsizetype index = -1;
        for (qsizetype i = m_columns.size() - 1; i >= 0 && index < 0; --i)
            if (m_columns[i].size() == name.size() && m_columns[i] == name)
                index = i;
        // Remembered once the header is read (the place is final), while the table is at most
        // half full (a code's few dozen names; more are looked up by name).
        if (literal && !m_columns.isEmpty() && m_literalsKnown < qsizetype(m_literalNames.size()) / 2) {
            m_literalNames[slot] = {name.constData(), name.size(), index};
            ++m_literalsKnown;
        }
        return index;
    }
    bool hasColumn(const QString &name) const { return columnIndex(name) >= 0; }
    VolumeUnit unit() const { return m_unit; }
    int columnCount() const { return m_columnCount; }
    QString volumeColumn(const QString &stem) const { return stem + unitSuffix(m_unit); }

    QString cell(const CsvRecord &record, const QString &column) const { return cellAt(record, columnIndex(column)); }
    QString trimmedCell(const CsvRecord &record, const QString &column) const
    {
        return trimmedText(cellAt(record, columnIndex(column)));
    }
    // QString::trimmed() for a cell, which rarely has anything to trim: asked at its two ends
    // first, without a call into Qt for every cell.
    static QString trimmedText(QString text)
    {
        if (!text.isEmpty() && (text.at(0).isSpace() || text.at(text.size() - 1).isSpace()))
            return std::move(text).trimmed();
        return text;
    }
    static QString cellAt(const CsvRecord &record, qsizetype index)
    {
        return index >= 0 && index < record.fields.size() ? record.fields[index] : QString();
    }

    void problem(const CsvRecord &record, const QString &message)
    {
        m_problems.append(Text::tr("%1 line %2: %3").arg(m_fileName).arg(record.lineNumber).arg(message));
    }

    bool parseTime(const CsvRecord &record, const QString &column, qint64 &utcMs, int &offsetS)
    {
        const QString text = trimmedCell(record, column);
        if (parseCsvTime(text, utcMs, offsetS))
            return checkPlausible(record, column, text, utcMs, offsetS);
        const QDateTime time = QDateTime::fromString(text, Qt::ISODate);
        if (!time.isValid() || time.timeSpec() == Qt::LocalTime) {
            problem(record,
                Text::tr("%1 '%2' is not a time like 2026-11-28T03:14:07+01:00 (with its UTC offset).")
                    .arg(column, text));
            return false;
        }
        utcMs = time.toMSecsSinceEpoch();
        offsetS = time.offsetFromUtc();
        return checkPlausible(record, column, text, utcMs, offsetS);
    }

    // A year outside 2000 to a year from now, or an offset beyond +-14:00, is a bad line.
    // Compared as local wall-clock milliseconds (cheap: this runs for every time of an import).
    bool checkPlausible(const CsvRecord &record, const QString &column, const QString &text, qint64 utcMs, int offsetS)
    {
        if (std::abs(offsetS) > kMaxUtcOffsetS) {
            problem(record, Text::tr("%1 '%2' has a UTC offset beyond ±14:00.").arg(column, text));
            return false;
        }
        const qint64 localMs = utcMs + qint64(offsetS) * 1000;
        if (localMs < m_earliestLocalMs || localMs >= m_afterLatestLocalMs) {
            problem(record,
                Text::tr("%1 '%2' is outside %3 to %4.")
                    .arg(column, text, earliestPlausibleDate().toString(Qt::ISODate),
                        latestPlausibleDate(m_today).toString(Qt::ISODate)));
            return false;
        }
        return true;
    }

    // A session id in its one canonical form (lower case, no braces); upper case and braces
    // are accepted and converted; anything else is a bad line.
    bool parseUuid(const CsvRecord &record, QString &uuid)
    {
        const QString text = trimmedCell(record, QStringLiteral("session_id"));
        QString candidate = text.size() == 38 && text.startsWith(u'{') && text.endsWith(u'}') ? text.mid(1, 36) : text;
        bool canonical = isCanonicalUuid(candidate); // the common case needs no copy
        if (!canonical) {
            candidate = candidate.toLower();
            canonical = isCanonicalUuid(candidate);
        }
        const bool nil = candidate.startsWith(u'0') && candidate == QLatin1String("00000000-0000-0000-0000-000000000000");
        if (!canonical || nil) {
            problem(record, Text::tr("session_id '%1' is not a UUID.").arg(text));
            return false;
        }
        uuid = candidate;
        return true;
    }

    static bool isCanonicalUuid(QStringView text)
    {
        if (text.size() != 36)
            return false;
        for (qsizetype i = 0; i < 36; ++i) {
            const char16_t c = text[i].unicode();
            const bool ok = (i == 8 || i == 13 || i == 18 || i == 23)
                ? c == u'-'
                : ((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'));
            if (!ok)
                return false;
        }
        return true;
    }

    // An optional number in [0, max]; empty gives nothing.
    bool parseNumber(const CsvRecord &record, const QString &column, double max, std::optional<double> &value)
    {
        return parseNumberAt(record, columnIndex(column), column, max, value);
    }
    bool parseNumberAt(
        const CsvRecord &record, qsizetype index, const QString &column, double max, std::optional<double> &value)
    {
        const QString text = trimmedText(cellAt(record, index));
        value.reset();
        if (text.isEmpty())
            return true;
        double number = 0;
        bool ok = parsePlainDecimal(text, number);
        if (!ok)
            number = text.toDouble(&ok);
        if (!ok || !std::isfinite(number)) {
            problem(record, Text::tr("%1 '%2' is not a number (use a dot for decimals).").arg(column, text));
            return false;
        }
        if (number < 0) {
            problem(record, Text::tr("%1 is negative (%2).").arg(column, text));
            return false;
        }
        if (number > max) {
            problem(
                record, Text::tr("%1 is %2, above the plausible limit of %3.").arg(column, text, csvNumber(max, 2)));
            return false;
        }
        value = number;
        return true;
    }

    bool parseVolumeMl(const CsvRecord &record, const QString &stem, std::optional<double> &ml)
    {
        const double limit = m_unit == VolumeUnit::Oz ? kMaxSessionVolumeMl / kMlPerOz : kMaxSessionVolumeMl;
        // The column's name (stem and unit) made once per stem, not for every row.
        const KnownVolume *known = nullptr;
        for (const KnownVolume &volume : m_volumeColumns)
            if (volume.stem == stem)
                known = &volume;
        if (!known) {
            const QString name = volumeColumn(stem);
            m_volumeColumns.append({stem, name, columnIndex(name)});
            known = &m_volumeColumns.constLast();
        }
        if (!parseNumberAt(record, known->index, known->name, limit, ml))
            return false;
        if (ml && m_unit == VolumeUnit::Oz)
            *ml *= kMlPerOz;
        return true;
    }

    bool checkWidth(const CsvRecord &record)
    {
        if (record.fields.size() == m_columnCount)
            return true;
        problem(record,
            Text::tr("%1 fields where the header has %2 (a missing quote or comma?).")
                .arg(record.fields.size())
                .arg(m_columnCount));
        return false;
    }

private:
    QString m_fileName;
    QStringList &m_problems;
    QDate m_today = localToday(processClock());
    // Plausible local times, as milliseconds of the wall clock read as if it were UTC.
    qint64 m_earliestLocalMs = QDateTime(earliestPlausibleDate(), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    qint64 m_afterLatestLocalMs
        = QDateTime(latestPlausibleDate(m_today).addDays(1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    // The header's names in order. Looked up by a scan (with a dozen or so short names it is
    // several times cheaper than hashing the name) the first time a literal asks, and for
    // any other name every time.
    QStringList m_columns;
    struct KnownName {
        const QChar *text = nullptr; // none: a free slot
        qsizetype size = 0;
        qsizetype index = -1;
    };
    mutable std::array<KnownName, 128> m_literalNames {}; // see columnIndex
    mutable qsizetype m_literalsKnown = 0;
    struct KnownVolume {
        QString stem;
        QString name;
        qsizetype index;
    };
    QList<KnownVolume> m_volumeColumns; // see parseVolumeMl
    int m_columnCount = 0;
    VolumeUnit m_unit = VolumeUnit::Ml;
};

constexpr qint64 kDayMs = 24LL * 3600 * 1000;
constexpr qint64 kToleranceMs = 2000; // rounding to whole seconds on export
constexpr qint64 kEndAgreementMs = 60'000;
constexpr qsizetype kMaxRows = CsvReader::kMaxRows;

struct ParsedSession {
    Session session;
    int declaredLetdowns = 0;
    bool letdownCountEmpty = false; // allowed where letdowns_logged is 0
    int lineNumber = 0;
    QList<int> ordersSeen; // a handful: a list is cheaper than a set
};
// One row of the sessions file into `p`; its problems go to the table's list.
// started_at, duration_s, paused_s and ended_at, which must agree with each other.
void readSessionTimes(TableReader &table, const CsvRecord &record, Session &s)
{
    const bool startOk = table.parseTime(record, QStringLiteral("started_at"), s.startedAtUtcMs, s.startedUtcOffsetS);
    std::optional<double> durationS, pausedS;
    table.parseNumber(record, QStringLiteral("duration_s"), kDayMs / 1000.0, durationS);
    table.parseNumber(record, QStringLiteral("paused_s"), kDayMs / 1000.0, pausedS);
    s.activeMs = qint64(std::llround(durationS.value_or(0) * 1000));
    s.pausedMs = qint64(std::llround(pausedS.value_or(0) * 1000));
    if (!table.trimmedCell(record, QStringLiteral("ended_at")).isEmpty()) {
        qint64 endedMs = 0;
        int endedOffsetS = 0;
        if (table.parseTime(record, QStringLiteral("ended_at"), endedMs, endedOffsetS)) {
            s.endedAtUtcMs = endedMs;
            s.endedUtcOffsetS = endedOffsetS;
            const bool clockChanged
                = table.trimmedCell(record, QStringLiteral("clock_changed")) == QLatin1String("1");
            const qint64 expectedEndMs = s.startedAtUtcMs + s.activeMs + s.pausedMs;
            if (startOk && endedMs < s.startedAtUtcMs)
                table.problem(record, Text::tr("ended_at is before started_at."));
            // With the wall clock moved during the session the two may differ; otherwise
            // they agree to the second.
            else if (startOk && !clockChanged && std::abs(endedMs - expectedEndMs) > kEndAgreementMs)
                table.problem(record,
                    Text::tr("ended_at disagrees with started_at + duration_s + paused_s by %1 s.")
                        .arg((endedMs - expectedEndMs) / 1000));
        }
    } else if (startOk) {
        // Exported while running: it comes back finished at its last known time.
        s.endedAtUtcMs = s.startedAtUtcMs + s.activeMs + s.pausedMs;
        s.endedUtcOffsetS = s.startedUtcOffsetS;
    }
    s.lastEventAtUtcMs = s.endedAtUtcMs.value_or(s.startedAtUtcMs);
}

// The measured volume or test-weigh, checked like the window checks them.
void readSessionFigures(TableReader &table, const CsvRecord &record, bool kindKnown, qsizetype problemsBefore,
    const QStringList &problems, Session &s)
{
    std::optional<double> measuredMl;
    table.parseVolumeMl(record, QStringLiteral("measured_volume_"), measuredMl);
    table.parseNumber(record, QStringLiteral("pre_feed_weight_g"), kMaxBabyWeightG, s.preFeedWeightG);
    table.parseNumber(record, QStringLiteral("post_feed_weight_g"), kMaxBabyWeightG, s.postFeedWeightG);
    if (s.kind == SessionKind::Pumping)
        s.pumpedVolumeMl = measuredMl;
    else if (kindKnown && measuredMl && !(s.preFeedWeightG && s.postFeedWeightG))
        table.problem(record,
            Text::tr("a nursing session's measured volume comes from a test-weigh: give "
                     "pre_feed_weight_g and post_feed_weight_g."));
    Measurements figures; // per-breast volumes and the top-up are read and checked later, with the extras
    figures.pumpedVolumeMl = s.pumpedVolumeMl;
    figures.preFeedWeightG = s.preFeedWeightG;
    figures.postFeedWeightG = s.postFeedWeightG;
    const QString figuresProblem = validateMeasurements(figures);
    if (!figuresProblem.isEmpty() && problems.size() == problemsBefore)
        table.problem(record, figuresProblem);
}

// left_s and right_s (exports from before them put the whole duration on `side`).
void readSideSeconds(TableReader &table, const CsvRecord &record, Session &s)
{
    const bool split = table.hasColumn(QStringLiteral("left_s")) && table.hasColumn(QStringLiteral("right_s"))
        && !table.trimmedCell(record, QStringLiteral("left_s")).isEmpty();
    if (!split) {
        s.sideMs = {};
        s.sideMs.forSide(s.side) = s.activeMs;
        return;
    }
    std::optional<double> leftS, rightS;
    table.parseNumber(record, QStringLiteral("left_s"), kDayMs / 1000.0, leftS);
    table.parseNumber(record, QStringLiteral("right_s"), kDayMs / 1000.0, rightS);
    const qint64 durationS = std::llround(double(s.activeMs) / 1000.0);
    const qint64 left = std::llround(leftS.value_or(0)), right = std::llround(rightS.value_or(0));
    if (left + right > durationS + 1) {
        table.problem(record, Text::tr("left_s and right_s add up to more than duration_s."));
        return;
    }
    s.sideMs = {left * 1000, right * 1000, std::max<qint64>(0, durationS - left - right) * 1000};
}

// A source's name: a lower-case ASCII letter, then up to 31 of a-z, 0-9 and '_'. (A loop:
// a regular expression cost as much as the rest of the row's extras.)
bool isSourceName(QStringView name)
{
    if (name.isEmpty() || name.size() > 32 || !(name[0] >= u'a' && name[0] <= u'z'))
        return false;
    return std::all_of(name.begin(), name.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_';
    });
}

// Where the session came from, whether its let-downs were logged, per-breast volumes and a
// top-up (columns that older exports do not have: they then keep their defaults).
void readSourceAndExtras(TableReader &table, const CsvRecord &record, ParsedSession &p)
{
    Session &s = p.session;
    const QString source = table.trimmedCell(record, QStringLiteral("source"));
    if (!source.isEmpty() && !isSourceName(source))
        table.problem(record, Text::tr("source '%1' is not a source name like letdown or babybuddy.").arg(source));
    else if (!source.isEmpty())
        s.source = source;
    const QString logged = table.trimmedCell(record, QStringLiteral("letdowns_logged"));
    if (logged == QLatin1String("0"))
        s.letdownsLogged = false;
    else if (!logged.isEmpty() && logged != QLatin1String("1"))
        table.problem(record, Text::tr("letdowns_logged '%1' must be 1 or 0.").arg(logged));
    if (!s.letdownsLogged && p.declaredLetdowns != 0)
        table.problem(record,
            Text::tr("a session whose let-downs were not logged cannot list %1 of them.").arg(p.declaredLetdowns));
    if (s.letdownsLogged && p.letdownCountEmpty)
        table.problem(record, Text::tr("letdowns is empty; give the count (0 when none were felt)."));
    table.parseVolumeMl(record, QStringLiteral("left_volume_"), s.leftVolumeMl);
    table.parseVolumeMl(record, QStringLiteral("right_volume_"), s.rightVolumeMl);
    table.parseVolumeMl(record, QStringLiteral("topup_"), s.topupMl);
    const QString topupKind = table.trimmedCell(record, QStringLiteral("topup_kind"));
    if (!topupKind.isEmpty()) {
        s.topupKind = topupKindFromKey(topupKind);
        if (!s.topupKind)
            table.problem(record, Text::tr("topup_kind '%1' must be breast_milk or formula.").arg(topupKind));
    }
    if (s.leftVolumeMl && s.rightVolumeMl && !s.pumpedVolumeMl)
        s.pumpedVolumeMl = *s.leftVolumeMl + *s.rightVolumeMl; // the total is their sum when both are known
    if ((s.leftVolumeMl || s.rightVolumeMl) && s.kind != SessionKind::Pumping)
        table.problem(record, Text::tr("per-breast volumes belong to pumping sessions."));
    if (s.topupMl && s.kind != SessionKind::Nursing)
        table.problem(record, Text::tr("a top-up belongs to a nursing session."));
}

void readSessionRecord(TableReader &table, const CsvRecord &record, const QHash<QString, qsizetype> &indexByUuid,
    QStringList &problems, ParsedSession &p)
{
    const qsizetype problemsBefore = problems.size();
    Session &s = p.session;
    s.state = SessionState::Stopped;

    if (table.parseUuid(record, s.uuid) && indexByUuid.contains(s.uuid))
        table.problem(record, Text::tr("session_id %1 appears twice.").arg(s.uuid));

    const QString kind = table.trimmedCell(record, QStringLiteral("kind"));
    const auto parsedKind = sessionKindFromKey(kind);
    if (parsedKind)
        s.kind = *parsedKind;
    else
        table.problem(record, Text::tr("unknown kind '%1' (expected nursing or pumping).").arg(kind));

    readSessionTimes(table, record, s);

    const QString side = table.trimmedCell(record, QStringLiteral("side"));
    if (const auto sd = sideFromKey(side)) {
        s.side = *sd;
        readSideSeconds(table, record, s);
    } else {
        table.problem(record, Text::tr("unknown side '%1' (expected left, right or both).").arg(side));
    }

    const QString techniques = table.trimmedCell(record, QStringLiteral("techniques"));
    if (!techniques.isEmpty()) {
        for (const QString &key : techniques.split(u';')) {
            if (isKnownTechniqueKey(key.trimmed()))
                s.techniques.append(key.trimmed());
            else
                table.problem(record, Text::tr("unknown technique '%1'.").arg(key));
        }
        s.techniques.sort();
        s.techniques.removeDuplicates();
    }

    bool countOk = false;
    const QString count = table.trimmedCell(record, QStringLiteral("letdowns"));
    p.letdownCountEmpty = count.isEmpty(); // unknown: checked against letdowns_logged below
    p.declaredLetdowns = p.letdownCountEmpty ? 0 : count.toInt(&countOk);
    if (!p.letdownCountEmpty && (!countOk || p.declaredLetdowns < 0 || p.declaredLetdowns > kMaxLetdownsPerSession))
        table.problem(
            record, Text::tr("letdowns '%1' is not a count.").arg(table.cell(record, QStringLiteral("letdowns"))));
    else
        s.letdowns.reserve(p.declaredLetdowns); // the let-downs file's rows come later, one at a time

    readSessionFigures(table, record, parsedKind.has_value(), problemsBefore, problems, s);

    s.note = CsvWriter::unprotectText(table.cell(record, QStringLiteral("notes")));
    if (s.note.size() > kMaxNoteLength)
        table.problem(record, Text::tr("the note is longer than %1 characters.").arg(kMaxNoteLength));
    s.clockJumpDetected = table.trimmedCell(record, QStringLiteral("clock_changed")) == QLatin1String("1");
    readSourceAndExtras(table, record, p);
}

// One row of the let-downs file, added to its session (checked against it).
void attachLetdown(const CsvImportInput &input, TableReader &ejections, const CsvRecord &record,
    QList<ParsedSession> &parsed, const QHash<QString, qsizetype> &indexByUuid, const QSet<QString> &rejectedUuids,
    QStringList &problems, QList<SpontaneousLetdown> *withoutFeed)
{
    const qsizetype problemsBefore = problems.size();
    if (withoutFeed && ejections.trimmedCell(record, QStringLiteral("session_id")).isEmpty()) {
        // A let-down felt with no feed: its moment is all it has.
        SpontaneousLetdown felt;
        ejections.parseTime(record, QStringLiteral("at"), felt.atUtcMs, felt.utcOffsetS);
        if (problems.size() == problemsBefore)
            withoutFeed->append(felt);
        return;
    }
    QString uuid;
    if (!ejections.parseUuid(record, uuid))
        return;
    const qsizetype index = indexByUuid.value(uuid, -1);
    if (index < 0 && rejectedUuids.contains(uuid))
        return; // its session line is already named as bad
    if (index < 0) {
        ejections.problem(record, Text::tr("session_id %1 is not in %2.").arg(uuid, input.sessionsName));
        return;
    }
    ParsedSession &p = parsed[index];
    Session &s = p.session;
    bool orderOk = false;
    const int order = ejections.trimmedCell(record, QStringLiteral("order")).toInt(&orderOk);
    if (!orderOk || order < 1)
        ejections.problem(
            record, Text::tr("order '%1' is not 1, 2, 3 ...").arg(ejections.cell(record, QStringLiteral("order"))));
    else if (p.ordersSeen.contains(order))
        ejections.problem(record, Text::tr("let-down %1 of session %2 appears twice.").arg(order).arg(uuid));
    p.ordersSeen.append(order);

    Letdown e;
    ejections.parseTime(record, QStringLiteral("at"), e.atUtcMs, e.utcOffsetS);
    std::optional<double> offsetS;
    ejections.parseNumber(record, QStringLiteral("offset_s"), kDayMs / 1000.0, offsetS);
    e.offsetMs = qint64(std::llround(offsetS.value_or(0) * 1000));
    const QString side = ejections.trimmedCell(record, QStringLiteral("side"));
    if (const auto sd = sideFromKey(side))
        e.side = *sd;
    else
        ejections.problem(record, Text::tr("unknown side '%1'.").arg(side));
    ejections.parseVolumeMl(record, QStringLiteral("measured_volume_"), e.measuredVolumeMl);
    if (problems.size() == problemsBefore) {
        const bool outside = e.offsetMs > s.activeMs + kToleranceMs || e.atUtcMs < s.startedAtUtcMs - kToleranceMs
            || (s.endedAtUtcMs && e.atUtcMs > *s.endedAtUtcMs + kToleranceMs);
        if (outside)
            ejections.problem(record, Text::tr("the let-down falls outside its session."));
        else
            s.letdowns.append(e);
    }
}

// The let-downs file's rows, each added to its session.
void attachLetdowns(const CsvImportInput &input, QList<ParsedSession> &parsed,
    const QHash<QString, qsizetype> &indexByUuid, const QSet<QString> &rejectedUuids, QStringList &problems,
    QList<SpontaneousLetdown> *withoutFeed)
{
    if (!input.letdownsCsv)
        return;
    TableReader ejections(input.letdownsName, problems);
    ejections.read(*input.letdownsCsv,
        {QStringLiteral("session_id"), QStringLiteral("order"), QStringLiteral("at"), QStringLiteral("offset_s"),
            QStringLiteral("side")},
        {QStringLiteral("measured_volume_")}, [&](const CsvRecord &record) {
            if (problems.size() > 1000)
                return false; // enough to see what is wrong
            if (ejections.checkWidth(record))
                attachLetdown(input, ejections, record, parsed, indexByUuid, rejectedUuids, problems, withoutFeed);
            return true;
        });
}

// Each session's let-downs sorted, and as many as its `letdowns` column says.
void checkLetdownCounts(const CsvImportInput &input, QList<ParsedSession> &parsed, QStringList &problems)
{
    for (ParsedSession &p : parsed) {
        std::sort(p.session.letdowns.begin(), p.session.letdowns.end(),
            [](const Letdown &a, const Letdown &b) { return a.offsetMs < b.offsetMs; });
        if (p.session.letdowns.size() != p.declaredLetdowns)
            problems.append(
                Text::tr("%1 line %2: letdowns says %3 but %4 holds %5 for this session.")
                    .arg(input.sessionsName)
                    .arg(p.lineNumber)
                    .arg(p.declaredLetdowns)
                    .arg(input.letdownsCsv ? input.letdownsName : Text::tr("no let-down file was given, so it"))
                    .arg(p.session.letdowns.size()));
    }
}

// Line ends counted by memchr, which skips a line's bytes many at a time (QByteArray::count
// looked at them one by one: 1 % of an import).
qsizetype lineCount(const QByteArray &bytes)
{
    qsizetype lines = 1;
    const char *at = bytes.constData();
    const char *end = at + bytes.size();
    while (const void *found = std::memchr(at, '\n', size_t(end - at))) {
        ++lines;
        at = static_cast<const char *>(found) + 1;
    }
    return lines;
}

} // namespace

bool readSessionsCsv(const CsvImportInput &input, QList<Session> &sessions, QStringList &problems,
    QList<SpontaneousLetdown> *withoutFeed)
{
    sessions.clear();
    if (withoutFeed)
        withoutFeed->clear();
    problems.clear();
    // Both files are read a row at a time: only the sessions being made are held, never every
    // cell of both files (ten years of them were 220 MB, and most of an import's time).
    QList<ParsedSession> parsed;
    // At most one session per line: growing the list instead moved every session made so far
    // again, a tenth of an import.
    parsed.reserve(std::min<qsizetype>(lineCount(input.sessionsCsv), kMaxRows));
    QHash<QString, qsizetype> indexByUuid;
    indexByUuid.reserve(parsed.capacity());
    QSet<QString> rejectedUuids;
    TableReader table(input.sessionsName, problems);
    const bool sessionsRead = table.read(input.sessionsCsv,
        {QStringLiteral("session_id"), QStringLiteral("kind"), QStringLiteral("started_at"),
            QStringLiteral("ended_at"), QStringLiteral("duration_s"), QStringLiteral("paused_s"),
            QStringLiteral("side"), QStringLiteral("techniques"), QStringLiteral("letdowns"),
            QStringLiteral("pre_feed_weight_g"), QStringLiteral("post_feed_weight_g"), QStringLiteral("notes")},
        {QStringLiteral("measured_volume_")}, [&](const CsvRecord &record) {
            if (!table.checkWidth(record))
                return true;
            const qsizetype problemsBefore = problems.size();
            ParsedSession p;
            p.lineNumber = record.lineNumber;
            readSessionRecord(table, record, indexByUuid, problems, p);
            const QString &uuid = p.session.uuid;
            if (problems.size() == problemsBefore) {
                indexByUuid.insert(uuid, parsed.size());
                parsed.append(std::move(p));
            } else if (!uuid.isEmpty()) {
                rejectedUuids.insert(uuid); // its let-downs are not reported again, one by one
            }
            return true;
        });
    if (!sessionsRead)
        return false;
    attachLetdowns(input, parsed, indexByUuid, rejectedUuids, problems, withoutFeed);
    checkLetdownCounts(input, parsed, problems);
    if (!problems.isEmpty()) {
        if (withoutFeed)
            withoutFeed->clear();
        return false;
    }
    if (withoutFeed)
        std::stable_sort(withoutFeed->begin(), withoutFeed->end(),
            [](const SpontaneousLetdown &a, const SpontaneousLetdown &b) { return a.atUtcMs < b.atUtcMs; });
    sessions.reserve(parsed.size());
    for (ParsedSession &p : parsed)
        sessions.append(std::move(p.session));
    return true;
}

QStringList daysCsvHeader(VolumeUnit unit)
{
    const QString u = unitSuffix(unit);
    return {QStringLiteral("date"), QStringLiteral("nursing_sessions"), QStringLiteral("pumping_sessions"),
        QStringLiteral("night_sessions"), QStringLiteral("longest_gap_s"), QStringLiteral("left_s"),
        QStringLiteral("right_s"), QStringLiteral("measured_volume_") + u, QStringLiteral("estimated_volume_") + u,
        QStringLiteral("topup_") + u, QStringLiteral("letdowns"), QStringLiteral("pumped_left_") + u,
        QStringLiteral("pumped_right_") + u, QStringLiteral("topup_formula_") + u};
}

bool writeDaysCsv(const QList<DayFigures> &days, VolumeUnit unit, QIODevice *device, QString &error)
{
    CsvWriter writer(device);
    if (!write(writer, daysCsvHeader(unit), error))
        return false;
    for (const DayFigures &d : days) {
        const QStringList row = {
            d.date.toString(Qt::ISODate),
            QString::number(d.nursingSessions),
            QString::number(d.pumpingSessions),
            QString::number(d.nightSessions),
            d.longestGapS ? QString::number(*d.longestGapS) : QString(), // no earlier session
            QString::number(d.leftS),
            QString::number(d.rightS),
            volume(d.measuredMl, unit), // what was measured: 0 when nothing was
            volume(d.estimatedMl, unit), // empty: nothing to estimate from
            volume(d.topupMl, unit),
            // Unknown is never 0: empty when no session of the day had its let-downs logged.
            d.sessionsWithLetdownsLogged > 0 ? QString::number(d.letdowns) : QString(),
            volume(d.pumpedLeftMl, unit),
            volume(d.pumpedRightMl, unit),
            volume(d.topupFormulaMl, unit),
        };
        if (!write(writer, row, error))
            return false;
    }
    return true;
}
