#pragma once
// The scale under the bottle, on the Session tab while she pumps (docs/scale.md): the flow of
// milk as it comes, the let-downs found in it, and the one found that waits for her to say
// it was one (one tap, or C).
#include <QWidget>

class LiveScale;
class QLabel;
class QPushButton;

class ScalePanel : public QWidget
{
    Q_OBJECT

public:
    ScalePanel(LiveScale &scale, QWidget *parent = nullptr);
    // C on the Session tab: the let-down offered first is confirmed.
    void confirmFirst();
    // The chart's points as a screen reader reads them (and the tests).
    QString describe() const;

signals:
    void problem(const QString &message);
    // The panel appeared (a scale sends for the live session) or went (the session ended).
    void activeChanged(bool active);

private:
    void refresh();

    LiveScale &m_scale;
    class FlowChart *m_view = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_offer = nullptr;
    QPushButton *m_confirm = nullptr;
    QPushButton *m_dismiss = nullptr;
};
