#include "storage/SessionStore.h"

#include "storage/Database.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {
QVariant optionalValue(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::Double));
}

std::optional<double> optionalDouble(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}

const QString kSessionColumns
    = QStringLiteral("id, uuid, kind, state, started_at_utc_ms, started_utc_offset_s, ended_at_utc_ms,"
                     " ended_utc_offset_s, active_ms, paused_ms, last_event_at_utc_ms, side, left_ms, right_ms,"
                     " both_ms, note, pumped_volume_ml, pre_feed_weight_g, post_feed_weight_g, clock_jump_detected");
} // namespace

SessionStore::SessionStore(Database &database)
    : m_database(database)
{ }

bool SessionStore::fail(const QSqlQuery &query)
{
    m_error = query.lastError().text();
    m_database.setError(m_error);
    return false;
}

bool SessionStore::saveSession(const Session &session, const QList<Ejection> &newEjections)
{
    m_error.clear();
    const bool committed = m_database.write([&] { return writeSession(session, newEjections); });
    if (!committed && m_error.isEmpty())
        m_error = m_database.errorString();
    return committed;
}

bool SessionStore::saveSessions(const QList<Session> &sessions)
{
    m_error.clear();
    const bool committed = m_database.write([&] {
        for (const Session &session : sessions)
            if (!writeSession(session, session.ejections))
                return false;
        return true;
    });
    if (!committed && m_error.isEmpty())
        m_error = m_database.errorString();
    return committed;
}

bool SessionStore::insertSession(const Session &session)
{
    m_error.clear();
    const bool committed = m_database.write([&] {
        QSqlQuery exists(m_database.connection());
        exists.prepare(QStringLiteral("SELECT 1 FROM sessions WHERE uuid = ?"));
        exists.addBindValue(session.uuid);
        if (!exists.exec())
            return fail(exists);
        if (exists.next()) {
            m_error = QStringLiteral("session %1 already exists").arg(session.uuid);
            return false;
        }
        exists.finish();
        return writeSession(session, session.ejections);
    });
    if (!committed && m_error.isEmpty())
        m_error = m_database.errorString();
    return committed;
}

bool SessionStore::replaceSession(const Session &session)
{
    m_error.clear();
    const bool committed = m_database.write([&] {
        QSqlQuery clear(m_database.connection());
        clear.prepare(QStringLiteral("DELETE FROM ejections WHERE session_id = (SELECT id FROM sessions WHERE uuid = ?)"));
        clear.addBindValue(session.uuid);
        if (!clear.exec())
            return fail(clear);
        return writeSession(session, session.ejections);
    });
    if (!committed && m_error.isEmpty())
        m_error = m_database.errorString();
    return committed;
}

bool SessionStore::deleteSession(const QString &uuid)
{
    m_error.clear();
    const bool committed = m_database.write([&] {
        // Let-downs and techniques go with it (ON DELETE CASCADE); secure_delete wipes the note.
        QSqlQuery remove(m_database.connection());
        remove.prepare(QStringLiteral("DELETE FROM sessions WHERE uuid = ?"));
        remove.addBindValue(uuid);
        return remove.exec() || fail(remove);
    });
    if (!committed && m_error.isEmpty())
        m_error = m_database.errorString();
    return committed;
}

bool SessionStore::findOverlapping(SessionKind kind, qint64 startUtcMs, qint64 endUtcMs, const QString &exceptUuid,
                                   QList<SessionSummary> &overlapping)
{
    m_error.clear();
    overlapping.clear();
    QSqlQuery query(m_database.connection());
    // An unfinished session has no end yet: it reaches to its last step.
    query.prepare(QStringLiteral(
        "SELECT uuid, kind, state, started_at_utc_ms, started_utc_offset_s, active_ms FROM sessions"
        " WHERE kind = ? AND uuid <> ? AND started_at_utc_ms < ?"
        " AND coalesce(ended_at_utc_ms, last_event_at_utc_ms) > ? ORDER BY started_at_utc_ms"));
    query.addBindValue(toKey(kind));
    query.addBindValue(exceptUuid.isNull() ? QStringLiteral("") : exceptUuid); // NULL would match nothing
    query.addBindValue(endUtcMs);
    query.addBindValue(startUtcMs);
    if (!query.exec())
        return fail(query);
    while (query.next()) {
        SessionSummary summary;
        summary.uuid = query.value(0).toString();
        summary.kind = sessionKindFromKey(query.value(1).toString()).value_or(SessionKind::Nursing);
        summary.state = sessionStateFromKey(query.value(2).toString()).value_or(SessionState::Stopped);
        summary.startedAtUtcMs = query.value(3).toLongLong();
        summary.startedUtcOffsetS = query.value(4).toInt();
        summary.activeMs = query.value(5).toLongLong();
        overlapping.append(summary);
    }
    return true;
}

