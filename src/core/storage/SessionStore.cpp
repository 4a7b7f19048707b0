#include "storage/SessionStore.h"

#include "storage/Database.h"
#include "storage/SqlStatement.h"

#include <QHash>
#include <QScopeGuard>
#include <QSet>

#include <algorithm>
#include <limits>

#include <QVariant>

namespace {
const QString kSessionColumns
    = QStringLiteral("id, uuid, kind, state, started_at_utc_ms, started_utc_offset_s, ended_at_utc_ms,"
                     " ended_utc_offset_s, active_ms, paused_ms, last_event_at_utc_ms, side, left_ms, right_ms,"
                     " both_ms, note, pumped_volume_ml, pre_feed_weight_g, post_feed_weight_g, clock_jump_detected,"
                     " source, letdowns_logged, left_volume_ml, right_volume_ml, topup_ml, topup_kind");
// In order of start, equal starts kept in the order read. Rows come in id order, which is
// nearly always the order of start already: then nothing is moved.
void sortByStart(QList<Session> &sessions)
{
    const auto earlier = [](const Session &a, const Session &b) { return a.startedAtUtcMs < b.startedAtUtcMs; };
    if (!std::is_sorted(sessions.cbegin(), sessions.cend(), earlier))
        std::stable_sort(sessions.begin(), sessions.end(), earlier);
}

// Columns 0-5: uuid, kind, state, started_at_utc_ms, started_utc_offset_s, active_ms.
SessionSummary summaryFrom(const SqlStatement &query)
{
    SessionSummary summary;
    summary.uuid = query.text(0);
    summary.kind = sessionKindFromKey(query.key(1)).value_or(SessionKind::Nursing);
    summary.state = sessionStateFromKey(query.key(2)).value_or(SessionState::Stopped);
    summary.startedAtUtcMs = query.integer(3);
    summary.startedUtcOffsetS = int(query.integer(4));
    summary.activeMs = query.integer(5);
    return summary;
}

// The columns of a session row, in one place: the insert, the upsert and the binding below
// follow this list.
constexpr const char *kSessionRowColumns[] = {"uuid", "kind", "state", "started_at_utc_ms", "started_utc_offset_s",
    "ended_at_utc_ms", "ended_utc_offset_s", "active_ms", "paused_ms", "last_event_at_utc_ms", "side", "left_ms",
    "right_ms", "both_ms", "note", "pumped_volume_ml", "pre_feed_weight_g", "post_feed_weight_g", "clock_jump_detected",
    "source", "letdowns_logged", "left_volume_ml", "right_volume_ml", "topup_ml", "topup_kind"};

// INSERT of a whole session row; with `upsert`, an existing uuid has every column replaced.
QByteArray sessionRowSql(bool upsert)
{
    QByteArrayList columns, marks, updates;
    for (const char *column : kSessionRowColumns) {
        columns << column;
        marks << "?";
        if (QByteArray(column) != "uuid")
            updates << QByteArray(column) + " = excluded." + column;
    }
    QByteArray sql = "INSERT INTO sessions (" + columns.join(", ") + ") VALUES (" + marks.join(", ") + ")";
    if (upsert)
        sql += " ON CONFLICT (uuid) DO UPDATE SET " + updates.join(", ");
    return sql;
}

const QByteArray kTechniqueInsertSql = "INSERT INTO session_techniques (session_id, technique) VALUES (?, ?)";
// Up to this many let-downs go into one INSERT: a statement's fixed cost (run, halt,
// reset) is then paid once per session of an import instead of once per let-down.
constexpr int kMaxLetdownsPerInsert = 12;
constexpr int kLetdownColumns = 7;
// The INSERT for `rows` let-downs (1 .. kMaxLetdownsPerInsert), built once per count.
const QByteArray &letdownInsertSql(int rows)
{
    static const QList<QByteArray> statements = [] {
        QList<QByteArray> all;
        for (int count = 1; count <= kMaxLetdownsPerInsert; ++count) {
            QByteArray sql = "INSERT INTO ejections (session_id, id, at_utc_ms, utc_offset_s, offset_ms, side,"
                             " measured_volume_ml) VALUES ";
            for (int row = 0; row < count; ++row)
                sql += row == 0 ? "(?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?)";
            all << sql;
        }
        return all;
    }();
    return statements[rows - 1];
}

// The writes of session rows, let-downs, techniques and change-log rows: prepared once per
// connection (preparing was a good part of a tap's and of an imported row's cost).
constexpr auto kKept = SqlStatement::Prepared::ForTheConnection;

// Binds a whole session row in kSessionRowColumns' order.
void bindSessionRow(SqlStatement &row, const Session &s)
{
    int c = 1;
    row.bind(c++, s.uuid);
    row.bind(c++, toKey(s.kind));
    row.bind(c++, toKey(s.state));
    row.bind(c++, s.startedAtUtcMs);
    row.bind(c++, qint64(s.startedUtcOffsetS));
    row.bind(c++, s.endedAtUtcMs); // whole milliseconds, never a floating-point number
    row.bind(c++, s.endedAtUtcMs ? std::optional<qint64>(s.endedUtcOffsetS) : std::nullopt);
    row.bind(c++, s.activeMs);
    row.bind(c++, s.pausedMs);
    row.bind(c++, s.lastEventAtUtcMs);
    row.bind(c++, toKey(s.side));
    row.bind(c++, s.sideMs.leftMs);
    row.bind(c++, s.sideMs.rightMs);
    row.bind(c++, s.sideMs.bothMs);
    row.bind(c++, s.note.isNull() ? QStringLiteral("") : s.note); // the column holds '' for "no note"
    row.bind(c++, s.pumpedVolumeMl);
    row.bind(c++, s.preFeedWeightG);
    row.bind(c++, s.postFeedWeightG);
    row.bind(c++, qint64(s.clockJumpDetected ? 1 : 0));
    row.bind(c++, s.source.isEmpty() ? QStringLiteral("letdown") : s.source);
    row.bind(c++, qint64(s.letdownsLogged ? 1 : 0));
    row.bind(c++, s.leftVolumeMl);
    row.bind(c++, s.rightVolumeMl);
    row.bind(c++, s.topupMl);
    if (s.topupKind)
        row.bind(c++, toKey(*s.topupKind));
    else
        row.bindNull(c++);
}

bool insertTechniques(qint64 sessionId, const QStringList &techniques, SqlStatement &techniqueRow, QString &error)
{
    for (const QString &technique : techniques) {
        techniqueRow.bind(1, sessionId);
        techniqueRow.bind(2, technique);
        if (!techniqueRow.run()) {
            error = techniqueRow.error();
            return false;
        }
    }
    return true;
}

// A session's let-downs are numbered in the order they were entered (`id`, which orders those
// at the same moment): `lastId` is the session's highest so far, or empty to ask the file.
bool insertLetdownRows(Database &database, qint64 sessionId, const QList<Letdown> &ejections, QString &error,
    std::optional<qint64> lastId = std::nullopt)
{
    if (ejections.isEmpty())
        return true;
    if (!lastId && ejections.size() == 1) {
        // A live tap: numbered inside its one statement (a second statement was 3 % of its instructions).
        const Letdown &e = ejections.constFirst();
        SqlStatement insert(database,
            "INSERT INTO ejections (session_id, id, at_utc_ms, utc_offset_s, offset_ms, side, measured_volume_ml)"
            " VALUES (?1, coalesce((SELECT id FROM ejections WHERE session_id = ?1 ORDER BY id DESC LIMIT 1), 0) + 1,"
            " ?2, ?3, ?4, ?5, ?6)",
            kKept);
        insert.bind(1, sessionId);
        insert.bind(2, e.atUtcMs);
        insert.bind(3, qint64(e.utcOffsetS));
        insert.bind(4, e.offsetMs);
        insert.bind(5, toKey(e.side));
        insert.bind(6, e.measuredVolumeMl);
        if (!insert.run()) {
            error = insert.error();
            return false;
        }
        return true;
    }
    if (!lastId) {
        SqlStatement last(
            database, "SELECT coalesce(max(id), 0) FROM ejections WHERE session_id = ?", kKept); // few rows
        last.bind(1, sessionId);
        if (!last.next()) {
            error = last.error();
            return false;
        }
        lastId = last.integer(0);
    }
    for (qsizetype first = 0; first < ejections.size(); first += kMaxLetdownsPerInsert) {
        const int rows = int(qMin<qsizetype>(kMaxLetdownsPerInsert, ejections.size() - first));
        SqlStatement insert(database, letdownInsertSql(rows), kKept);
        for (int row = 0; row < rows; ++row) {
            const Letdown &e = ejections[first + row];
            const int c = row * kLetdownColumns;
            insert.bind(c + 1, sessionId);
            insert.bind(c + 2, *lastId + first + row + 1);
            insert.bind(c + 3, e.atUtcMs);
            insert.bind(c + 4, qint64(e.utcOffsetS));
            insert.bind(c + 5, e.offsetMs);
            insert.bind(c + 6, toKey(e.side));
            insert.bind(c + 7, e.measuredVolumeMl);
        }
        if (!insert.run()) {
            error = insert.error();
            return false;
        }
    }
    return true;
}

} // namespace

