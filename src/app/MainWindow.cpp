#include "MainWindow.h"

#include "commands/SessionCommands.h"
#include "datafile/DataFile.h"

#include "InputMoments.h"

#include "ui_MainWindow.h"

#include "HistoryPanel.h"
#include "ImportDialog.h"
#include "InsightsPanel.h"
#include "MiniTimer.h"
#include "PreferencesDialog.h"
#include "sync/SyncRunner.h"
#include "RemoteDialog.h"
#include "Report.h"
#include "RestoreDialog.h"
#include "SessionPanel.h"
#include "TransferDialog.h"
#include "TrendsPanel.h"
#include "UndoCommands.h"
#include "base/Clock.h"
#include "recorder/SessionRecorder.h"
#include "remote/RemoteService.h"
#include "scalefeed/LiveScale.h"
#include "scalefeed/MqttScale.h"
#include "ScalePanel.h"
#include "stats/TrendQuery.h"
#include "storage/Backups.h"
#include "storage/Database.h"

#include <QApplication>
#include <QFileInfo>
#include <QHash>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QSettings>
#include <QScrollArea>
#include <QShortcut>
#include <QSystemTrayIcon>

namespace {
// A tab's panel in a scroll area of its own, so the window fits a short screen.
QScrollArea *scrolling(QWidget *panel, const char *name)
{
    auto *area = new QScrollArea;
    area->setObjectName(QString::fromLatin1(name));
    area->setWidget(panel);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    return area;
}
} // namespace

MainWindow::MainWindow(
    DataFile &dataFile, SessionRecorder &recorder, SessionStore &store, const Clock &clock, QWidget *parent)
    : MainWindow(std::make_unique<Journal>(dataFile, store, recorder, clock), parent)
{ }

MainWindow::MainWindow(std::unique_ptr<Journal> ownJournal, QWidget *parent)
    : MainWindow(*ownJournal, parent)
{
    m_ownJournal = std::move(ownJournal);
}