bool SessionStore::importSessions(const QList<Session> &sessions, int &added, int &skipped, int &addedLetdowns)
{
    m_error.clear();
    added = skipped = addedLetdowns = 0;
    const bool committed = m_database.write([&] {
        QSqlQuery exists(m_database.connection());
        exists.prepare(QStringLiteral("SELECT 1 FROM sessions WHERE uuid = ?"));
        for (const Session &session : sessions) {
            exists.addBindValue(session.uuid);
            if (!exists.exec())
                return fail(exists);
            const bool known = exists.next();
            exists.finish();
            if (known) {
                ++skipped;
                continue;
            }
            if (!writeSession(session, session.ejections))
                return false;
            ++added;
            addedLetdowns += int(session.ejections.size());
        }
        return true;
    });
    if (!committed) {
        added = skipped = addedLetdowns = 0;
        if (m_error.isEmpty())
            m_error = m_database.errorString();
    }
    return committed;
}

bool SessionStore::writeSession(const Session &s, const QList<Ejection> &newEjections)
{
    QSqlQuery upsert(m_database.connection());
    upsert.prepare(
        QStringLiteral("INSERT INTO sessions (uuid, kind, state, started_at_utc_ms, started_utc_offset_s,"
                       " ended_at_utc_ms, ended_utc_offset_s, active_ms, paused_ms, last_event_at_utc_ms, side,"
                       " left_ms, right_ms, both_ms, note, pumped_volume_ml, pre_feed_weight_g,"
                       " post_feed_weight_g, clock_jump_detected)"
                       " VALUES (:uuid, :kind, :state, :started, :startedOffset, :ended, :endedOffset, :active,"
                       " :paused, :lastEvent, :side, :left, :right, :both, :note, :pumped, :pre, :post, :jump)"
                       " ON CONFLICT (uuid) DO UPDATE SET kind = excluded.kind, state = excluded.state,"
                       " started_at_utc_ms = excluded.started_at_utc_ms,"
                       " started_utc_offset_s = excluded.started_utc_offset_s,"
                       " ended_at_utc_ms = excluded.ended_at_utc_ms, ended_utc_offset_s = excluded.ended_utc_offset_s,"
                       " active_ms = excluded.active_ms, paused_ms = excluded.paused_ms,"
                       " last_event_at_utc_ms = excluded.last_event_at_utc_ms, side = excluded.side,"
                       " left_ms = excluded.left_ms, right_ms = excluded.right_ms, both_ms = excluded.both_ms,"
                       " note = excluded.note, pumped_volume_ml = excluded.pumped_volume_ml,"
                       " pre_feed_weight_g = excluded.pre_feed_weight_g,"
                       " post_feed_weight_g = excluded.post_feed_weight_g,"
                       " clock_jump_detected = excluded.clock_jump_detected"
                       " RETURNING id"));
    upsert.bindValue(QStringLiteral(":uuid"), s.uuid);
    upsert.bindValue(QStringLiteral(":kind"), toKey(s.kind));
    upsert.bindValue(QStringLiteral(":state"), toKey(s.state));
    upsert.bindValue(QStringLiteral(":started"), s.startedAtUtcMs);
    upsert.bindValue(QStringLiteral(":startedOffset"), s.startedUtcOffsetS);
    upsert.bindValue(QStringLiteral(":ended"),
        s.endedAtUtcMs ? QVariant(*s.endedAtUtcMs) : QVariant(QMetaType(QMetaType::LongLong)));
    upsert.bindValue(QStringLiteral(":endedOffset"),
        s.endedAtUtcMs ? QVariant(s.endedUtcOffsetS) : QVariant(QMetaType(QMetaType::Int)));
    upsert.bindValue(QStringLiteral(":active"), s.activeMs);
    upsert.bindValue(QStringLiteral(":paused"), s.pausedMs);
    upsert.bindValue(QStringLiteral(":lastEvent"), s.lastEventAtUtcMs);
    upsert.bindValue(QStringLiteral(":side"), toKey(s.side));
    upsert.bindValue(QStringLiteral(":left"), s.sideMs.leftMs);
    upsert.bindValue(QStringLiteral(":right"), s.sideMs.rightMs);
    upsert.bindValue(QStringLiteral(":both"), s.sideMs.bothMs);
    // A null QString would bind as SQL NULL; the column holds '' for "no note".
    upsert.bindValue(QStringLiteral(":note"), s.note.isNull() ? QStringLiteral("") : s.note);
    upsert.bindValue(QStringLiteral(":pumped"), optionalValue(s.pumpedVolumeMl));
    upsert.bindValue(QStringLiteral(":pre"), optionalValue(s.preFeedWeightG));
    upsert.bindValue(QStringLiteral(":post"), optionalValue(s.postFeedWeightG));
    upsert.bindValue(QStringLiteral(":jump"), s.clockJumpDetected ? 1 : 0);
    if (!upsert.exec() || !upsert.next())
        return fail(upsert);
    const qint64 sessionId = upsert.value(0).toLongLong();
    upsert.finish();

    QSqlQuery clearTechniques(m_database.connection());
    clearTechniques.prepare(QStringLiteral("DELETE FROM session_techniques WHERE session_id = ?"));
    clearTechniques.addBindValue(sessionId);
    if (!clearTechniques.exec())
        return fail(clearTechniques);
    QSqlQuery addTechnique(m_database.connection());
    addTechnique.prepare(QStringLiteral("INSERT INTO session_techniques (session_id, technique) VALUES (?, ?)"));
    for (const QString &technique : s.techniques) {
        addTechnique.addBindValue(sessionId);
        addTechnique.addBindValue(technique);
        if (!addTechnique.exec())
            return fail(addTechnique);
    }

    QSqlQuery addEjection(m_database.connection());
    addEjection.prepare(QStringLiteral(
        "INSERT INTO ejections (session_id, at_utc_ms, utc_offset_s, offset_ms, side, measured_volume_ml)"
        " VALUES (?, ?, ?, ?, ?, ?)"));
    for (const Ejection &e : newEjections) {
        addEjection.addBindValue(sessionId);
        addEjection.addBindValue(e.atUtcMs);
        addEjection.addBindValue(e.utcOffsetS);
        addEjection.addBindValue(e.offsetMs);
        addEjection.addBindValue(toKey(e.side));
        addEjection.addBindValue(optionalValue(e.measuredVolumeMl));
        if (!addEjection.exec())
            return fail(addEjection);
    }
    return true;
}

