#pragma once

#include "commands/SessionCommands.h"
#include "journal/Journal.h"

#include "settings/Preferences.h"

#include <QMainWindow>
#include <QTimer>
#include <QUndoStack>

#include <memory>

namespace Ui {
class MainWindow;
}
class Clock;
class DataFile;
class Database;
class QDialog;
class QScrollArea;
class SessionPanel;
class TrendsPanel;
class HistoryPanel;
class InsightsPanel;
class SessionRecorder;
class SessionStore;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // Every change the window makes goes through `journal`; the window listens to it.
    explicit MainWindow(Journal &journal, QWidget *parent = nullptr);
    // Over parts the caller owns (tests): the window builds the journal over them.
    MainWindow(DataFile &dataFile, SessionRecorder &recorder, SessionStore &store, const Clock &clock,
        QWidget *parent = nullptr);
    Journal &journal() { return m_journal; }
    ~MainWindow() override;

    SessionPanel *sessionPanel() const { return m_sessionPanel; }
    class RemoteService &remoteService() { return *m_remote; }
    class LiveScale &liveScale() { return *m_liveScale; }
    class ScalePanel *scalePanel() const { return m_scalePanel; }
    TrendsPanel *trendsPanel() const { return m_trendsPanel; }
    HistoryPanel *historyPanel() const { return m_historyPanel; }
    InsightsPanel *insightsPanel() const { return m_insightsPanel; }
    void showInsights();
    QUndoStack &undoStack() { return m_undoStack; }
    void showHistory();
    void showTrendsOfAllWeeks();
    void showTrends();
    // The File menu's transfers (tests call these with the dialog they want to drive).
    void openTransferDialog(int mode);
    void printReport();
    // File > Restore from backup: backs up the current file, then puts the chosen one in place.
    void openRestoreDialog();
    bool restoreFrom(const QString &backupPath);
    // Checks once a day (from a worker thread) whether a backup is due, and takes it.
    void startDailyBackups();
    // Another instance asked for this window.
    void comeToFront();
    void openPreferences();
    void applyPreferences(const Preferences &preferences);
    void toggleMiniTimer();
    bool moveDatabase(const QString &newPath);
    class MiniTimer *miniTimer() const { return m_miniTimer; }
    class SyncRunner &syncRunner() { return *m_sync; }

signals:
    // A transfer dialog is about to run; tests fill and accept it here.
    void transferDialogOpened(QDialog *dialog);
    void importDialogOpened(QDialog *dialog);
    void remoteDialogOpened(QDialog *dialog);
    void restoreDialogOpened(QDialog *dialog);
    void preferencesDialogOpened(QDialog *dialog);

private:
    void setUpShortcuts();
    void refreshWarningBar();
    void showProblem(const QString &message);
    void showAbout();

    // A change went through the journal (from any hand): the views re-read what it touched.
    void journalChanged(const Journal::Change &change);
    void openImportDialog();
    QDate today() const;
    // Her own volume curve is fitted again after the window shows and after any change to
    // her sessions (coalesced: one fit per burst of changes).
    void scheduleRefit();
    void refitVolumeModel();
    void useFittedModel(); // she asked for it (Insights); saved like any preference

    void runBackupCheck();
    // A running session (or an unsaved step) must be stopped before the file is replaced.
    bool refuseWhileRecording(const QString &message);
    // After a restore or a move: the window and the recorder start over from the file.
    void fileReplaced(const QString &statusMessage);
    void setUpTrayIcon();
    void openRemoteDialog();
    void markSpontaneousLetdown();
    void applyReadOnly();

    MainWindow(std::unique_ptr<Journal> ownJournal, QWidget *parent);

    std::unique_ptr<Journal> m_ownJournal; // only when built over a test's parts
    Journal &m_journal;
    std::unique_ptr<Ui::MainWindow> m_ui;
    DataFile &m_dataFile;
    Database &m_database; // m_dataFile's, for reading its state
    SessionCommands &m_commands; // the journal's live steps: the next session's choices
    SessionRecorder &m_recorder;
    SessionStore &m_store;
    const Clock &m_clock;
    SessionPanel *m_sessionPanel = nullptr;
    QScrollArea *m_sessionTab = nullptr; // the Session tab: the panel in a scroll area
    QScrollArea *m_trendsTab = nullptr;
    TrendsPanel *m_trendsPanel = nullptr;
    HistoryPanel *m_historyPanel = nullptr;
    InsightsPanel *m_insightsPanel = nullptr;
    QUndoStack m_undoStack; // lives until the window closes
    QTimer *m_backupTimer = nullptr;
    Preferences m_preferences;
    QTimer m_refitTimer;
    class MiniTimer *m_miniTimer = nullptr;
    class RemoteService *m_remote = nullptr; // the phone remote, off unless she switched it on
    class LiveScale *m_liveScale = nullptr;
    class ScalePanel *m_scalePanel = nullptr;
    class MqttScale *m_mqttScale = nullptr; // started when Preferences name a broker and topic
    QString m_mqttScaleSettings; // the broker and topic it was started with
    class SyncRunner *m_sync = nullptr; // the family's other devices, through a Syncthing folder
    class PreferencesDialog *m_openPreferences = nullptr; // while open: shown the sync status live
    void showSyncStatus();
    void startMqttScale();
};
