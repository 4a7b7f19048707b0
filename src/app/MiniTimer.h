#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;
class SessionCommands;
class SessionRecorder;

// View > Mini timer: a small always-on-top window with the elapsed time, Let-down and
// Start/Stop, for when she reads or watches something while pumping. It only shows the
// recorder's state; its buttons call the same SessionCommands as the main window, so both
// stay in step (and a let-down tapped here is undoable too).
class MiniTimer : public QWidget
{
    Q_OBJECT

public:
    explicit MiniTimer(SessionCommands &commands, QWidget *parent = nullptr);

private:
    void refresh();

    SessionCommands &m_commands;
    SessionRecorder &m_recorder;
    QLabel *m_time;
    QLabel *m_count;
    QPushButton *m_letdown;
    QPushButton *m_startStop;
    QTimer m_tick;
};
