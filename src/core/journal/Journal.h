#pragma once

#include "commands/SessionCommands.h"
#include "domain/ChangeRecord.h"
#include "domain/Measurements.h"
#include "domain/Session.h"
#include "scale/ScaleSamples.h"
#include "storage/Database.h"
#include "storage/SyncStore.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class Clock;
class DataFile;
class SessionRecorder;
class SessionStore;

// Which hand asked for a change (kept in the change log; docs/architecture.md).
enum class Origin { Key, Mouse, MiniTimer, Tray, Phone, CommandLine, Import, History, Undo, Scale, Sync };
QString toKey(Origin origin);

// The one owner of her open data file and of every change to it (docs/architecture.md):
// the file's life (DataFile), the store, the live session's recorder and its steps. Every
// hand (keys, buttons, the mini timer, the tray, the phone, `letdown tap`, History, undo,
// imports) changes her data by asking the journal. Each change is applied once, in one
// transaction together with its change-log row (and the sender's receipt id, so a change
// sent again gets its first answer and changes nothing), and then `changed` tells every view.
class Journal : public QObject
{
    Q_OBJECT

public:
    // A step of the live session, as every hand names it (one table: stepTable()).
    enum class Step {
        Start,
        Stop,
        StartOrStop,
        ResumeStopped, // undo of a Stop: the session just stopped runs again
        UndoStart, // undo of a Start: the session just started, with no let-downs yet, goes
        Pause,
        Resume,
        TogglePause,
        SwitchSide,
        Letdown,
        LetdownWithoutFeed,
        RemoveLetdown,
        RestoreLetdown,
        SetTechniques,
        SetNote,
        SetMeasurements,
        ScaleLetdown, // a let-down a scale found (scale/LiveScale), with its moment and volume in `letdown`
    };
    struct Request {
        Step step = Step::Letdown;
        Origin origin = Origin::Key;
        QString receiptId; // the sender's id for this request (the phone's tap_id); may be empty
        std::optional<SessionKind> kind; // Start
        std::optional<Side> side; // Start; SwitchSide to that side
        std::optional<qint64> tappedAtMonotonicMs; // Letdown: the moment of the tap, if known
        qint64 agoMs = 0; // LetdownWithoutFeed: how long ago she felt it
        Letdown letdown; // RemoveLetdown, RestoreLetdown
        QStringList techniques; // SetTechniques
        QString note; // SetNote
        Measurements measurements; // SetMeasurements
    };
    // What came of a request. `result`: recorded (on disk), unchanged (nothing to do, or
    // the same let-down tapped twice), refused (does not apply now; `message` says why),
    // no_session (a let-down with no session running), kept (not on disk yet: saved in
    // order as soon as the file allows), failed (the file could not be read or written).
    struct Outcome {
        QString result;
        QString message;
        bool repeated = false; // the receipt was seen before: this is the first answer again
        bool ok() const { return result == QLatin1String("recorded") || result == QLatin1String("unchanged"); }
    };
    static Request ask(Step step, Origin origin)
    {
        Request request;
        request.step = step;
        request.origin = origin;
        return request;
    }
    // The stable keys of the steps ("letdown", "switch_side", ...), for the phone's API and
    // `letdown tap`; empty for an unknown key.
    static QString stepKey(Step step);
    static std::optional<Step> stepFromKey(const QString &key);

    // What a change touched, for the views that listen.
    struct Change {
        QString command;
        Origin origin = Origin::Key;
        QString sessionUuid;
        bool sessionsChanged = false; // the stored list of sessions changed (not only a live tap)
    };

    // Over parts the caller owns (the tests' rigs).
    Journal(DataFile &file, SessionStore &store, SessionRecorder &recorder, const Clock &clock, QObject *parent = nullptr);
    ~Journal() override;
    // Opens the file and builds every part, owned by the journal, picking up a session left
    // running. Null with `error` (and `problem`) when the file cannot be opened or read.
    static std::unique_ptr<Journal> open(const QString &path, const Clock &clock, Database::OpenMode mode,
        QString &error, Database::Problem *problem = nullptr);