MainWindow::MainWindow(Journal &journal, QWidget *parent)
    : QMainWindow(parent)
    , m_journal(journal)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_dataFile(journal.dataFile())
    , m_database(journal.dataFile().database())
    , m_commands(journal.steps())
    , m_recorder(journal.recorder())
    , m_store(journal.store())
    , m_clock(journal.clock())
{
    const Clock &clock = m_clock;
    SessionStore &store = m_store;
    m_ui->setupUi(this);
    setWindowTitle(tr("Letdown"));
    // A let-down counts at the moment of the key press or click that asked for it.
    auto *inputMoments = new InputMoments(clock, this);
    m_commands.setTapMomentSource([inputMoments] { return inputMoments->currentInputMoment(); });
    connect(&m_commands, &SessionCommands::refused, this, &MainWindow::showProblem);
    m_sessionPanel = new SessionPanel(m_journal, this);
    // On a short screen (a 1024x600 netbook, less the desktop's bars) the Session tab scrolls
    // instead of pushing the window taller than the screen: Start and Let-down stay on top.
    m_sessionTab = scrolling(m_sessionPanel, "sessionScroll");
    m_ui->tabs->addTab(m_sessionTab, tr("&Session"));
    m_trendsPanel = new TrendsPanel(store, clock, this);
    m_trendsTab = scrolling(m_trendsPanel, "trendsScroll");
    m_ui->tabs->addTab(m_trendsTab, tr("&Trends"));
    connect(m_trendsPanel, &TrendsPanel::problem, this, &MainWindow::showProblem);

    m_insightsPanel = new InsightsPanel(store, clock, this);
    m_ui->tabs->addTab(m_insightsPanel, tr("&Insights"));
    connect(m_insightsPanel, &InsightsPanel::problem, this, &MainWindow::showProblem);

    m_historyPanel = new HistoryPanel(m_journal, m_undoStack, this);
    m_ui->tabs->addTab(m_historyPanel, tr("&History"));
    connect(m_historyPanel, &HistoryPanel::problem, this, &MainWindow::showProblem);
    // One signal for every change, from every hand (this window, the phone, `letdown tap`,
    // an import handed over by another program): the views re-read what it touched.
    connect(&m_journal, &Journal::changed, this, &MainWindow::journalChanged);
    // Undoable whoever tapped it: the Session tab, a key, the mini timer.
    connect(&m_commands, &SessionCommands::letdownRecorded, this,
        [this](const Letdown &ejection) { m_undoStack.push(new LetdownCommand(m_journal, ejection)); });

    QAction *undo = m_undoStack.createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setObjectName(QStringLiteral("actionUndo"));
    QAction *redo = m_undoStack.createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});
    redo->setObjectName(QStringLiteral("actionRedo"));
    m_ui->menuEdit->addAction(undo);
    m_ui->menuEdit->addAction(redo);

    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_ui->actionExportCsv, &QAction::triggered, this,
        [this] { openTransferDialog(int(TransferDialog::Mode::ExportCsv)); });
    // One entry for every import: the dialog recognises the format from the files' columns.
    connect(m_ui->actionImport, &QAction::triggered, this, &MainWindow::openImportDialog);
    connect(m_ui->actionSaveReport, &QAction::triggered, this,
        [this] { openTransferDialog(int(TransferDialog::Mode::ReportPdf)); });
    connect(m_ui->actionPrintReport, &QAction::triggered, this, &MainWindow::printReport);
    connect(&m_recorder, &SessionRecorder::changed, this, &MainWindow::refreshWarningBar);
    connect(m_sessionPanel, &SessionPanel::problem, this, &MainWindow::showProblem);
    setUpShortcuts();
    refreshWarningBar();
    connect(m_ui->actionRestoreBackup, &QAction::triggered, this, &MainWindow::openRestoreDialog);

    QAction *preferences = m_ui->menuEdit->addAction(tr("&Preferences..."), this, &MainWindow::openPreferences);
    preferences->setObjectName(QStringLiteral("actionPreferences"));
    preferences->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    preferences->setMenuRole(QAction::PreferencesRole);
    // A scale under the bottle: its readings (from the phone's API) go to the live pumping
    // session, and the Session tab draws them (docs/scale.md).
    m_liveScale = new LiveScale(m_journal, this);
    m_liveScale->setAutoConfirm(m_preferences.scaleAutoConfirm);
    m_scalePanel = new ScalePanel(*m_liveScale, m_sessionPanel);
    m_sessionPanel->setScalePanel(m_scalePanel);
    connect(m_scalePanel, &ScalePanel::problem, this, &MainWindow::showProblem);
    connect(m_liveScale, &LiveScale::problem, this, &MainWindow::showProblem);
    connect(m_liveScale, &LiveScale::finished, this, [this](const QString &, const Journal::ScaleAttachment &weighed) {
        statusBar()->showMessage(tr("The scale weighed %1 ml; let-downs found: %2.")
                                     .arg(QLocale().toString(weighed.totalMl, 'f', 0))
                                     .arg(weighed.found),
            15000);
    });
    m_mqttScale = new MqttScale(*m_liveScale, m_clock, this);
    connect(m_mqttScale, &MqttScale::statusChanged, this,
        [this](const QString &status) { statusBar()->showMessage(tr("Scale over MQTT: %1").arg(status), 10000); });
    startMqttScale();
    m_remote = new RemoteService(m_journal, this);
    m_remote->setLiveScale(m_liveScale);
    if (!m_remote->startIfEnabled())
        showProblem(m_remote->lastError());
    // The family's other devices (docs/sync.md): started by applyPreferences when a folder is set.
    m_sync = new SyncRunner(m_journal, this);
    connect(m_sync, &SyncRunner::exchanged, this, [this](const SyncFolder::Report &report, const QStringList &newMessages) {
        if (!report.error.isEmpty())
            statusBar()->showMessage(tr("Sync: %1").arg(report.error), 15000);
        else if (report.receivedItems > 0)
            statusBar()->showMessage(tr("Changes from %1 arrived (%2).")
                                         .arg(report.fromDevices.join(QStringLiteral(", ")))
                                         .arg(report.receivedItems),
                15000);
        else if (!newMessages.isEmpty())
            statusBar()->showMessage(tr("Sync: %1").arg(newMessages.constLast()), 15000);
        showSyncStatus();
    });
    QAction *remote = m_ui->menuEdit->addAction(tr("Phone &remote..."), this, &MainWindow::openRemoteDialog);
    remote->setObjectName(QStringLiteral("actionPhoneRemote"));
    remote->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    QAction *spontaneous
        = m_ui->menuEdit->addAction(tr("Let-down &without a feed"), this, &MainWindow::markSpontaneousLetdown);
    spontaneous->setObjectName(QStringLiteral("actionSpontaneousLetdown"));
    spontaneous->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    spontaneous->setToolTip(tr("She felt one with no session running (the baby cried): kept apart from sessions"));
    connect(&m_recorder, &SessionRecorder::spontaneousLetdownRecorded, this, [this](qint64, qint64 atUtcMs) {
        statusBar()->showMessage(
            tr("Let-down without a feed saved (%1). It is kept apart from your sessions.")
                .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(atUtcMs).time(), QLocale::ShortFormat)),
            8000);
    });
    QMenu *view = menuBar()->addMenu(tr("&View"));
    menuBar()->insertMenu(m_ui->menuHelp->menuAction(), view);
    QAction *miniTimer = view->addAction(tr("&Mini timer"), this, &MainWindow::toggleMiniTimer);
    miniTimer->setObjectName(QStringLiteral("actionMiniTimer"));
    miniTimer->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    setUpTrayIcon();
    applyPreferences(Preferences::load());
    applyReadOnly();
    statusBar()->showMessage(tr("Database: %1").arg(m_database.path()));

    m_refitTimer.setSingleShot(true);
    m_refitTimer.setInterval(0);
    connect(&m_refitTimer, &QTimer::timeout, this, &MainWindow::refitVolumeModel);
    connect(m_insightsPanel, &InsightsPanel::useFittedModelRequested, this, &MainWindow::useFittedModel);
    // Her curve is fitted a moment after the window appears: the window never waits for it
    // (ten years of sessions take a tenth of a second to read and fit).
    constexpr int kFirstFitDelayMs = 500;
    QTimer::singleShot(kFirstFitDelayMs, this, &MainWindow::scheduleRefit);
}

