#include "sync/SyncFolder.h"

#include "base/Clock.h"
#include "domain/SessionJson.h"
#include "domain/SessionValidation.h"
#include "journal/Journal.h"
#include "recorder/SessionRecorder.h"
#include "storage/FileSync.h"
#include "storage/SessionStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSysInfo>
#include <QUuid>

#include <sys/stat.h>

#include <algorithm>
#include <limits>

namespace {
const QString kFormat = QStringLiteral("letdown-sync");
const QString kFeltPrefix = QStringLiteral("felt:");
// Settings kept in the data file (sync_settings).
const QString kDeviceId = QStringLiteral("device_id");
const QString kDeviceName = QStringLiteral("device_name");
const QString kFileIdentity = QStringLiteral("file_identity");
const QString kExportedRow = QStringLiteral("exported_change_row");
const QString kClock = QStringLiteral("hlc");
const QString kNextFile = QStringLiteral("next_file");
// Applying many small files costs one transaction per this many items, not one per file.
constexpr int kItemsPerTransaction = 2000;

QString feltItem(qint64 atUtcMs)
{
    return kFeltPrefix + QString::number(atUtcMs);
}

QJsonObject feltJson(qint64 atUtcMs, int utcOffsetS)
{
    return {{QStringLiteral("at_utc_ms"), atUtcMs}, {QStringLiteral("utc_offset_s"), utcOffsetS}};
}

QJsonObject versionJson(const SyncVersion &version)
{
    return {{QStringLiteral("item"), version.item}, {QStringLiteral("hlc"), version.hlc},
        {QStringLiteral("device_id"), version.deviceId}, {QStringLiteral("base_hlc"), version.baseHlc},
        {QStringLiteral("owner_device"), version.ownerDevice}, {QStringLiteral("deleted"), version.deleted}};
}

// A record read from another device's file, checked.
struct IncomingRecord {
    SyncVersion version;
    std::optional<Session> session;
    std::optional<SpontaneousLetdown> felt;
    QJsonObject json; // as written (kept whole if it loses a conflict)
};

// A clock further ahead than this is a device's broken clock or a forged file: taking it
// would stamp every later change here with it.
constexpr qint64 kLatestClockAheadMs = 24LL * 3600 * 1000;

bool parseRecord(
    const QJsonObject &json, const QString &fileDevice, qint64 nowMs, IncomingRecord &record, QString &error)
{
    record.json = json;
    SyncVersion &v = record.version;
    v.item = json.value(QLatin1String("item")).toString();
    const double hlc = json.value(QLatin1String("hlc")).toDouble(-1);
    const double base = json.value(QLatin1String("base_hlc")).toDouble(-1);
    v.deviceId = json.value(QLatin1String("device_id")).toString();
    v.ownerDevice = json.value(QLatin1String("owner_device")).toString();
    v.deleted = json.value(QLatin1String("deleted")).toBool();
    if (v.item.isEmpty() || v.item.size() > 64 || hlc < 1 || hlc > 9e15 || base < 0 || base > hlc) {
        error = QStringLiteral("a change without a valid item or clock");
        return false;
    }
    v.hlc = qint64(hlc);
    v.baseHlc = qint64(base);
    if (v.hlc > nowMs + kLatestClockAheadMs) {
        error = QStringLiteral("a change dated more than a day ahead of this computer's clock");
        return false;
    }
    if (v.deviceId != fileDevice) {
        error = QStringLiteral("a change signed by another device (%1)").arg(v.deviceId.left(40));
        return false;
    }
    if (!SyncFolder::isDeviceId(v.ownerDevice)) {
        error = QStringLiteral("a change without a valid owner device");
        return false;
    }
    if (v.item.startsWith(kFeltPrefix)) {
        bool ok = false;
        const qint64 atUtcMs = v.item.mid(kFeltPrefix.size()).toLongLong(&ok);
        if (!ok || atUtcMs < 0) {
            error = QStringLiteral("a let-down without a feed with no valid moment");
            return false;
        }
        if (!v.deleted) {
            const QJsonObject felt = json.value(QLatin1String("felt")).toObject();
            const double offset = felt.value(QLatin1String("utc_offset_s")).toDouble(1e9);
            if (qint64(felt.value(QLatin1String("at_utc_ms")).toDouble(-1)) != atUtcMs || std::abs(offset) > 18 * 3600) {
                error = QStringLiteral("a let-down without a feed that does not match its moment");
                return false;
            }
            record.felt = SpontaneousLetdown {0, atUtcMs, int(offset)};
        }
        return true;
    }
    if (!v.deleted) {
        Session session;
        if (!sessionFromJson(json.value(QLatin1String("session")).toObject(), session, error))
            return false;
        if (session.uuid != v.item) {
            error = QStringLiteral("a session under another session's id");
            return false;
        }
        record.session = session;
    }
    return true;
}

bool writeWholeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return false;
    const bool written = file.write(bytes) == bytes.size() && file.flush();
    file.close();
    return written && syncFile(path);
}
} // namespace

