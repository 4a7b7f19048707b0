#pragma once

#include "sync/SyncFolder.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>

class Journal;

// Continuous sync (the window, `letdown serve`; docs/sync.md): this device's changes are
// written to the folder within 2 s of each commit, and the others' are applied when the
// folder changes (watched) and every 30 s in any case (a watch can miss a change on some
// file systems). Every exchange writes first, then reads: a version is stamped before a
// newer one from elsewhere can arrive.
class SyncRunner : public QObject
{
    Q_OBJECT

public:
    static constexpr int kWriteDelayMs = 1000;
    static constexpr int kLookAgainMs = 30'000;
    static constexpr int kFolderSettleMs = 500;

    explicit SyncRunner(Journal &journal, QObject *parent = nullptr);

    // Starts syncing with the folder (an empty path stops). The name is this device's, as
    // others show it (empty: the one kept, or the host name).
    void start(const QString &folder, const QString &deviceName = {});
    void stop();
    bool isRunning() const { return m_exchange != nullptr; }
    QString folder() const { return m_folder; }
    // The last exchange's report (its error, if any, is the folder's problem now).
    const SyncFolder::Report &lastReport() const { return m_last; }
    // Runs one exchange now.
    void exchangeNow();
    // At the end (the window closes, serve stops): changes not yet written are written now.
    void finish();

signals:
    // After each exchange: what arrived, what was said for the first time, the problem.
    void exchanged(const SyncFolder::Report &report, const QStringList &newMessages);

private:
    void onJournalChanged(const QString &command, bool fromSync);
    void watchFolders();

    Journal &m_journal;
    QString m_folder;
    std::unique_ptr<SyncFolder> m_exchange;
    QTimer m_writeSoon;
    QTimer m_folderSettled;
    QTimer m_lookAgain;
    QFileSystemWatcher m_watcher;
    SyncFolder::Report m_last;
    QSet<QString> m_said;
    bool m_inExchange = false;
};