void MainWindow::scheduleRefit()
{
    m_refitTimer.start();
}

void MainWindow::refitVolumeModel()
{
    std::optional<VolumeFit> fit;
    QString error;
    if (!loadCurrentFit(m_store, fit, error)) {
        statusBar()->showMessage(tr("Your own volume curve could not be fitted: %1").arg(error), 10000);
        return;
    }
    if (fit == m_preferences.currentFit)
        return;
    Preferences preferences = m_preferences;
    preferences.currentFit = fit;
    applyPreferences(preferences);
    // Offered once, the first time it is ready; never switched without her.
    QSettings settings;
    const QString offered = QStringLiteral("model/fittedReadyOffered");
    if (fit && fit->ready && !preferences.fittedModelInUse() && !settings.value(offered).toBool()) {
        settings.setValue(offered, true);
        statusBar()->showMessage(
            tr("Your own volume curve is ready. Insights shows it; you can use it for your estimates there or in "
               "Preferences."),
            20000);
    }
}

void MainWindow::useFittedModel()
{
    Preferences preferences = m_preferences;
    preferences.volumeModelChoice = Preferences::VolumeModelChoice::Fitted;
    QString error;
    if (!preferences.save(error)) {
        showProblem(error);
        return;
    }
    applyPreferences(preferences);
    statusBar()->showMessage(tr("Your volumes are now estimated with your own curve (Edit > Preferences to go "
                                "back)."),
        10000);
}

MainWindow::~MainWindow()
{
    // Her last changes reach the folder now, not at the next start.
    if (m_sync)
        m_sync->finish();
}

void MainWindow::setUpShortcuts()
{
    // Window-wide single keys. A text field being edited takes these keys for itself
    // (Qt asks it first through ShortcutOverride), so typing a note never stops a session.
    const struct {
        QKeySequence key;
        std::function<void()> action;
    } bindings[] = {
        {QKeySequence(Qt::Key_Space), [this] { m_journal.apply(Journal::ask(Journal::Step::StartOrStop, Origin::Key)); }},
        {QKeySequence(Qt::Key_L), [this] { m_journal.apply(Journal::ask(Journal::Step::Letdown, Origin::Key)); }},
        {QKeySequence(Qt::Key_P), [this] { m_journal.apply(Journal::ask(Journal::Step::TogglePause, Origin::Key)); }},
        {QKeySequence(Qt::Key_S), [this] { m_journal.apply(Journal::ask(Journal::Step::SwitchSide, Origin::Key)); }},
        {QKeySequence(Qt::Key_T), [this] { m_sessionPanel->announceTime(); }},
        {QKeySequence(Qt::Key_C), [this] { m_scalePanel->confirmFirst(); }},
    };
    // They act on the Session tab only: a Space meant for another tab (or a slip there) never
    // starts or stops a feed. A disabled shortcut leaves the key to the widget with focus.
    QList<QShortcut *> shortcuts;
    for (const auto &binding : bindings) {
        auto *shortcut = new QShortcut(binding.key, this);
        shortcut->setContext(Qt::WindowShortcut);
        connect(shortcut, &QShortcut::activated, this, binding.action);
        shortcuts << shortcut;
    }
    const auto enableOnSessionTab = [this, shortcuts] {
        for (QShortcut *shortcut : shortcuts)
            shortcut->setEnabled(m_ui->tabs->currentWidget() == m_sessionTab);
    };
    connect(m_ui->tabs, &QTabWidget::currentChanged, this, enableOnSessionTab);
    enableOnSessionTab();
}

