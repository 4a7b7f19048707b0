#pragma once

#include "domain/Session.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

class SessionStore;

// The version of one synced item (a session, or a let-down without a feed) as every device
// agrees on it (docs/sync.md): who wrote it last, when by the hybrid clock, and what that
// writer had seen of it before (base), so a concurrent edit can be told from a later one.
struct SyncVersion {
    QString item; // a session's uuid, or "felt:<at_utc_ms>"
    qint64 hlc = 0;
    QString deviceId;
    qint64 baseHlc = 0;
    QString ownerDevice; // the device that created it (only it runs a live session)
    bool fromElsewhere = false; // created on another device
    bool deleted = false;
    bool newerThan(const SyncVersion &other) const
    {
        return hlc != other.hlc ? hlc > other.hlc : deviceId > other.deviceId;
    }
};

// An edit that lost a conflict, kept for her to see (Preferences > Sync).
struct SyncConflict {
    QString item;
    qint64 hlc = 0;
    QString deviceId;
    QString deviceName;
    qint64 keptAtUtcMs = 0;
    QByteArray payload; // the losing version, as its device wrote it (JSON)
};

// Another device's file as it was read: applied, refused (damaged, not trusted), skipped
// (not one of Letdown's files). Each is read once; the message is said once.
struct SyncFileSeen {
    QString deviceId;
    QString fileName;
    qint64 size = 0;
    QString status;
    QString message;
};

struct SyncPeer {
    QString deviceId;
    QString name;
    qint64 lastChangeAtUtcMs = 0; // written on that device
    qint64 lastArrivalAtUtcMs = 0; // read here
};

// Everything one sync file changes, applied in one transaction (with the journal's row).
struct SyncBatch {
    QList<Session> sessions; // whole, replacing what is stored under their uuid
    QStringList deletedSessions;
    QList<SpontaneousLetdown> feltAdded;
    QList<qint64> feltDeletedAtUtcMs;
    QList<SyncVersion> versions;
    QList<SyncConflict> conflicts;
    QList<SyncFileSeen> files;
    QList<SyncPeer> peers;
};

// The sync tables' SQL (schema version 8). Writes run in the session store's transactions,
// so a batch, its versions and the journal's change-log row land together or not at all.
class SyncStore
{
public:
    explicit SyncStore(SessionStore &store);

    bool loadSettings(QHash<QString, QString> &settings);
    // Settings and versions in one transaction (what an export stamped).
    bool saveExport(const QHash<QString, QString> &settings, const QList<SyncVersion> &versions);
    bool saveSettings(const QHash<QString, QString> &settings) { return saveExport(settings, {}); }
    bool loadVersions(QHash<QString, SyncVersion> &versions);
    bool loadVersion(const QString &item, std::optional<SyncVersion> &version);
    bool loadFilesSeen(QHash<QString, SyncFileSeen> &files); // by "<device>/<file>"
    bool loadPeers(QList<SyncPeer> &peers);
    bool loadConflicts(QList<SyncConflict> &conflicts);
    // Files seen that changed nothing (refused, skipped), in one transaction.
    bool saveFilesSeen(const QList<SyncFileSeen> &files);
    // Inside a transaction of the session store (the journal's change scope).
    bool applyBatch(const SyncBatch &batch);
    // The change log's rows after `afterRow` written here (not by sync): row ids, uuids,
    // commands and payloads, oldest first.
    struct LocalChange {
        qint64 row = 0;
        qint64 atUtcMs = 0;
        QString command;
        QString sessionUuid;
        QByteArray payload;
    };
    bool loadLocalChanges(qint64 afterRow, int limit, QList<LocalChange> &changes);
    bool lastChangeRow(qint64 &row);
    bool loadAllSessionUuids(QStringList &uuids);
    bool loadAllFelt(QList<SpontaneousLetdown> &felt);
    QString errorString() const;

private:
    bool writeVersions(const QList<SyncVersion> &versions);
    bool writeFilesSeen(const QList<SyncFileSeen> &files);
    SessionStore &m_store;
};
