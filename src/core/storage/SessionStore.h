#pragma once

#include "domain/ChangeRecord.h"
#include "domain/Measurements.h"
#include "domain/Session.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QSet>
#include <QScopeGuard>
#include <QString>
#include <QVariantList>

#include <functional>
#include <optional>

class Database;
class SqlStatement;

// Owns every SQL statement about sessions and let-downs. Each public write is one
// transaction; on failure it returns false and errorString() says why.
class SessionStore
{
public:
    explicit SessionStore(Database &database);
    // The database file's path: outputs check that they never replace it.
    QString databasePath() const;

    // Live taps do not touch the techniques; rewriting them each time would cost a tap.
    // NewSession: nothing to clear first (clearing costs SQLite a temporary table).
    enum class TechniquesWrite { Always, Unchanged, NewSession };

    // Inserts or updates the session (matched by uuid) with its techniques, and appends
    // newLetdowns, all in one transaction. Safe to call again with the same arguments
    // after a failure: nothing of a failed call was written.
    bool saveSession(const Session &session, const QList<Letdown> &newLetdowns,
        TechniquesWrite techniques = TechniquesWrite::Always);
    // Adds let-downs to a stored session, in one transaction (a live tap).
    bool appendLetdowns(const QString &uuid, const QList<Letdown> &ejections);
    // Saves whole sessions (with all their let-downs) in one transaction: all or nothing.
    bool saveSessions(const QList<Session> &sessions);
    // Like saveSessions, but sessions whose uuid is already stored are left as they are
    // (importing the same file twice adds nothing).
    // Let-downs without a feed come along; one at a moment already stored is left out.
    bool importSessions(const QList<Session> &sessions, const QList<SpontaneousLetdown> &withoutFeed, int &added,
        int &skipped, int &addedLetdowns, int &addedWithoutFeed);

    // Adds a session that is not stored yet (with its let-downs); fails if the uuid exists.
    bool insertSession(const Session &session);
    // Replaces a stored session whole: its row, techniques and let-downs.
    bool replaceSession(const Session &session);
    // Removes a session with its let-downs and techniques.
    bool deleteSession(const QString &uuid);
    // Sessions of that kind whose time overlaps [startUtcMs, endUtcMs), other than `exceptUuid`.
    bool findOverlapping(SessionKind kind, qint64 startUtcMs, qint64 endUtcMs, const QString &exceptUuid,
        QList<SessionSummary> &overlapping);

    // The newest session that was running or paused, with its let-downs.
    // Returns false on a database error; `found` is empty when there is none.
    bool loadUnfinished(std::optional<Session> &found);
    bool loadSession(const QString &uuid, std::optional<Session> &found);
    // Every session (any state) that started in [fromUtcMs, toUtcMs], oldest first, with
    // let-downs and techniques.
    bool loadSessionsStartedBetween(qint64 fromUtcMs, qint64 toUtcMs, QList<Session> &sessions);
    // How much of each session a reader needs. Statistics: kind, state, start and end, sides
    // and their times, measured figures, top-ups, techniques, and the let-downs' offsets and
    // volumes; no texts (uuid, note, source) and no let-down times or sides.
    enum class Detail { Full, Statistics };
    // The same sessions one at a time, in storage order, without holding them all.
    bool forEachSessionStartedBetween(
        qint64 fromUtcMs, qint64 toUtcMs, const std::function<void(Session &&)> &visit, Detail detail = Detail::Full);

    // The first and last start (UTC ms) in [fromUtcMs, toUtcMs]; empty when none started there.
    bool loadStartSpan(qint64 fromUtcMs, qint64 toUtcMs, std::optional<std::pair<qint64, qint64>> &span);