QDate MainWindow::today() const
{
    return localToday(m_clock);
}

void MainWindow::openTransferDialog(int mode)
{
    TransferDialog dialog(TransferDialog::Mode(mode), m_journal, today(), m_preferences, this);
    emit transferDialogOpened(&dialog);
    if (dialog.result() != QDialog::Accepted && dialog.exec() != QDialog::Accepted)
        return;
    statusBar()->showMessage(dialog.resultMessage(), 10000);
    // Her notes cut-off is kept with her other preferences: saved from the window's own copy,
    // so a later change in Preferences does not write the old one back.
    if (TransferDialog::Mode(mode) == TransferDialog::Mode::ReportPdf
        && dialog.notesDays() != m_preferences.reportNotesDays) {
        m_preferences.reportNotesDays = dialog.notesDays();
        QString error;
        if (!m_preferences.save(error))
            showProblem(error);
    }
}

void MainWindow::openImportDialog()
{
    ImportDialog dialog(m_journal, this);
    emit importDialogOpened(&dialog);
    if (dialog.result() != QDialog::Accepted && dialog.exec() != QDialog::Accepted)
        return;
    statusBar()->showMessage(dialog.resultMessage(), 10000);
}

void MainWindow::printReport()
{
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print report (last 12 weeks)"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!Report::print(m_store, m_preferences, lastWeeksRange(today(), 12), printer, error))
        showProblem(tr("Could not print the report: %1").arg(error));
}

void MainWindow::journalChanged(const Journal::Change &change)
{
    // A Start or Stop from this window can be taken back with Ctrl+Z (a slip costs nothing).
    const bool fromThisWindow = change.origin == Origin::Key || change.origin == Origin::Mouse
        || change.origin == Origin::MiniTimer || change.origin == Origin::Tray;
    if (fromThisWindow
        && (change.command == QLatin1String("start") || change.command == QLatin1String("stop")
            || change.command == QLatin1String("start_or_stop"))) {
        const Session session = m_recorder.currentSession();
        m_undoStack.push(new StartStopCommand(m_journal, m_recorder.isLive(), session.kind, session.side));
    }
    // A step taken by another program (`letdown tap` from a desktop shortcut, an import
    // handed over) is said, so she knows where it came from.
    if (change.origin == Origin::CommandLine) {
        static const QHash<QString, const char *> steps = {
            {QStringLiteral("start"), QT_TR_NOOP("Started by a shortcut or the command line.")},
            {QStringLiteral("stop"), QT_TR_NOOP("Stopped by a shortcut or the command line.")},
            {QStringLiteral("pause"), QT_TR_NOOP("Paused by a shortcut or the command line.")},
            {QStringLiteral("resume"), QT_TR_NOOP("Resumed by a shortcut or the command line.")},
            {QStringLiteral("switch_side"), QT_TR_NOOP("Side switched by a shortcut or the command line.")},
            {QStringLiteral("letdown"), QT_TR_NOOP("Let-down marked by a shortcut or the command line.")},
            {QStringLiteral("letdown_without_feed"),
                QT_TR_NOOP("Let-down without a feed marked by a shortcut or the command line.")},
            {QStringLiteral("import"), QT_TR_NOOP("Sessions imported by the command line.")},
        };
        if (const char *said = steps.value(change.command))
            statusBar()->showMessage(tr(said), 8000);
    }
    if (!change.sessionsChanged)
        return; // a live tap: the Session tab and the mini timer follow the recorder
    scheduleRefit();
    m_sessionPanel->reload();
    m_trendsPanel->invalidate(); // redrawn when next looked at
    m_insightsPanel->invalidate();
    // History listens to the journal itself.
}

void MainWindow::showInsights()
{
    m_ui->tabs->setCurrentWidget(m_insightsPanel);
}

void MainWindow::showTrendsOfAllWeeks()
{
    m_trendsPanel->selectWeeks(0);
    showTrends();
}