SessionStore::SessionStore(Database &database)
    : m_database(database)
{ }

bool SessionStore::transaction(const std::function<bool()> &body)
{
    m_error.clear();
    m_nothingMarked = false; // the body says so when it knows
    const bool committed = m_database.write([&] {
        if (!body())
            return false;
        if (!m_scopeChanges) {
            runBeforeCommit();
            return true;
        }
        for (const ChangeRecord &change : *m_scopeChanges) {
            // Prepared once (a remote tap must cost little more than a key's).
            SqlStatement row(m_database,
                QByteArrayLiteral("INSERT INTO change_log (change_id, at_utc_ms, utc_offset_s, command, origin,"
                                  " receipt_id, result, message, session_uuid, payload)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"), kKept);
            row.bind(1, change.changeId);
            row.bind(2, change.atUtcMs);
            row.bind(3, qint64(change.utcOffsetS));
            row.bind(4, change.command);
            row.bind(5, change.origin);
            row.bindOrNull(6, change.receiptId);
            row.bind(7, change.result);
            row.bind(8, change.message);
            row.bindOrNull(9, change.sessionUuid);
            row.bindUtf8(10, change.payload);
            if (!row.run()) {
                m_error = row.error();
                return false;
            }
        }
        runBeforeCommit();
        return true;
    });
    if (!committed && m_error.isEmpty())
        m_error = m_database.errorString();
    return committed;
}

void SessionStore::runBeforeCommit()
{
    if (!m_beforeCommit || m_inBeforeCommit || m_nothingMarked)
        return;
    // Its reads and writes are part of this transaction; its errors are not the change's.
    const QString error = m_error;
    m_inBeforeCommit = true;
    m_beforeCommit();
    m_inBeforeCommit = false;
    m_error = error;
}

bool SessionStore::updateKeptFigures()
{
    {
        SqlStatement any(m_database, "SELECT 1 FROM figures_dirty LIMIT 1");
        if (!any.next())
            return any.ok() || fail(any);
    }
    return transaction([] { return true; });
}

bool SessionStore::loadWeekFigures(qint64 fromWeek, qint64 toWeek, QMap<qint64, QByteArray> &figures)
{
    figures.clear();
    SqlStatement query(m_database, "SELECT week, figures FROM week_figures WHERE week BETWEEN ? AND ?", kKept);
    query.bind(1, fromWeek);
    query.bind(2, toWeek);
    while (query.next())
        figures.insert(query.integer(0), query.blob(1));
    return query.ok() || fail(query);
}

bool SessionStore::dataStamp(QByteArray &stamp)
{
    SqlStatement query(m_database,
        "SELECT (SELECT value FROM meta WHERE key = 'change_count'), (SELECT count(*) FROM ejections),"
        " (SELECT coalesce(max(id), 0) FROM sessions), (SELECT coalesce(max(id), 0) FROM spontaneous_letdowns)");
    if (!query.next())
        return fail(query);
    stamp = QByteArray::number(query.integer(0)) + ':' + QByteArray::number(query.integer(1)) + ':'
        + QByteArray::number(query.integer(2)) + ':' + QByteArray::number(query.integer(3));
    return true;
}

bool SessionStore::loadKeptResult(const QByteArray &key, const QByteArray &stamp, QByteArray &bytes)
{
    bytes.clear();
    SqlStatement query(m_database, "SELECT bytes FROM kept_results WHERE key = ? AND stamp = ?");
    query.bindBlob(1, key);
    query.bindBlob(2, stamp);
    if (query.next())
        bytes = query.blob(0);
    return query.ok() || fail(query);
}

