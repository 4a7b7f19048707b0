#include "ScalePanel.h"

#include "FlowChart.h"

#include "domain/TimeFormat.h"
#include "scalefeed/LiveScale.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>

ScalePanel::ScalePanel(LiveScale &scale, QWidget *parent)
    : QWidget(parent)
    , m_scale(scale)
{
    setObjectName(QStringLiteral("scalePanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("scaleSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_view = new FlowChart(this);
    m_view->setObjectName(QStringLiteral("scaleChart"));
    m_view->setMinimumHeight(150);
    layout->addWidget(m_view, 1);

    auto *offerRow = new QHBoxLayout;
    m_offer = new QLabel(this);
    m_offer->setObjectName(QStringLiteral("scaleOffer"));
    m_offer->setWordWrap(true);
    offerRow->addWidget(m_offer, 1);
    m_confirm = new QPushButton(tr("Yes, a let-down  [C]"), this);
    m_confirm->setObjectName(QStringLiteral("scaleConfirmButton"));
    m_confirm->setMinimumHeight(44);
    m_confirm->setAccessibleDescription(tr("Adds the let-down the scale found to this session. Shortcut: C"));
    m_dismiss = new QPushButton(tr("Not one"), this);
    m_dismiss->setObjectName(QStringLiteral("scaleDismissButton"));
    m_dismiss->setMinimumHeight(44);
    offerRow->addWidget(m_confirm);
    offerRow->addWidget(m_dismiss);
    layout->addLayout(offerRow);

    connect(m_confirm, &QPushButton::clicked, this, &ScalePanel::confirmFirst);
    connect(m_dismiss, &QPushButton::clicked, this, [this] {
        if (!m_scale.offered().isEmpty())
            m_scale.dismiss(m_scale.offered().constFirst());
    });
    connect(&m_scale, &LiveScale::updated, this, &ScalePanel::refresh);
    refresh();
}

void ScalePanel::confirmFirst()
{
    if (m_scale.offered().isEmpty())
        return;
    QString error;
    if (!m_scale.confirm(m_scale.offered().constFirst(), error))
        emit problem(error);
}

void ScalePanel::refresh()
{
    if (m_scale.isActive() != !isHidden()) {
        setVisible(m_scale.isActive());
        emit activeChanged(m_scale.isActive());
    }
    if (!m_scale.isActive())
        return;
    const LetdownDetection &detection = m_scale.detection();
    QList<double> offeredOnsetsS;
    for (const DetectedLetdown &found : m_scale.offered())
        offeredOnsetsS << found.onsetS;
    m_view->show(detection, m_scale.samples().isEmpty() ? 60 : m_scale.samples().last().atS, offeredOnsetsS);

    const QLocale locale;
    m_summary->setText(tr("Scale: %1 ml in the bottle; let-downs found: %2.")
                           .arg(locale.toString(detection.totalMl, 'f', 0))
                           .arg(detection.letdowns.size()));
    const bool offering = !m_scale.offered().isEmpty();
    m_confirm->setVisible(offering);
    m_dismiss->setVisible(offering);
    if (offering) {
        const DetectedLetdown &first = m_scale.offered().constFirst();
        m_offer->setText(tr("The scale found a let-down at %1 (%2 ml so far). Was it one?")
                             .arg(formatElapsed(qint64(std::llround(first.onsetS * 1000))), locale.toString(first.volumeMl, 'f', 0)));
    } else {
        m_offer->setText(m_scale.autoConfirm() ? tr("Let-downs the scale finds are added by themselves.")
                                               : tr("Let-downs the scale finds are offered here to confirm."));
    }
}

QString ScalePanel::describe() const
{
    return FlowChart::describe(m_scale.detection());
}
