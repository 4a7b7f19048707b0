#pragma once

#include "recorder/InputTimeline.h"

#include <QObject>

#include <optional>

class Clock;

// Watches the application's key presses and clicks and remembers when the one being
// handled was really made (by its own timestamp, InputTimeline), so a let-down tapped while
// the window was busy counts at the moment she pressed.
class InputMoments : public QObject
{
    Q_OBJECT

public:
    explicit InputMoments(const Clock &clock, QObject *parent = nullptr);
    ~InputMoments() override;

    // The moment (monotonic ms) of the key press or click being handled now, if there is one.
    std::optional<qint64> currentInputMoment() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    const Clock &m_clock;
    InputTimeline m_timeline;
    std::optional<qint64> m_momentMs;
    qint64 m_seenAtMs = 0;
};