bool SessionStore::saveKeptResult(const QByteArray &key, const QByteArray &stamp, const QByteArray &bytes)
{
    if (m_database.isReadOnly())
        return false; // nothing to say: an answer not kept is only computed again
    const int lockWaitMs = m_database.lockWaitMs();
    m_database.setLockWaitMs(0);
    // Not synced at its commit: an answer lost to a power cut is only computed again (SQLite
    // keeps the file whole either way), and the sync was most of the time this took.
    SqlStatement(m_database, "PRAGMA synchronous = NORMAL").run();
    const auto restore = qScopeGuard([&] {
        SqlStatement(m_database, "PRAGMA synchronous = FULL").run();
        m_database.setLockWaitMs(lockWaitMs);
    });
    return transaction([&] {
        SqlStatement stale(m_database, "DELETE FROM kept_results WHERE stamp <> ? OR key = ?");
        stale.bindBlob(1, stamp);
        stale.bindBlob(2, key);
        SqlStatement keep(m_database, "INSERT INTO kept_results (key, stamp, bytes) VALUES (?, ?, ?)");
        keep.bindBlob(1, key);
        keep.bindBlob(2, stamp);
        keep.bindBlob(3, bytes);
        SqlStatement fewest(m_database,
            "DELETE FROM kept_results WHERE rowid NOT IN (SELECT rowid FROM kept_results ORDER BY rowid DESC LIMIT 4)");
        return (stale.run() || fail(stale)) && (keep.run() || fail(keep)) && (fewest.run() || fail(fewest));
    });
}

bool SessionStore::loadChangedWeeks(qint64 fromWeek, qint64 toWeek, QList<qint64> &weeks)
{
    weeks.clear();
    // Kept prepared: it runs before every commit, a tap's included, and finds nothing.
    SqlStatement query(
        m_database, "SELECT week FROM figures_dirty WHERE week BETWEEN ? AND ? ORDER BY week", kKept);
    query.bind(1, fromWeek);
    query.bind(2, toWeek);
    while (query.next())
        weeks.append(query.integer(0));
    return query.ok() || fail(query);
}

bool SessionStore::saveWeekFigures(const QMap<qint64, QByteArray> &figures)
{
    Q_ASSERT(m_database.inTransaction());
    for (auto it = figures.cbegin(); it != figures.cend(); ++it) {
        if (it->isEmpty()) {
            SqlStatement remove(m_database, "DELETE FROM week_figures WHERE week = ?", kKept);
            remove.bind(1, it.key());
            if (!remove.run())
                return fail(remove);
        } else {
            SqlStatement save(m_database, "INSERT OR REPLACE INTO week_figures (week, figures) VALUES (?, ?)", kKept);
            save.bind(1, it.key());
            save.bindBlob(2, *it);
            if (!save.run())
                return fail(save);
        }
        SqlStatement unmark(m_database, "DELETE FROM figures_dirty WHERE week = ?", kKept);
        unmark.bind(1, it.key());
        if (!unmark.run())
            return fail(unmark);
    }
    return true;
}

bool SessionStore::recordChanges(const QList<ChangeRecord> &changes)
{
    const ChangeScope scope(*this, changes);
    return transaction([] { return true; });
}

bool SessionStore::findReceipt(const QString &receiptId, std::optional<Receipt> &found)
{
    found.reset();
    // "IS NOT NULL" lets SQLite use the partial index of receipts.
    SqlStatement query(m_database,
        "SELECT result, message FROM change_log WHERE receipt_id = ? AND receipt_id IS NOT NULL", kKept);
    query.bind(1, receiptId);
    if (query.next())
        found = Receipt {query.text(0), query.text(1)};
    return query.ok() || fail(query);
}

bool SessionStore::loadChangeLog(qint64 afterRow, int limit, QList<ChangeRecord> &changes)
{
    changes.clear();
    SqlStatement query(m_database,
        "SELECT change_id, at_utc_ms, utc_offset_s, command, origin, receipt_id, result,"
        " message, session_uuid, payload FROM change_log WHERE id > ? ORDER BY id LIMIT ?");
    query.bind(1, afterRow);
    query.bind(2, limit);
    while (query.next()) {
        ChangeRecord change;
        change.changeId = query.text(0);
        change.atUtcMs = query.integer(1);
        change.utcOffsetS = int(query.integer(2));
        change.command = query.text(3);
        change.origin = query.text(4);
        change.receiptId = query.text(5);
        change.result = query.text(6);
        change.message = query.text(7);
        change.sessionUuid = query.text(8);
        change.payload = query.bytes(9).toByteArray();
        changes.append(change);
    }
    return query.ok() || fail(query);
}

bool SessionStore::addSpontaneousLetdowns(QList<SpontaneousLetdown> &letdowns)
{
    QList<qint64> ids;
    const bool committed = transaction([&] {
        SqlStatement insert(m_database,
            QByteArrayLiteral("INSERT INTO spontaneous_letdowns (at_utc_ms, utc_offset_s) VALUES (?, ?)"), kKept);
        for (const SpontaneousLetdown &letdown : std::as_const(letdowns)) {
            insert.bind(1, letdown.atUtcMs);
            insert.bind(2, qint64(letdown.utcOffsetS));
            if (!insert.run()) {
                m_error = insert.error();
                return false;
            }
            ids.append(m_database.lastInsertRowId());
        }
        return true;
    });
    if (committed)
        for (qsizetype i = 0; i < letdowns.size(); ++i)
            letdowns[i].id = ids[i];
    return committed;
}

bool SessionStore::addSpontaneousLetdown(qint64 atUtcMs, int utcOffsetS, qint64 &id)
{
    QList<SpontaneousLetdown> one {{0, atUtcMs, utcOffsetS}};
    if (!addSpontaneousLetdowns(one))
        return false;
    id = one.constFirst().id;
    return true;
}

bool SessionStore::deleteSpontaneousLetdown(qint64 id)
{
    return transaction([&] {
        SqlStatement remove(m_database, "DELETE FROM spontaneous_letdowns WHERE id = ?");
        remove.bind(1, id);
        return remove.run() || fail(remove);
    });
}

