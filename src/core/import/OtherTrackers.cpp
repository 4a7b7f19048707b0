#include "import/OtherTrackers.h"

#include "import/TrackerImport.h"
#include "domain/Measurements.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cmath>

using namespace TrackerImport;

namespace {
// lupdate reads Text::tr("...") with this context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(OtherTrackers)
};

constexpr qint64 kMinuteMs = 60'000;

// One local time of a row into an instant, or a problem (the spring gap, a bad format);
// a repeated autumn hour becomes a warning.
bool instantOf(const QDateTime &local, const QString &column, const QString &text, const QString &where,
    const ImportOptions &options, ImportResult &result, qint64 &utcMs, int &offsetS)
{
    if (!local.isValid()) {
        result.problems << Text::tr("%1: %2 '%3' is not a date and time this format writes.").arg(where, column, text);
        return false;
    }
    bool repeated = false;
    if (!localToInstant(local.date(), local.time(), options.timeZone, utcMs, offsetS, repeated)) {
        result.problems << Text::tr("%1: %2 %3 does not exist in %4 (the clocks went forward then).")
                               .arg(where, column, text, QString::fromUtf8(options.timeZone.id()));
        return false;
    }
    if (repeated)
        result.warnings << Text::tr("%1: %2 %3 happened twice in %4 (the clocks went back); the first, summer-time "
                                    "one was taken.")
                               .arg(where, column, text, QString::fromUtf8(options.timeZone.id()));
    return true;
}

// A row's start and end (local times) into instants. When one falls in the autumn's repeated
// hour, its offset is the one that makes the session valid (ending after it starts) and
// shortest: a night feed from 02:40 summer time to 02:10 winter time lasted 30 minutes, not
// minus 30. Each repeated time is a warning; a time in the spring gap is a problem.
bool intervalOf(const QDateTime &startLocal, const QString &startColumn, const QString &startText,
    const QDateTime &endLocal, const QString &endColumn, const QString &endText, const QString &where,
    const ImportOptions &options, ImportResult &result, qint64 &startMs, int &startOffsetS, qint64 &endMs,
    int &endOffsetS)
{
    QList<std::pair<qint64, int>> ends[2];
    const QDateTime locals[2] = {startLocal, endLocal};
    const QString columns[2] = {startColumn, endColumn}, texts[2] = {startText, endText};
    for (int i = 0; i < 2; ++i) {
        if (!locals[i].isValid()) {
            result.problems
                << Text::tr("%1: %2 '%3' is not a date and time this format writes.").arg(where, columns[i], texts[i]);
            return false;
        }
        ends[i] = localToInstants(locals[i].date(), locals[i].time(), options.timeZone);
        if (ends[i].isEmpty()) {
            result.problems << Text::tr("%1: %2 %3 does not exist in %4 (the clocks went forward then).")
                                   .arg(where, columns[i], texts[i], QString::fromUtf8(options.timeZone.id()));
            return false;
        }
    }
    std::pair<qint64, int> start = ends[0].first(), end = ends[1].first();
    std::optional<qint64> shortestMs;
    for (const auto &s : ends[0])
        for (const auto &e : ends[1])
            if (e.first >= s.first && (!shortestMs || e.first - s.first < *shortestMs)) {
                shortestMs = e.first - s.first;
                start = s;
                end = e;
            }
    for (int i = 0; i < 2; ++i)
        if (ends[i].size() > 1)
            result.warnings << Text::tr("%1: %2 %3 happened twice in %4 (the clocks went back); the %5 one was taken.")
                                   .arg(where, columns[i], texts[i], QString::fromUtf8(options.timeZone.id()),
                                       (i == 0 ? start : end) == ends[i].first() ? Text::tr("first, summer-time")
                                                                                 : Text::tr("second, winter-time"));
    startMs = start.first;
    startOffsetS = start.second;
    endMs = end.first;
    endOffsetS = end.second;
    return true;
}

