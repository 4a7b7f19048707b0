#pragma once

#include "domain/Session.h"

#include <QObject>
#include <QStringList>

#include <functional>
#include <optional>

class SessionRecorder;

// Every change to the live session, whoever asks for it (the Session tab's keys and buttons,
// the mini timer, the tray, later the command line or a remote): one object, one path to
// the recorder, and the same signals for every view. The Session tab keeps the next
// session's kind, side and ticked techniques current here; the others just ask for a step.
class SessionCommands : public QObject
{
    Q_OBJECT

public:
    struct NextSession {
        SessionKind kind = SessionKind::Nursing;
        Side side = Side::Left;
        QStringList techniques; // ticked before the session started
        bool operator==(const NextSession &) const = default;
    };

    explicit SessionCommands(SessionRecorder &recorder, QObject *parent = nullptr);

    SessionRecorder &recorder() { return m_recorder; }
    const NextSession &nextSession() const { return m_next; }
    void setNextSession(const NextSession &next);
    // Where a let-down's moment comes from when the caller gives none (the input event
    // being handled: InputMoments in the app).
    void setTapMomentSource(std::function<std::optional<qint64>()> source) { m_tapMoment = std::move(source); }

    // Each returns true when the step is on disk; false when it was refused (refused() said
    // why) or kept unsaved (the recorder's state says so).
    bool startOrStop();
    // Undo of a Stop (the same session runs again) and of a Start (the session just started goes).
    bool reopenStopped();
    bool discardStarted();
    bool letdown(std::optional<qint64> tappedAtMonotonicMs = std::nullopt);
    // A let-down with no session running, `agoMs` before now (the tray, the phone remote).
    bool spontaneousLetdown(qint64 agoMs = 0);
    bool togglePause();
    // During a session: the other side. Before one: the side the next one starts on.
    bool switchSide();
    bool setSide(Side side);
    bool setTechniques(const QStringList &techniques);
    bool setNote(const QString &note);
    // Undo and redo of a let-down tapped by mistake.
    bool removeLetdown(const Letdown &ejection);
    bool restoreLetdown(const Letdown &ejection);

signals:
    // A new let-down is saved (the window makes it undoable, whoever tapped it).
    void letdownRecorded(const Letdown &ejection);
    // A step that does not apply now, with the reason (shown without a modal box).
    void refused(const QString &message);
    // The session is about to stop: views with unsaved input (a note being typed) save it now.
    void aboutToStop();
    void nextSessionChanged();

private:
    bool report(bool ok);
    bool isLive() const;

    SessionRecorder &m_recorder;
    NextSession m_next;
    std::function<std::optional<qint64>()> m_tapMoment;
};
