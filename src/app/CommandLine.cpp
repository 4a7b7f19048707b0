#include "CommandLine.h"

#include "ServeCommand.h"
#ifndef LETDOWN_WITHOUT_WIDGETS
#include "Report.h"
#include "TrendsView.h"
#include <QApplication>
#include <QImage>
#endif
#include "import/CsvImport.h"
#include "output/CsvExport.h"
#include "stats/DayFigures.h"
#include "datafile/DataFile.h"
#include "demo/DemoData.h"
#include "domain/PlausibleDates.h"
#include "import/Importer.h"
#include "instance/InstanceGuard.h"
#include "journal/Journal.h"
#include "recorder/SessionRecorder.h"
#include "output/OutputFiles.h"
#include "scale/LetdownDetector.h"
#include "scale/ScaleSamples.h"
#include "domain/TimeFormat.h"
#include "base/Clock.h"
#include "settings/Preferences.h"
#include "stats/Insights.h"
#include "stats/KeptStatistics.h"
#include "stats/StatsJson.h"
#include "stats/TrendQuery.h"
#include "storage/Backups.h"
#include "storage/Database.h"
#include "storage/SessionStore.h"
#include "sync/SyncFolder.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QThread>
#include <QFuture>
#include <QJsonDocument>
#include <QLocale>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTextStream>
#include <QtConcurrent/QtConcurrentRun>

#include <cerrno>
#include <cstdio>
#include <functional>
#include <limits>

namespace {
// lupdate reads Text::tr("...") with this context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
};

// Prints "letdown VERB: message" on stderr and returns the exit code given.
int fail(const QString &verb, const QString &message, int exitCode = 1)
{
    std::fprintf(stderr, "letdown %s: %s\n", qPrintable(verb), qPrintable(message));
    return exitCode;
}

const QCommandLineOption kDatabaseOption(
    {QStringLiteral("database")}, QStringLiteral("The database file (default: %1)."), QStringLiteral("file"));

// A command that changes her data runs through a journal: its own on the file, or, while
// the window or `serve` owns the file, the owner's (handed over the instance socket). It
// writes what it has to say here, so the same words reach the terminal either way.
struct WriteContext {
    QString verb;
    QString out;
    QString err;
    // The journal on the file (opened on first use with `mode`), or null with `error`.
    std::function<Journal *(Database::OpenMode mode, QString &error)> journal;
    int fail(const QString &message, int exitCode = 1)
    {
        err += QStringLiteral("letdown %1: %2\n").arg(verb, message);
        return exitCode;
    }
};
using WriteVerb = std::function<int(const QCommandLineParser &, WriteContext &)>;

struct Verb {
    const char *name;
    const char *summary;
    bool drawsCharts; // needs QApplication (offscreen) rather than QCoreApplication
    std::function<QList<QCommandLineOption>()> options; // besides --database and --help
    std::function<int(const QCommandLineParser &)> run;
    bool takesFiles = false; // further arguments are files (import), not mistakes
    WriteVerb write = nullptr; // set for the commands that change her data (run is then unused)
};

// The arguments after the command itself.
QStringList filesOf(const QCommandLineParser &parser, const char *verb)
{
    QStringList files = parser.positionalArguments();
    files.removeOne(QString::fromLatin1(verb));
    return files;
}

QString databasePath(const QCommandLineParser &parser)
{
    return parser.isSet(kDatabaseOption) ? parser.value(kDatabaseOption) : CommandLine::herDatabasePath();
}

bool parseDate(const QCommandLineParser &parser, const QString &option, std::optional<QDate> &date, QString &error)
{
    if (!parser.isSet(option))
        return true;
    const QDate parsed = QDate::fromString(parser.value(option), Qt::ISODate);
    if (!parsed.isValid()) {
        error = Text::tr("--%1 must be a date like 2026-11-28, not '%2'.").arg(option, parser.value(option));
        return false;
    }
    date = parsed;
    return true;
}

bool parseKind(const QCommandLineParser &parser, KindFilter &filter, QString &error)
{
    const QString kind = parser.value(QStringLiteral("kind"));
    if (kind.isEmpty() || kind == QLatin1String("both"))
        filter = KindFilter::Both;
    else if (kind == QLatin1String("nursing"))
        filter = KindFilter::Nursing;
    else if (kind == QLatin1String("pumping"))
        filter = KindFilter::Pumping;
    else {
        error = Text::tr("--kind must be nursing, pumping or both, not '%1'.").arg(kind);
        return false;
    }
    return true;
}

// Her saved volume model (the one the window, the export and the report use), with --decay
// overriding its decay for this run.
bool parseModel(const QCommandLineParser &parser, ReferenceModel &model, QString &error)
{
    model = Preferences::load().referenceModel();
    if (parser.isSet(QStringLiteral("decay"))) {
        bool ok = false;
        model.decayR = parser.value(QStringLiteral("decay")).toDouble(&ok);
        if (!ok)
            model.decayR = -1;
    }
    error = model.validate();
    return error.isEmpty();
}

QDate today()
{
    return localToday(processClock());
}

// Her preferences with the reference figures the command line settled on. An explicit
// --decay means the reference curve with that decay, whichever model she chose.
Preferences preferencesWithModel(const ReferenceModel &model, const QCommandLineParser &parser)
{
    Preferences preferences = Preferences::load();
    preferences.decayR = model.decayR;
    preferences.firstLetdownMl = model.firstLetdownMl;
    if (parser.optionNames().contains(QStringLiteral("decay"))) // not every command has --decay
        preferences.volumeModelChoice = Preferences::VolumeModelChoice::Reference;
    return preferences;
}

// The figures her estimates use: her own fitted curve when she chose it in Preferences and
// it is ready (and no --decay says otherwise), else the reference curve. Her curve is
// fitted when it is in use, or when `alwaysFit` (a chart draws it either way).
bool useHerVolumeModel(SessionStore &store, const QCommandLineParser &parser, ReferenceModel &model, QString &error,
    Preferences *withFit = nullptr)
{
    Preferences preferences = preferencesWithModel(model, parser);
    if ((withFit || preferences.volumeModelChoice == Preferences::VolumeModelChoice::Fitted)
        && !loadCurrentFit(store, preferences.currentFit, error))
        return false;
    model = preferences.referenceModel();
    if (withFit)
        *withFit = preferences;
    return true;
}

bool parseRange(const QCommandLineParser &parser, StatsRange &range, QString &error)
{
    if (!parseDate(parser, QStringLiteral("from"), range.from, error)
        || !parseDate(parser, QStringLiteral("to"), range.to, error))
        return false;
    if (range.from && range.to && *range.to < *range.from) {
        error = Text::tr("--to is before --from.");
        return false;
    }
    // Clamped to plausible dates: the work follows the data, not the range.
    const QDate today = localToday(processClock());
    if (range.from)
        range.from = std::clamp(*range.from, earliestPlausibleDate(), latestPlausibleDate(today));
    if (range.to)
        range.to = std::clamp(*range.to, earliestPlausibleDate(), latestPlausibleDate(today));
    return true;
}

QList<QCommandLineOption> rangeOptions()
{
    return {{QStringLiteral("from"), Text::tr("First day, YYYY-MM-DD (local time)."), QStringLiteral("date")},
        {QStringLiteral("to"), Text::tr("Last day, YYYY-MM-DD (local time)."), QStringLiteral("date")}};
}

