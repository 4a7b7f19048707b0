#pragma once

#include "domain/Session.h"
#include "settings/Preferences.h"

#include <QTimer>
#include <QWidget>

#include <memory>

namespace Ui {
class SessionPanel;
}
class QAbstractButton;
class QCheckBox;
class SessionRecorder;
class SessionStore;
class InputMoments;

// The live session screen. Slots are thin: they call the recorder and show what it says.
class SessionPanel : public QWidget
{
    Q_OBJECT

public:
    SessionPanel(SessionRecorder &recorder, SessionStore &store, QWidget *parent = nullptr);
    ~SessionPanel() override;

    // Keyboard actions (the main window binds Space, L, P and S to these).
    void startOrStop();
    void markLetdown();
    void togglePause();
    void switchSide();
    // T: a screen reader hears the session time to the second (otherwise the timer's
    // accessible name changes once a minute, so it does not flood the reader).
    void announceTime();
    // Sessions changed in the database (an import): re-read the recent list.
    void reload() { refresh(); }
    // A write-protected database: everything shows, nothing can be recorded.
    void setReadOnly(bool readOnly);
    void setPreferences(const Preferences &preferences);
    // Where the moment of the key press or click being handled comes from (may be null).
    void setInputMoments(const InputMoments *moments) { m_inputMoments = moments; }

signals:
    // A let-down was tapped and saved (the window makes it undoable).
    void letdownRecorded(const Ejection &ejection);
    // A problem she must see that is not about saving (the recorder's own state covers that).
    void problem(const QString &message);

private:
    void setUpTechniques();
    void refresh(); // everything from the recorder's state
    void refreshTimer(); // the parts that move every tick
    void refreshLetdowns(const Session &session);
    void refreshDetails(const Session &session);
    void refreshRecent();
    void onSideButton(Side side);
    static QString spokenMinutes(int minutes); // "Session time: 3 minutes"
    void onTechniqueToggled();
    void saveNote();
    void saveFigures();
    SessionKind chosenKind() const;
    Side chosenSide() const;
    QStringList tickedTechniques() const;
    void report(bool ok);

    std::unique_ptr<Ui::SessionPanel> m_ui;
    SessionRecorder &m_recorder;
    SessionStore &m_store;
    QList<QCheckBox *> m_techniqueBoxes;
    QTimer m_tick;
    QTimer m_noteSaveDelay;
    bool m_updatingWidgets = false;
    bool m_readOnly = false;
    VolumeFormat m_volume;
    QString m_shownSessionUuid;
    QString m_spokenTimeKey;
    const InputMoments *m_inputMoments = nullptr; // state and whole minutes that the timer's accessible name says
};
