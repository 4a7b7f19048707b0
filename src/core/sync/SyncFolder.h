#pragma once

#include "storage/SyncStore.h"

#include <QHash>
#include <QString>
#include <QStringList>

class Journal;
class SessionStore;

// What the window shows of sync (Preferences, History): this device, the others seen, the
// edits kept after losing a conflict, and which device logged each session.
struct SyncOverview {
    QString deviceId; // empty until the first exchange
    QString deviceName;
    QList<SyncPeer> peers;
    QList<SyncConflict> conflicts;
    struct Origin {
        QString loggedOn; // the device's name
        QString lastChangedOn;
        bool elsewhere = false; // logged on another device (only it runs it while live)
    };
    QHash<QString, Origin> sessions; // by uuid; only sessions that have been synced
    QString nameOf(const QString &deviceId) const;
};

// One exchange with a folder that Syncthing (or anything else) keeps the same on every
// device of the family (docs/sync.md). This device writes only inside DIR/<its device id>/,
// new files only, each complete before it has its name; it reads every other device's
// subfolder and applies what it finds through the journal.
//
// What a file holds is state, not steps: the whole of each session (or let-down without a
// feed) that changed, or a tombstone, with its version (a hybrid logical clock, then the
// device id). Applying keeps, for each item, the newest version seen; so any subset of the
// files, in any order, any number of times, leaves the same log once every file has
// arrived, and no record needs another to be applied first. An edit that lost against a
// concurrent one (neither device had seen the other's) is kept in `sync_conflicts`.
class SyncFolder
{
public:
    struct Report {
        QString deviceId;
        QString deviceName;
        bool tookNewDeviceId = false; // this file is a copy of another device's (docs/sync.md)
        int sentItems = 0;
        QStringList filesWritten;
        int receivedItems = 0; // items another device changed that changed here
        QStringList fromDevices; // the names of the devices they came from
        int newConflicts = 0;
        QStringList messages; // files skipped or refused, by name; said once each
        QString error; // the exchange could not be made (the folder, the data file)
    };

    SyncFolder(Journal &journal, const QString &folder);
    // The name other devices show for this one ("Pat's laptop"); kept in the data file.
    // Empty: the name kept, or this computer's host name the first time.
    void setDeviceName(const QString &name) { m_requestedName = name; }

    // Writes this device's changes not yet written, then applies the others'. False (with
    // report.error) when the folder cannot be used or the data file cannot be changed.
    bool exchange(Report &report);
    bool writeOutgoing(Report &report);
    bool readIncoming(Report &report);

    static bool loadOverview(SessionStore &store, SyncOverview &overview, QString &error);
    // The name of the device that logged this session, when that is another device (a
    // session live there is shown here, never run here); empty when it was logged here.
    static bool loggedElsewhereOn(SessionStore &store, const QString &uuid, QString &deviceName, QString &error);
    // Names this device for the others (kept; sent with its next file).
    static bool saveDeviceName(SessionStore &store, const QString &name, QString &error);

    // The file name shape: 8 digits and the extension; a device folder: a device id.
    static bool isDeviceId(const QString &name);
    static constexpr qint64 kMaxFileBytes = 64LL * 1024 * 1024;
    static constexpr int kItemsPerFile = 500;
    static constexpr int kFormatVersion = 1;

private:
    bool ensureIdentity(Report &report);
    // The items changed here since the last export, each with the time of its last change.
    bool collectChangedItems(QStringList &items, QHash<QString, qint64> &changedAtUtcMs, qint64 &lastRow, Report &report);
    QString fileIdentity() const;
    QString newFileName(const QString &ownFolder);
    static void removeLeftovers(const QString &ownFolder);

    Journal &m_journal;
    QString m_folder;
    QString m_requestedName;
    QHash<QString, QString> m_settings;
};