QList<QCommandLineOption> statsOptions()
{
    return {{QStringLiteral("kind"), Text::tr("nursing, pumping or both (default)."), QStringLiteral("kind")},
        {QStringLiteral("decay"),
            Text::tr("The volume model's decay r, above 0 and at most 1 (default: your setting)."),
            QStringLiteral("r")}};
}

QString optionalText(const std::optional<double> &value, int decimals)
{
    return value ? QString::number(*value, 'f', decimals) : QStringLiteral("-");
}

int runStats(const QCommandLineParser &parser)
{
    const QString verb = QStringLiteral("stats");
    StatsRange range;
    KindFilter filter = KindFilter::Both;
    ReferenceModel model;
    QString error;
    if (!parseRange(parser, range, error) || !parseKind(parser, filter, error) || !parseModel(parser, model, error))
        return fail(verb, error, 2);
    Database database;
    DataFile dataFile(database);
    if (!dataFile.open(databasePath(parser), Database::OpenMode::MustExist))
        return fail(verb, dataFile.errorString());
    SessionStore store(database);
    Preferences preferences = preferencesWithModel(model, parser);
    const bool asJson = parser.isSet(QStringLiteral("json"));
    const bool fittedChosen = preferences.volumeModelChoice == Preferences::VolumeModelChoice::Fitted;
    const bool fitWanted = asJson || fittedChosen;

    // Her curve, the insights and the days come from every session. An earlier ask kept them
    // in the file (stats/KeptStatistics); while no data changed since, they are read from there.
    const QByteArray keptKey
        = sessionDerivedStatisticsKey(range, today(), model.decayR, model.firstLetdownMl, fittedChosen);
    QByteArray stamp, keptBytes;
    SessionDerivedStatistics derived;
    const bool kept = store.dataStamp(stamp) && store.loadKeptResult(keptKey, stamp, keptBytes)
        && !keptBytes.isEmpty() && SessionDerivedStatistics::fromBytes(keptBytes, derived);
    QList<Session> sessions;
    QFuture<std::optional<VolumeFit>> fitting;
    if (!kept) {
        // One lean read serves both the weekly figures and the insights.
        if (!loadStatisticsSessions(store, range, today(), sessions, error))
            return fail(verb, error);
        derived.letdownsLeftOut = store.letdownsLeftOut();
        // Her own curve is fitted to all her sessions, not only the period asked. With all of
        // them already read, the fit (a bootstrap) runs on a second core while the figures are
        // computed, unless her curve is in use: then the estimates wait for it.
        if (range.from && fitWanted) {
            if (!loadCurrentFit(store, derived.fit, error))
                return fail(verb, error);
        } else if (fitWanted) {
            fitting = QtConcurrent::run([&sessions] { return fitVolumeModel(measuredSessions(sessions)); });
        }
    }
    const auto waitForFit = qScopeGuard([&] { fitting.waitForFinished(); }); // it reads `sessions`
    if (fittedChosen && fitting.isValid())
        derived.fit = fitting.result();
    if (derived.letdownsLeftOut > 0)
        std::fprintf(stderr, "letdown stats: %d let-downs beyond %d in one session were left out.\n",
            derived.letdownsLeftOut, kMaxLetdownsPerSession);
    if (fitWanted)
        preferences.currentFit = derived.fit;
    model = preferences.referenceModel();
    // The weekly figures are kept as data (docs/performance.md): read, not recomputed.
    TrendStats stats;
    if (!loadTrendStats(store, model, filter, range, stats, error))
        return fail(verb, error);

    QTextStream out(stdout);
    if (asJson) {
        // The weeks and the days are written directly into Qt's text (writeStatsJson).
        QJsonObject json = trendStatsToJson(stats, model, WeeksAs::Placeholder);
        QFuture<void> freeing;
        QFuture<QByteArray> packing; // reads `derived`, which stays as it is from here on
        const auto waitForOtherCores = qScopeGuard([&] {
            freeing.waitForFinished();
            packing.waitForFinished();
        });
        if (!kept) {
            derived.insightsJson
                = QJsonDocument(insightsToJson(computeInsights(sessions, model, range, today()))).toJson(
                    QJsonDocument::Compact);
            // The consultant's day by day, both kinds whatever --kind says (docs/consultant.md).
            derived.daysText = statsDaysText(dayFigures(sessions, model, range));
            if (fitting.isValid())
                derived.fit = fitting.result();
            preferences.currentFit = derived.fit;
            // Every figure is made: ten years of sessions are freed on the other core while the
            // text is written (freeing them here took as long as writing it), and what is kept
            // for the next ask is packed.
            freeing = QtConcurrent::run([doomed = std::move(sessions)]() mutable { doomed = {}; });
            packing = QtConcurrent::run([&derived] { return derived.toBytes(); });
        }
        json.insert(QStringLiteral("insights"), QJsonDocument::fromJson(derived.insightsJson).object());
        json.insert(QStringLiteral("model"), volumeModelToJson(preferences));
        // Let-downs felt with no session running: counted apart, in no session's figures.
        QList<SessionStore::SpontaneousLetdown> felt;
        if (!loadSpontaneousLetdownsInRange(store, range, felt, error))
            return fail(verb, error);
        json.insert(QStringLiteral("spontaneous_letdowns"), int(felt.size()));
        // Rows on impossible dates (a damaged or hand-edited file) are left out, and said.
        int implausible = 0;
        if (!countImplausibleSessions(store, implausible, error))
            return fail(verb, error);
        if (derived.letdownsLeftOut > 0)
            json.insert(QStringLiteral("letdowns_left_out"), derived.letdownsLeftOut);
        if (implausible > 0) {
            json.insert(QStringLiteral("sessions_left_out"), implausible);
            std::fprintf(stderr, "letdown stats: %d sessions on dates before 2000 or more than a year ahead were left "
                                 "out (correct them in History).\n", implausible);
        }
        // Written as the bytes it is (already UTF-8): through QTextStream it went to UTF-16 and
        // back, a twelfth of the command on ten years. In pieces: joined, the weeks and days
        // were copied once more into fresh memory.
        const bool written = writeStatsJson(json, stats, derived.daysText, [](QByteArrayView piece) {
            return std::fwrite(piece.data(), 1, size_t(piece.size()), stdout) == size_t(piece.size());
        });
        if (!written || std::fflush(stdout) != 0)
            return fail(verb, Text::tr("Cannot write to standard output: %1").arg(qt_error_string(errno)));
        // Kept for the next ask, after she has her answer, by the file's owner only: with the
        // window or `serve` holding it, nothing is written (its taps never wait for this) and
        // the next ask computes them again, as after a read-only file or a busy moment.
        if (packing.isValid() && !stamp.isEmpty()) {
            InstanceGuard owner(databasePath(parser));
            if (owner.tryAcquire() == InstanceGuard::Result::Acquired)
                store.saveKeptResult(keptKey, stamp, packing.result());
        }
        return 0;
    }
    out << Text::tr("week      sessions  let-downs/nursing  let-downs/pumping  first let-down (s)  ml/day (est.)\n");
    for (const WeekStats &week : stats.weeks)
        out << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                   .arg(week.week.label(), -8)
                   .arg(week.sessions, 8)
                   .arg(optionalText(week.meanLetdownsNursing, 2), 17)
                   .arg(optionalText(week.meanLetdownsPumping, 2), 17)
                   .arg(optionalText(week.medianFirstLetdownS, 0), 18)
                   .arg(optionalText(week.estimatedMlPerDay, 0), 13);
    return 0;
}

