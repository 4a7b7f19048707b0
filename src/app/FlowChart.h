#pragma once
// The flow of milk a scale measured (ml/min over minutes), with the let-downs found on it:
// filled dots for those in her log, hollow ones for those offered to confirm. Used live on
// the Session tab and for a finished session in History.
#include "scale/LetdownDetector.h"

#include <QChartView>

class QLineSeries;
class QScatterSeries;
class QValueAxis;

class FlowChart : public QChartView
{
    Q_OBJECT

public:
    explicit FlowChart(QWidget *parent = nullptr);
    // `offeredOnsetsS`: the let-downs found that wait for her Yes (drawn hollow).
    void show(const LetdownDetection &detection, double durationS, const QList<double> &offeredOnsetsS = {});
    // Each let-down found, for a screen reader (and the tests).
    static QString describe(const LetdownDetection &detection);

private:
    QLineSeries *m_flow = nullptr;
    QScatterSeries *m_inLog = nullptr;
    QScatterSeries *m_offered = nullptr;
    QValueAxis *m_minutes = nullptr;
    QValueAxis *m_mlPerMin = nullptr;
};
