#include "storage/SyncStore.h"

#include "storage/Database.h"
#include "storage/SessionStore.h"
#include "storage/SqlStatement.h"

namespace {
constexpr QByteArrayView kVersionColumns
    = "SELECT item, hlc, device_id, base_hlc, owner_device, from_elsewhere, deleted FROM sync_versions";

SyncVersion versionOf(const SqlStatement &row)
{
    return {row.text(0), row.integer(1), row.text(2), row.integer(3), row.text(4), row.integer(5) != 0,
        row.integer(6) != 0};
}
} // namespace

SyncStore::SyncStore(SessionStore &store)
    : m_store(store)
{ }

QString SyncStore::errorString() const
{
    return m_store.errorString();
}

bool SyncStore::loadSettings(QHash<QString, QString> &settings)
{
    settings.clear();
    SqlStatement query(m_store.m_database, "SELECT key, value FROM sync_settings");
    while (query.next())
        settings.insert(query.text(0), query.text(1));
    return query.ok() || m_store.fail(query);
}

bool SyncStore::writeVersions(const QList<SyncVersion> &versions)
{
    SqlStatement save(m_store.m_database,
        "INSERT OR REPLACE INTO sync_versions (item, hlc, device_id, base_hlc, owner_device, from_elsewhere, deleted)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (const SyncVersion &version : versions) {
        save.bind(1, version.item);
        save.bind(2, version.hlc);
        save.bind(3, version.deviceId);
        save.bind(4, version.baseHlc);
        save.bind(5, version.ownerDevice);
        save.bind(6, version.fromElsewhere ? 1 : 0);
        save.bind(7, version.deleted ? 1 : 0);
        if (!save.run())
            return m_store.fail(save);
    }
    return true;
}

bool SyncStore::saveExport(const QHash<QString, QString> &settings, const QList<SyncVersion> &versions)
{
    return m_store.transaction([&] {
        SqlStatement save(m_store.m_database, "INSERT OR REPLACE INTO sync_settings (key, value) VALUES (?, ?)");
        for (auto it = settings.cbegin(); it != settings.cend(); ++it) {
            save.bind(1, it.key());
            save.bind(2, it.value());
            if (!save.run())
                return m_store.fail(save);
        }
        return writeVersions(versions);
    });
}

bool SyncStore::loadVersions(QHash<QString, SyncVersion> &versions)
{
    versions.clear();
    SqlStatement query(m_store.m_database, kVersionColumns);
    while (query.next()) {
        const SyncVersion version = versionOf(query);
        versions.insert(version.item, version);
    }
    return query.ok() || m_store.fail(query);
}

bool SyncStore::loadVersion(const QString &item, std::optional<SyncVersion> &version)
{
    version.reset();
    SqlStatement query(m_store.m_database, QByteArray(kVersionColumns.data(), kVersionColumns.size()) + " WHERE item = ?");
    query.bind(1, item);
    if (query.next())
        version = versionOf(query);
    return query.ok() || m_store.fail(query);
}

bool SyncStore::loadFilesSeen(QHash<QString, SyncFileSeen> &files)
{
    files.clear();
    SqlStatement query(m_store.m_database, "SELECT device_id, file_name, size, status, message FROM sync_files");
    while (query.next()) {
        SyncFileSeen file {query.text(0), query.text(1), query.integer(2), query.text(3), query.text(4)};
        files.insert(file.deviceId + QLatin1Char('/') + file.fileName, file);
    }
    return query.ok() || m_store.fail(query);
}

bool SyncStore::loadPeers(QList<SyncPeer> &peers)
{
    peers.clear();
    SqlStatement query(m_store.m_database,
        "SELECT device_id, name, last_change_at_utc_ms, last_arrival_at_utc_ms FROM sync_peers ORDER BY name, device_id");
    while (query.next())
        peers.append({query.text(0), query.text(1), query.integer(2), query.integer(3)});
    return query.ok() || m_store.fail(query);
}

bool SyncStore::loadConflicts(QList<SyncConflict> &conflicts)
{
    conflicts.clear();
    SqlStatement query(m_store.m_database,
        "SELECT item, hlc, device_id, device_name, kept_at_utc_ms, payload FROM sync_conflicts"
        " ORDER BY kept_at_utc_ms DESC, item");
    while (query.next())
        conflicts.append(
            {query.text(0), query.integer(1), query.text(2), query.text(3), query.integer(4), query.text(5).toUtf8()});
    return query.ok() || m_store.fail(query);
}

bool SyncStore::writeFilesSeen(const QList<SyncFileSeen> &files)
{
    SqlStatement save(m_store.m_database,
        "INSERT OR REPLACE INTO sync_files (device_id, file_name, size, status, message) VALUES (?, ?, ?, ?, ?)");
    for (const SyncFileSeen &file : files) {
        save.bind(1, file.deviceId);
        save.bind(2, file.fileName);
        save.bind(3, file.size);
        save.bind(4, file.status);
        save.bind(5, file.message);
        if (!save.run())
            return m_store.fail(save);
    }
    return true;
}

bool SyncStore::saveFilesSeen(const QList<SyncFileSeen> &files)
{
    return m_store.transaction([&] { return writeFilesSeen(files); });
}

