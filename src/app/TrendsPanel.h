#pragma once

#include "TrendCharts.h"
#include "reference/ReferenceModel.h"
#include "settings/Preferences.h"
#include "stats/WeeklyStats.h"

#include <QWidget>

#include <memory>

namespace Ui {
class TrendsPanel;
}
class Clock;
class SessionStore;
class TrendsView;

// Weekly trends against the reference figures and her own baseline.
class TrendsPanel : public QWidget
{
    Q_OBJECT

public:
    TrendsPanel(SessionStore &store, const Clock &clock, QWidget *parent = nullptr);
    ~TrendsPanel() override;

    // The data changed: redraw now if visible, else when next shown.
    void invalidate();
    void refresh();
    void saveImageAs(const QString &path);
    void selectWeeks(int weeks); // 0: all weeks
    void setPreferences(const Preferences &preferences);

    TrendsView *view() const { return m_view; }
    const TrendStats &stats() const { return m_stats; }

signals:
    void problem(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    StatsRange selectedRange() const;
    void updateNote();
    KindFilter selectedFilter() const;
    void chooseImageFile();

    std::unique_ptr<Ui::TrendsPanel> m_ui;
    SessionStore &m_store;
    const Clock &m_clock;
    ReferenceModel m_model;
    TrendCharts::ChartOptions m_options;
    TrendsView *m_view = nullptr;
    TrendStats m_stats;
    bool m_stale = true;
};