bool parsePositiveInt(
    const QCommandLineParser &parser, const QString &option, int fallback, int max, int &value, QString &error)
{
    value = fallback;
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    value = parser.value(option).toInt(&ok);
    if (!ok || value < 1 || value > max) {
        error = Text::tr("--%1 must be a whole number from 1 to %2.").arg(option).arg(max);
        return false;
    }
    return true;
}

#ifndef LETDOWN_WITHOUT_WIDGETS // the two commands that draw: only in the window's program
int runChart(const QCommandLineParser &parser)
{
    const QString verb = QStringLiteral("chart");
    const QString out = parser.value(QStringLiteral("out"));
    if (out.isEmpty())
        return fail(verb, Text::tr("--out FILE.png is required."), 2);
    int width = 0, height = 0, weeks = 0;
    KindFilter filter = KindFilter::Both;
    ReferenceModel model;
    QString error;
    const bool allWeeks = parser.value(QStringLiteral("weeks")) == QLatin1String("all");
    if (!parsePositiveInt(parser, QStringLiteral("width"), 1600, 10000, width, error)
        || !parsePositiveInt(parser, QStringLiteral("height"), 1000, 10000, height, error)
        || (!allWeeks && !parsePositiveInt(parser, QStringLiteral("weeks"), 12, 5200, weeks, error))
        || !parseKind(parser, filter, error) || !parseModel(parser, model, error))
        return fail(verb, error, 2);

    Database database;
    DataFile dataFile(database);
    if (!dataFile.open(databasePath(parser), Database::OpenMode::MustExist))
        return fail(verb, dataFile.errorString());
    OutputFiles output(database.path()); // checked before the work, written after it
    const int index = output.add(out, true, error);
    if (index < 0)
        return fail(verb, error);
    SessionStore store(database);
    const StatsRange range = allWeeks ? StatsRange {std::nullopt, today()} : lastWeeksRange(today(), weeks);
    TrendStats stats;
    Preferences preferences;
    if (!useHerVolumeModel(store, parser, model, error, &preferences)
        || !loadTrendStats(store, model, filter, range, stats, error))
        return fail(verb, error);
    TrendsView view;
    view.show(stats, model, filter, TrendCharts::chartOptionsFor(preferences));
    const QImage image = view.renderImage(QSize(width, height));
    if (!output.write(
            index,
            [&](QIODevice *device, QString &e) {
                if (image.save(device, "PNG"))
                    return true;
                e = Text::tr("the image could not be encoded or written");
                return false;
            },
            error)
        || !output.commit(error))
        return fail(verb, error);
    return 0;
}
#endif

int runDemoData(const QCommandLineParser &parser)
{
    const QString verb = QStringLiteral("demo-data");
    if (!parser.isSet(kDatabaseOption))
        return fail(verb, Text::tr("--database FILE is required (demo data never goes into your real log)."), 2);
    DemoDataOptions options;
    int seed = 1;
    QString error;
    if (!parsePositiveInt(parser, QStringLiteral("weeks"), 12, 5200, options.weeks, error)
        || !parsePositiveInt(parser, QStringLiteral("sessions-per-day"), 8, 24, options.sessionsPerDay, error)
        || !parsePositiveInt(parser, QStringLiteral("seed"), 1, std::numeric_limits<int>::max(), seed, error))
        return fail(verb, error, 2);
    options.seed = quint32(seed);
    std::optional<QDate> firstDay;
    if (!parseDate(parser, QStringLiteral("first-day"), firstDay, error))
        return fail(verb, error, 2);
    // By default the data ends today: no sessions in the future.
    options.firstDay = firstDay.value_or(today().addDays(1 - 7 * options.weeks));

    // Through a journal like every other writer: logged, and so sent by a sync folder.
    const std::unique_ptr<Journal> journal
        = Journal::open(parser.value(kDatabaseOption), processClock(), Database::OpenMode::CreateIfMissing, error);
    if (!journal)
        return fail(verb, error);
    const Database &database = journal->dataFile().database();
    if (database.isReadOnly())
        return fail(verb, Text::tr("%1 is write-protected.").arg(database.path()));
    SessionStore &store = journal->store();
    QList<SessionSummary> existing;
    if (!store.loadRecentSummaries(1, existing))
        return fail(verb, store.errorString());
    if (!existing.isEmpty())
        return fail(verb,
            Text::tr("%1 already holds sessions; demo data only goes into a new, empty database.")
                .arg(database.path()));
    QList<Session> sessions = generateDemoSessions(options);
    const qint64 nowUtcMs = processClock().wallUtcMs();
    sessions.removeIf([nowUtcMs](const Session &s) { return *s.endedAtUtcMs > nowUtcMs; }); // none in the future
    Journal::ImportCounts counts;
    if (!journal->importSessions(sessions, {}, Origin::Import, counts, error))
        return fail(verb, error);
    QTextStream(stdout) << Text::tr("Wrote %1 demo sessions (%2 weeks from %3) to %4\n")
                               .arg(sessions.size())
                               .arg(options.weeks)
                               .arg(options.firstDay.toString(Qt::ISODate), database.path());
    return 0;
}

int runDetect(const QCommandLineParser &parser)
{
    const QString verb = QStringLiteral("detect");
    const QString path = parser.value(QStringLiteral("samples"));
    if (path.isEmpty())
        return fail(verb, Text::tr("--samples FILE.csv is required."), 2);
    QVector<ScaleSample> samples;
    QString error;
    if (!ScaleSamples::readFile(path, samples, error))
        return fail(verb, error);
    const LetdownDetection detection = LetdownDetector::detect(samples);
    QTextStream out(stdout);
    if (parser.isSet(QStringLiteral("json"))) {
        out << QJsonDocument(LetdownDetector::toJson(detection)).toJson(QJsonDocument::Compact) << '\n';
        return 0;
    }
    const QLocale locale;
    const double minutes = (samples.last().atS - samples.first().atS) / 60;
    const int found = detection.letdowns.size();
    const QString readMinutes = locale.toString(minutes, 'f', 1);
    out << (found == 1 ? Text::tr("1 let-down found in %1 min of readings.").arg(readMinutes)
                       : Text::tr("%1 let-downs found in %2 min of readings.").arg(found).arg(readMinutes))
        << '\n';
    for (int k = 0; k < detection.letdowns.size(); ++k) {
        const DetectedLetdown &letdown = detection.letdowns[k];
        out << Text::tr("  %1. at %2: %3 ml")
                   .arg(k + 1)
                   .arg(formatElapsed(qint64(std::llround(letdown.onsetS * 1000))),
                       locale.toString(letdown.volumeMl, 'f', 1))
            << '\n';
    }
    out << Text::tr("Milk in the bottle: %1 ml, of it %2 ml/min trickling between let-downs.")
               .arg(locale.toString(detection.totalMl, 'f', 1), locale.toString(detection.trickleMlPerS * 60, 'f', 1))
        << '\n';
    if (detection.samplesSetAside > 0)
        out << Text::tr("Readings set aside (a lifted bottle, a bump): %1.").arg(detection.samplesSetAside) << '\n';
    if (detection.levelChanges > 0)
        out << Text::tr("Times the weight jumped and stayed (a bottle emptied or swapped; only milk was counted): %1.")
                   .arg(detection.levelChanges)
            << '\n';
    return 0;
}