    // Newest first.
    bool loadRecentSummaries(int limit, QList<SessionSummary> &summaries);
    bool countFinishedSessions(int &count);
    bool hasFinishedSessions(bool &any);
    bool countLetdowns(int &count); // in every session
    // The start and end (UTC ms; end 0 while unfinished) of every stored session, by uuid.
    bool loadTimesByUuid(QHash<QString, QPair<qint64, qint64>> &times);
    // Sessions that started before `fromUtcMs` or after `toUtcMs`.
    bool countSessionsStartedOutside(qint64 fromUtcMs, qint64 toUtcMs, int &count);
    // The kind of the most recently started session, if any.
    bool loadLastKind(std::optional<SessionKind> &kind);

    // The change log (one owner writes it: the journal). While a ChangeScope is alive, every
    // write transaction of this store also inserts those records, so a change and the proof
    // that it was applied (its receipt) commit together or not at all.
    class ChangeScope
    {
    public:
        ChangeScope(SessionStore &store, const QList<ChangeRecord> &changes)
            : m_store(store)
            , m_previous(store.m_scopeChanges)
        {
            store.m_scopeChanges = &changes;
        }
        ~ChangeScope() { m_store.m_scopeChanges = m_previous; }
        ChangeScope(const ChangeScope &) = delete;
        ChangeScope &operator=(const ChangeScope &) = delete;

    private:
        SessionStore &m_store;
        const QList<ChangeRecord> *m_previous;
    };
    // Changes with no effect of their own (a double tap, a step that did not apply): their
    // records alone, in one transaction.
    bool recordChanges(const QList<ChangeRecord> &changes);
    // What the change with this receipt id answered, if it was applied.
    struct Receipt {
        QString result;
        QString message;
    };
    bool findReceipt(const QString &receiptId, std::optional<Receipt> &found);
    // The change log after row `afterRow`, oldest first (at most `limit` rows).
    bool loadChangeLog(qint64 afterRow, int limit, QList<ChangeRecord> &changes);

    // Let-downs with no session running (she felt one when the baby cried), kept apart.
    using SpontaneousLetdown = ::SpontaneousLetdown;
    // Adds them in one transaction; each gets its row id.
    bool addSpontaneousLetdowns(QList<SpontaneousLetdown> &letdowns);
    bool addSpontaneousLetdown(qint64 atUtcMs, int utcOffsetS, qint64 &id);
    bool deleteSpontaneousLetdown(qint64 id);
    // Those in [fromUtcMs, toUtcMs], oldest first.
    bool loadSpontaneousLetdowns(qint64 fromUtcMs, qint64 toUtcMs, QList<SpontaneousLetdown> &letdowns);

    // A scale's readings kept with a session (scale/ScaleSamples' compact form): one per
    // session, replaced when saved again, deleted with the session (ON DELETE CASCADE).
    struct ScaleRecordingRow {
        qint64 startedAtUtcMs = 0; // the time of the readings' zero
        int sampleCount = 0;
        QByteArray samples;
    };
    bool saveScaleRecording(const QString &sessionUuid, const ScaleRecordingRow &recording);
    // The session edited (its let-downs from the scale) and its readings, in one transaction.
    bool replaceSessionWithRecording(const Session &session, const ScaleRecordingRow &recording);
    bool loadScaleRecording(const QString &sessionUuid, std::optional<ScaleRecordingRow> &found);

    // Trends' weekly figures kept as data (stats/WeekFigures; the store only keeps their
    // bytes). Triggers mark the weeks whose finished sessions changed; the hook set here runs
    // inside every write transaction of this store just before its commit, to rebuild them
    // (the journal sets it). It cannot fail the change: a week not rebuilt stays marked, and
    // readers then compute it from its sessions.
    void setBeforeCommit(std::function<void()> hook) { m_beforeCommit = std::move(hook); }
    // One write transaction with nothing but the hook (after opening a file, whose marked
    // weeks, e.g. all of them after a schema update, are then rebuilt at once).
    bool updateKeptFigures();
    // Week key -> bytes, for the weeks in [fromWeek, toWeek] that have figures.
    bool loadWeekFigures(qint64 fromWeek, qint64 toWeek, QMap<qint64, QByteArray> &figures);
    // The weeks marked as changed in [fromWeek, toWeek], ascending.
    bool loadChangedWeeks(qint64 fromWeek, qint64 toWeek, QList<qint64> &weeks);
    // Inside a write transaction (the hook): the weeks' new figures (empty bytes: a week with
    // no finished session), and their marks cleared.
    bool saveWeekFigures(const QMap<qint64, QByteArray> &figures);