bool SyncStore::applyBatch(const SyncBatch &batch)
{
    Database &database = m_store.m_database;
    // A first sync brings a whole log at once: as an import, with room for its pages.
    constexpr qsizetype kLargeBatchSessions = 1000;
    std::optional<QScopeGuard<std::function<void()>>> largerCache;
    if (batch.sessions.size() >= kLargeBatchSessions)
        largerCache.emplace(m_store.largeWriteCache());
    const auto writeSessions = [&] {
        for (const Session &session : batch.sessions) {
            // A session this device already has loses its let-downs first: they come again
            // whole. (Asked first: the DELETE, with its triggers, makes SQLite a temporary
            // table on every run, a tenth of a first sync where no session is there yet.)
            std::optional<qint64> storedId;
            if (!m_store.findSessionId(session.uuid, storedId))
                return false;
            if (storedId) {
                const qint64 sessionId = *storedId;
                SqlStatement clear(database, "DELETE FROM ejections WHERE session_id = ?",
                    SqlStatement::Prepared::ForTheConnection); // its triggers make a prepare costly
                clear.bind(1, sessionId);
                if (!clear.run())
                    return m_store.fail(clear);
            }
            // One it does not have is a new row: its id is the one just inserted.
            const auto techniques = storedId ? SessionStore::TechniquesWrite::Always : SessionStore::TechniquesWrite::NewSession;
            if (!m_store.writeSession(session, session.letdowns, techniques))
                return false;
        }
        return true;
    };
    return m_store.transaction([&] {
        // A large batch's new rows are counted, and their weeks marked, once at the end, as an
        // import's are: per-row insert triggers were a third of a first sync's writing.
        // (Rows it changes or removes still go through their own triggers.)
        const bool sessionsWritten = largerCache ? database.withoutInsertCounters(writeSessions) : writeSessions();
        if (!sessionsWritten)
            return false;
        for (const QString &uuid : batch.deletedSessions) {
            if (uuid == m_store.m_lastUuid)
                m_store.m_lastUuid.clear();
            SqlStatement remove(database, "DELETE FROM sessions WHERE uuid = ?",
                SqlStatement::Prepared::ForTheConnection); // its triggers make a prepare costly
            remove.bind(1, uuid);
            if (!remove.run())
                return m_store.fail(remove);
        }
        int added = 0;
        if (!m_store.insertNewSpontaneous(batch.feltAdded, added))
            return false;
        for (const qint64 atUtcMs : batch.feltDeletedAtUtcMs) {
            SqlStatement remove(database, "DELETE FROM spontaneous_letdowns WHERE at_utc_ms = ?");
            remove.bind(1, atUtcMs);
            if (!remove.run())
                return m_store.fail(remove);
        }
        SqlStatement conflict(database,
            "INSERT OR IGNORE INTO sync_conflicts (item, hlc, device_id, device_name, kept_at_utc_ms, payload)"
            " VALUES (?, ?, ?, ?, ?, ?)");
        for (const SyncConflict &kept : batch.conflicts) {
            conflict.bind(1, kept.item);
            conflict.bind(2, kept.hlc);
            conflict.bind(3, kept.deviceId);
            conflict.bind(4, kept.deviceName);
            conflict.bind(5, kept.keptAtUtcMs);
            conflict.bind(6, QString::fromUtf8(kept.payload));
            if (!conflict.run())
                return m_store.fail(conflict);
        }
        SqlStatement peer(database,
            "INSERT INTO sync_peers (device_id, name, last_change_at_utc_ms, last_arrival_at_utc_ms) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (device_id) DO UPDATE SET name = excluded.name,"
            " last_change_at_utc_ms = max(last_change_at_utc_ms, excluded.last_change_at_utc_ms),"
            " last_arrival_at_utc_ms = excluded.last_arrival_at_utc_ms");
        for (const SyncPeer &seen : batch.peers) {
            peer.bind(1, seen.deviceId);
            peer.bind(2, seen.name);
            peer.bind(3, seen.lastChangeAtUtcMs);
            peer.bind(4, seen.lastArrivalAtUtcMs);
            if (!peer.run())
                return m_store.fail(peer);
        }
        return writeVersions(batch.versions) && writeFilesSeen(batch.files);
    });
}

bool SyncStore::loadLocalChanges(qint64 afterRow, int limit, QList<LocalChange> &changes)
{
    changes.clear();
    SqlStatement query(m_store.m_database,
        "SELECT id, at_utc_ms, command, session_uuid, payload FROM change_log"
        " WHERE id > ? AND origin <> 'sync' AND result = 'recorded' ORDER BY id LIMIT ?");
    query.bind(1, afterRow);
    query.bind(2, qint64(limit));
    while (query.next())
        changes.append({query.integer(0), query.integer(1), query.text(2), query.text(3), query.text(4).toUtf8()});
    return query.ok() || m_store.fail(query);
}

bool SyncStore::lastChangeRow(qint64 &row)
{
    SqlStatement query(m_store.m_database, "SELECT coalesce(max(id), 0) FROM change_log");
    row = query.next() ? query.integer(0) : 0;
    return query.ok() || m_store.fail(query);
}

bool SyncStore::loadAllSessionUuids(QStringList &uuids)
{
    uuids.clear();
    SqlStatement query(m_store.m_database, "SELECT uuid FROM sessions ORDER BY started_at_utc_ms");
    while (query.next())
        uuids.append(query.text(0));
    return query.ok() || m_store.fail(query);
}

bool SyncStore::loadAllFelt(QList<SpontaneousLetdown> &felt)
{
    felt.clear();
    SqlStatement query(m_store.m_database, "SELECT id, at_utc_ms, utc_offset_s FROM spontaneous_letdowns ORDER BY at_utc_ms");
    while (query.next())
        felt.append({query.integer(0), query.integer(1), int(query.integer(2))});
    return query.ok() || m_store.fail(query);
}
