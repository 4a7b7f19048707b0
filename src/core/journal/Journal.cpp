#include "journal/Journal.h"

#include "scale/LetdownDetector.h"
#include "scale/ScaleMerge.h"

#include "datafile/DataFile.h"
#include "domain/SessionJson.h"
#include "domain/SessionValidation.h"
#include "base/Clock.h"
#include "recorder/SessionRecorder.h"
#include "stats/TrendQuery.h"
#include "storage/SessionStore.h"

#include <QJsonArray>
#include <QUuid>

namespace {
struct StepEntry {
    Journal::Step step;
    const char *key;
};
// One table: the phone's actions, `letdown tap` and the change log use these keys.
constexpr StepEntry kSteps[] = {
    {Journal::Step::Start, "start"},
    {Journal::Step::Stop, "stop"},
    {Journal::Step::StartOrStop, "start_or_stop"},
    {Journal::Step::ResumeStopped, "resume_stopped"},
    {Journal::Step::UndoStart, "undo_start"},
    {Journal::Step::Pause, "pause"},
    {Journal::Step::Resume, "resume"},
    {Journal::Step::TogglePause, "toggle_pause"},
    {Journal::Step::SwitchSide, "switch_side"},
    {Journal::Step::Letdown, "letdown"},
    {Journal::Step::LetdownWithoutFeed, "letdown_without_feed"},
    {Journal::Step::RemoveLetdown, "remove_letdown"},
    {Journal::Step::RestoreLetdown, "restore_letdown"},
    {Journal::Step::SetTechniques, "set_techniques"},
    {Journal::Step::SetNote, "set_note"},
    {Journal::Step::SetMeasurements, "set_measurements"},
    {Journal::Step::ScaleLetdown, "scale_letdown"},
};

Journal::Outcome outcome(const char *result, const QString &message = {})
{
    return {QString::fromLatin1(result), message, false};
}
} // namespace

QString toKey(Origin origin)
{
    switch (origin) {
    case Origin::Key: return QStringLiteral("key");
    case Origin::Mouse: return QStringLiteral("mouse");
    case Origin::MiniTimer: return QStringLiteral("mini_timer");
    case Origin::Tray: return QStringLiteral("tray");
    case Origin::Phone: return QStringLiteral("phone");
    case Origin::CommandLine: return QStringLiteral("command_line");
    case Origin::Import: return QStringLiteral("import");
    case Origin::History: return QStringLiteral("history");
    case Origin::Undo: return QStringLiteral("undo");
    case Origin::Scale: return QStringLiteral("scale");
    case Origin::Sync: return QStringLiteral("sync");
    }
    return {};
}

QString Journal::stepKey(Step step)
{
    for (const StepEntry &entry : kSteps)
        if (entry.step == step)
            return QString::fromLatin1(entry.key);
    return {};
}

std::optional<Journal::Step> Journal::stepFromKey(const QString &key)
{
    for (const StepEntry &entry : kSteps)
        if (key == QLatin1String(entry.key))
            return entry.step;
    return std::nullopt;
}