bool SessionStore::loadSpontaneousLetdowns(qint64 fromUtcMs, qint64 toUtcMs, QList<SpontaneousLetdown> &letdowns)
{
    letdowns.clear();
    SqlStatement query(m_database,
        "SELECT id, at_utc_ms, utc_offset_s FROM spontaneous_letdowns"
        " WHERE at_utc_ms BETWEEN ? AND ? ORDER BY at_utc_ms, id");
    query.bind(1, fromUtcMs);
    query.bind(2, toUtcMs);
    while (query.next())
        letdowns.append({query.integer(0), query.integer(1), int(query.integer(2))});
    return query.ok() || fail(query);
}

bool SessionStore::saveScaleRecording(const QString &sessionUuid, const ScaleRecordingRow &recording)
{
    return transaction([&] { return writeScaleRecording(sessionUuid, recording); });
}

bool SessionStore::replaceSessionWithRecording(const Session &session, const ScaleRecordingRow &recording)
{
    return transaction([&] {
        SqlStatement clear(m_database, "DELETE FROM ejections WHERE session_id = (SELECT id FROM sessions WHERE uuid = ?)", kKept);
        clear.bind(1, session.uuid);
        if (!clear.run())
            return fail(clear);
        return writeSession(session, session.letdowns) && writeScaleRecording(session.uuid, recording);
    });
}

bool SessionStore::writeScaleRecording(const QString &sessionUuid, const ScaleRecordingRow &recording)
{
    qint64 sessionId = 0;
    if (!sessionIdOf(sessionUuid, sessionId))
        return false;
    SqlStatement save(m_database,
        "INSERT OR REPLACE INTO scale_recordings (session_id, started_at_utc_ms, sample_count, samples)"
        " VALUES (?, ?, ?, ?)");
    save.bind(1, sessionId);
    save.bind(2, recording.startedAtUtcMs);
    save.bind(3, recording.sampleCount);
    save.bindBlob(4, recording.samples);
    return save.run() || fail(save);
}

bool SessionStore::loadScaleRecording(const QString &sessionUuid, std::optional<ScaleRecordingRow> &found)
{
    found.reset();
    SqlStatement query(m_database,
        "SELECT r.started_at_utc_ms, r.sample_count, r.samples FROM scale_recordings r"
        " JOIN sessions s ON s.id = r.session_id WHERE s.uuid = ?");
    query.bind(1, sessionUuid);
    if (query.next())
        found = ScaleRecordingRow {query.integer(0), int(query.integer(1)), query.blob(2)};
    return query.ok() || fail(query);
}

bool SessionStore::fail(const SqlStatement &query)
{
    m_error = query.error();
    m_database.setError(m_error);
    return false;
}

bool SessionStore::saveSession(const Session &session, const QList<Letdown> &newLetdowns, TechniquesWrite techniques)
{
    return transaction([&] { return writeSession(session, newLetdowns, techniques); });
}

bool SessionStore::saveSessions(const QList<Session> &sessions)
{
    return transaction([&] {
        for (const Session &session : sessions)
            if (!writeSession(session, session.letdowns))
                return false;
        return true;
    });
}

bool SessionStore::insertSession(const Session &session)
{
    return transaction([&] {
        {
            SqlStatement exists(m_database, "SELECT 1 FROM sessions WHERE uuid = ?");
            exists.bind(1, session.uuid);
            if (exists.next()) {
                m_error = QStringLiteral("session %1 already exists").arg(session.uuid);
                return false;
            }
            if (!exists.ok())
                return fail(exists);
        }
        return writeSession(session, session.letdowns, TechniquesWrite::NewSession);
    });
}

bool SessionStore::replaceSession(const Session &session)
{
    return transaction([&] {
        SqlStatement clear(m_database, "DELETE FROM ejections WHERE session_id = (SELECT id FROM sessions WHERE uuid = ?)", kKept);
        clear.bind(1, session.uuid);
        if (!clear.run())
            return fail(clear);
        return writeSession(session, session.letdowns);
    });
}

bool SessionStore::deleteSession(const QString &uuid)
{
    return transaction([&] {
        // Let-downs and techniques go with it (ON DELETE CASCADE); secure_delete wipes the note.
        if (uuid == m_lastUuid)
            m_lastUuid.clear(); // undone later, it comes back with another row id
        SqlStatement remove(m_database, "DELETE FROM sessions WHERE uuid = ?", kKept);
        remove.bind(1, uuid);
        return remove.run() || fail(remove);
    });
}

bool SessionStore::findOverlapping(
    SessionKind kind, qint64 startUtcMs, qint64 endUtcMs, const QString &exceptUuid, QList<SessionSummary> &overlapping)
{
    m_error.clear();
    overlapping.clear();
    // An unfinished session has no end yet: it reaches to its last step.
    SqlStatement query(m_database,
        "SELECT uuid, kind, state, started_at_utc_ms, started_utc_offset_s, active_ms FROM sessions"
        " WHERE kind = ? AND uuid <> ? AND started_at_utc_ms < ?"
        " AND coalesce(ended_at_utc_ms, last_event_at_utc_ms) > ? ORDER BY started_at_utc_ms");
    query.bind(1, toKey(kind));
    query.bind(2, exceptUuid.isNull() ? QStringLiteral("") : exceptUuid); // NULL would match nothing
    query.bind(3, endUtcMs);
    query.bind(4, startUtcMs);
    while (query.next())
        overlapping.append(summaryFrom(query));
    return query.ok() || fail(query);
}

QScopeGuard<std::function<void()>> SessionStore::largeWriteCache()
{
    // Only a speed-up, so a failure is not one. Reads keep the small default (the memory
    // target counts it).
    SqlStatement(m_database, "PRAGMA cache_size = -65536").run(); // 64 MiB at most
    return qScopeGuard(std::function<void()>([this] { SqlStatement(m_database, "PRAGMA cache_size = -2000").run(); }));
}

