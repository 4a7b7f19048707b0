#include "import/Importer.h"

#include "csv/Csv.h"
#include "import/LetdownCsvImporter.h"
#include "import/OtherTrackers.h"
#include "storage/SessionStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QMap>

namespace {
// lupdate reads Text::tr("...") with this context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Importer)
};
} // namespace

const QList<const Importer *> &importers()
{
    static const LetdownCsvImporter letdown;
    static const BabyBuddyImporter babyBuddy;
    static const HuckleberryImporter huckleberry;
    static const BabyTrackerImporter babyTracker;
    static const QList<const Importer *> all = {&letdown, &babyBuddy, &huckleberry, &babyTracker};
    return all;
}

const Importer *importerWithId(const QString &id)
{
    for (const Importer *importer : importers())
        if (importer->id() == id)
            return importer;
    return nullptr;
}

QStringList csvHeaderOf(const QByteArray &bytes)
{
    // Only the first line is needed; a header has no quoted line breaks.
    const qsizetype end = bytes.indexOf('\n');
    CsvReader reader;
    if (!reader.parse(end < 0 ? bytes : bytes.left(end + 1)) || reader.records().isEmpty())
        return {};
    QStringList header = reader.records().constFirst().fields;
    for (QString &name : header)
        name = name.trimmed();
    return header;
}

namespace {
// Why a file is not one Letdown can import, naming the export it looks most like (the one
// whose identifying columns it has most of) and the columns it lacks.
QString notRecognised(const ImportFile &file)
{
    const QStringList header = csvHeaderOf(file.bytes);
    QString closest;
    QStringList missing;
    int mostShared = 0;
    for (const Importer *importer : importers())
        for (const Importer::FileKind &kind : importer->fileKinds()) {
            int shared = 0;
            QStringList lacking;
            for (const QString &column : kind.columns) {
                if (header.contains(column))
                    ++shared;
                else
                    lacking << column;
            }
            if (shared > mostShared) {
                mostShared = shared;
                closest = kind.name.isEmpty() ? importer->displayName()
                                              : Text::tr("%1 (%2 file)").arg(importer->displayName(), kind.name);
                missing = lacking;
            }
        }
    if (mostShared < 2)
        return Text::tr("%1 line 1: this is not a file Letdown can import: its columns are not those of Letdown's "
                        "own export, Baby Buddy, Huckleberry or Baby Tracker.")
            .arg(file.name);
    return Text::tr("%1 line 1: this looks like an export of %2, but the column(s) %3 are missing.")
        .arg(file.name, closest, missing.join(QStringLiteral(", ")));
}
} // namespace

const Importer *detectImporter(const QList<ImportFile> &files, QString &error)
{
    for (const Importer *importer : importers()) {
        bool all = !files.isEmpty();
        for (const ImportFile &file : files)
            all = all && importer->recognises(csvHeaderOf(file.bytes));
        if (all)
            return importer;
    }
    for (const ImportFile &file : files) {
        bool known = false;
        for (const Importer *importer : importers())
            known = known || importer->recognises(csvHeaderOf(file.bytes));
        if (!known) {
            error = CsvReader::looksLikeUtf16(file.bytes) ? Text::tr("%1: %2").arg(file.name, CsvReader::utf16Message())
                                                          : notRecognised(file);
            return nullptr;
        }
    }
    error = Text::tr("These files come from different apps; import them one app at a time.");
    return nullptr;
}

bool readImportFile(const QString &path, ImportFile &file, QString &error)
{
    file = {QFileInfo(path).fileName(), {}};
    QFile input(path);
    if (!input.open(QIODevice::ReadOnly)) {
        error = Text::tr("Cannot read %1: %2").arg(path, input.errorString());
        return false;
    }
    // Room for the whole file at once where its size is known (a growing buffer copied ten
    // years of export several times over); a pipe still reads in chunks.
    if (const qint64 size = input.size(); size > 0)
        file.bytes.reserve(qsizetype(std::min<qint64>(size, CsvReader::kMaxFileBytes + 1)));
    QByteArray chunk;
    while (!(chunk = input.read(1 << 20)).isEmpty()) {
        file.bytes += chunk;
        if (file.bytes.size() > CsvReader::kMaxFileBytes) {
            file.bytes.clear();
            error = Text::tr("%1 is too large (the limit is %2 MB).")
                        .arg(path)
                        .arg(CsvReader::kMaxFileBytes / (1024 * 1024));
            return false;
        }
    }
    if (input.error() != QFileDevice::NoError) {
        error = Text::tr("Cannot read %1: %2").arg(path, input.errorString());
        return false;
    }
    return true;
}

