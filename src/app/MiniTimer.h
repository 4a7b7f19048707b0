#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;
class Journal;
class SessionRecorder;

// View > Mini timer: a small always-on-top window with the elapsed time, Let-down and
// Start/Stop, for when she reads or watches something while pumping. It only shows the
// recorder's state; its buttons ask the same journal as the main window, so both
// stay in step (and a let-down tapped here is undoable too).
class MiniTimer : public QWidget
{
    Q_OBJECT

public:
    explicit MiniTimer(Journal &journal, QWidget *parent = nullptr);

private:
    void refresh();

    Journal &m_journal;
    SessionRecorder &m_recorder;
    QLabel *m_time;
    QLabel *m_count;
    QPushButton *m_letdown;
    QPushButton *m_startStop;
    QTimer m_tick;
};