// Sides: whole time on one side, or split as the tracker gives it.
void putSideTimes(Session &s, qint64 leftMs, qint64 rightMs)
{
    // Trackers round each side to the minute: sides that add up to more than the session
    // are scaled to fit it.
    if (leftMs + rightMs > s.activeMs && leftMs + rightMs > 0) {
        const double scale = double(s.activeMs) / double(leftMs + rightMs);
        const qint64 scaledLeftMs = std::llround(double(leftMs) * scale);
        rightMs = rightMs > 0 ? s.activeMs - scaledLeftMs : 0;
        leftMs = scaledLeftMs;
    }
    s.sideMs = {leftMs, rightMs, std::max<qint64>(0, s.activeMs - leftMs - rightMs)};
    s.side = leftMs > 0 && rightMs > 0 ? Side::Both : leftMs > 0 ? Side::Left : rightMs > 0 ? Side::Right : Side::Both;
}

void skip(ImportResult &result, const QString &where, const QString &why)
{
    if (result.skipped.size() < ImportResult::kMaxListedSkips)
        result.skipped << QStringLiteral("%1: %2").arg(where, why);
    ++result.skippedByReason[why];
}

void add(ImportResult &result, Session s, const QString &where, const QString &note)
{
    s.note = note.left(kMaxNoteLength);
    if (checkImported(s, where, result))
        result.sessions << s;
}

// ---- Baby Buddy --------------------------------------------------------------------------

bool isBabyBuddyFeeding(const QStringList &h)
{
    return h.contains(QStringLiteral("child_id")) && h.contains(QStringLiteral("start"))
        && h.contains(QStringLiteral("end")) && h.contains(QStringLiteral("type"))
        && h.contains(QStringLiteral("method"));
}

bool isBabyBuddyPumping(const QStringList &h)
{
    return h.contains(QStringLiteral("child_id")) && h.contains(QStringLiteral("amount"))
        && !h.contains(QStringLiteral("method"))
        && ((h.contains(QStringLiteral("start")) && h.contains(QStringLiteral("end")))
            || h.contains(QStringLiteral("time")));
}

QDateTime babyBuddyTime(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!time.isValid())
        time = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm"));
    return time;
}

// A bottle of a Baby Buddy feeding file, waiting for the breastfeed it topped up.
struct BabyBuddyBottle {
    QString where;
    qint64 startMs = 0;
    double ml = 0;
    TopupKind kind = TopupKind::BreastMilk;
};

// A bottle given during a breastfeed or within this long after it is that feed's top-up.
constexpr qint64 kTopupAfterFeedMs = 60 * 60'000;

std::optional<BabyBuddyBottle> readBabyBuddyBottle(
    const Table &table, const CsvRecord &row, const QString &type, const ImportOptions &options, ImportResult &result)
{
    const QString where = table.where(row);
    BabyBuddyBottle bottle;
    bottle.where = where;
    if (type == QLatin1String("formula"))
        bottle.kind = TopupKind::Formula;
    else if (type != QLatin1String("breast milk") && type != QLatin1String("fortified breast milk")) {
        skip(result, where, Text::tr("a bottle feed (%1)").arg(type));
        return std::nullopt;
    }
    const QString amount = table.cell(row, QStringLiteral("amount"));
    std::optional<double> ml;
    if (!parseAmountMl(amount, options.unit, ml) || !ml) {
        skip(result, where,
            amount.trimmed().isEmpty()
                ? Text::tr("a bottle feed without an amount (%1)").arg(type)
                : Text::tr("a bottle feed whose amount has no unit; say whether the file is in ml or oz (%1)").arg(type));
        return std::nullopt;
    }
    if (*ml <= 0 || *ml > kMaxSessionVolumeMl) {
        skip(result, where, Text::tr("a bottle feed of an implausible amount (%1)").arg(type));
        return std::nullopt;
    }
    bottle.ml = *ml;
    qint64 endMs = 0;
    int startOffset = 0, endOffset = 0;
    const QString start = table.cell(row, QStringLiteral("start")), end = table.cell(row, QStringLiteral("end"));
    if (!intervalOf(babyBuddyTime(start), QStringLiteral("start"), start, babyBuddyTime(end), QStringLiteral("end"),
            end, where, options, result, bottle.startMs, startOffset, endMs, endOffset))
        return std::nullopt;
    return bottle;
}