namespace {
QString localText(qint64 utcMs, int offsetS)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs + qint64(offsetS) * 1000, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}
} // namespace

QString importSummary(const Importer &importer, const ImportResult &result, const ImportOptions &options)
{
    int nursing = 0, pumping = 0;
    std::optional<qint64> first, last;
    int firstOffset = 0, lastOffset = 0;
    for (const Session &s : result.sessions) {
        (s.kind == SessionKind::Nursing ? nursing : pumping) += 1;
        if (!first || s.startedAtUtcMs < *first) {
            first = s.startedAtUtcMs;
            firstOffset = s.startedUtcOffsetS;
        }
        if (!last || s.startedAtUtcMs > *last) {
            last = s.startedAtUtcMs;
            lastOffset = s.startedUtcOffsetS;
        }
    }
    QString summary
        = Text::tr("%1: %2 nursing and %3 pumping sessions").arg(importer.displayName()).arg(nursing).arg(pumping);
    if (first)
        summary += Text::tr(" from %1 to %2")
                       .arg(localText(*first, firstOffset).left(10), localText(*last, lastOffset).left(10));
    summary += Text::tr(", times read in %1").arg(QString::fromUtf8(options.timeZone.id()));
    // Skipped rows grouped by their reason ("file line 7: a bottle feed (formula)").
    QStringList grouped;
    for (auto it = result.skippedByReason.cbegin(); it != result.skippedByReason.cend(); ++it)
        grouped << QStringLiteral("%1 × %2").arg(it.value()).arg(it.key());
    summary += result.skippedCount() == 0
        ? Text::tr("; no rows skipped")
        : Text::tr("; %1 rows skipped: %2").arg(result.skippedCount()).arg(grouped.join(QStringLiteral(", ")));
    if (!result.warnings.isEmpty())
        summary += Text::tr("; %1 warnings (below)").arg(result.warnings.size());
    return summary + u'.';
}

int ImportResult::skippedCount() const
{
    int count = 0;
    for (const int n : skippedByReason)
        count += n;
    return count;
}

QStringList overlapWarnings(const QList<Session> &imported, const QList<Session> &stored)
{
    QStringList warnings;
    for (const Session &in : imported) {
        const qint64 inEnd = in.endedAtUtcMs.value_or(in.startedAtUtcMs);
        for (const Session &own : stored) {
            if (own.source != QLatin1String("letdown") || own.uuid == in.uuid)
                continue;
            const qint64 ownEnd = own.endedAtUtcMs.value_or(own.lastEventAtUtcMs);
            if (in.startedAtUtcMs < ownEnd && own.startedAtUtcMs < inEnd)
                warnings << Text::tr(
                    "the imported session of %1 overlaps the one you logged in Letdown at %2; both are "
                    "kept.")
                                .arg(localText(in.startedAtUtcMs, in.startedUtcOffsetS),
                                    localText(own.startedAtUtcMs, own.startedUtcOffsetS));
        }
    }
    return warnings;
}

QStringList storedOverlapWarnings(SessionStore &store, const QList<Session> &imported)
{
    if (imported.isEmpty() || imported.first().source == QLatin1String("letdown"))
        return {};
    qint64 firstMs = imported.first().startedAtUtcMs, lastMs = firstMs;
    for (const Session &s : imported) {
        firstMs = std::min(firstMs, s.startedAtUtcMs);
        lastMs = std::max(lastMs, s.endedAtUtcMs.value_or(s.startedAtUtcMs));
    }
    constexpr qint64 kDayMs = 24LL * 3600 * 1000; // a session that started the day before may still overlap
    QList<Session> stored;
    if (!store.loadSessionsStartedBetween(firstMs - kDayMs, lastMs + kDayMs, stored))
        return {Text::tr("Your own sessions could not be read to look for overlaps: %1").arg(store.errorString())};
    return overlapWarnings(imported, stored);
}
