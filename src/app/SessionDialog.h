#pragma once

#include "domain/Session.h"
#include "settings/Preferences.h"

#include <QDateTime>
#include <QDialog>
#include <QHash>

#include <functional>
#include <memory>

namespace Ui {
class SessionDialog;
}
class QCheckBox;
class QLineEdit;
class SessionStore;

// Add a session after the fact, or edit a finished one with its let-downs. Nothing is
// saved here: on Save the dialog checks everything (messages beside the fields), asks
// about unusual values, and hands back the session for an undoable command. A field she
// did not change keeps its stored value exactly (times to the millisecond, volumes to every
// digit, the time on each side, techniques and fields the dialog does not show), so Save
// without a change changes nothing.
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
    // `original`: the index of the stored let-down the row shows (-1 for a new row).
    void addLetdownRow(const QString &time, Side side, const std::optional<double> &measuredMl, int original = -1);
    void updateKindFields();
    bool gather(Session &session);
    void gatherSideTimes(Session &s, bool &ok);
    // What each field showed when the dialog opened (after the volume unit was set): a field
    // whose text is still that keeps the stored value.
    void rememberShownTexts();
    bool isUnchanged(const QLineEdit *edit) const;
    // The number in `edit` (in ml for a volume), or the stored `original` when she did not change it.
    bool fieldValue(const QLineEdit *edit, const std::optional<double> &original, bool isVolume,
        std::optional<double> &value) const;

    std::unique_ptr<Ui::SessionDialog> m_ui;
    SessionStore &m_store;
    Session m_original;
    bool m_isNew;
    QList<QCheckBox *> m_techniqueBoxes;
    Session m_result;
    std::function<bool(const QString &)> m_confirm;
    VolumeFormat m_volume;
    QHash<const QObject *, QString> m_shownTexts;
    QDateTime m_shownStart;
    QDateTime m_shownEnd;
};