void MainWindow::showHistory()
{
    m_ui->tabs->setCurrentWidget(m_historyPanel);
}

void MainWindow::showTrends()
{
    m_ui->tabs->setCurrentWidget(m_trendsTab);
}

void MainWindow::refreshWarningBar()
{
    if (m_recorder.hasUnsavedChanges()) {
        m_ui->warningBar->setText(m_recorder.lastError());
        m_ui->warningBar->show();
    } else if (m_database.isReadOnly()) {
        m_ui->warningBar->setText(tr("This database is write-protected (%1): you can look at everything, but "
                                     "nothing new can be recorded. Make the file writable and restart Letdown.")
                                      .arg(m_database.path()));
        m_ui->warningBar->show();
    } else {
        m_ui->warningBar->hide();
    }
}

void MainWindow::applyReadOnly()
{
    const bool readOnly = m_database.isReadOnly();
    m_sessionPanel->setReadOnly(readOnly);
    m_historyPanel->setReadOnly(readOnly);
    m_ui->actionImport->setEnabled(!readOnly);
    m_ui->actionRestoreBackup->setEnabled(!readOnly);
    refreshWarningBar();
}

void MainWindow::applyPreferences(const Preferences &preferences)
{
    m_preferences = preferences;
    m_sessionPanel->setPreferences(preferences);
    m_trendsPanel->setPreferences(preferences);
    m_insightsPanel->setPreferences(preferences);
    m_historyPanel->setPreferences(preferences);
    if (m_liveScale)
        m_liveScale->setAutoConfirm(preferences.scaleAutoConfirm);
    if (m_mqttScale)
        startMqttScale();
    if (m_sync && preferences.syncFolder != m_sync->folder())
        m_sync->start(preferences.syncFolder);
}

void MainWindow::showSyncStatus()
{
    if (!m_openPreferences)
        return;
    SyncOverview overview;
    QString error;
    if (!SyncFolder::loadOverview(m_store, overview, error))
        showProblem(tr("Cannot read the sync state: %1").arg(error));
    m_openPreferences->showSync(overview, m_sync->isRunning() ? m_sync->lastReport().error : QString());
}

void MainWindow::startMqttScale()
{
    const QString wanted = m_preferences.scaleBroker + u'\n' + m_preferences.scaleTopic;
    if (wanted == m_mqttScaleSettings)
        return;
    m_mqttScaleSettings = wanted;
    m_mqttScale->stop();
    if (m_preferences.scaleBroker.isEmpty() || m_preferences.scaleTopic.isEmpty())
        return;
    QString host, error;
    quint16 port = 0;
    if (!MqttScale::parseBroker(m_preferences.scaleBroker, host, port, error)
        || !m_mqttScale->start(host, port, m_preferences.scaleTopic, error))
        showProblem(tr("The scale over MQTT cannot start: %1").arg(error));
}

void MainWindow::openPreferences()
{
    PreferencesDialog dialog(m_preferences, m_database.path(), this);
    connect(&dialog, &PreferencesDialog::preferencesChanged, this, &MainWindow::applyPreferences);
    connect(&dialog, &PreferencesDialog::remoteRequested, this, &MainWindow::openRemoteDialog);
    connect(&dialog, &PreferencesDialog::moveRequested, this, [this, &dialog](const QString &path) {
        if (moveDatabase(path))
            dialog.showDatabasePath(m_database.path());
    });
    connect(&dialog, &PreferencesDialog::syncNameChanged, this, [this](const QString &name) {
        QString error;
        if (!SyncFolder::saveDeviceName(m_store, name, error))
            showProblem(tr("The device's name could not be saved: %1").arg(error));
        else if (m_sync->isRunning())
            m_sync->start(m_sync->folder(), name); // sent with the next file
        showSyncStatus();
    });
    m_openPreferences = &dialog;
    showSyncStatus();
    emit preferencesDialogOpened(&dialog);
    if (dialog.result() != QDialog::Accepted)
        dialog.exec();
    m_openPreferences = nullptr;
}

bool MainWindow::refuseWhileRecording(const QString &message)
{
    if (!m_recorder.isLive() && !m_recorder.hasUnsavedChanges())
        return false;
    showProblem(message);
    return true;
}

void MainWindow::fileReplaced(const QString &statusMessage)
{
    m_undoStack.clear(); // its steps referred to the file as it was
    m_journal.fileReplaced(); // every view reads the file again
    statusBar()->showMessage(statusMessage, 15000);
}

