#pragma once

#include "reference/ReferenceModel.h"
#include "stats/DayFigures.h"

#include "domain/Session.h"
#include "settings/Preferences.h"

#include <QTimer>
#include <QWidget>

#include <memory>

namespace Ui {
class SessionPanel;
}
class QAbstractButton;
class ScalePanel;
class QCheckBox;
class Journal;
class SessionCommands;
class SessionRecorder;
class SessionStore;

// The live session screen. Slots are thin: steps go through SessionCommands, and the
// screen shows what the recorder says.
class SessionPanel : public QWidget
{
    Q_OBJECT

public:
    SessionPanel(Journal &journal, QWidget *parent = nullptr);
    ~SessionPanel() override;

    // T: a screen reader hears the session time to the second (otherwise the timer's
    // accessible name changes once a minute, so it does not flood the reader).
    void announceTime();
    // Sessions changed in the database (an import): re-read the recent list.
    void reload() { refresh(); }
    // A write-protected database: everything shows, nothing can be recorded.
    void setReadOnly(bool readOnly);
    void setPreferences(const Preferences &preferences);
    // The scale's live view goes under the let-down list (shown only while a scale sends).
    void setScalePanel(ScalePanel *panel);

signals:
    // A problem she must see that is not about saving (the recorder's own state covers that).
    void problem(const QString &message);

private:
    void setUpTechniques();
    void refresh(); // everything from the recorder's state
    void refreshControls(); // the same, but for the recent sessions' list
    void refreshTimer(); // the parts that move every tick
    void refreshLetdowns(const Session &session);
    void refreshDetails(const Session &session);
    void refreshRecent();
    void refreshDay(); // the last 24 hours against the usual aims, and the next side
    void showDayText(); // the same, with "started 2:35 ago" brought up to the minute
    void onSideButton(Side side);
    static QString spokenMinutes(int minutes); // "Session time: 3 minutes"
    void onTechniqueToggled();
    void saveNote();
    void saveFigures();
    SessionKind chosenKind() const;
    Side chosenSide() const;
    QStringList tickedTechniques() const;
    void pushNextSession(); // the widgets' kind, side and ticks become the next session's
    void showNextSession(); // and the other way, when a key or another view changed them

    std::unique_ptr<Ui::SessionPanel> m_ui;
    Journal &m_journal;
    SessionCommands &m_commands;
    SessionRecorder &m_recorder;
    SessionStore &m_store;
    QList<QCheckBox *> m_techniqueBoxes;
    QTimer m_tick;
    QTimer m_noteSaveDelay;
    bool m_updatingWidgets = false;
    bool m_readOnly = false;
    VolumeFormat m_volume;
    QString m_shownSessionUuid;
    DayOptions m_dayOptions;
    ReferenceModel m_model;
    std::optional<qint64> m_lastFeedStartUtcMs; // the latest breastfeed's start, live or finished
    QString m_dayFigures; // the day's figures in words, without the "ago"
    std::optional<Side> m_nextSide;
    qint64 m_dayTextMinute = -1;
    QString m_spokenTimeKey; // state and whole minutes that the timer's accessible name says
};