// `letdown attach-scale FILE --session last|UUID`: a scale's readings, recorded elsewhere,
// attached to a finished pumping session through the journal (docs/scale.md).
int runAttachScale(const QCommandLineParser &parser, WriteContext &context)
{
    const QStringList files = filesOf(parser, "attach-scale");
    if (files.size() != 1)
        return context.fail(Text::tr("name one file of readings: letdown attach-scale FILE.csv --session last"), 2);
    const QString which = parser.value(QStringLiteral("session"));
    if (which.isEmpty())
        return context.fail(Text::tr("--session is required: 'last' (the last pumping session) or its id."), 2);
    QVector<ScaleSample> samples;
    std::optional<qint64> firstAtUtcMs;
    QString error;
    if (!ScaleSamples::readFile(files.constFirst(), samples, error, &firstAtUtcMs))
        return context.fail(error);
    Journal *journal = context.journal(Database::OpenMode::MustExist, error);
    if (!journal)
        return context.fail(error);
    QString uuid = which;
    if (which == QLatin1String("last")) {
        QList<SessionSummary> recent;
        if (!journal->store().loadRecentSummaries(200, recent))
            return context.fail(journal->store().errorString());
        uuid.clear();
        for (const SessionSummary &summary : recent)
            if (summary.kind == SessionKind::Pumping && summary.state == SessionState::Stopped) {
                uuid = summary.uuid;
                break;
            }
        if (uuid.isEmpty())
            return context.fail(Text::tr("there is no finished pumping session to attach the readings to."));
    }
    std::optional<Session> session;
    if (!journal->store().loadSession(uuid, session))
        return context.fail(journal->store().errorString());
    if (!session)
        return context.fail(Text::tr("there is no session %1.").arg(uuid));
    Journal::ScaleAttachment attachment;
    // Readings with their own times are placed by them; seconds count from the session's start.
    const qint64 startUtcMs = firstAtUtcMs.value_or(session->startedAtUtcMs);
    if (!journal->attachScaleRecording(uuid, samples, startUtcMs, Origin::CommandLine, attachment, error))
        return context.fail(error);
    const QLocale locale = QLocale::c();
    context.out += Text::tr("Attached %1 readings to the session of %2: %3 let-downs found (%4 matched your taps, %5 "
                            "added), %6 ml in the bottle.\n")
                       .arg(samples.size())
                       .arg(QDateTime::fromMSecsSinceEpoch(session->startedAtUtcMs, Qt::OffsetFromUTC,
                                session->startedUtcOffsetS)
                               .toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                       .arg(attachment.found)
                       .arg(attachment.matched)
                       .arg(attachment.added)
                       .arg(locale.toString(attachment.totalMl, 'f', 1));
    if (attachment.unmatchedTaps > 0)
        context.out += Text::tr("%1 of your taps had no let-down on the scale; they are kept as you made them.\n")
                           .arg(attachment.unmatchedTaps);
    return 0;
}

// `letdown sync --folder DIR [--name NAME]`: one exchange with a sync folder (docs/sync.md):
// this device's changes written, the others' applied, through the journal.
int runSync(const QCommandLineParser &parser, WriteContext &context)
{
    const QString folder = parser.value(QStringLiteral("folder"));
    if (folder.isEmpty())
        return context.fail(Text::tr("--folder is required: the folder Syncthing keeps the same on every device."), 2);
    if (!QFileInfo(folder).isDir())
        return context.fail(Text::tr("the sync folder %1 does not exist (is the disk there? has Syncthing made it?).")
                                .arg(QDir(folder).absolutePath()));
    QString error;
    Journal *journal = context.journal(Database::OpenMode::CreateIfMissing, error);
    if (!journal)
        return context.fail(error);
    SyncFolder exchange(*journal, folder);
    exchange.setDeviceName(parser.value(QStringLiteral("name")));
    SyncFolder::Report report;
    const bool done = exchange.exchange(report);
    for (const QString &message : std::as_const(report.messages))
        context.err += QStringLiteral("letdown sync: %1\n").arg(message);
    if (!report.deviceId.isEmpty())
        context.out += Text::tr("This device: %1 (%2).\n").arg(report.deviceName, report.deviceId);
    if (!done)
        return context.fail(report.error);
    context.out += Text::tr("Sent %1 changes in %2 files.\n").arg(report.sentItems).arg(report.filesWritten.size());
    if (report.receivedItems > 0)
        context.out += Text::tr("Received %1 changes from %2.\n")
                           .arg(report.receivedItems)
                           .arg(report.fromDevices.join(QStringLiteral(", ")));
    else
        context.out += Text::tr("Received nothing new.\n");
    if (report.newConflicts > 0)
        context.out += Text::tr("%1 edits made at the same time on two devices lost to a later one; they are kept "
                                "(Preferences > Sync).\n")
                           .arg(report.newConflicts);
    return 0;
}

int runExport(const QCommandLineParser &parser)
{
    const QString verb = QStringLiteral("export");
    CsvExportRequest request;
    request.sessionsPath = parser.value(QStringLiteral("sessions"));
    request.letdownsPath = parser.value(QStringLiteral("ejections"));
    request.daysPath = parser.value(QStringLiteral("days"));
    QString error;
    if (request.sessionsPath.isEmpty())
        return fail(verb, Text::tr("--sessions OUT.csv is required."), 2);
    if (!parseRange(parser, request.range, error))
        return fail(verb, error, 2);
    const QString units = parser.value(QStringLiteral("units"));
    request.unit = Preferences::load().unit; // her choice in the app, unless --units says
    if (units == QLatin1String("oz"))
        request.unit = VolumeUnit::Oz;
    else if (units == QLatin1String("ml"))
        request.unit = VolumeUnit::Ml;
    else if (!units.isEmpty())
        return fail(verb, Text::tr("--units must be ml or oz, not '%1'.").arg(units), 2);

    Database database;
    DataFile dataFile(database);
    if (!dataFile.open(databasePath(parser), Database::OpenMode::MustExist))
        return fail(verb, dataFile.errorString());
    SessionStore store(database);
    int count = 0;
    ReferenceModel model = Preferences::load().referenceModel();
    if (!useHerVolumeModel(store, parser, model, error) || !exportCsvFiles(store, model, request, count, error))
        return fail(verb, error);
    QTextStream(stderr) << Text::tr("Exported %1 sessions.\n").arg(count);
    return 0;
}

// Files given after the command: their format from --from, or recognised by their headers.
// What it has to say besides problems goes to `said` (the terminal of whoever asked).
bool readImportFiles(const QCommandLineParser &parser, CsvImportBatch &batch, QStringList &problems, QString &said)
{
    QList<ImportFile> files;
    for (const QString &path : filesOf(parser, "import")) {
        ImportFile file;
        QString error;
        if (!readImportFile(path, file, error)) {
            problems << error;
            return false;
        }
        files << file;
    }
    const QString from = parser.value(QStringLiteral("from"));
    QString error;
    const Importer *importer
        = from.isEmpty() || from == QLatin1String("auto") ? detectImporter(files, error) : importerWithId(from);
    if (!importer) {
        QStringList ids;
        for (const Importer *known : importers())
            ids << known->id();
        problems << (error.isEmpty() ? Text::tr("--from must be auto or one of the formats (%1), not '%2'.")
                                           .arg(ids.join(QStringLiteral(", ")), from)
                                     : error);
        return false;
    }
    ImportOptions options;
    if (parser.isSet(QStringLiteral("timezone"))) {
        options.timeZone = QTimeZone(parser.value(QStringLiteral("timezone")).toUtf8());
        if (!options.timeZone.isValid()) {
            problems << Text::tr("--timezone '%1' is not a time zone like Europe/Berlin or America/New_York.")
                            .arg(parser.value(QStringLiteral("timezone")));
            return false;
        }
    }
    const QString units = parser.value(QStringLiteral("units"));
    if (units == QLatin1String("ml") || units == QLatin1String("oz"))
        options.unit = units == QLatin1String("oz") ? VolumeUnit::Oz : VolumeUnit::Ml;
    else if (!units.isEmpty()) {
        problems << Text::tr("--units must be ml or oz, not '%1'.").arg(units);
        return false;
    }
    ImportResult result = importer->read(files, options);
    problems = result.problems;
    batch.sessions = result.sessions;
    batch.withoutFeed = result.withoutFeed;
    if (importer->id() != QLatin1String("letdown"))
        said += QStringLiteral("letdown import: %1\n").arg(importSummary(*importer, result, options));
    for (const QString &line : std::as_const(result.skipped) + result.warnings)
        said += QStringLiteral("letdown import: %1\n").arg(line);
    if (result.skippedCount() > result.skipped.size())
        said += Text::tr("letdown import: ... and %1 more rows skipped (counted above by reason).\n")
                    .arg(result.skippedCount() - result.skipped.size());
    return problems.isEmpty();
}

int runImport(const QCommandLineParser &parser, WriteContext &context)
{
    const QString sessionsPath = parser.value(QStringLiteral("sessions"));
    const bool named = !filesOf(parser, "import").isEmpty();
    if (sessionsPath.isEmpty() == !named)
        return context.fail(Text::tr("name the files (letdown import FILE...) or give --sessions IN.csv, not both."), 2);
    // The files are read and checked before the database is opened: a failed import
    // creates no database and changes none.
    CsvImportBatch batch;
    QStringList problems;
    const bool read = named ? readImportFiles(parser, batch, problems, context.err)
                            : readCsvFiles(sessionsPath, parser.value(QStringLiteral("ejections")), batch, problems);
    if (!read)
        return context.fail(Text::tr("nothing was imported:\n%1").arg(problemSummary(problems)));
    const QList<Session> &sessions = batch.sessions;
    if (parser.isSet(QStringLiteral("dry-run"))) {
        int letdowns = 0;
        for (const Session &s : sessions)
            letdowns += int(s.letdowns.size());
        context.out += Text::tr("Would import %1 sessions with %2 let-downs (dry run: nothing written).\n")
                           .arg(sessions.size())
                           .arg(letdowns);
        return 0;
    }
    QString error;
    Journal *journal = context.journal(Database::OpenMode::CreateIfMissing, error);
    if (!journal)
        return context.fail(error);
    if (journal->dataFile().database().isReadOnly())
        return context.fail(
            Text::tr("%1 is write-protected; nothing was imported.").arg(journal->dataFile().database().path()));
    // Sessions she logged in Letdown at the same time as another tracker's: said, both kept.
    for (const QString &warning : storedOverlapWarnings(journal->store(), sessions))
        context.err += QStringLiteral("letdown import: %1\n").arg(warning);
    // Sessions already there under the same id but at other times (the same file imported
    // again with a corrected --timezone): said, and replaced only when she asks, after a backup.
    QHash<QString, QPair<qint64, qint64>> stored;
    if (!journal->store().loadTimesByUuid(stored))
        return context.fail(journal->store().errorString());
    QList<Session> moved;
    for (const Session &s : sessions)
        if (const auto it = stored.constFind(s.uuid);
            it != stored.constEnd() && (it->first != s.startedAtUtcMs || it->second != s.endedAtUtcMs.value_or(0)))
            moved << s;
    if (!moved.isEmpty() && parser.isSet(QStringLiteral("replace"))) {
        const QString backup = journal->dataFile().backUp(QStringLiteral("before-replace"), error);
        if (backup.isEmpty())
            return context.fail(Text::tr("no backup could be taken, so nothing was replaced: %1").arg(error));
        for (const Session &s : std::as_const(moved))
            if (!journal->replaceSession(s, Origin::CommandLine, error))
                return context.fail(Text::tr("replacing session %1 failed: %2 (the backup is %3)").arg(s.uuid, error, backup));
        context.out += Text::tr("Replaced %1 sessions whose times differed; the file as it was is in %2\n")
                           .arg(moved.size())
                           .arg(backup);
    }
    CsvImportReport report;
    if (!importCsvFiles(*journal, Origin::CommandLine, batch, report, problems))
        return context.fail(Text::tr("nothing was imported:\n%1").arg(problemSummary(problems)));
    context.out += Text::tr("Imported %1 sessions with %2 let-downs; %3 were already there.\n")
                       .arg(report.added)
                       .arg(report.letdowns)
                       .arg(report.skipped);
    if (report.withoutFeed > 0)
        context.out += Text::tr("Imported %1 let-downs without a feed.\n").arg(report.withoutFeed);
    if (!moved.isEmpty() && !parser.isSet(QStringLiteral("replace")))
        context.err += Text::tr("letdown import: %1 of the sessions already there have the same ids but other times "
                                "(imported before with another --timezone?); they were kept as they are. Run the "
                                "same command with --replace to replace them (a backup is taken first).\n")
                           .arg(moved.size());
    return 0;
}

// `letdown tap ACTION`: one step of the live session, from a desktop-wide shortcut, a foot
// pedal or a script (docs/desktop.md), through the same journal as a key in the window.
int runTap(const QCommandLineParser &parser, WriteContext &context)
{
    static const QStringList actions = {QStringLiteral("start"), QStringLiteral("stop"), QStringLiteral("pause"),
        QStringLiteral("resume"), QStringLiteral("switch-side"), QStringLiteral("letdown"),
        QStringLiteral("letdown-without-feed")};
    const QStringList given = filesOf(parser, "tap");
    if (given.size() != 1 || !actions.contains(given.constFirst()))
        return context.fail(Text::tr("say one step: %1.").arg(actions.join(QStringLiteral(", "))), 2);
    Journal::Request request;
    request.step = *Journal::stepFromKey(QString(given.constFirst()).replace(u'-', u'_'));
    request.origin = Origin::CommandLine;
    if (parser.isSet(QStringLiteral("kind"))) {
        request.kind = sessionKindFromKey(parser.value(QStringLiteral("kind")));
        if (!request.kind || request.step != Journal::Step::Start)
            return context.fail(Text::tr("--kind is nursing or pumping, and only for start."), 2);
    }
    if (parser.isSet(QStringLiteral("side"))) {
        request.side = sideFromKey(parser.value(QStringLiteral("side")));
        if (!request.side || (request.step != Journal::Step::Start && request.step != Journal::Step::SwitchSide))
            return context.fail(Text::tr("--side is left, right or both, and only for start and switch-side."), 2);
    }
    QString error;
    Journal *journal = context.journal(Database::OpenMode::CreateIfMissing, error);
    if (!journal)
        return context.fail(error);
    Journal::Outcome outcome = journal->apply(request);
    // In a process of its own, a step kept because another program held the file is tried
    // again for a few seconds: this process ends, and nothing it kept may end with it.
    for (int attempt = 0; outcome.result == QLatin1String("kept") && attempt < 20; ++attempt) {
        QThread::msleep(250);
        if (journal->recorder().retrySave())
            outcome = {QStringLiteral("recorded"), {}, false};
    }
    if (!outcome.ok())
        return context.fail(outcome.message.isEmpty() ? outcome.result : outcome.message);
    context.out += outcome.result == QLatin1String("recorded")
        ? Text::tr("%1: recorded.\n").arg(given.constFirst())
        : Text::tr("%1: nothing to do (%2)\n").arg(given.constFirst(), outcome.message);
    return 0;
}

#ifndef LETDOWN_WITHOUT_WIDGETS
int runReport(const QCommandLineParser &parser)
{
    const QString verb = QStringLiteral("report");
    const QString out = parser.value(QStringLiteral("out"));
    if (out.isEmpty())
        return fail(verb, Text::tr("--out FILE.pdf is required."), 2);
    StatsRange range;
    QString error;
    if (!parseRange(parser, range, error))
        return fail(verb, error, 2);
    Database database;
    DataFile dataFile(database);
    if (!dataFile.open(databasePath(parser), Database::OpenMode::MustExist))
        return fail(verb, dataFile.errorString());
    SessionStore store(database);
    Preferences preferences = Preferences::load();
    if (parser.isSet(QStringLiteral("notes-days"))) {
        bool ok = false;
        const int days = parser.value(QStringLiteral("notes-days")).toInt(&ok);
        if (!ok || days < 0 || days > Preferences::kMaxReportNotesDays)
            return fail(verb,
                Text::tr("--notes-days must be a whole number from 0 to %1.").arg(Preferences::kMaxReportNotesDays), 2);
        preferences.reportNotesDays = days;
    }
    if ((preferences.volumeModelChoice == Preferences::VolumeModelChoice::Fitted
            && !loadCurrentFit(store, preferences.currentFit, error))
        || !Report::writePdf(store, preferences, range, out, error))
        return fail(verb, error);
    return 0;
}
#endif

int runBackup(const QCommandLineParser &, WriteContext &context)
{
    QString error;
    Journal *journal = context.journal(Database::OpenMode::MustExist, error);
    if (!journal)
        return context.fail(error);
    const QString taken = journal->dataFile().backUp(QStringLiteral("manual"), error);
    if (taken.isEmpty())
        return context.fail(error);
    Backups::thin(journal->dataFile().path());
    context.out += taken + u'\n';
    return 0;
}

// `letdown` itself is built without widgets (it starts fast, for `letdown tap` from a desktop
// shortcut); it hands the commands that draw, and the window, to `letdown-window`.
#ifdef LETDOWN_WITHOUT_WIDGETS
#define DRAWING_VERB(run) nullptr
#else
#define DRAWING_VERB(run) run
#endif

const QList<Verb> &verbs()
{
    static const QList<Verb> list = {
        {"stats", QT_TRANSLATE_NOOP("CommandLine", "Print weekly statistics (text, or JSON with --json)."), false,
            [] {
                return QList<QCommandLineOption> {
                           {QStringLiteral("json"), Text::tr("Print one JSON object (see docs/cli.md).")}}
                + rangeOptions() + statsOptions();
            },
            runStats},
        {"chart", QT_TRANSLATE_NOOP("CommandLine", "Draw the four trend charts into one PNG file."), true,
            [] {
                return QList<QCommandLineOption> {
                           {QStringLiteral("out"), Text::tr("The PNG file to write."), QStringLiteral("file")},
                           {QStringLiteral("weeks"), Text::tr("How many weeks up to this one, or 'all' (default 12)."),
                               QStringLiteral("n")},
                           {QStringLiteral("width"), Text::tr("Image width in pixels (default 1600)."),
                               QStringLiteral("px")},
                           {QStringLiteral("height"), Text::tr("Image height in pixels (default 1000)."),
                               QStringLiteral("px")}}
                + statsOptions();
            },
            DRAWING_VERB(runChart)},
        {"demo-data", QT_TRANSLATE_NOOP("CommandLine", "Fill a new, empty database with plausible demo sessions."),
            false,
            [] {
                return QList<QCommandLineOption> {
                    {QStringLiteral("weeks"), Text::tr("How many weeks (default 12)."), QStringLiteral("n")},
                    {QStringLiteral("sessions-per-day"), Text::tr("Sessions per day (default 8)."),
                        QStringLiteral("k")},
                    {QStringLiteral("seed"), Text::tr("Random seed: the same seed gives the same data (default 1)."),
                        QStringLiteral("s")},
                    {QStringLiteral("first-day"),
                        Text::tr("First day, YYYY-MM-DD (default: so that the data ends today)."),
                        QStringLiteral("date")}};
            },
            runDemoData},
        {"export", QT_TRANSLATE_NOOP("CommandLine", "Write sessions (and let-downs) as CSV for a spreadsheet."), false,
            [] {
                return QList<QCommandLineOption> {
                           {QStringLiteral("sessions"),
                               Text::tr("The sessions CSV file to write ('-': standard output)."),
                               QStringLiteral("file")},
                           {QStringLiteral("ejections"), Text::tr("The let-downs CSV file to write (optional)."),
                               QStringLiteral("file")},
                           {QStringLiteral("days"),
                               Text::tr("A third CSV file, one row per day: feeds, night sessions, the longest gap, "
                                        "minutes per breast, measured and estimated milk, top-ups (optional)."),
                               QStringLiteral("file")},
                           {QStringLiteral("units"), Text::tr("ml or oz (default: your setting)."),
                               QStringLiteral("unit")}}
                + rangeOptions();
            },
            runExport},
        {"detect",
            QT_TRANSLATE_NOOP("CommandLine",
                "Find let-downs in a scale's recording of a pumping session (docs/scale.md); changes nothing."),
            false,
            [] {
                return QList<QCommandLineOption> {
                    {QStringLiteral("samples"),
                        Text::tr("The recording: CSV with the header seconds,grams (or at,grams)."),
                        QStringLiteral("file")},
                    {QStringLiteral("json"), Text::tr("Print one JSON object (see docs/cli.md).")}};
            },
            runDetect},
        {"attach-scale",
            QT_TRANSLATE_NOOP("CommandLine",
                "Attach a scale's readings to a finished pumping session: the let-downs found get their measured "
                "volumes (docs/scale.md)."),
            false,
            [] {
                return QList<QCommandLineOption> {{QStringLiteral("session"),
                    Text::tr("'last' (the last finished pumping session) or a session's id."), QStringLiteral("id")}};
            },
            nullptr, true, runAttachScale},
        {"import",
            QT_TRANSLATE_NOOP("CommandLine",
                "Read sessions from Letdown's export or another tracker's (Baby Buddy, Huckleberry, Baby Tracker)."),
            false,
            [] {
                return QList<QCommandLineOption> {
                    {QStringLiteral("sessions"), Text::tr("The sessions CSV file to read."), QStringLiteral("file")},
                    {QStringLiteral("ejections"),
                        Text::tr("The let-downs CSV file to read (needed when the sessions have let-downs)."),
                        QStringLiteral("file")},
                    {QStringLiteral("from"),
                        Text::tr("The format of the files named after the command: auto (default, by their "
                                 "headers), letdown, babybuddy, huckleberry or babytracker."),
                        QStringLiteral("format")},
                    {QStringLiteral("timezone"),
                        Text::tr("The time zone the other app wrote its times in, like Europe/Berlin (default: this "
                                 "computer's)."),
                        QStringLiteral("zone")},
                    {QStringLiteral("units"), Text::tr("ml or oz, for amounts written without a unit (Baby Buddy)."),
                        QStringLiteral("unit")},
                    {QStringLiteral("dry-run"),
                        Text::tr("Check the files and say what would be imported; write nothing.")},
                    {QStringLiteral("replace"),
                        Text::tr("Replace sessions already there whose times differ (a corrected --timezone); a "
                                 "backup is taken first.")}};
            },
            nullptr, true, runImport},
        {"sync",
            QT_TRANSLATE_NOOP("CommandLine",
                "Exchange changes once with a folder that Syncthing keeps the same on every device (docs/sync.md)."),
            false,
            [] {
                return QList<QCommandLineOption> {
                    {QStringLiteral("folder"), Text::tr("The sync folder."), QStringLiteral("dir")},
                    {QStringLiteral("name"),
                        Text::tr("This device's name as the others show it (kept; default: the computer's name)."),
                        QStringLiteral("name")}};
            },
            nullptr, false, runSync},
        {"backup", QT_TRANSLATE_NOOP("CommandLine", "Take a verified backup now (into backups/ beside the file)."),
            false, [] { return QList<QCommandLineOption> {}; }, nullptr, false, runBackup},
        {"tap",
            QT_TRANSLATE_NOOP("CommandLine",
                "One step of the live session: start, stop, pause, resume, switch-side, letdown or "
                "letdown-without-feed (for a desktop shortcut; handed to the open window if there is one)."),
            false,
            [] {
                return QList<QCommandLineOption> {
                    {QStringLiteral("kind"), Text::tr("start: nursing or pumping (default: as last chosen)."),
                        QStringLiteral("kind")},
                    {QStringLiteral("side"), Text::tr("start or switch-side: left, right or both."),
                        QStringLiteral("side")}};
            },
            nullptr, true, runTap},
        {"serve",
            QT_TRANSLATE_NOOP(
                "CommandLine", "Run the phone remote without a window (docs/remote.md); Ctrl+C stops it."),
            false,
            [] {
                return QList<QCommandLineOption> {
                    {QStringLiteral("port"), Text::tr("The port (default 8717, or the one in Preferences)."),
                        QStringLiteral("port")},
                    {QStringLiteral("listen"),
                        Text::tr("An address of this computer to listen on (may repeat; default: its home-network "
                                 "addresses)."),
                        QStringLiteral("address")},
                    {QStringLiteral("scale-mqtt"),
                        Text::tr("An MQTT broker where a scale under the bottle publishes its weight (docs/scale.md)."),
                        QStringLiteral("host:port")},
                    {QStringLiteral("scale-topic"), Text::tr("The scale's topic on that broker (its weight in grams)."),
                        QStringLiteral("topic")},
                    {QStringLiteral("sync-folder"),
                        Text::tr("Keep the log in sync through this folder (Syncthing; docs/sync.md)."),
                        QStringLiteral("dir")},
                    {QStringLiteral("sync-name"), Text::tr("This device's name for the other devices."),
                        QStringLiteral("name")}};
            },
            [](const QCommandLineParser &parser) { return ServeCommand::run(parser, databasePath(parser)); }},
        {"report", QT_TRANSLATE_NOOP("CommandLine", "Write the report for the lactation consultant as a PDF."), true,
            [] {
                return QList<QCommandLineOption> {
                           {QStringLiteral("out"), Text::tr("The PDF file to write."), QStringLiteral("file")},
                           {QStringLiteral("notes-days"),
                               Text::tr("Her notes from this many days before the last day go to the appendix (0: "
                                        "none; default: her setting, 14)."),
                               QStringLiteral("days")}}
                + rangeOptions();
            },
            DRAWING_VERB(runReport)},
    };
    return list;
}

const Verb *verbNamed(const QString &name)
{
    for (const Verb &verb : verbs())
        if (name == QLatin1String(verb.name))
            return &verb;
    return nullptr;
}

QString verbNames()
{
    QStringList names;
    for (const Verb &verb : verbs())
        names << QString::fromLatin1(verb.name);
    return names.join(QStringLiteral(", "));
}

// The names of every option that takes a value, in any verb: what follows such an option
// is its value, never the command.
QStringList optionsWithValues()
{
    QStringList names = kDatabaseOption.names();
    for (const Verb &verb : verbs())
        for (const QCommandLineOption &option : verb.options())
            if (!option.valueName().isEmpty())
                names += option.names();
    return names;
}

int runWriting(const Verb &verb, const QCommandLineParser &parser, const QStringList &arguments);

int runParsed(const Verb &verb, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr(verb.summary));
    parser.addHelpOption();
    QCommandLineOption database = kDatabaseOption;
    database.setDescription(database.description().arg(CommandLine::defaultDatabasePath()));
    parser.addOption(database);
    parser.addOptions(verb.options());
    parser.addPositionalArgument(QString::fromLatin1(verb.name), Text::tr("The command."));
    if (!parser.parse(arguments))
        return fail(QString::fromLatin1(verb.name),
            parser.errorText() + Text::tr(" Try 'letdown %1 --help'.").arg(verb.name), 2);
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0); // exits
    // The command itself may stand anywhere among the options; anything else is a mistake,
    // except the files of a command that takes them.
    QStringList extra = parser.positionalArguments();
    extra.removeOne(QString::fromLatin1(verb.name));
    if (!extra.isEmpty() && !verb.takesFiles)
        return fail(QString::fromLatin1(verb.name), Text::tr("unexpected argument '%1'.").arg(extra.constFirst()), 2);
    if (!verb.write)
        return verb.run(parser);
    return runWriting(verb, parser, arguments);
}