bool SessionStore::importSessions(const QList<Session> &sessions, const QList<SpontaneousLetdown> &withoutFeed,
    int &added, int &skipped, int &addedLetdowns, int &addedWithoutFeed)
{
    added = skipped = addedLetdowns = addedWithoutFeed = 0;
    const auto largerCache = largeWriteCache();
    // Foreign keys are checked per inserted row; an import's let-downs and techniques point at the
    // rows it has just inserted, so the checks cannot fail and are off for it. (The pragma
    // only takes effect outside a transaction, hence here.)
    SqlStatement(m_database, "PRAGMA foreign_keys = OFF").run();
    const auto restoreForeignKeys = qScopeGuard([this] { SqlStatement(m_database, "PRAGMA foreign_keys = ON").run(); });
    const bool committed = transaction([&] {
        // One read of the stored ids instead of one query per imported session.
        QSet<QString> known;
        {
            SqlStatement stored(m_database, "SELECT uuid FROM sessions");
            while (stored.next())
                known.insert(stored.text(0));
            if (!stored.ok())
                return fail(stored);
        }
        QList<const Session *> fresh;
        for (const Session &session : sessions)
            if (known.contains(session.uuid))
                ++skipped;
            else
                fresh << &session;
        if (!withoutFeed.isEmpty() && !insertNewSpontaneous(withoutFeed, addedWithoutFeed))
            return false;
        if (fresh.isEmpty())
            return true;
        return m_database.withoutInsertCounters([&] { return insertNewSessions(fresh, addedLetdowns); });
    });
    if (!committed)
        added = skipped = addedLetdowns = addedWithoutFeed = 0;
    else
        added = int(sessions.size()) - skipped;
    return committed;
}

bool SessionStore::insertNewSpontaneous(const QList<SpontaneousLetdown> &letdowns, int &added)
{
    // A let-down without a feed has no id of its own in a file: its moment, to the second
    // (as files write it), is its identity, so importing the same file twice adds nothing.
    SqlStatement insert(m_database,
        QByteArrayLiteral("INSERT INTO spontaneous_letdowns (at_utc_ms, utc_offset_s) SELECT ?, ? WHERE NOT EXISTS"
                          " (SELECT 1 FROM spontaneous_letdowns WHERE at_utc_ms >= ? AND at_utc_ms < ? + 1000)"), kKept);
    for (const SpontaneousLetdown &letdown : letdowns) {
        const qint64 secondStartMs = letdown.atUtcMs - ((letdown.atUtcMs % 1000) + 1000) % 1000;
        insert.bind(1, letdown.atUtcMs);
        insert.bind(2, qint64(letdown.utcOffsetS));
        insert.bind(3, secondStartMs);
        insert.bind(4, secondStartMs);
        if (!insert.run()) {
            m_error = insert.error();
            return false;
        }
        added += insert.rowsChanged();
    }
    return true;
}

bool SessionStore::insertNewSessions(const QList<const Session *> &sessions, int &addedLetdowns)
{
    static const QByteArray kInsertSql = sessionRowSql(false);
    SqlStatement sessionRow(m_database, kInsertSql, kKept);
    SqlStatement techniqueRow(m_database, kTechniqueInsertSql, kKept);
    for (const SqlStatement *statement : {&sessionRow, &techniqueRow})
        if (!statement->ok()) {
            m_error = statement->error();
            return false;
        }
    for (const Session *session : sessions) {
        bindSessionRow(sessionRow, *session);
        if (!sessionRow.run()) {
            m_error = sessionRow.error();
            return false;
        }
        const qint64 id = m_database.lastInsertRowId();
        if (!insertTechniques(id, session->techniques, techniqueRow, m_error)
            || !insertLetdownRows(m_database, id, session->letdowns, m_error, 0)) // a new row: none yet
            return false;
        addedLetdowns += int(session->letdowns.size());
    }
    return true;
}

bool SessionStore::writeSession(const Session &s, const QList<Letdown> &newLetdowns, TechniquesWrite techniques)
{
    static const QByteArray kUpsertSql = sessionRowSql(true);
    SqlStatement upsert(m_database, kUpsertSql, kKept);
    bindSessionRow(upsert, s);
    if (!upsert.run()) {
        m_error = upsert.error();
        return false;
    }
    // Not RETURNING: SQLite builds a temporary table for it on every call, which cost a
    // tap more than the rest of its work. A new row's id is the last inserted one; an
    // existing row is found through the uuid index.
    qint64 sessionId = 0;
    if (techniques == TechniquesWrite::NewSession) {
        sessionId = m_database.lastInsertRowId();
        m_lastUuid = s.uuid;
        m_lastId = sessionId;
        m_lastGeneration = m_database.generation();
    } else if (!sessionIdOf(s.uuid, sessionId)) {
        return false;
    }

    if (techniques == TechniquesWrite::Always && hasTechniqueRows(sessionId)) {
        SqlStatement clear(m_database, "DELETE FROM session_techniques WHERE session_id = ?", kKept);
        clear.bind(1, sessionId);
        if (!clear.run()) {
            m_error = clear.error();
            return false;
        }
    }
    if (techniques != TechniquesWrite::Unchanged) {
        SqlStatement techniqueRow(m_database, kTechniqueInsertSql, kKept);
        if (!insertTechniques(sessionId, s.techniques, techniqueRow, m_error))
            return false;
    }
    if (techniques == TechniquesWrite::NewSession) // a new row: no let-down yet
        return insertLetdownRows(m_database, sessionId, newLetdowns, m_error, 0);
    return insertLetdowns(sessionId, newLetdowns);
}

bool SessionStore::hasTechniqueRows(qint64 sessionId)
{
    // Asked before a DELETE: with its triggers, SQLite makes a temporary table for every run
    // of it, rows or none (a tenth of a first sync, where no session has any yet). A failed
    // question answers yes, and the DELETE then names the failure.
    SqlStatement any(m_database, "SELECT EXISTS (SELECT 1 FROM session_techniques WHERE session_id = ?)", kKept);
    any.bind(1, sessionId);
    return !any.next() || any.integer(0) != 0;
}

bool SessionStore::findSessionId(const QString &uuid, std::optional<qint64> &id)
{
    id.reset();
    if (uuid == m_lastUuid && m_lastGeneration == m_database.generation()) {
        id = m_lastId;
        return true;
    }
    SqlStatement idOf(m_database, "SELECT id FROM sessions WHERE uuid = ?", kKept);
    idOf.bind(1, uuid);
    if (idOf.next()) {
        id = idOf.integer(0);
        // Kept: the write that usually follows asks again (sessionIdOf).
        m_lastUuid = uuid;
        m_lastId = *id;
        m_lastGeneration = m_database.generation();
    }
    return idOf.ok() || fail(idOf);
}