Journal::Journal(DataFile &file, SessionStore &store, SessionRecorder &recorder, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_file(file)
    , m_store(store)
    , m_recorder(recorder)
    , m_clock(clock)
    , m_steps(recorder)
{
    keepFiguresUpToDate();
}

Journal::Journal(std::unique_ptr<Database> database, std::unique_ptr<DataFile> file,
    std::unique_ptr<SessionStore> store, std::unique_ptr<SessionRecorder> recorder, const Clock &clock)
    : m_ownDatabase(std::move(database))
    , m_ownFile(std::move(file))
    , m_ownStore(std::move(store))
    , m_ownRecorder(std::move(recorder))
    , m_file(*m_ownFile)
    , m_store(*m_ownStore)
    , m_recorder(*m_ownRecorder)
    , m_clock(clock)
    , m_steps(*m_ownRecorder)
{
    keepFiguresUpToDate();
}

void Journal::keepFiguresUpToDate()
{
    // Every change this store commits rebuilds the weeks it touched (stats/TrendQuery). A
    // file opened with weeks still to build (all of them after a schema update) gets them
    // now, once, rather than in the middle of her first tap.
    keepWeekFiguresAtEachCommit(m_store);
    if (!m_store.updateKeptFigures())
        qWarning("Letdown: the weekly figures were not built (they are computed when read): %s",
            qPrintable(m_store.errorString()));
}

Journal::~Journal() = default;

std::unique_ptr<Journal> Journal::open(
    const QString &path, const Clock &clock, Database::OpenMode mode, QString &error, Database::Problem *problem)
{
    auto database = std::make_unique<Database>();
    auto file = std::make_unique<DataFile>(*database);
    if (!file->open(path, mode)) {
        error = file->errorString();
        if (problem)
            *problem = file->problem();
        return nullptr;
    }
    auto store = std::make_unique<SessionStore>(*database);
    auto recorder = std::make_unique<SessionRecorder>(*store, clock);
    if (!recorder->restoreUnfinished()) {
        error = recorder->lastError();
        if (problem)
            *problem = Database::Problem::Unavailable;
        return nullptr;
    }
    return std::unique_ptr<Journal>(
        new Journal(std::move(database), std::move(file), std::move(store), std::move(recorder), clock));
}

ChangeRecord Journal::newChange(const QString &command, Origin origin, const QString &receiptId) const
{
    ChangeRecord change;
    change.changeId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    change.command = command;
    change.origin = toKey(origin);
    change.atUtcMs = m_clock.wallUtcMs();
    change.utcOffsetS = m_clock.utcOffsetS(change.atUtcMs);
    change.receiptId = receiptId;
    return change;
}

// The journal's own words are English: the phone's page and the command line show them
// (the window shows its refusals through the recorder and the steps, in her language).
Journal::Outcome Journal::apply(const Request &request)
{
    const QString command = stepKey(request.step);
    if (!request.receiptId.isEmpty()) {
        // The same request again (the sender lost the answer, or restarted): the first
        // answer, never a second step.
        if (m_recorder.holdsReceipt(request.receiptId))
            return {QStringLiteral("kept"), m_recorder.lastError(), true};
        std::optional<SessionStore::Receipt> receipt;
        if (!m_store.findReceipt(request.receiptId, receipt))
            return outcome("failed", QStringLiteral("The data file cannot be read now: %1").arg(m_store.errorString()));
        if (receipt)
            return {receipt->result, receipt->message, true};
    }
    Outcome out;
    std::optional<ChangeRecord> unapplied;
    {
        const SessionRecorder::StepChange step(m_recorder, newChange(command, request.origin, request.receiptId));
        out = perform(request);
        unapplied = step.unapplied();
    }
    if (out.result == QLatin1String("recorded") && unapplied) {
        // The step wrote nothing: a let-down tapped twice within the double-tap window.
        out = outcome("unchanged", QStringLiteral("The same let-down (tapped twice)."));
    } else if (out.result == QLatin1String("kept") && unapplied) {
        // Earlier steps wait for the file; this one was not taken at all.
        out = outcome("refused", m_recorder.lastError());
    }
    // A request that wrote nothing leaves a row of its own only when it carries a receipt:
    // its answer must outlive a restart. (A key pressed in vain costs no write.)
    if (unapplied && !request.receiptId.isEmpty()) {
        ChangeRecord change = *unapplied;
        change.result = out.result == QLatin1String("failed") ? QStringLiteral("refused") : out.result;
        change.message = out.message;
        // Never waiting for another program's lock (the sender asks again).
        m_store.setLockWaitMs(0);
        const bool saved = m_store.recordChanges({change});
        m_store.setLockWaitMs(Database::kDefaultLockWaitMs);
        if (!saved)
            return outcome("failed", QStringLiteral("The answer could not be saved: %1").arg(m_store.errorString()));
    }
    if (!unapplied) // something was written, or is kept to be written in order
        emit changed({command, request.origin, m_recorder.currentSession().uuid,
            request.step == Step::Stop || request.step == Step::StartOrStop || request.step == Step::LetdownWithoutFeed
                || request.step == Step::ResumeStopped || request.step == Step::UndoStart});
    return out;
}

Journal::Outcome Journal::perform(const Request &r)
{
    const bool live = m_recorder.isLive();
    const auto stepResult = [this](bool done) {
        if (done)
            return outcome("recorded");
        if (m_recorder.hasUnsavedChanges()) // kept in order, saved as soon as the file allows
            return outcome("kept", m_recorder.lastError());
        return outcome("refused", m_recorder.lastError());
    };
    switch (r.step) {
    case Step::Start:
        if (live)
            return outcome("unchanged", QStringLiteral("A session is already running."));
        if (r.kind || r.side) {
            SessionCommands::NextSession next = m_steps.nextSession();
            next.kind = r.kind.value_or(next.kind);
            next.side = r.side.value_or(next.side);
            m_steps.setNextSession(next);
        }
        return stepResult(m_steps.startOrStop());
    case Step::Stop:
        if (!live)
            return outcome("unchanged", QStringLiteral("No session is running."));
        return stepResult(m_steps.startOrStop());
    case Step::StartOrStop: return stepResult(m_steps.startOrStop());
    case Step::ResumeStopped:
        if (live)
            return outcome("unchanged", QStringLiteral("A session is already running."));
        return stepResult(m_steps.reopenStopped());
    case Step::UndoStart: return stepResult(m_steps.discardStarted());
    case Step::Pause:
    case Step::Resume: {
        const bool wantPaused = r.step == Step::Pause;
        if (!live)
            return outcome("refused", QStringLiteral("No session is running."));
        if ((m_recorder.state() == SessionRecorder::State::Paused) == wantPaused)
            return outcome("unchanged", wantPaused ? QStringLiteral("Already paused.") : QStringLiteral("Already running."));
        return stepResult(m_steps.togglePause());
    }
    case Step::TogglePause: return stepResult(m_steps.togglePause());
    case Step::SwitchSide:
        // With a side: that side (asking twice changes nothing); without: the other one.
        return stepResult(r.side ? m_steps.setSide(*r.side) : m_steps.switchSide());
    case Step::Letdown:
        if (!live) {
            // A key or button in the window is told in its status bar (the steps' refusal);
            // the phone and the command line get this answer instead.
            if (r.origin != Origin::Phone && r.origin != Origin::CommandLine)
                m_steps.letdown();
            return outcome("no_session", QStringLiteral("No session is running. Was it a let-down without a feed?"));
        }
        return stepResult(m_steps.letdown(r.tappedAtMonotonicMs));
    case Step::LetdownWithoutFeed: return stepResult(m_steps.spontaneousLetdown(r.agoMs));
    case Step::RemoveLetdown: return stepResult(m_steps.removeLetdown(r.letdown));
    case Step::RestoreLetdown: return stepResult(m_steps.restoreLetdown(r.letdown));
    case Step::ScaleLetdown:
        if (!live)
            return outcome("refused", QStringLiteral("The scale's let-down came after the session ended."));
        return stepResult(m_steps.restoreLetdown(r.letdown));
    case Step::SetTechniques: return stepResult(m_steps.setTechniques(r.techniques));
    case Step::SetNote: return stepResult(m_steps.setNote(r.note));
    case Step::SetMeasurements: return stepResult(m_recorder.setMeasurements(r.measurements));
    }
    return outcome("refused", QStringLiteral("Unknown step."));
}

bool Journal::write(const QString &command, Origin origin, const QString &sessionUuid, const QByteArray &payload,
    const std::function<bool()> &effect, QString &error)
{
    ChangeRecord change = newChange(command, origin);
    change.sessionUuid = sessionUuid;
    change.payload = payload;
    const QList<ChangeRecord> changes {change};
    bool done = false;
    {
        const SessionStore::ChangeScope scope(m_store, changes);
        done = effect();
    }
    if (!done) {
        error = m_store.errorString();
        return false;
    }
    // The session on screen may be the one changed.
    m_recorder.reloadShownSession();
    emit changed({command, origin, sessionUuid, true});
    return true;
}

bool Journal::refuseImplausible(const QList<Session> &sessions, QString &error) const
{
    const QDate today = localToday(m_clock);
    for (const Session &session : sessions) {
        const QString why = implausibleDatesError(session, today);
        if (!why.isEmpty()) {
            error = QStringLiteral("%1 (session %2)").arg(why, session.uuid);
            return true;
        }
    }
    return false;
}

bool Journal::addSession(const Session &session, Origin origin, QString &error)
{
    if (refuseImplausible({session}, error))
        return false;
    return write(QStringLiteral("add_session"), origin, session.uuid,
        compactJson({{QStringLiteral("session"), sessionToJson(session, true)}}),
        [&] { return m_store.insertSession(session); }, error);
}

bool Journal::replaceSession(const Session &session, Origin origin, QString &error)
{
    if (refuseImplausible({session}, error))
        return false;
    return write(QStringLiteral("edit_session"), origin, session.uuid,
        compactJson({{QStringLiteral("session"), sessionToJson(session, true)}}),
        [&] { return m_store.replaceSession(session); }, error);
}

bool Journal::attachScaleRecording(const QString &uuid, const QVector<ScaleSample> &samples,
    qint64 recordingStartUtcMs, Origin origin, ScaleAttachment &attachment, QString &error, bool addUnmatched)
{
    attachment = {};
    std::optional<Session> session;
    if (!m_store.loadSession(uuid, session)) {
        error = m_store.errorString();
        return false;
    }
    if (!session) {
        error = tr("There is no session %1.").arg(uuid);
        return false;
    }
    if (session->kind != SessionKind::Pumping) {
        error = tr("A scale's readings belong to a pumping session; this one is a breastfeed.");
        return false;
    }
    if (!session->isFinished()) {
        error = tr("The session is still running: stop it first, then attach the readings.");
        return false;
    }
    if (samples.isEmpty()) {
        error = tr("There are no readings to attach.");
        return false;
    }
    const LetdownDetection detection = LetdownDetector::detect(samples);
    const ScaleMerge merged = ScaleMerging::merge(*session, detection, recordingStartUtcMs, addUnmatched);
    attachment.found = detection.letdowns.size();
    attachment.matched = merged.matched;
    attachment.added = merged.added;
    attachment.unmatchedTaps = merged.unmatchedTaps;
    attachment.totalMl = detection.totalMl;
    if (refuseImplausible({merged.session}, error))
        return false;
    const SessionStore::ScaleRecordingRow row {
        recordingStartUtcMs, int(samples.size()), ScaleSamples::encodeCompact(samples)};
    return write(QStringLiteral("attach_scale"), origin, uuid,
        compactJson({{QStringLiteral("session"), sessionToJson(merged.session, true)},
            {QStringLiteral("scale"),
                QJsonObject {{QStringLiteral("samples"), int(samples.size())},
                    {QStringLiteral("started_at_utc_ms"), recordingStartUtcMs},
                    {QStringLiteral("detection"), LetdownDetector::toJson(detection)}}}}),
        [&] { return m_store.replaceSessionWithRecording(merged.session, row); }, error);
}

bool Journal::keepScaleReadings(
    const QString &uuid, const QVector<ScaleSample> &samples, qint64 recordingStartUtcMs, QString &error)
{
    ChangeRecord change = newChange(QStringLiteral("scale_readings"), Origin::Scale);
    change.sessionUuid = uuid;
    change.payload = compactJson({{QStringLiteral("samples"), int(samples.size())}});
    const QList<ChangeRecord> changes {change};
    bool done = false;
    {
        const SessionStore::ChangeScope scope(m_store, changes);
        done = m_store.saveScaleRecording(
            uuid, {recordingStartUtcMs, int(samples.size()), ScaleSamples::encodeCompact(samples)});
    }
    if (!done) {
        error = m_store.errorString();
        return false;
    }
    emit changed({change.command, Origin::Scale, uuid, false});
    return true;
}

bool Journal::deleteSession(const QString &uuid, Origin origin, QString &error)
{
    return write(QStringLiteral("delete_session"), origin, uuid,
        compactJson({{QStringLiteral("deleted_session"), uuid}}), [&] { return m_store.deleteSession(uuid); }, error);
}

bool Journal::importSessions(const QList<Session> &sessions, const QList<SpontaneousLetdown> &withoutFeed,
    Origin origin, ImportCounts &counts, QString &error)
{
    counts = {};
    if (refuseImplausible(sessions, error))
        return false;
    // The batch names its sessions; their rows are in the file (an import of ten years
    // would otherwise write its data twice).
    counts = {};
    return write(QStringLiteral("import"), origin, {}, importEntryJson(sessions, withoutFeed),
        [&] {
            return m_store.importSessions(
                sessions, withoutFeed, counts.added, counts.skipped, counts.letdowns, counts.withoutFeed);
        },
        error);
}

bool Journal::addLetdownsWithoutFeed(QList<SpontaneousLetdown> &letdowns, Origin origin, QString &error)
{
    QJsonArray rows;
    for (const SpontaneousLetdown &letdown : std::as_const(letdowns))
        rows.append(QJsonObject {
            {QStringLiteral("at_utc_ms"), letdown.atUtcMs}, {QStringLiteral("utc_offset_s"), letdown.utcOffsetS}});
    return write(QStringLiteral("add_letdowns_without_feed"), origin, {},
        compactJson({{QStringLiteral("spontaneous_letdowns"), rows}}),
        [&] { return m_store.addSpontaneousLetdowns(letdowns); }, error);
}

bool Journal::deleteLetdownWithoutFeed(const SpontaneousLetdown &letdown, Origin origin, QString &error)
{
    return write(QStringLiteral("delete_letdown_without_feed"), origin, {},
        compactJson({{QStringLiteral("deleted_spontaneous_letdown"),
            QJsonObject {{QStringLiteral("at_utc_ms"), letdown.atUtcMs},
                {QStringLiteral("utc_offset_s"), letdown.utcOffsetS}}}}),
        [&] { return m_store.deleteSpontaneousLetdown(letdown.id); }, error);
}

bool Journal::applySynced(const SyncBatch &batch, const QByteArray &summary, QString &error)
{
    if (refuseImplausible(batch.sessions, error))
        return false;
    SyncStore sync(m_store);
    return write(QStringLiteral("sync_apply"), Origin::Sync, {}, summary, [&] { return sync.applyBatch(batch); }, error);
}

void Journal::fileReplaced()
{
    m_recorder.resetAfterRestore();
    keepFiguresUpToDate(); // a restored file may be an older version, updated on opening
    emit changed({QStringLiteral("file_replaced"), Origin::Key, {}, true});
}