// Prints what a writing command had to say, and returns its exit code.
int printed(const WriteContext &context, int exitCode)
{
    std::fputs(qPrintable(context.out), stdout);
    std::fputs(qPrintable(context.err), stderr);
    return exitCode;
}

// A command that changes her data: handed to the process that owns the file (the window or
// `serve`), or, when none does, run here through a journal of its own while holding the lock.
int runWriting(const Verb &verb, const QCommandLineParser &parser, const QStringList &arguments)
{
    WriteContext context;
    context.verb = QString::fromLatin1(verb.name);
    const QString path = databasePath(parser);
    // No folder yet: no owner either (and a failed import must not create one).
    const bool mayHaveOwner = QFileInfo::exists(QFileInfo(path).absolutePath());
    InstanceGuard guard(path);
    switch (mayHaveOwner ? guard.tryAcquire() : InstanceGuard::Result::Acquired) {
    case InstanceGuard::Result::Acquired: break;
    case InstanceGuard::Result::OtherRaised:
    case InstanceGuard::Result::OtherSilent: {
        InstanceGuard::Answer answer;
        const bool answered = guard.forward({arguments.mid(1), QDir::currentPath()}, answer);
        context.out = answer.out;
        context.err = answer.err;
        if (!answered) {
            context.err.clear();
            return printed(context, context.fail(answer.err, 3));
        }
        return printed(context, answer.exitCode);
    }
    case InstanceGuard::Result::Failed:
        // No lock can be made beside the file (a write-protected folder): nobody can own it
        // for writing either. Run here; opening it says what is possible.
        break;
    }
    std::unique_ptr<Journal> own;
    context.journal = [&](Database::OpenMode mode, QString &error) -> Journal * {
        if (!own)
            own = Journal::open(path, processClock(), mode, error);
        return own.get();
    };
    const int code = verb.write(parser, context);
    if (own)
        own->dataFile().waitForBackground();
    return printed(context, code);
}
} // namespace

