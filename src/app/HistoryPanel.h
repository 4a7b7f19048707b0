#pragma once

#include "csv/SessionCsv.h"
#include "stats/WeeklyStats.h" // StatsRange

#include <QWidget>

#include <functional>
#include <memory>

namespace Ui {
class HistoryPanel;
}
class Clock;
class HistoryModel;
class QSortFilterProxyModel;
struct Preferences;
class QUndoStack;
class SessionDialog;
class SessionRecorder;
class Journal;
class SessionStore;
struct Session;

// Every session, newest first: filter, sort, add one after the fact, edit, delete. Each
// change is an undoable command on the window's undo stack.
class HistoryPanel : public QWidget
{
    Q_OBJECT

public:
    // Reads through the journal's store; every change goes through the journal (and comes
    // back as its `changed` signal, which re-reads this view).
    HistoryPanel(Journal &journal, QUndoStack &undoStack, QWidget *parent = nullptr);
    ~HistoryPanel() override;

    void invalidate(); // re-read now if visible, else when shown
    void reload();
    void addSession();
    void editSelected();
    void deleteSelected();
    // The selected pumping session's scale readings: shown, or a recording attached.
    void openScale();
    void selectSession(const QString &uuid);
    void setReadOnly(bool readOnly);
    void setPreferences(const Preferences &preferences);

    HistoryModel *model() const { return m_model; }
    // How the delete confirmation is asked (a message box; tests answer it).
    void setConfirmer(std::function<bool(const QString &)> confirm) { m_confirm = std::move(confirm); }

signals:
    void problem(const QString &message);
    // Emitted before the add/edit dialog runs; a test may fill and accept it here.
    void sessionDialogOpened(SessionDialog *dialog);
    // Emitted before the scale dialog runs; a test may work it here and accept it.
    void scaleDialogOpened(class ScaleDialog *dialog);

protected:
    void showEvent(QShowEvent *event) override;

private:
    const Session *selectedSession() const;
    void runDialog(const Session *existing);
    void updateButtons();
    // Let-downs felt with no session running, listed apart under the sessions.
    void setUpSpontaneousList();
    void reloadSpontaneous(const StatsRange &range);
    void applyWeekStart();
    void removeSelectedSpontaneous();

    std::unique_ptr<Ui::HistoryPanel> m_ui;
    class QLabel *m_spontaneousLabel = nullptr;
    class QListWidget *m_spontaneousList = nullptr;
    class QPushButton *m_removeSpontaneous = nullptr;
    class QPushButton *m_scaleButton = nullptr;
    Journal &m_journal;
    SessionStore &m_store;
    SessionRecorder &m_recorder;
    QUndoStack &m_undoStack;
    const Clock &m_clock;
    HistoryModel *m_model;
    QSortFilterProxyModel *m_proxy;
    bool m_stale = true;
    bool m_weekStartStale = false; // the calendars' first day, applied when the tab shows
    bool m_readOnly = false;
    VolumeUnit m_unit = VolumeUnit::Ml;
    Qt::DayOfWeek m_weekStartsOn = Qt::Monday;
    std::function<bool(const QString &)> m_confirm;
};
