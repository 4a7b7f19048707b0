#pragma once

#include "reference/ReferenceModel.h"
#include "settings/Preferences.h"
#include "stats/Insights.h"

#include <QWidget>

#include <memory>

namespace Ui {
class InsightsPanel;
}
class Clock;
class SessionStore;

// Plain sentences about her own log: which techniques seem to help her, where she sits
// against the studies, and (if she wants) a gentle alert. Presents core's Insights only.
class InsightsPanel : public QWidget
{
    Q_OBJECT

public:
    InsightsPanel(SessionStore &store, const Clock &clock, QWidget *parent = nullptr);
    ~InsightsPanel() override;

    void invalidate();
    void refresh();
    void selectWeeks(int weeks); // 0: all
    // The figures for estimates and her fitted model's state.
    void setPreferences(const Preferences &preferences)
    {
        m_preferences = preferences;
        m_model = preferences.referenceModel();
        invalidate();
    }
    const Insights &insights() const { return m_insights; }

signals:
    void problem(const QString &message);
    // She pressed "Use my own model" (never switched without her).
    void useFittedModelRequested();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void rebuild();
    void addHeading(const QString &text);
    void addParagraph(const QString &text, const QString &objectName = {});
    void addDetails(const QString &text, const QString &objectName);
    void addOwnNumbers();

    std::unique_ptr<Ui::InsightsPanel> m_ui;
    SessionStore &m_store;
    const Clock &m_clock;
    Preferences m_preferences;
    ReferenceModel m_model;
    Insights m_insights;
    bool m_stale = true;
};

// Median with quartiles of the time to first let-down, with and without a technique.
class SpreadChart : public QWidget
{
    Q_OBJECT

public:
    SpreadChart(const TechniqueInsight &insight, const QString &withLabel, const QString &withoutLabel,
        QWidget *parent = nullptr);
    QSize sizeHint() const override;
    // Each row's figures in words: the tooltip over that row, and all of them for a screen reader.
    QString rowText(int row) const; // 0 with, 1 without, 2 the difference
    QString figuresText() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    int rowY(int row) const;

    TechniqueInsight m_insight;
    QString m_withLabel;
    QString m_withoutLabel;
};

// Her let-down count against her measured volume, one dot per measured session.
class VolumeScatter : public QWidget
{
    Q_OBJECT

public:
    VolumeScatter(const QList<std::pair<int, double>> &points, const VolumeFormat &volume, QWidget *parent = nullptr);
    QSize sizeHint() const override { return {420, 220}; }
    // One dot's figures (the tooltip over it), and a summary per let-down count for a screen reader.
    QString pointText(qsizetype index) const;
    QString figuresText() const;
    std::optional<qsizetype> pointNear(QPoint position) const;
    QPointF dotPosition(qsizetype index) const { return geometry().dot(m_points, index); }

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    // Where the dots go in the current size (paint and hover use the same).
    struct Geometry {
        int left, right, top, bottom, mostLetdowns;
        double mostMl;
        QPointF dot(const QList<std::pair<int, double>> &points, qsizetype index) const;
    };
    Geometry geometry() const;

    QList<std::pair<int, double>> m_points;
    VolumeFormat m_volume;
};