InstanceGuard::Answer CommandLine::runForwarded(Journal &journal, const InstanceGuard::Forwarded &command)
{
    // Read the way the sending process read them (English, C locale), run here.
    const QString name = findCommand(QStringList {QStringLiteral("letdown")} + command.arguments);
    const Verb *verb = verbNamed(name);
    InstanceGuard::Answer answer;
    if (!verb || !verb->write) {
        answer = {2, {}, QStringLiteral("letdown: '%1' is not handed to a running Letdown.\n").arg(name)};
        return answer;
    }
    QCommandLineParser parser;
    parser.addOption(kDatabaseOption);
    parser.addOptions(verb->options());
    parser.addPositionalArgument(QString::fromLatin1(verb->name), QString());
    if (!parser.parse(QStringList {QStringLiteral("letdown")} + command.arguments)) {
        answer = {2, {}, QStringLiteral("letdown %1: %2\n").arg(name, parser.errorText())};
        return answer;
    }
    const QLocale previousLocale;
    QLocale::setDefault(QLocale::c());
    // Relative file names are the sender's: read from its folder.
    const QString previousFolder = QDir::currentPath();
    QDir::setCurrent(command.workingDirectory);
    WriteContext context;
    context.verb = name;
    context.journal = [&journal](Database::OpenMode, QString &) { return &journal; };
    answer.exitCode = verb->write(parser, context);
    QDir::setCurrent(previousFolder);
    QLocale::setDefault(previousLocale);
    answer.out = context.out;
    answer.err = context.err;
    return answer;
}