bool SessionStore::sessionIdOf(const QString &uuid, qint64 &id)
{
    // Not RETURNING on the upsert: SQLite builds a temporary table for it on every call,
    // which cost a tap more than the rest of its work. The live session's id is kept.
    std::optional<qint64> found;
    if (!findSessionId(uuid, found))
        return false;
    if (!found) {
        m_error = QStringLiteral("session %1 is not stored").arg(uuid);
        return false;
    }
    id = *found;
    return true;
}

bool SessionStore::insertLetdowns(qint64 sessionId, const QList<Letdown> &ejections)
{
    return insertLetdownRows(m_database, sessionId, ejections, m_error);
}

bool SessionStore::appendLetdowns(const QString &uuid, const QList<Letdown> &ejections)
{
    return transaction([&] {
        qint64 sessionId = 0;
        if (!sessionIdOf(uuid, sessionId) || !insertLetdowns(sessionId, ejections))
            return false;
        // Let-down inserts have no trigger (one would cost every live tap a good part of its
        // time); a stopped session's row is touched instead, which marks its week for the
        // kept figures. A running session matches nothing here.
        SqlStatement touch(m_database, "UPDATE sessions SET state = state WHERE id = ? AND state = 'stopped'", kKept);
        touch.bind(1, sessionId);
        if (!touch.run())
            return fail(touch);
        // A live tap: no trigger ran, so no week was marked by this transaction, and the
        // kept figures need no look before its commit (that look was 4 % of a tap's instructions).
        m_nothingMarked = touch.rowsChanged() == 0;
        return true;
    });
}

bool SessionStore::loadUnfinished(std::optional<Session> &found)
{
    found.reset();
    QList<Session> sessions;
    // A session live on another device (synced here, docs/sync.md) is that device's to run.
    // The ids come from the partial index of unfinished sessions: asked as `s.state <> 'stopped'`,
    // SQLite read every session in id order instead (ten years: a tenth of the window's start).
    if (!loadMatching(QStringLiteral("s.id IN (SELECT u.id FROM sessions u WHERE u.state <> 'stopped')"
                                     " AND NOT EXISTS (SELECT 1 FROM sync_versions v"
                                     " WHERE v.item = s.uuid AND v.from_elsewhere = 1)"),
            {}, sessions))
        return false;
    if (!sessions.isEmpty())
        found = sessions.last(); // the newest, should there ever be more than one
    return true;
}

bool SessionStore::loadSession(const QString &uuid, std::optional<Session> &found)
{
    found.reset();
    QList<Session> sessions;
    if (!loadMatching(QStringLiteral("s.uuid = ?"), {uuid}, sessions))
        return false;
    if (!sessions.isEmpty())
        found = sessions.first();
    return true;
}

bool SessionStore::loadSessionsStartedBetween(qint64 fromUtcMs, qint64 toUtcMs, QList<Session> &sessions)
{
    sessions.clear();
    if (!forEachSessionStartedBetween(
            fromUtcMs, toUtcMs, [&](Session &&session) { sessions.append(std::move(session)); }))
        return false;
    sortByStart(sessions);
    return true;
}

bool SessionStore::loadMatching(const QString &where, const QVariantList &values, QList<Session> &sessions)
{
    sessions.clear();
    if (!forEachMatching(where, values, [&](Session &&session) { sessions.append(std::move(session)); }))
        return false;
    sortByStart(sessions);
    return true;
}

bool SessionStore::forEachSessionStartedBetween(
    qint64 fromUtcMs, qint64 toUtcMs, const std::function<void(Session &&)> &visit, Detail detail)
{
    // Bounds around every stored start (all plausible dates, say) read everything: plain
    // scans in storage order. Through the start index SQLite would sort every session by id
    // and look each one up, and list every id for the let-downs and techniques.
    bool everything = fromUtcMs == std::numeric_limits<qint64>::min() && toUtcMs == std::numeric_limits<qint64>::max();
    if (!everything) {
        // Two subqueries: each is one step to an end of the start index. (min() and max() in
        // one SELECT scan the whole index, and readers call this for every few weeks.)
        SqlStatement span(m_database,
            "SELECT (SELECT min(started_at_utc_ms) FROM sessions), (SELECT max(started_at_utc_ms) FROM sessions)");
        if (!span.next())
            return fail(span);
        everything = span.isNull(0) || (fromUtcMs <= span.integer(0) && span.integer(1) <= toUtcMs);
    }
    if (everything)
        return forEachMatching({}, {}, visit, detail);
    return forEachMatching(QStringLiteral("s.started_at_utc_ms BETWEEN ? AND ?"), {fromUtcMs, toUtcMs}, visit, detail);
}