    // Answers kept from an earlier ask (stats/KeptStatistics; the store only keeps bytes).
    // One is valid while the data's stamp is the one it was made with: the change counter
    // (moved by triggers on every change but a let-down's insert), the number of let-downs,
    // and the last session's and felt let-down's ids, so a change by any program, sqlite3
    // included, makes it stale.
    bool dataStamp(QByteArray &stamp);
    // Empty `bytes` when nothing is kept under `key` with this stamp.
    bool loadKeptResult(const QByteArray &key, const QByteArray &stamp, QByteArray &bytes);
    // Keeps `bytes` under `key`, drops what is stale, and keeps the four newest. Never waits
    // for another program's write lock (false then, as for a read-only file): it is only kept.
    bool saveKeptResult(const QByteArray &key, const QByteArray &stamp, const QByteArray &bytes);

    QString errorString() const { return m_error; }
    // Let-downs the last statistics read left out (beyond kMaxLetdownsPerSession in a session).
    int letdownsLeftOut() const { return m_letdownsLeftOut; }
    // How long writes wait for another program's lock; whether the last failure was that lock.
    void setLockWaitMs(int ms);
    bool lastFailureWasBusy() const;

private:
    friend class SyncStore; // the sync tables' SQL, in this store's transactions
    // One write transaction; on failure errorString() says why.
    bool transaction(const std::function<bool()> &body);
    void runBeforeCommit();
    // A transaction whose changed pages outgrow the page cache (2 MB by default) writes them
    // to the WAL early and reads them back for the next row: a write of thousands of sessions
    // (an import, a first sync) runs with a larger cache, until the returned guard ends.
    [[nodiscard]] QScopeGuard<std::function<void()>> largeWriteCache();
    bool sessionIdOf(const QString &uuid, qint64 &id); // cached for the live session
    bool findSessionId(const QString &uuid, std::optional<qint64> &id); // none: not stored (not an error)
    bool hasTechniqueRows(qint64 sessionId);
    bool writeScaleRecording(const QString &sessionUuid, const ScaleRecordingRow &recording);
    bool insertLetdowns(qint64 sessionId, const QList<Letdown> &ejections);
    // Inside a transaction: rows for sessions not stored yet, with their let-downs and techniques.
    bool insertNewSessions(const QList<const Session *> &sessions, int &addedLetdowns);
    bool insertNewSpontaneous(const QList<SpontaneousLetdown> &letdowns, int &added);
    // Inside a transaction.
    bool writeSession(const Session &session, const QList<Letdown> &newLetdowns,
        TechniquesWrite techniques = TechniquesWrite::Always);
    // `where` is a fixed condition on the alias s (sessions); values are bound to its ?s.
    bool loadMatching(const QString &where, const QVariantList &values, QList<Session> &sessions);
    // An empty `where` matches every session.
    bool forEachMatching(const QString &where, const QVariantList &values, const std::function<void(Session &&)> &visit,
        Detail detail = Detail::Full);
    bool fail(const SqlStatement &query);

    Database &m_database;
    QString m_error;
    // The row id of the session written last (the live one), so a tap needs no lookup.
    QString m_lastUuid;
    qint64 m_lastId = 0;
    int m_lastGeneration = -1;
    int m_letdownsLeftOut = 0;
    bool m_nothingMarked = false; // this transaction's body marked no week (a live tap)
    const QList<ChangeRecord> *m_scopeChanges = nullptr; // written with every transaction (ChangeScope)
    std::function<void()> m_beforeCommit;
    bool m_inBeforeCommit = false;
};