bool CommandLine::isKnownCommand(const QString &name)
{
    return verbNamed(name) != nullptr;
}

bool CommandLine::runsWithoutWidgets(const QString &name)
{
    const Verb *verb = verbNamed(name);
    return verb && !verb->drawsCharts;
}

QString CommandLine::defaultDatabasePath()
{
    // ~/.local/share/letdown: named here rather than by AppDataLocation, which would add the
    // organisation name as one more folder.
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("letdown/letdown.sqlite"));
}

QString CommandLine::herDatabasePath()
{
    const QString movedTo = Preferences::load().databasePath; // where she moved it in the app
    return movedTo.isEmpty() ? defaultDatabasePath() : movedTo;
}

QString CommandLine::quickTapSocketPath()
{
    // In her data folder (private, 0700), beside the default file: src/launcher finds it
    // from $XDG_DATA_HOME or ~/.local/share alone.
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("letdown/tap.socket"));
}

bool CommandLine::publishForQuickTap(InstanceGuard &guard, const QString &openedPath)
{
    // Only the owner of the file a command without --database would open: the launcher
    // hands `letdown tap` to whoever answers there, so no other file's owner may.
    if (InstanceGuard::identityPath(openedPath) != InstanceGuard::identityPath(herDatabasePath()))
        return false;
    const QString folder = QFileInfo(quickTapSocketPath()).absolutePath();
    if (!QFileInfo::exists(folder)) {
        if (!QDir().mkpath(folder))
            return false;
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    return guard.publishAt(quickTapSocketPath());
}

void CommandLine::describeApplication()
{
    // Organisation and application name give the settings file: ~/.config/letdown/letdown.conf
    QCoreApplication::setOrganizationName(QStringLiteral("letdown"));
    QCoreApplication::setApplicationName(QStringLiteral("letdown"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LETDOWN_VERSION));
    Preferences::moveFromOldPlace();
}

QStringList CommandLine::withoutQtGuiOptions(QStringList arguments)
{
    // QApplication takes these (with their values) for itself; QCoreApplication does not.
    static const QStringList withValue
        = {"-platform", "-platformpluginpath", "-platformtheme", "-plugin", "-qwindowgeometry", "-qwindowicon",
            "-qwindowtitle", "-display", "-geometry", "-style", "-stylesheet", "-session", "-title"};
    static const QStringList alone = {"-reverse", "-widgetcount", "-nograb", "-dograb", "-sync"};
    for (int i = 1; i < arguments.size();) {
        if (withValue.contains(arguments[i]))
            arguments.remove(i, qMin(2, int(arguments.size()) - i));
        else if (alone.contains(arguments[i]))
            arguments.remove(i);
        else
            ++i;
    }
    return arguments;
}

QString CommandLine::findCommand(const QStringList &arguments)
{
    const QStringList takesValue = optionsWithValues();
    const QStringList args = withoutQtGuiOptions(arguments);
    for (int i = 1; i < args.size(); ++i) {
        const QString &arg = args[i];
        if (arg == QLatin1String("--"))
            return i + 1 < args.size() ? args[i + 1] : QString();
        if (!arg.startsWith(u'-') || arg == QLatin1String("-"))
            return arg;
        // "--database F" and "-database F" take the next word; "--database=F" does not.
        QString name = arg.mid(arg.startsWith(QLatin1String("--")) ? 2 : 1);
        if (!name.contains(u'=') && takesValue.contains(name))
            ++i;
    }
    return {};
}

QString CommandLine::windowHelpText()
{
    QString text = QStringLiteral("Letdown: log nursing and pumping sessions and every let-down in them.\n\n"
                                  "Without a command it opens the window. Commands (each has --help):\n");
    for (const Verb &verb : verbs())
        text += QStringLiteral("  %1  %2\n")
                    .arg(QString::fromLatin1(verb.name), -10)
                    .arg(QString::fromLatin1(verb.summary));
    text += QStringLiteral("\nOptions and the command may come in any order.");
    return text;
}

int CommandLine::runCommand(int argc, char **argv, const QString &name)
{
    // Scripts read what the commands print: English, and numbers in the C locale, whatever
    // the desktop's language (the window follows her language).
    QLocale::setDefault(QLocale::c());
    const Verb *verb = verbNamed(name);
    if (!verb) {
        QCoreApplication app(argc, argv);
        return fail(name, Text::tr("unknown command. The commands are: %1. Try 'letdown --help'.").arg(verbNames()), 2);
    }
    if (verb->drawsCharts) {
#ifdef LETDOWN_WITHOUT_WIDGETS
        QCoreApplication app(argc, argv);
        return fail(name, Text::tr("this program cannot draw; run it through 'letdown'."), 1);
#else
        // Charts need a GUI application, but never a display.
        qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        describeApplication();
        return runParsed(*verb, app.arguments());
#endif
    }
    QCoreApplication app(argc, argv);
    describeApplication();
    return runParsed(*verb, app.arguments());
}