namespace {
// Texts repeated in many rows (technique keys, the tracker a session came from): each is made
// once and shared (a QString per row was a tenth of reading ten years, and as much again to
// free). A file with many odd texts (not Letdown's) only stops sharing after the first few.
class SharedTexts
{
public:
    QString operator()(QByteArrayView bytes)
    {
        for (const auto &[known, text] : std::as_const(m_texts))
            if (known == bytes)
                return text;
        if (m_texts.size() == kMostShared)
            return QString::fromUtf8(bytes);
        m_texts.append({bytes.toByteArray(), QString::fromUtf8(bytes)});
        return m_texts.last().second;
    }

private:
    static constexpr qsizetype kMostShared = 32;
    QList<std::pair<QByteArray, QString>> m_texts;
};

// A session row of forEachMatching's session cursor: all columns (kSessionColumns) or
// the lean ones (no texts). Keys are compared as stored, without making texts of them.
Session sessionFromRow(const SqlStatement &row, bool full, SharedTexts &sources)
{
    Session s;
    if (full) {
        s.uuid = row.text(1);
        s.kind = sessionKindFromKey(row.key(2)).value_or(SessionKind::Nursing);
        s.state = sessionStateFromKey(row.key(3)).value_or(SessionState::Stopped);
        s.startedAtUtcMs = row.integer(4);
        s.startedUtcOffsetS = int(row.integer(5));
        if (!row.isNull(6))
            s.endedAtUtcMs = row.integer(6);
        s.endedUtcOffsetS = int(row.integer(7));
        s.activeMs = row.integer(8);
        s.pausedMs = row.integer(9);
        s.lastEventAtUtcMs = row.integer(10);
        s.side = sideFromKey(row.key(11)).value_or(Side::Left);
        s.sideMs = {row.integer(12), row.integer(13), row.integer(14)};
        s.note = row.text(15);
        s.pumpedVolumeMl = row.optionalReal(16);
        s.preFeedWeightG = row.optionalReal(17);
        s.postFeedWeightG = row.optionalReal(18);
        s.clockJumpDetected = row.integer(19) != 0;
        s.source = sources(row.bytes(20));
        s.letdownsLogged = row.integer(21) != 0;
        s.leftVolumeMl = row.optionalReal(22);
        s.rightVolumeMl = row.optionalReal(23);
        s.topupMl = row.optionalReal(24);
        s.topupKind = topupKindFromKey(row.key(25));
    } else {
        s.kind = row.integer(1) ? SessionKind::Pumping : SessionKind::Nursing;
        // Unfinished ones only need to be told apart from finished ones here.
        s.state = row.integer(2) ? SessionState::Stopped : SessionState::Running;
        s.startedAtUtcMs = row.integer(3);
        s.startedUtcOffsetS = int(row.integer(4));
        s.pumpedVolumeMl = row.optionalReal(5);
        s.preFeedWeightG = row.optionalReal(6);
        s.postFeedWeightG = row.optionalReal(7);
        s.letdownsLogged = row.integer(8) != 0;
        // What the consultant's day figures need: gaps, sides, per-breast volumes, top-ups.
        if (!row.isNull(9))
            s.endedAtUtcMs = row.integer(9);
        s.side = row.integer(10) == 2 ? Side::Both : row.integer(10) == 1 ? Side::Right : Side::Left;
        s.sideMs = {row.integer(11), row.integer(12), row.integer(13)};
        s.leftVolumeMl = row.optionalReal(14);
        s.rightVolumeMl = row.optionalReal(15);
        s.topupMl = row.optionalReal(16);
        if (const qint64 topup = row.integer(17); topup != 0)
            s.topupKind = topup == 1 ? TopupKind::Formula : TopupKind::BreastMilk;
    }
    return s;
}

// A let-down row of forEachMatching's let-down cursor.
Letdown letdownFromRow(const SqlStatement &row, bool full)
{
    Letdown e;
    e.offsetMs = row.integer(1);
    e.measuredVolumeMl = row.optionalReal(2);
    if (full) {
        e.atUtcMs = row.integer(3);
        e.utcOffsetS = int(row.integer(4));
        e.side = sideFromKey(row.key(5)).value_or(Side::Left);
    }
    return e;
}

} // namespace

bool SessionStore::forEachMatching(
    const QString &where, const QVariantList &values, const std::function<void(Session &&)> &visit, Detail detail)
{
    m_letdownsLeftOut = 0;
    m_error.clear();
    const bool full = detail == Detail::Full;
    const auto sql = [&](const QString &select, const QString &filter, const QString &order) {
        return (select + (where.isEmpty() ? QString() : filter.arg(where)) + order).toUtf8();
    };
    // Three cursors in session-id order, merged: one pass over each table, and only one
    // session in memory at a time however many years are read. IN (subquery): SQLite looks
    // up each matching session through the index, instead of scanning every let-down of
    // every session when only a few match.
    const QString inMatching = QStringLiteral(" IN (SELECT s.id FROM sessions s WHERE %1)");
    // Lean reads compare the texts in SQLite instead of reading them.
    const QString columns = full ? kSessionColumns
                                 : QStringLiteral("id, kind = 'pumping', state = 'stopped', started_at_utc_ms,"
                                                  " started_utc_offset_s, pumped_volume_ml, pre_feed_weight_g,"
                                                  " post_feed_weight_g, letdowns_logged, ended_at_utc_ms,"
                                                  " (side = 'right') + 2 * (side = 'both'), left_ms, right_ms,"
                                                  " both_ms, left_volume_ml, right_volume_ml, topup_ml,"
                                                  " (topup_kind = 'formula') + 2 * (topup_kind = 'breast_milk')");
    // The outermost read keeps its three statements for the connection: reads a few weeks at
    // a time (an export, History) prepared them again for every window, 3 % of an export of
    // ten years. A read from inside a visitor prepares its own.
    int &readsUnderway = m_database.sessionReadsUnderway();
    const auto prepared = readsUnderway == 0 ? kKept : SqlStatement::Prepared::ForThisCall;
    ++readsUnderway;
    const auto readDone = qScopeGuard([&readsUnderway] { --readsUnderway; });
    SqlStatement sessionRows(m_database,
        sql(QStringLiteral("SELECT %1 FROM sessions s").arg(columns), QStringLiteral(" WHERE %1"),
            QStringLiteral(" ORDER BY s.id")),
        prepared);
    SqlStatement techniqueRows(m_database,
        sql(QStringLiteral("SELECT t.session_id, t.technique FROM session_techniques t"),
            QStringLiteral(" WHERE t.session_id") + inMatching, QStringLiteral(" ORDER BY t.session_id, t.technique")),
        prepared);
    SqlStatement letdownRows(m_database,
        sql(full ? QStringLiteral("SELECT e.session_id, e.offset_ms, e.measured_volume_ml,"
                                  " e.at_utc_ms, e.utc_offset_s, e.side FROM ejections e")
                 : QStringLiteral("SELECT e.session_id, e.offset_ms, e.measured_volume_ml"
                                  " FROM ejections e"),
            QStringLiteral(" WHERE e.session_id") + inMatching,
            QStringLiteral(" ORDER BY e.session_id, e.id")), // the table's own order: sorted by time below
        prepared);
    // The same values in each: every cursor filters by the same condition.
    for (SqlStatement *statement : {&sessionRows, &techniqueRows, &letdownRows})
        for (int i = 0; i < values.size(); ++i)
            statement->bind(i + 1, values[i]);
    for (const SqlStatement *statement : {&sessionRows, &techniqueRows, &letdownRows})
        if (!statement->ok()) {
            m_error = statement->error();
            return false;
        }
    // Where each of the two cursors is: its row's session id, read once per row.
    struct Cursor {
        SqlStatement &rows;
        bool more = false;
        qint64 session = 0;
        void advance()
        {
            more = rows.next();
            session = more ? rows.integer(0) : 0;
        }
        bool atOrBefore(qint64 id) const { return more && session <= id; }
    };
    Cursor techniqueCursor {techniqueRows};
    Cursor letdownCursor {letdownRows};
    techniqueCursor.advance();
    letdownCursor.advance();
    SharedTexts techniqueTexts, sourceTexts;
    // A session's let-downs are gathered here first, then copied into a list of exactly their
    // size: one allocation per session instead of one for each time the list grows.
    QList<Letdown> letdowns;

    while (sessionRows.next()) {
        const qint64 id = sessionRows.integer(0);
        Session s = sessionFromRow(sessionRows, full, sourceTexts);
        for (; techniqueCursor.atOrBefore(id); techniqueCursor.advance())
            if (techniqueCursor.session == id)
                s.techniques.append(techniqueTexts(techniqueRows.bytes(1)));
        letdowns.clear();
        for (; letdownCursor.atOrBefore(id); letdownCursor.advance())
            if (letdownCursor.session == id)
                letdowns.append(letdownFromRow(letdownRows, full));
        // Stored in the order entered; read by time, those at one moment as entered (a late
        // phone tap, an edit). Nearly always in order already.
        const auto byTime = [](const Letdown &a, const Letdown &b) { return a.offsetMs < b.offsetMs; };
        if (!std::is_sorted(letdowns.cbegin(), letdowns.cend(), byTime))
            std::stable_sort(letdowns.begin(), letdowns.end(), byTime);
        // Statistics take no more than a session can plausibly hold (a file with a hundred
        // thousand in one session would make every figure crawl); reads for editing and
        // export take them all, so nothing is lost by a save.
        if (!full && letdowns.size() > kMaxLetdownsPerSession) {
            m_letdownsLeftOut += int(letdowns.size()) - kMaxLetdownsPerSession;
            letdowns.resize(kMaxLetdownsPerSession);
        }
        if (!letdowns.isEmpty())
            s.letdowns = QList<Letdown>(letdowns.cbegin(), letdowns.cend());
        visit(std::move(s));
    }
    for (const SqlStatement *statement : {&sessionRows, &techniqueRows, &letdownRows})
        if (!statement->ok()) {
            m_error = statement->error();
            return false;
        }
    return true;
}