// Each bottle becomes the top-up of the breastfeed (from `firstSession` on) it was given
// during or within the hour after; a bottle with none is skipped, said with its reason.
void attachBottles(const QList<BabyBuddyBottle> &bottles, qsizetype firstSession, ImportResult &result)
{
    for (const BabyBuddyBottle &bottle : bottles) {
        Session *feed = nullptr;
        for (qsizetype i = firstSession; i < result.sessions.size(); ++i) {
            Session &s = result.sessions[i];
            if (s.kind == SessionKind::Nursing && s.startedAtUtcMs <= bottle.startMs
                && bottle.startMs <= s.endedAtUtcMs.value_or(s.startedAtUtcMs) + kTopupAfterFeedMs
                && (!feed || s.startedAtUtcMs > feed->startedAtUtcMs))
                feed = &s;
        }
        const QString kindText = bottle.kind == TopupKind::Formula ? QStringLiteral("formula") : QStringLiteral("breast milk");
        if (!feed) {
            skip(result, bottle.where, Text::tr("a bottle feed with no breastfeed in the hour before it (%1)").arg(kindText));
            continue;
        }
        const double totalMl = feed->topupMl.value_or(0) + bottle.ml;
        if (totalMl > kMaxSessionVolumeMl) {
            skip(result, bottle.where, Text::tr("a bottle feed of an implausible amount (%1)").arg(kindText));
            continue;
        }
        if (feed->topupKind && *feed->topupKind != bottle.kind)
            result.warnings << Text::tr("%1: the bottles after one feed held breast milk and formula; kept as "
                                        "formula.")
                                   .arg(bottle.where);
        feed->topupKind = feed->topupKind && *feed->topupKind != bottle.kind ? TopupKind::Formula : bottle.kind;
        feed->topupMl = totalMl;
    }
}

void readBabyBuddyFeeding(const Table &table, const ImportOptions &options, ImportResult &result)
{
    const qsizetype firstSession = result.sessions.size();
    QList<BabyBuddyBottle> bottles;
    for (const CsvRecord &row : table.rows()) {
        const QString where = table.where(row);
        const QString type = table.cell(row, QStringLiteral("type")).toLower();
        const QString method = table.cell(row, QStringLiteral("method")).toLower();
        if (method == QLatin1String("bottle")) {
            if (const std::optional<BabyBuddyBottle> bottle = readBabyBuddyBottle(table, row, type, options, result))
                bottles << *bottle;
            continue;
        }
        std::optional<Side> side;
        if (method == QLatin1String("left breast"))
            side = Side::Left;
        else if (method == QLatin1String("right breast"))
            side = Side::Right;
        else if (method == QLatin1String("both breasts"))
            side = Side::Both;
        if (!side) {
            skip(result, where, Text::tr("not a breastfeed (%1, %2)").arg(type, method));
            continue;
        }
        if (type != QLatin1String("breast milk") && !type.isEmpty()) {
            skip(result, where, Text::tr("not breast milk (%1)").arg(type));
            continue;
        }
        qint64 startMs = 0, endMs = 0;
        int startOffset = 0, endOffset = 0;
        const QString start = table.cell(row, QStringLiteral("start")), end = table.cell(row, QStringLiteral("end"));
        if (!intervalOf(babyBuddyTime(start), QStringLiteral("start"), start, babyBuddyTime(end), QStringLiteral("end"),
                end, where, options, result, startMs, startOffset, endMs, endOffset))
            continue;
        Session s = importedSession(
            QStringLiteral("babybuddy"), SessionKind::Nursing, startMs, startOffset, endMs, endOffset);
        s.uuid
            = stableUuid(s.source, QStringLiteral("feeding ") + table.cell(row, QStringLiteral("id")) + u' ' + start);
        s.sideMs = {};
        s.side = *side;
        s.sideMs.forSide(*side) = s.activeMs;
        add(result, s, where, table.cell(row, QStringLiteral("notes")));
    }
    attachBottles(bottles, firstSession, result);
}