    DataFile &dataFile() { return m_file; }
    SessionStore &store() { return m_store; }
    SessionRecorder &recorder() { return m_recorder; }
    // The live session's steps and the next session's choices (kind, side, ticks).
    SessionCommands &steps() { return m_steps; }
    const Clock &clock() const { return m_clock; }

    // Applies a live-session step (see Step), exactly once per receipt id.
    Outcome apply(const Request &request);

    // History, undo and imports: each one transaction with its change-log row.
    bool addSession(const Session &session, Origin origin, QString &error);
    bool replaceSession(const Session &session, Origin origin, QString &error);
    bool deleteSession(const QString &uuid, Origin origin, QString &error);
    struct ImportCounts {
        int added = 0;
        int skipped = 0; // sessions already there
        int letdowns = 0; // in the sessions added
        int withoutFeed = 0; // let-downs without a feed added (one at the same moment is already there)
    };
    bool importSessions(const QList<Session> &sessions, const QList<SpontaneousLetdown> &withoutFeed, Origin origin,
        ImportCounts &counts, QString &error);
    // A scale's readings attached to a finished pumping session (docs/scale.md): the
    // let-downs found are merged into hers (scale/ScaleMerge) and the readings kept with it,
    // in one change. `recordingStartUtcMs`: the wall time of the readings' zero.
    struct ScaleAttachment {
        int found = 0;
        int matched = 0;
        int added = 0;
        int unmatchedTaps = 0;
        double totalMl = 0;
    };
    // `addUnmatched`: whether let-downs only the scale saw are added (false: her taps and the
    // let-downs she confirmed get their volumes, nothing is added).
    bool attachScaleRecording(const QString &uuid, const QVector<ScaleSample> &samples, qint64 recordingStartUtcMs,
        Origin origin, ScaleAttachment &attachment, QString &error, bool addUnmatched = true);
    // The live session's readings so far, kept with it (replacing those kept before), so a
    // crash loses at most the readings since; views are told without a reload of sessions.
    bool keepScaleReadings(const QString &uuid, const QVector<ScaleSample> &samples, qint64 recordingStartUtcMs,
        QString &error);
    bool addLetdownsWithoutFeed(QList<SpontaneousLetdown> &letdowns, Origin origin, QString &error);
    bool deleteLetdownWithoutFeed(const SpontaneousLetdown &letdown, Origin origin, QString &error);
    // What another device wrote (sync/SyncFolder read it from the sync folder and decided
    // what wins): one transaction with its change-log row (origin `sync`, never sent back).
    bool applySynced(const SyncBatch &batch, const QByteArray &summary, QString &error);
    // The file was replaced (a restore or a move): everything reads it again.
    void fileReplaced();

signals:
    // After every change applied (and after the file was replaced): every view listens here.
    void changed(const Journal::Change &change);

private:
    Journal(std::unique_ptr<Database> database, std::unique_ptr<DataFile> file, std::unique_ptr<SessionStore> store,
        std::unique_ptr<SessionRecorder> recorder, const Clock &clock);
    Outcome perform(const Request &request);
    void keepFiguresUpToDate();
    // Every way in refuses sessions outside the plausible dates (a year 9999 in a dialog, a
    // file, another device): true, with `error` naming the first.
    bool refuseImplausible(const QList<Session> &sessions, QString &error) const;
    ChangeRecord newChange(const QString &command, Origin origin, const QString &receiptId = {}) const;
    bool write(const QString &command, Origin origin, const QString &sessionUuid, const QByteArray &payload,
        const std::function<bool()> &effect, QString &error);

    std::unique_ptr<Database> m_ownDatabase;
    std::unique_ptr<DataFile> m_ownFile;
    std::unique_ptr<SessionStore> m_ownStore;
    std::unique_ptr<SessionRecorder> m_ownRecorder;
    DataFile &m_file;
    SessionStore &m_store;
    SessionRecorder &m_recorder;
    const Clock &m_clock;
    SessionCommands m_steps;
};
Q_DECLARE_METATYPE(Journal::Change)