bool SessionStore::loadUnfinished(std::optional<Session> &found)
{
    found.reset();
    QList<Session> sessions;
    if (!loadMatching(QStringLiteral("s.state <> 'stopped'"), {}, sessions))
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
    return loadMatching(QStringLiteral("s.started_at_utc_ms BETWEEN ? AND ?"), {fromUtcMs, toUtcMs}, sessions);
}

bool SessionStore::loadMatching(const QString &where, const QVariantList &values, QList<Session> &sessions)
{
    m_error.clear();
    sessions.clear();
    // Three ordered reads instead of one query per session: loading years of sessions
    // stays a few sequential scans (issue: fast at any size).
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM sessions s WHERE %2 ORDER BY s.started_at_utc_ms, s.id")
                      .arg(kSessionColumns, where));
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return fail(query);
    QHash<qint64, qsizetype> indexById;
    while (query.next()) {
        Session s;
        s.uuid = query.value(1).toString();
        s.kind = sessionKindFromKey(query.value(2).toString()).value_or(SessionKind::Nursing);
        s.state = sessionStateFromKey(query.value(3).toString()).value_or(SessionState::Stopped);
        s.startedAtUtcMs = query.value(4).toLongLong();
        s.startedUtcOffsetS = query.value(5).toInt();
        if (!query.value(6).isNull())
            s.endedAtUtcMs = query.value(6).toLongLong();
        s.endedUtcOffsetS = query.value(7).toInt();
        s.activeMs = query.value(8).toLongLong();
        s.pausedMs = query.value(9).toLongLong();
        s.lastEventAtUtcMs = query.value(10).toLongLong();
        s.side = sideFromKey(query.value(11).toString()).value_or(Side::Left);
        s.sideMs = {query.value(12).toLongLong(), query.value(13).toLongLong(), query.value(14).toLongLong()};
        s.note = query.value(15).toString();
        s.pumpedVolumeMl = optionalDouble(query.value(16));
        s.preFeedWeightG = optionalDouble(query.value(17));
        s.postFeedWeightG = optionalDouble(query.value(18));
        s.clockJumpDetected = query.value(19).toBool();
        indexById.insert(query.value(0).toLongLong(), sessions.size());
        sessions.append(std::move(s));
    }
    query.finish(); // an active query holds a read transaction and blocks WAL checkpoints
    if (sessions.isEmpty())
        return true;

    query.prepare(QStringLiteral("SELECT t.session_id, t.technique FROM session_techniques t"
                                 " JOIN sessions s ON s.id = t.session_id WHERE %1 ORDER BY t.session_id, t.technique")
                      .arg(where));
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return fail(query);
    while (query.next())
        sessions[indexById.value(query.value(0).toLongLong())].techniques.append(query.value(1).toString());
    query.finish();

    query.prepare(QStringLiteral("SELECT e.session_id, e.at_utc_ms, e.utc_offset_s, e.offset_ms, e.side,"
                                 " e.measured_volume_ml FROM ejections e JOIN sessions s ON s.id = e.session_id"
                                 " WHERE %1 ORDER BY e.session_id, e.offset_ms, e.id")
                      .arg(where));
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return fail(query);
    while (query.next()) {
        Ejection e;
        e.atUtcMs = query.value(1).toLongLong();
        e.utcOffsetS = query.value(2).toInt();
        e.offsetMs = query.value(3).toLongLong();
        e.side = sideFromKey(query.value(4).toString()).value_or(Side::Left);
        e.measuredVolumeMl = optionalDouble(query.value(5));
        sessions[indexById.value(query.value(0).toLongLong())].ejections.append(e);
    }
    query.finish();
    return true;
}