bool SessionStore::loadRecentSummaries(int limit, QList<SessionSummary> &summaries)
{
    m_error.clear();
    summaries.clear();
    SqlStatement query(m_database,
        "SELECT s.uuid, s.kind, s.state, s.started_at_utc_ms, s.started_utc_offset_s, s.active_ms,"
        " (SELECT count(*) FROM ejections e WHERE e.session_id = s.id), s.letdowns_logged"
        " FROM sessions s ORDER BY s.started_at_utc_ms DESC LIMIT ?");
    query.bind(1, limit);
    while (query.next()) {
        SessionSummary summary = summaryFrom(query);
        summary.letdownCount = int(query.integer(6));
        summary.letdownsLogged = query.integer(7) != 0;
        summaries.append(summary);
    }
    return query.ok() || fail(query);
}

bool SessionStore::loadLastKind(std::optional<SessionKind> &kind)
{
    m_error.clear();
    kind.reset();
    SqlStatement query(m_database, "SELECT kind FROM sessions ORDER BY started_at_utc_ms DESC LIMIT 1");
    if (query.next())
        kind = sessionKindFromKey(query.key(0));
    return query.ok() || fail(query);
}

bool SessionStore::hasFinishedSessions(bool &any)
{
    m_error.clear();
    any = false;
    // Stops at the first (a count read every row: a fifth of a ten-year Trends refresh).
    SqlStatement query(m_database, "SELECT EXISTS (SELECT 1 FROM sessions WHERE state = 'stopped')", kKept);
    if (!query.next())
        return fail(query);
    any = query.integer(0) != 0;
    return true;
}

bool SessionStore::countFinishedSessions(int &count)
{
    m_error.clear();
    count = 0;
    SqlStatement query(m_database, "SELECT count(*) FROM sessions WHERE state = 'stopped'");
    if (!query.next())
        return fail(query);
    count = int(query.integer(0));
    return true;
}

bool SessionStore::countLetdowns(int &count)
{
    m_error.clear();
    count = 0;
    SqlStatement query(m_database, "SELECT count(*) FROM ejections");
    if (!query.next())
        return fail(query);
    count = int(query.integer(0));
    return true;
}

bool SessionStore::loadTimesByUuid(QHash<QString, QPair<qint64, qint64>> &times)
{
    m_error.clear();
    times.clear();
    SqlStatement query(m_database, "SELECT uuid, started_at_utc_ms, coalesce(ended_at_utc_ms, 0) FROM sessions");
    while (query.next())
        times.insert(query.text(0), {query.integer(1), query.integer(2)});
    return query.ok() || fail(query);
}

bool SessionStore::countSessionsStartedOutside(qint64 fromUtcMs, qint64 toUtcMs, int &count)
{
    m_error.clear();
    count = 0;
    SqlStatement query(m_database, "SELECT count(*) FROM sessions WHERE started_at_utc_ms < ? OR started_at_utc_ms > ?");
    query.bind(1, fromUtcMs);
    query.bind(2, toUtcMs);
    if (!query.next())
        return fail(query);
    count = int(query.integer(0));
    return true;
}

bool SessionStore::loadStartSpan(qint64 fromUtcMs, qint64 toUtcMs, std::optional<std::pair<qint64, qint64>> &span)
{
    m_error.clear();
    span.reset();
    // As above: each end found in the start index in one step.
    SqlStatement query(m_database,
        "SELECT (SELECT min(started_at_utc_ms) FROM sessions WHERE started_at_utc_ms BETWEEN ?1 AND ?2),"
        " (SELECT max(started_at_utc_ms) FROM sessions WHERE started_at_utc_ms BETWEEN ?1 AND ?2)");
    query.bind(1, fromUtcMs);
    query.bind(2, toUtcMs);
    if (!query.next())
        return fail(query);
    if (!query.isNull(0))
        span = std::pair {query.integer(0), query.integer(1)};
    return true;
}

QString SessionStore::databasePath() const
{
    return m_database.path();
}

void SessionStore::setLockWaitMs(int ms)
{
    m_database.setLockWaitMs(ms);
}

bool SessionStore::lastFailureWasBusy() const
{
    return m_database.lastFailureWasBusy();
}
