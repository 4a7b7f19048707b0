#pragma once

#include <QMainWindow>

#include <memory>

namespace Ui {
class MainWindow;
}
class Clock;
class SessionPanel;
class TrendsPanel;
class SessionRecorder;
class SessionStore;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(SessionRecorder &recorder, SessionStore &store, const Clock &clock, const QString &databasePath,
        QWidget *parent = nullptr);
    ~MainWindow() override;

    SessionPanel *sessionPanel() const { return m_sessionPanel; }
    TrendsPanel *trendsPanel() const { return m_trendsPanel; }
    void showTrends();

private:
    void setUpShortcuts();
    void refreshWarningBar();
    void showProblem(const QString &message);
    void showAbout();

    std::unique_ptr<Ui::MainWindow> m_ui;
    SessionRecorder &m_recorder;
    SessionPanel *m_sessionPanel = nullptr;
    TrendsPanel *m_trendsPanel = nullptr;
    QString m_databasePath;
};