bool SessionStore::loadRecentSummaries(int limit, QList<SessionSummary> &summaries)
{
    m_error.clear();
    summaries.clear();
    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("SELECT s.uuid, s.kind, s.state, s.started_at_utc_ms, s.started_utc_offset_s, s.active_ms,"
                       " (SELECT count(*) FROM ejections e WHERE e.session_id = s.id)"
                       " FROM sessions s ORDER BY s.started_at_utc_ms DESC LIMIT ?"));
    query.addBindValue(limit);
    if (!query.exec())
        return fail(query);
    while (query.next()) {
        SessionSummary summary;
        summary.uuid = query.value(0).toString();
        summary.kind = sessionKindFromKey(query.value(1).toString()).value_or(SessionKind::Nursing);
        summary.state = sessionStateFromKey(query.value(2).toString()).value_or(SessionState::Stopped);
        summary.startedAtUtcMs = query.value(3).toLongLong();
        summary.startedUtcOffsetS = query.value(4).toInt();
        summary.activeMs = query.value(5).toLongLong();
        summary.letdownCount = query.value(6).toInt();
        summaries.append(summary);
    }
    return true;
}

bool SessionStore::loadLastKind(std::optional<SessionKind> &kind)
{
    m_error.clear();
    kind.reset();
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT kind FROM sessions ORDER BY started_at_utc_ms DESC LIMIT 1")))
        return fail(query);
    if (query.next())
        kind = sessionKindFromKey(query.value(0).toString());
    return true;
}

bool SessionStore::countFinishedSessions(int &count)
{
    m_error.clear();
    count = 0;
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM sessions WHERE state = 'stopped'")) || !query.next())
        return fail(query);
    count = query.value(0).toInt();
    return true;
}

bool SessionStore::countLetdowns(int &count)
{
    m_error.clear();
    count = 0;
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM ejections")) || !query.next())
        return fail(query);
    count = query.value(0).toInt();
    return true;
}