void readBabyBuddyPumping(const Table &table, const ImportOptions &options, ImportResult &result)
{
    const bool old = !table.has(QStringLiteral("start"));
    for (const CsvRecord &row : table.rows()) {
        const QString where = table.where(row);
        const QString start = table.cell(row, old ? QStringLiteral("time") : QStringLiteral("start"));
        const QString end = old ? start : table.cell(row, QStringLiteral("end"));
        qint64 startMs = 0, endMs = 0;
        int startOffset = 0, endOffset = 0;
        if (!intervalOf(babyBuddyTime(start), old ? QStringLiteral("time") : QStringLiteral("start"), start,
                babyBuddyTime(end), QStringLiteral("end"), end, where, options, result, startMs, startOffset, endMs,
                endOffset))
            continue;
        Session s = importedSession(
            QStringLiteral("babybuddy"), SessionKind::Pumping, startMs, startOffset, endMs, endOffset);
        s.uuid = stableUuid(s.source,
            QStringLiteral("pumping ") + (old ? QString() : table.cell(row, QStringLiteral("id"))) + u' ' + start);
        const QString amount = table.cell(row, QStringLiteral("amount"));
        if (!parseAmountMl(amount, options.unit, s.pumpedVolumeMl)) {
            result.problems << (options.unit ? Text::tr("%1: amount '%2' is not a number.").arg(where, amount)
                                             : Text::tr("%1: amount '%2' has no unit; say whether the file is in ml or "
                                                        "oz.")
                                                   .arg(where, amount));
            continue;
        }
        if (old)
            result.warnings
                << Text::tr("%1: an older export with one time per session: its duration is not known (0).").arg(where);
        add(result, s, where, table.cell(row, QStringLiteral("notes")));
    }
}

// ---- Huckleberry ----------------------------------------------------------------------------

// "00:08R", "00:06L", "8m": minutes on a side.
std::optional<qint64> sideMinutesMs(const QString &text)
{
    static const QRegularExpression kClock(
        QStringLiteral("^(\\d{1,2}):(\\d{2})\\s*[LR]?$"), QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = kClock.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    return (match.captured(1).toLongLong() * 60 + match.captured(2).toLongLong()) * kMinuteMs;
}

QDateTime huckleberryTime(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm"));
    if (!time.isValid())
        time = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    return time;
}

void readHuckleberry(const Table &table, const ImportOptions &options, ImportResult &result)
{
    for (const CsvRecord &row : table.rows()) {
        const QString where = table.where(row);
        const QString type = table.cell(row, QStringLiteral("Type"));
        const QString location = table.cell(row, QStringLiteral("Start Location"));
        const QString startCondition = table.cell(row, QStringLiteral("Start Condition"));
        const QString endCondition = table.cell(row, QStringLiteral("End Condition"));
        const bool breastfeed = type == QLatin1String("Feed") && location == QLatin1String("Breast");
        const bool pump = type == QLatin1String("Pump");
        if (!breastfeed && !pump) {
            skip(result, where,
                type == QLatin1String("Feed") ? Text::tr("a bottle or solid feed (%1)").arg(location)
                                              : Text::tr("%1: not a feed or pumping session").arg(type));
            continue;
        }
        const QString start = table.cell(row, QStringLiteral("Start"));
        QString end = table.cell(row, QStringLiteral("End"));
        qint64 startMs = 0, endMs = 0;
        int startOffset = 0, endOffset = 0;
        if (!instantOf(
                huckleberryTime(start), QStringLiteral("Start"), start, where, options, result, startMs, startOffset))
            continue;
        // A breastfeed's sides: the right's minutes in Start Condition, the left's in End Condition.
        std::optional<qint64> rightMs, leftMs;
        if (breastfeed) {
            rightMs = sideMinutesMs(startCondition);
            leftMs = sideMinutesMs(endCondition);
        }
        if (breastfeed && ((!startCondition.isEmpty() && !rightMs) || (!endCondition.isEmpty() && !leftMs))) {
            result.problems << Text::tr("%1: side times '%2' and '%3' are not like 00:08R and 00:06L.")
                                   .arg(where, startCondition, endCondition);
            continue;
        }
        if (end.isEmpty()) {
            // No end: from the duration (HH:MM), else from the sides' minutes.
            const std::optional<qint64> durationMs = sideMinutesMs(table.cell(row, QStringLiteral("Duration")));
            endMs = startMs + (durationMs ? *durationMs : leftMs.value_or(0) + rightMs.value_or(0));
            endOffset = options.timeZone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(endMs, Qt::UTC));
        } else {
            // Start read again with End, so that the pair is valid and shortest across the
            // autumn's repeated hour (its warning said once, here).
            result.warnings.removeIf([&](const QString &w) { return w.startsWith(where + QStringLiteral(": Start ")); });
            if (!intervalOf(huckleberryTime(start), QStringLiteral("Start"), start, huckleberryTime(end),
                    QStringLiteral("End"), end, where, options, result, startMs, startOffset, endMs, endOffset))
                continue;
        }
        Session s = importedSession(QStringLiteral("huckleberry"),
            breastfeed ? SessionKind::Nursing : SessionKind::Pumping, startMs, startOffset, endMs, endOffset);
        // No row ids: the row's own content identifies it.
        s.uuid = stableUuid(s.source, row.fields.join(u'\x1f'));
        if (breastfeed) {
            putSideTimes(s, leftMs.value_or(0), rightMs.value_or(0));
        } else if (!parseAmountMl(startCondition, std::nullopt, s.leftVolumeMl)
            || !parseAmountMl(endCondition, std::nullopt, s.rightVolumeMl)) {
            result.problems << Text::tr("%1: pumped amounts '%2' and '%3' are not like 100ml or 2.5oz.")
                                   .arg(where, startCondition, endCondition);
            continue;
        } else if (s.leftVolumeMl && s.rightVolumeMl) {
            s.pumpedVolumeMl = *s.leftVolumeMl + *s.rightVolumeMl;
        } else {
            s.pumpedVolumeMl = s.leftVolumeMl ? s.leftVolumeMl : s.rightVolumeMl;
        }
        add(result, s, where, table.cell(row, QStringLiteral("Notes")));
    }
}