bool MainWindow::moveDatabase(const QString &newPath)
{
    if (refuseWhileRecording(tr("Stop the running session before moving the data file.")))
        return false;
    QString error;
    if (!m_dataFile.moveTo(newPath, error)) {
        showProblem(tr("Not moved: %1").arg(error));
        return false;
    }
    m_preferences.databasePath = m_database.path();
    fileReplaced(tr("Database: %1").arg(m_database.path()));
    if (!m_preferences.save(error))
        showProblem(tr("The data file was moved to %1, but %2 Start Letdown with --database %1 until this is fixed.")
                        .arg(m_database.path(), error));
    return true;
}

void MainWindow::toggleMiniTimer()
{
    if (!m_miniTimer) {
        m_miniTimer = new MiniTimer(m_journal, this);
    }
    m_miniTimer->setVisible(!m_miniTimer->isVisible());
    if (m_miniTimer->isVisible())
        m_miniTimer->raise();
}

void MainWindow::setUpTrayIcon()
{
    // Only where the desktop has a tray; the View menu works everywhere.
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    auto *tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
    auto *menu = new QMenu(this);
    menu->addAction(tr("Show Letdown"), this, &MainWindow::comeToFront);
    menu->addAction(tr("Mini timer"), this, &MainWindow::toggleMiniTimer);
    menu->addAction(tr("Let-down without a feed"), this, &MainWindow::markSpontaneousLetdown);
    tray->setContextMenu(menu);
    tray->setToolTip(tr("Letdown"));
    connect(tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger)
            toggleMiniTimer();
    });
    tray->show();
}

void MainWindow::openRemoteDialog()
{
    RemoteDialog dialog(*m_remote, this);
    emit remoteDialogOpened(&dialog);
    dialog.exec();
}

void MainWindow::markSpontaneousLetdown()
{
    // A refusal (a session is running) reaches showProblem through the steps' `refused`.
    m_journal.apply(Journal::ask(Journal::Step::LetdownWithoutFeed, Origin::Tray));
}

void MainWindow::comeToFront()
{
    setWindowState((windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    show();
    raise();
    activateWindow();
}

void MainWindow::openRestoreDialog()
{
    RestoreDialog dialog(m_database.path(), this);
    emit restoreDialogOpened(&dialog);
    if (dialog.result() != QDialog::Accepted && dialog.exec() != QDialog::Accepted)
        return;
    restoreFrom(dialog.chosenPath());
}

bool MainWindow::restoreFrom(const QString &backupPath)
{
    if (refuseWhileRecording(tr("Stop the running session before restoring a backup.")))
        return false;
    QString safety, error;
    if (!m_dataFile.restoreFrom(backupPath, safety, error)) {
        showProblem(tr("Not restored: %1").arg(error));
        return false;
    }
    fileReplaced(tr("Restored. Your data from before is in %1.").arg(QFileInfo(safety).fileName()));
    return true;
}

void MainWindow::startDailyBackups()
{
    if (m_database.isReadOnly())
        return;
    connect(&m_dataFile, &DataFile::dailyBackupFinished, this, [this](const QString &done, const QString &error) {
        if (!error.isEmpty())
            showProblem(tr("The daily backup failed: %1").arg(error));
        else if (!done.isEmpty())
            statusBar()->showMessage(done, 8000);
    });
    m_backupTimer = new QTimer(this);
    m_backupTimer->setInterval(60 * 60 * 1000);
    connect(m_backupTimer, &QTimer::timeout, this, &MainWindow::runBackupCheck);
    m_backupTimer->start();
    // A few seconds after start-up: the window comes first.
    QTimer::singleShot(5000, this, &MainWindow::runBackupCheck);
}

void MainWindow::runBackupCheck()
{
    // Off the GUI thread, with its own connection; skipped while the last one still runs.
    m_dataFile.startDailyBackup(today());
}

void MainWindow::showProblem(const QString &message)
{
    // Refusals (e.g. a let-down with no session) are shown without a modal box: she may be
    // holding a baby. The status bar keeps the message for a while.
    statusBar()->showMessage(message, 8000);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Letdown"),
        tr("<p><b>Letdown</b> %1</p><p>Logs nursing and pumping sessions and every "
           "let-down in them.</p><p>Data file: %2</p>")
            .arg(QStringLiteral(LETDOWN_VERSION), m_database.path().toHtmlEscaped()));
}