SyncFolder::SyncFolder(Journal &journal, const QString &folder)
    : m_journal(journal)
    , m_folder(QDir::cleanPath(QDir(folder).absolutePath()))
{ }

bool SyncFolder::isDeviceId(const QString &name)
{
    static const QRegularExpression shape(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    return shape.match(name).hasMatch();
}

QString SyncFolder::fileIdentity() const
{
    // The file itself (a symbolic link followed): a copy, a restored backup or a file moved to
    // another disk is another file, even with the same contents.
    struct stat status {};
    const QByteArray path = QFile::encodeName(m_journal.store().databasePath());
    if (::stat(path.constData(), &status) != 0)
        return {};
    return QStringLiteral("%1:%2").arg(quint64(status.st_dev)).arg(quint64(status.st_ino));
}

bool SyncFolder::ensureIdentity(Report &report)
{
    SyncStore sync(m_journal.store());
    if (!sync.loadSettings(m_settings)) {
        report.error = sync.errorString();
        return false;
    }
    QHash<QString, QString> changed;
    const QString identity = fileIdentity();
    QString deviceId = m_settings.value(kDeviceId);
    if (deviceId.isEmpty() || m_settings.value(kFileIdentity) != identity) {
        if (!deviceId.isEmpty()) {
            // A copy must never append to the original's subfolder (two writers of one
            // sequence of names): it syncs on as a new device, with the log it has.
            report.tookNewDeviceId = true;
            report.messages << QStringLiteral("This data file is a copy (restored, copied or moved) of device %1: it "
                                              "takes a new device id and writes to a folder of its own.")
                                   .arg(deviceId);
        }
        deviceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        changed.insert(kDeviceId, deviceId);
        changed.insert(kFileIdentity, identity);
        changed.insert(kNextFile, QStringLiteral("1"));
    }
    QString name = m_requestedName.trimmed().left(80);
    if (name.isEmpty())
        name = m_settings.value(kDeviceName);
    if (name.isEmpty())
        name = QSysInfo::machineHostName();
    if (name.isEmpty())
        name = QStringLiteral("Letdown");
    if (name != m_settings.value(kDeviceName))
        changed.insert(kDeviceName, name);
    if (!changed.isEmpty()) {
        if (!sync.saveSettings(changed)) {
            report.error = sync.errorString();
            return false;
        }
        m_settings.insert(changed);
    }
    report.deviceId = deviceId;
    report.deviceName = name;
    return true;
}

bool SyncFolder::exchange(Report &report)
{
    return writeOutgoing(report) && readIncoming(report);
}

bool SyncFolder::collectChangedItems(
    QStringList &items, QHash<QString, qint64> &changedAtUtcMs, qint64 &lastRow, Report &report)
{
    SyncStore sync(m_journal.store());
    qint64 atUtcMs = 0;
    const auto add = [&](const QString &item) {
        if (item.isEmpty())
            return;
        if (!changedAtUtcMs.contains(item))
            items << item;
        changedAtUtcMs.insert(item, std::max(atUtcMs, changedAtUtcMs.value(item)));
    };
    if (!m_settings.contains(kExportedRow)) {
        // The first exchange of this file: everything it holds.
        QStringList uuids;
        QList<SpontaneousLetdown> felt;
        if (!sync.lastChangeRow(lastRow) || !sync.loadAllSessionUuids(uuids) || !sync.loadAllFelt(felt)) {
            report.error = sync.errorString();
            return false;
        }
        for (const QString &uuid : std::as_const(uuids))
            add(uuid);
        for (const SpontaneousLetdown &letdown : std::as_const(felt))
            add(feltItem(letdown.atUtcMs));
        return true;
    }
    lastRow = m_settings.value(kExportedRow).toLongLong();
    for (int page = 0; page < 100000; ++page) {
        QList<SyncStore::LocalChange> changes;
        if (!sync.loadLocalChanges(lastRow, 5000, changes)) {
            report.error = sync.errorString();
            return false;
        }
        if (changes.isEmpty())
            break;
        for (const SyncStore::LocalChange &change : std::as_const(changes)) {
            lastRow = change.row;
            atUtcMs = change.atUtcMs;
            add(change.sessionUuid);
            const QJsonObject payload = QJsonDocument::fromJson(change.payload).object();
            add(payload.value(QLatin1String("session")).toObject().value(QLatin1String("uuid")).toString());
            add(payload.value(QLatin1String("deleted_session")).toString());
            add(payload.value(QLatin1String("removed")).toString());
            for (const QJsonValue &uuid : payload.value(QLatin1String("imported_sessions")).toArray())
                add(uuid.toString());
            const auto addFelt = [&](const QJsonValue &felt) {
                const QJsonValue at = felt.toObject().value(QLatin1String("at_utc_ms"));
                if (at.isDouble())
                    add(feltItem(qint64(at.toDouble())));
            };
            addFelt(payload.value(QLatin1String("spontaneous_letdown")));
            addFelt(payload.value(QLatin1String("deleted_spontaneous_letdown")));
            for (const QJsonValue &felt : payload.value(QLatin1String("spontaneous_letdowns")).toArray())
                addFelt(felt);
        }
    }
    return true;
}

QString SyncFolder::newFileName(const QString &ownFolder)
{
    qint64 next = std::max<qint64>(1, m_settings.value(kNextFile).toLongLong());
    // Never a name already there (a file written before a crash, whose number was not saved).
    for (int tries = 0; tries < 100000; ++tries, ++next)
        if (!QFileInfo::exists(ownFolder + QStringLiteral("/%1.ldsync").arg(next, 8, 10, QLatin1Char('0'))))
            break;
    m_settings.insert(kNextFile, QString::number(next + 1));
    return QStringLiteral("%1.ldsync").arg(next, 8, 10, QLatin1Char('0'));
}

void SyncFolder::removeLeftovers(const QString &ownFolder)
{
    // Half-written files of an exchange that was killed (its process is gone): never named,
    // so no other device has applied them; removed before Syncthing spreads them.
    static const QRegularExpression leftover(QStringLiteral("^\\.tmp-([0-9]+)-[0-9a-f]+\\.part$"));
    const QDir own(ownFolder);
    for (const QString &name : own.entryList({QStringLiteral(".tmp-*.part")}, QDir::Files | QDir::Hidden)) {
        const QRegularExpressionMatch match = leftover.match(name);
        if (match.hasMatch() && processIsGone(match.captured(1).toLongLong()))
            QFile::remove(own.filePath(name));
    }
}

bool SyncFolder::writeOutgoing(Report &report)
{
    const QFileInfo folder(m_folder);
    if (!folder.isDir()) {
        report.error = QStringLiteral("The sync folder %1 does not exist (is the disk there? has Syncthing made it?).")
                           .arg(m_folder);
        return false;
    }
    if (!ensureIdentity(report))
        return false;
    QStringList items;
    QHash<QString, qint64> changedAtUtcMs;
    qint64 lastRow = 0;
    if (!collectChangedItems(items, changedAtUtcMs, lastRow, report))
        return false;
    const QString ownFolder = m_folder + QLatin1Char('/') + report.deviceId;
    if (!QDir().mkpath(ownFolder) || !QFileInfo(ownFolder).isWritable()) {
        report.error = QStringLiteral("This device cannot write in the sync folder (%1).").arg(ownFolder);
        return false;
    }
    removeLeftovers(ownFolder);
    SessionStore &store = m_journal.store();
    SyncStore sync(store);
    QHash<QString, SyncVersion> versions;
    if (!sync.loadVersions(versions)) {
        report.error = sync.errorString();
        return false;
    }
    const qint64 nowMs = m_journal.clock().wallUtcMs();
    qint64 clock = std::max(m_settings.value(kClock).toLongLong(), qint64(0));
    QList<SyncVersion> stamped;
    QJsonArray records;
    const auto flushFile = [&]() {
        if (records.isEmpty())
            return true;
        const QJsonObject file {{QStringLiteral("format"), kFormat}, {QStringLiteral("version"), kFormatVersion},
            {QStringLiteral("device_id"), report.deviceId}, {QStringLiteral("device_name"), report.deviceName},
            {QStringLiteral("written_at_utc_ms"), nowMs}, {QStringLiteral("records"), records}};
        const QString name = newFileName(ownFolder);
        // Written whole under a private name, then renamed: Syncthing never sees half a file
        // (it ignores nothing, but a dot-file that vanishes is never sent), and a file once
        // named is never written again.
        const QString temporary = ownFolder + QStringLiteral("/.tmp-%1-%2.part")
                                                  .arg(QCoreApplication::applicationPid())
                                                  .arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
        const QString target = ownFolder + QLatin1Char('/') + name;
        if (!writeWholeFile(temporary, QJsonDocument(file).toJson(QJsonDocument::Compact))
            || QFileInfo::exists(target) || !QFile::rename(temporary, target) || !syncFolderOf(target)) {
            QFile::remove(temporary);
            report.error = QStringLiteral("Could not write %1 in the sync folder (is the disk full?).").arg(target);
            return false;
        }
        report.filesWritten << name;
        report.sentItems += int(records.size());
        records = QJsonArray();
        return true;
    };
    // One record: the item's contents (none for a tombstone) under its new version.
    const auto addRecord = [&](const QString &item, QJsonObject record, bool deleted) {
        SyncVersion version;
        version.item = item;
        version.deleted = deleted;
        const SyncVersion before = versions.value(item);
        // The hybrid clock: the time of her change (not of this export), but always after
        // everything this device has seen, and after the item's own version.
        const qint64 changedAt = changedAtUtcMs.value(item);
        version.hlc = std::max({changedAt > 0 ? changedAt : nowMs, clock + 1, before.hlc + 1});
        clock = version.hlc;
        version.deviceId = report.deviceId;
        version.baseHlc = before.hlc;
        version.ownerDevice = before.ownerDevice.isEmpty() ? report.deviceId : before.ownerDevice;
        version.fromElsewhere = before.fromElsewhere;
        const QJsonObject header = versionJson(version);
        for (auto it = header.begin(); it != header.end(); ++it)
            record.insert(it.key(), it.value());
        records.append(record);
        stamped << version;
        return records.size() < kItemsPerFile || flushFile();
    };
    QSet<QString> sessionItems;
    for (const QString &item : std::as_const(items)) {
        if (!item.startsWith(kFeltPrefix)) {
            sessionItems.insert(item);
            continue;
        }
        const qint64 atUtcMs = item.mid(kFeltPrefix.size()).toLongLong();
        QList<SpontaneousLetdown> felt;
        if (!store.loadSpontaneousLetdowns(atUtcMs, atUtcMs, felt)) {
            report.error = store.errorString();
            return false;
        }
        QJsonObject record;
        if (!felt.isEmpty())
            record.insert(QStringLiteral("felt"), feltJson(atUtcMs, felt.constFirst().utcOffsetS));
        if (!addRecord(item, record, felt.isEmpty()))
            return false;
    }
    // Many sessions (a first exchange, an import): one pass over the table instead of a
    // lookup each (ten years: 43,848 lookups took most of the export's time).
    constexpr int kLookupsBeforeOnePass = 200;
    if (sessionItems.size() > kLookupsBeforeOnePass) {
        bool written = true;
        const bool read = store.forEachSessionStartedBetween(std::numeric_limits<qint64>::min(),
            std::numeric_limits<qint64>::max(), [&](Session &&session) {
                if (!written || !sessionItems.remove(session.uuid))
                    return;
                written = addRecord(session.uuid, {{QStringLiteral("session"), sessionToJson(session, true)}}, false);
            });
        if (!read) {
            report.error = store.errorString();
            return false;
        }
        if (!written)
            return false;
    }
    for (const QString &item : std::as_const(items)) {
        if (!sessionItems.contains(item))
            continue; // a let-down without a feed, or a session written above
        std::optional<Session> session;
        if (!store.loadSession(item, session)) {
            report.error = store.errorString();
            return false;
        }
        QJsonObject record;
        if (session)
            record.insert(QStringLiteral("session"), sessionToJson(*session, true));
        if (!addRecord(item, record, !session))
            return false;
    }
    if (!flushFile())
        return false;
    // After the files are on disk: a crash in between writes the same items again next time
    // (a newer version of the same contents), never loses one.
    const QHash<QString, QString> saved {{kExportedRow, QString::number(lastRow)}, {kClock, QString::number(clock)},
        {kNextFile, m_settings.value(kNextFile, QStringLiteral("1"))}};
    if (!sync.saveExport(saved, stamped)) {
        report.error = sync.errorString();
        return false;
    }
    m_settings.insert(saved);
    return true;
}

bool SyncFolder::readIncoming(Report &report)
{
    if (report.deviceId.isEmpty() && !ensureIdentity(report))
        return false;
    SessionStore &store = m_journal.store();
    SyncStore sync(store);
    QHash<QString, SyncVersion> versions;
    QHash<QString, SyncFileSeen> seen;
    if (!sync.loadVersions(versions) || !sync.loadFilesSeen(seen)) {
        report.error = sync.errorString();
        return false;
    }
    const qint64 nowMs = m_journal.clock().wallUtcMs();
    // Once per read: asked for each record, the local date cost a tenth of a first sync of ten
    // years (glibc looks at the time zone file again on every call).
    const QDate today = localToday(m_journal.clock());
    qint64 clock = m_settings.value(kClock).toLongLong();
    const SessionRecorder &recorder = m_journal.recorder();
    const QString liveUuid = recorder.isLive() ? recorder.currentSession().uuid : QString();

    SyncBatch batch;
    int batchItems = 0;
    QHash<QString, int> sessionAt; // item -> index in batch.sessions (a later file replaces it)
    QSet<QString> arrivedFrom;
    QList<SyncFileSeen> unapplied; // refused and skipped files: remembered, said once
    const auto applyBatch = [&]() {
        if (batch.files.isEmpty() && batch.versions.isEmpty())
            return true;
        QJsonArray files;
        for (const SyncFileSeen &file : std::as_const(batch.files))
            files.append(file.deviceId + QLatin1Char('/') + file.fileName);
        QString error;
        const QByteArray summary = compactJson({{QStringLiteral("sync_files"), files},
            {QStringLiteral("sessions"), int(batch.sessions.size())},
            {QStringLiteral("deleted_sessions"), int(batch.deletedSessions.size())},
            {QStringLiteral("conflicts"), int(batch.conflicts.size())}});
        if (!m_journal.applySynced(batch, summary, error)) {
            report.error = QStringLiteral("Changes from another device could not be saved: %1").arg(error);
            return false;
        }
        batch = SyncBatch();
        batchItems = 0;
        sessionAt.clear();
        return true;
    };
    // What is stored here now under an item (for a conflict copy of the local version).
    const auto localJson = [&](const QString &item, QJsonObject &json) {
        if (item.startsWith(kFeltPrefix))
            return true;
        std::optional<Session> session;
        if (!store.loadSession(item, session))
            return false;
        if (session)
            json = sessionToJson(*session, true);
        return true;
    };

    const QDir root(m_folder);
    if (!root.exists()) {
        report.error = QStringLiteral("The sync folder %1 does not exist.").arg(m_folder);
        return false;
    }
    const QStringList entries = root.entryList(QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
    for (const QString &deviceFolder : entries) {
        if (deviceFolder == report.deviceId || deviceFolder.startsWith(QLatin1Char('.')))
            continue; // its own, and Syncthing's (.stfolder, .stversions)
        if (!isDeviceId(deviceFolder) || !QFileInfo(root.filePath(deviceFolder)).isDir()) {
            const QString key = deviceFolder + QStringLiteral("/");
            if (!seen.contains(key)) {
                const SyncFileSeen skipped {deviceFolder, {}, 0, QStringLiteral("skipped"),
                    QStringLiteral("%1 in the sync folder is not a device's folder; it was left alone.").arg(deviceFolder)};
                report.messages << skipped.message;
                unapplied << skipped;
                seen.insert(key, skipped);
            }
            continue;
        }
        const QDir device(root.filePath(deviceFolder));
        const QStringList files = device.entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
        for (const QString &fileName : files) {
            const QString path = device.filePath(fileName);
            const qint64 size = QFileInfo(path).size();
            const QString key = deviceFolder + QLatin1Char('/') + fileName;
            const auto known = seen.constFind(key);
            if (known != seen.cend() && (known->status == QLatin1String("applied") || known->size == size))
                continue;
            // Syncthing's and other devices' files still being written: looked at next time.
            if ((fileName.startsWith(QLatin1String(".syncthing.")) && fileName.endsWith(QLatin1String(".tmp")))
                || (fileName.startsWith(QLatin1String(".tmp-")) && fileName.endsWith(QLatin1String(".part"))))
                continue;
            SyncFileSeen file {deviceFolder, fileName, size, QStringLiteral("refused"), {}};
            const auto refuse = [&](const QString &why) {
                file.message = QStringLiteral("%1: %2").arg(key, why);
                report.messages << file.message;
                unapplied << file;
                seen.insert(key, file);
            };
            static const QRegularExpression ownName(QStringLiteral("^[0-9]{8}\\.ldsync$"));
            if (fileName.contains(QLatin1String(".sync-conflict-"))) {
                file.status = QStringLiteral("skipped");
                refuse(QStringLiteral("a conflict copy made by Syncthing; Letdown never writes a file twice, so it holds "
                                      "nothing new. Left alone."));
                continue;
            }
            if (!ownName.match(fileName).hasMatch()) {
                file.status = QStringLiteral("skipped");
                refuse(QStringLiteral("not a Letdown sync file; left alone."));
                continue;
            }
            if (size > kMaxFileBytes) {
                refuse(QStringLiteral("larger than %1 MB; not read.").arg(kMaxFileBytes / (1024 * 1024)));
                continue;
            }
            QFile in(path);
            if (!in.open(QIODevice::ReadOnly)) {
                // Perhaps not there any more, or not readable yet: looked at next time.
                report.messages << QStringLiteral("%1: cannot be read now (%2).").arg(key, in.errorString());
                continue;
            }
            QJsonParseError parseError {};
            const QJsonDocument document = QJsonDocument::fromJson(in.readAll(), &parseError);
            const QJsonObject object = document.object();
            if (parseError.error != QJsonParseError::NoError || !document.isObject()
                || object.value(QLatin1String("format")).toString() != kFormat) {
                refuse(QStringLiteral("damaged or not a Letdown sync file (%1); nothing in it was applied.")
                           .arg(parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                            : QStringLiteral("no letdown-sync format")));
                continue;
            }
            if (object.value(QLatin1String("version")).toInt() > kFormatVersion) {
                // Not remembered: a newer Letdown here reads it.
                report.messages << QStringLiteral("%1: written by a newer Letdown; update this one to read it.").arg(key);
                continue;
            }
            if (object.value(QLatin1String("device_id")).toString() != deviceFolder) {
                refuse(QStringLiteral("claims to come from device %1 but lies in the folder of %2; nothing in it was "
                                      "applied.")
                           .arg(object.value(QLatin1String("device_id")).toString().left(40), deviceFolder));
                continue;
            }
            const QString deviceName = object.value(QLatin1String("device_name")).toString().left(80);
            const QJsonArray records = object.value(QLatin1String("records")).toArray();
            int refusedRecords = 0;
            QString firstRefusal;
            int appliedHere = 0;
            for (const QJsonValue &value : records) {
                IncomingRecord record;
                QString why;
                if (!parseRecord(value.toObject(), deviceFolder, nowMs, record, why)
                    || (record.session && !implausibleDatesError(*record.session, today).isEmpty())) {
                    if (why.isEmpty())
                        why = implausibleDatesError(*record.session, today);
                    ++refusedRecords;
                    if (firstRefusal.isEmpty())
                        firstRefusal = why;
                    continue;
                }
                SyncVersion incoming = record.version;
                incoming.fromElsewhere = incoming.ownerDevice != report.deviceId;
                clock = std::max(clock, incoming.hlc);
                const auto current = versions.constFind(incoming.item);
                const bool known = current != versions.cend();
                if (known && current->hlc == incoming.hlc && current->deviceId == incoming.deviceId)
                    continue; // this version is here already
                const auto keepConflict = [&](const SyncVersion &loser, const QString &name, const QJsonObject &json) {
                    batch.conflicts << SyncConflict {loser.item, loser.hlc, loser.deviceId, name, nowMs,
                        compactJson(json)};
                    ++report.newConflicts;
                };
                const bool incomingWins = !known || incoming.newerThan(*current);
                // Her live session here is hers to run: another device's version of it waits
                // beside it as a conflict copy instead of pulling it from under her.
                if (!liveUuid.isEmpty() && incoming.item == liveUuid) {
                    if (incomingWins)
                        keepConflict(incoming, deviceName, record.json);
                    continue;
                }
                if (!incomingWins) {
                    // Concurrent (the winner's writer had not seen it) and not a deletion: kept.
                    if (incoming.deviceId != current->deviceId && incoming.hlc > current->baseHlc && !incoming.deleted)
                        keepConflict(incoming, deviceName, record.json);
                    continue;
                }
                if (known && current->deviceId != incoming.deviceId && current->hlc > incoming.baseHlc
                    && !current->deleted) {
                    // The version here loses to one made without seeing it: kept as it was.
                    QJsonObject json;
                    if (!localJson(incoming.item, json)) {
                        report.error = store.errorString();
                        return false;
                    }
                    if (!json.isEmpty()) {
                        QJsonObject loser = versionJson(*current);
                        loser.insert(QStringLiteral("session"), json);
                        keepConflict(*current,
                            current->deviceId == report.deviceId ? report.deviceName : QStringLiteral("another device"),
                            loser);
                    }
                }
                versions.insert(incoming.item, incoming);
                batch.versions << incoming;
                if (incoming.item.startsWith(kFeltPrefix)) {
                    const qint64 atUtcMs = incoming.item.mid(kFeltPrefix.size()).toLongLong();
                    batch.feltDeletedAtUtcMs.removeAll(atUtcMs);
                    batch.feltAdded.removeIf([&](const SpontaneousLetdown &felt) { return felt.atUtcMs == atUtcMs; });
                    if (record.felt)
                        batch.feltAdded << *record.felt;
                    else
                        batch.feltDeletedAtUtcMs << atUtcMs;
                }
                else if (record.session) {
                    batch.deletedSessions.removeAll(incoming.item);
                    const auto at = sessionAt.constFind(incoming.item);
                    if (at != sessionAt.cend())
                        batch.sessions[*at] = *record.session;
                    else {
                        sessionAt.insert(incoming.item, int(batch.sessions.size()));
                        batch.sessions << *record.session;
                    }
                } else {
                    const auto at = sessionAt.constFind(incoming.item);
                    if (at != sessionAt.cend()) {
                        batch.sessions.removeAt(*at);
                        sessionAt.clear();
                        for (int i = 0; i < batch.sessions.size(); ++i)
                            sessionAt.insert(batch.sessions[i].uuid, i);
                    }
                    batch.deletedSessions << incoming.item;
                }
                ++appliedHere;
                ++batchItems;
            }
            if (refusedRecords > 0) {
                file.message = QStringLiteral("%1: %2 of its %3 changes were refused (the first: %4); the rest were applied.")
                                   .arg(key)
                                   .arg(refusedRecords)
                                   .arg(records.size())
                                   .arg(firstRefusal);
                report.messages << file.message;
            }
            file.status = QStringLiteral("applied");
            batch.files << file;
            seen.insert(key, file);
            batch.peers << SyncPeer {deviceFolder, deviceName.isEmpty() ? deviceFolder.left(8) : deviceName,
                qint64(object.value(QLatin1String("written_at_utc_ms")).toDouble()), nowMs};
            if (appliedHere > 0) {
                report.receivedItems += appliedHere;
                arrivedFrom.insert(deviceName.isEmpty() ? deviceFolder.left(8) : deviceName);
            }
            if (batchItems >= kItemsPerTransaction && !applyBatch())
                return false;
        }
    }
    if (!applyBatch())
        return false;
    if (!unapplied.isEmpty() && !sync.saveFilesSeen(unapplied)) {
        report.error = sync.errorString();
        return false;
    }
    if (clock > m_settings.value(kClock).toLongLong()) {
        if (!sync.saveSettings({{kClock, QString::number(clock)}})) {
            report.error = sync.errorString();
            return false;
        }
        m_settings.insert(kClock, QString::number(clock));
    }
    report.fromDevices = QStringList(arrivedFrom.cbegin(), arrivedFrom.cend());
    report.fromDevices.sort();
    return true;
}

QString SyncOverview::nameOf(const QString &id) const
{
    if (id == deviceId)
        return deviceName;
    for (const SyncPeer &peer : peers)
        if (peer.deviceId == id)
            return peer.name;
    return QStringLiteral("another device");
}

bool SyncFolder::loadOverview(SessionStore &store, SyncOverview &overview, QString &error)
{
    overview = SyncOverview();
    SyncStore sync(store);
    QHash<QString, QString> settings;
    QHash<QString, SyncVersion> versions;
    if (!sync.loadSettings(settings) || !sync.loadPeers(overview.peers) || !sync.loadConflicts(overview.conflicts)
        || !sync.loadVersions(versions)) {
        error = sync.errorString();
        return false;
    }
    overview.deviceId = settings.value(kDeviceId);
    overview.deviceName = settings.value(kDeviceName);
    for (const SyncVersion &version : std::as_const(versions)) {
        if (version.deleted || version.item.startsWith(kFeltPrefix))
            continue;
        overview.sessions.insert(version.item,
            {overview.nameOf(version.ownerDevice), overview.nameOf(version.deviceId), version.fromElsewhere});
    }
    return true;
}

bool SyncFolder::saveDeviceName(SessionStore &store, const QString &name, QString &error)
{
    SyncStore sync(store);
    if (sync.saveSettings({{kDeviceName, name.trimmed().left(80)}}))
        return true;
    error = sync.errorString();
    return false;
}

bool SyncFolder::loggedElsewhereOn(SessionStore &store, const QString &uuid, QString &deviceName, QString &error)
{
    deviceName.clear();
    SyncStore sync(store);
    std::optional<SyncVersion> version;
    QList<SyncPeer> peers;
    if (!sync.loadVersion(uuid, version) || (version && version->fromElsewhere && !sync.loadPeers(peers))) {
        error = sync.errorString();
        return false;
    }
    if (!version || !version->fromElsewhere)
        return true;
    deviceName = QStringLiteral("another device");
    for (const SyncPeer &peer : std::as_const(peers))
        if (peer.deviceId == version->ownerDevice)
            deviceName = peer.name;
    return true;
}