// ---- Baby Tracker ---------------------------------------------------------------------------

bool isBabyTrackerNursing(const QStringList &h)
{
    return h.contains(QStringLiteral("Time")) && h.contains(QStringLiteral("Left duration (min)"))
        && h.contains(QStringLiteral("Right duration (min)")) && !h.contains(QStringLiteral("Total amount (oz.)"))
        && !h.contains(QStringLiteral("Total amount (ml)"));
}

bool isBabyTrackerPump(const QStringList &h)
{
    return h.contains(QStringLiteral("Time")) && h.contains(QStringLiteral("Left duration (min)"))
        && (h.contains(QStringLiteral("Total amount (oz.)")) || h.contains(QStringLiteral("Total amount (ml)")));
}

// "4/29/25, 09:29": month/day/two-digit year.
QDateTime babyTrackerTime(const QString &text)
{
    static const QRegularExpression kTime(
        QStringLiteral("^(\\d{1,2})/(\\d{1,2})/(\\d{2}|\\d{4}),?\\s+(\\d{1,2}):(\\d{2})$"));
    const QRegularExpressionMatch m = kTime.match(text.trimmed());
    if (!m.hasMatch())
        return {};
    int year = m.captured(3).toInt();
    if (year < 100)
        year += 2000;
    return QDateTime(
        QDate(year, m.captured(1).toInt(), m.captured(2).toInt()), QTime(m.captured(4).toInt(), m.captured(5).toInt()));
}

std::optional<qint64> minutesMs(const QString &text, bool &ok)
{
    ok = true;
    if (text.isEmpty())
        return std::nullopt;
    const double minutes = QString(text).replace(u',', u'.').toDouble(&ok);
    ok = ok && minutes >= 0 && minutes <= 24 * 60;
    return ok ? std::optional<qint64>(std::llround(minutes * kMinuteMs)) : std::nullopt;
}

void readBabyTracker(const Table &table, bool pump, const ImportOptions &options, ImportResult &result)
{
    const bool inOunces = table.has(QStringLiteral("Total amount (oz.)"));
    const QString unitSuffix = inOunces ? QStringLiteral(" (oz.)") : QStringLiteral(" (ml)");
    const std::optional<VolumeUnit> unit = inOunces ? VolumeUnit::Oz : VolumeUnit::Ml;
    for (const CsvRecord &row : table.rows()) {
        const QString where = table.where(row);
        const QString time = table.cell(row, QStringLiteral("Time"));
        qint64 startMs = 0;
        int startOffset = 0;
        if (!instantOf(
                babyTrackerTime(time), QStringLiteral("Time"), time, where, options, result, startMs, startOffset))
            continue;
        bool leftOk = false, rightOk = false, totalOk = false;
        const auto leftMs = minutesMs(table.cell(row, QStringLiteral("Left duration (min)")), leftOk);
        const auto rightMs = minutesMs(table.cell(row, QStringLiteral("Right duration (min)")), rightOk);
        const auto totalMs = minutesMs(table.cell(row, QStringLiteral("Total Duration (min)")), totalOk);
        if (!leftOk || !rightOk || !totalOk) {
            result.problems << Text::tr("%1: the durations are not minutes.").arg(where);
            continue;
        }
        const qint64 durationMs = totalMs ? *totalMs : leftMs.value_or(0) + rightMs.value_or(0);
        const qint64 endMs = startMs + durationMs;
        const int endOffset = options.timeZone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(endMs, Qt::UTC));
        Session s = importedSession(QStringLiteral("babytracker"), pump ? SessionKind::Pumping : SessionKind::Nursing,
            startMs, startOffset, endMs, endOffset);
        s.uuid = stableUuid(
            s.source, (pump ? QStringLiteral("pump ") : QStringLiteral("nursing ")) + row.fields.join(u'\x1f'));
        putSideTimes(s, leftMs.value_or(0), rightMs.value_or(0));
        if (pump) {
            std::optional<double> total;
            if (!parseAmountMl(table.cell(row, QStringLiteral("Left amount") + unitSuffix), unit, s.leftVolumeMl)
                || !parseAmountMl(table.cell(row, QStringLiteral("Right amount") + unitSuffix), unit, s.rightVolumeMl)
                || !parseAmountMl(table.cell(row, QStringLiteral("Total amount") + unitSuffix), unit, total)) {
                result.problems << Text::tr("%1: the amounts are not numbers.").arg(where);
                continue;
            }
            s.pumpedVolumeMl
                = s.leftVolumeMl && s.rightVolumeMl ? std::optional(*s.leftVolumeMl + *s.rightVolumeMl) : total;
        }
        add(result, s, where, table.cell(row, QStringLiteral("Note")));
    }
}

} // namespace

