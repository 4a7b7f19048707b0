#pragma once

#include "domain/Session.h"
#include "settings/Preferences.h"

#include <QDialog>

#include <functional>
#include <memory>

namespace Ui {
class SessionDialog;
}
class QCheckBox;
class SessionStore;

// Add a session after the fact, or edit a finished one with its let-downs. Nothing is
// saved here: on Save the dialog checks everything (messages beside the fields), asks
// about unusual values, and hands back the session for an undoable command.
class SessionDialog : public QDialog
{
    Q_OBJECT

public:
    // `existing` empty: a new session starting at `defaultStart` (her local time).
    SessionDialog(SessionStore &store, const std::optional<Session> &existing, const QDateTime &defaultStart,
        QWidget *parent = nullptr);
    ~SessionDialog() override;

    Session session() const { return m_result; }
    // How "are you sure?" questions are asked (a message box; tests answer them).
    void setConfirmer(std::function<bool(const QString &)> confirm) { m_confirm = std::move(confirm); }
    // Volumes shown and typed in ml or oz (stored in ml either way). Call before editing.
    void setVolumeUnit(VolumeUnit unit);
    void setFirstDayOfWeek(Qt::DayOfWeek day);

public slots:
    void accept() override;

private:
    void addLetdownRow(const QString &time, Side side, const std::optional<double> &measuredMl);
    void updateKindFields();
    bool gather(Session &session);

    std::unique_ptr<Ui::SessionDialog> m_ui;
    SessionStore &m_store;
    Session m_original;
    bool m_isNew;
    QList<QCheckBox *> m_techniqueBoxes;
    Session m_result;
    std::function<bool(const QString &)> m_confirm;
    VolumeFormat m_volume;
};
