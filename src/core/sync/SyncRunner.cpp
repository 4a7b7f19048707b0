#include "sync/SyncRunner.h"

#include "journal/Journal.h"

#include <QDir>

SyncRunner::SyncRunner(Journal &journal, QObject *parent)
    : QObject(parent)
    , m_journal(journal)
{
    m_writeSoon.setSingleShot(true);
    m_writeSoon.setInterval(kWriteDelayMs);
    m_folderSettled.setSingleShot(true);
    m_folderSettled.setInterval(kFolderSettleMs);
    m_lookAgain.setInterval(kLookAgainMs);
    for (QTimer *timer : {&m_writeSoon, &m_folderSettled, &m_lookAgain})
        connect(timer, &QTimer::timeout, this, &SyncRunner::exchangeNow);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] {
        if (!m_folderSettled.isActive())
            m_folderSettled.start();
    });
    connect(&journal, &Journal::changed, this, [this](const Journal::Change &change) {
        onJournalChanged(change.command, change.origin == Origin::Sync);
    });
}

void SyncRunner::start(const QString &folder, const QString &deviceName)
{
    stop();
    if (folder.isEmpty())
        return;
    m_folder = folder;
    m_exchange = std::make_unique<SyncFolder>(m_journal, folder);
    m_exchange->setDeviceName(deviceName);
    m_said.clear();
    m_lookAgain.start();
    exchangeNow();
}

void SyncRunner::stop()
{
    m_exchange.reset();
    m_folder.clear();
    m_last = SyncFolder::Report();
    for (QTimer *timer : {&m_writeSoon, &m_folderSettled, &m_lookAgain})
        timer->stop();
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
}

void SyncRunner::finish()
{
    if (m_exchange && m_writeSoon.isActive())
        exchangeNow();
    stop();
}

void SyncRunner::onJournalChanged(const QString &command, bool fromSync)
{
    // Its own applying is no change to send; the scale's readings are not synced.
    if (!m_exchange || fromSync || command == QLatin1String("scale_readings"))
        return;
    if (!m_writeSoon.isActive()) // within kWriteDelayMs of the first change not yet written
        m_writeSoon.start();
}

void SyncRunner::watchFolders()
{
    QStringList wanted {m_folder};
    const QDir root(m_folder);
    for (const QString &device : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        if (SyncFolder::isDeviceId(device) && device != m_last.deviceId)
            wanted << root.filePath(device);
    const QStringList watched = m_watcher.directories();
    QStringList missing;
    for (const QString &path : std::as_const(wanted))
        if (!watched.contains(path))
            missing << path;
    if (!missing.isEmpty())
        m_watcher.addPaths(missing); // a folder that is not there is simply not watched yet
}

void SyncRunner::exchangeNow()
{
    if (!m_exchange || m_inExchange)
        return;
    m_inExchange = true;
    m_writeSoon.stop();
    m_folderSettled.stop();
    SyncFolder::Report report;
    m_exchange->exchange(report);
    m_last = report;
    QStringList newMessages;
    for (const QString &message : std::as_const(report.messages))
        if (!m_said.contains(message)) {
            m_said.insert(message);
            newMessages << message;
        }
    watchFolders();
    m_inExchange = false;
    emit exchanged(report, newMessages);
}