QList<Importer::FileKind> BabyBuddyImporter::fileKinds() const
{
    return {{QStringLiteral("feeding"), {"child_id", "start", "end", "type", "method"}},
        {QStringLiteral("pumping"), {"child_id", "amount", "start", "end"}}};
}

QList<Importer::FileKind> HuckleberryImporter::fileKinds() const
{
    return {{QString(), {"Type", "Start", "End", "Duration", "Start Condition", "Start Location", "End Condition"}}};
}

QList<Importer::FileKind> BabyTrackerImporter::fileKinds() const
{
    return {{QStringLiteral("nursing"), {"Time", "Left duration (min)", "Right duration (min)"}},
        {QStringLiteral("pump"), {"Time", "Left duration (min)", "Total amount (ml)"}}};
}

bool BabyBuddyImporter::recognises(const QStringList &header) const
{
    return isBabyBuddyFeeding(header) || isBabyBuddyPumping(header);
}

bool BabyBuddyImporter::needsUnit(const QList<ImportFile> &files)
{
    // Pumped amounts, and bottles (a breastfeed's top-up), may be written without a unit.
    for (const ImportFile &file : files) {
        const QStringList header = csvHeaderOf(file.bytes);
        if (isBabyBuddyPumping(header) || (isBabyBuddyFeeding(header) && file.bytes.contains(",bottle,")))
            return true;
    }
    return false;
}

ImportResult BabyBuddyImporter::read(const QList<ImportFile> &files, const ImportOptions &options) const
{
    ImportResult result;
    for (const ImportFile &file : files) {
        Table table;
        if (!table.open(file, result))
            continue;
        const QStringList header = csvHeaderOf(file.bytes);
        if (isBabyBuddyFeeding(header))
            readBabyBuddyFeeding(table, options, result);
        else
            readBabyBuddyPumping(table, options, result);
    }
    return result;
}

bool HuckleberryImporter::recognises(const QStringList &header) const
{
    for (const char *column :
        {"Type", "Start", "End", "Duration", "Start Condition", "Start Location", "End Condition"})
        if (!header.contains(QLatin1String(column)))
            return false;
    return true;
}

ImportResult HuckleberryImporter::read(const QList<ImportFile> &files, const ImportOptions &options) const
{
    ImportResult result;
    for (const ImportFile &file : files) {
        Table table;
        if (table.open(file, result))
            readHuckleberry(table, options, result);
    }
    return result;
}

bool BabyTrackerImporter::recognises(const QStringList &header) const
{
    return isBabyTrackerNursing(header) || isBabyTrackerPump(header);
}

ImportResult BabyTrackerImporter::read(const QList<ImportFile> &files, const ImportOptions &options) const
{
    ImportResult result;
    for (const ImportFile &file : files) {
        Table table;
        if (table.open(file, result))
            readBabyTracker(table, isBabyTrackerPump(csvHeaderOf(file.bytes)), options, result);
    }
    return result;
}
