#include "InsightsPanel.h"

#include "ui_InsightsPanel.h"

#include "WeekRanges.h"

#include "domain/Technique.h"
#include "base/Clock.h"
#include "stats/TrendQuery.h"

#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QSettings>

namespace {
constexpr int kAllWeeks = 0;
const QString kAlertsSetting = QStringLiteral("insights/showAlerts");

} // namespace

InsightsPanel::InsightsPanel(SessionStore &store, const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::InsightsPanel>())
    , m_store(store)
    , m_clock(clock)
{
    m_ui->setupUi(this);
    fillWeekRanges(m_ui->rangeCombo);
    m_ui->alertsCheck->setChecked(QSettings().value(kAlertsSetting, true).toBool());
    m_ui->alertsCheck->setToolTip(tr("Alerts point out a change in your own pattern, gently; they never diagnose."));
    connect(m_ui->rangeCombo, &QComboBox::currentIndexChanged, this, &InsightsPanel::refresh);
    connect(m_ui->alertsCheck, &QCheckBox::toggled, this, [this](bool on) {
        QSettings().setValue(kAlertsSetting, on);
        rebuild();
    });
}

InsightsPanel::~InsightsPanel() = default;

void InsightsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void InsightsPanel::invalidate()
{
    m_stale = true;
    if (isVisible())
        refresh();
}

void InsightsPanel::selectWeeks(int weeks)
{
    m_ui->rangeCombo->setCurrentIndex(m_ui->rangeCombo->findData(weeks));
}

void InsightsPanel::refresh()
{
    m_stale = false;
    const QDate today = localToday(m_clock);
    const int weeks = m_ui->rangeCombo->currentData().toInt();
    const StatsRange range = weeks == kAllWeeks ? StatsRange {std::nullopt, today} : lastWeeksRange(today, weeks);
    QList<Session> sessions;
    QString error;
    if (!loadStatisticsSessions(m_store, range, today, sessions, error)) {
        emit problem(tr("Cannot read the sessions for the insights: %1").arg(error));
        return;
    }
    m_insights = computeInsights(sessions, m_model, range, today);
    rebuild();
}

void InsightsPanel::addHeading(const QString &text)
{
    auto *label = new QLabel(QStringLiteral("<h3>%1</h3>").arg(text.toHtmlEscaped()), m_ui->content);
    m_ui->contentLayout->addWidget(label);
}

void InsightsPanel::addParagraph(const QString &text, const QString &objectName)
{
    auto *label = new QLabel(text, m_ui->content);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setObjectName(objectName);
    m_ui->contentLayout->addWidget(label);
}

void InsightsPanel::rebuild()
{
    // Rebuilt whole on each refresh: a handful of widgets.
    while (QLayoutItem *item = m_ui->contentLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (m_insights.sessions == 0) {
        addParagraph(tr("No finished sessions in this period yet. Log a few sessions, tick the techniques you "
                        "try, and this page will tell you what your own log shows."),
            QStringLiteral("emptyText"));
        m_ui->contentLayout->addStretch();
        return;
    }
    if (m_ui->alertsCheck->isChecked() && !m_insights.alerts.isEmpty()) {
        for (const InsightAlert &alert : m_insights.alerts) {
            auto *label = new QLabel(alert.message, m_ui->content);
            label->setObjectName(QStringLiteral("alert"));
            label->setWordWrap(true);
            label->setStyleSheet(QStringLiteral("QLabel { background: #e8f0fb; color: #1b3a66; border: 1px solid "
                                                "#9db8e0; border-radius: 4px; padding: 8px; }"));
            m_ui->contentLayout->addWidget(label);
        }
    }

    addHeading(tr("What seems to help you"));
    addParagraph(tr("Your own experiment over %1 sessions: each technique compared with the sessions without it. "
                    "Studies suggest each mother's pattern is fairly stable, so your log is a good guide for you; "
                    "it is not a promise, and small differences can be chance. In the small charts, the dot is "
                    "the median time to the first let-down and the bar the middle half of the sessions; below, the "
                    "difference with its 95 % interval. \"Sooner\" or \"later\" is said only when that difference "
                    "holds up after allowing for how many techniques were compared.")
                     .arg(m_insights.sessions));
    QList<TechniqueInsight> shown = m_insights.techniques;
    if (m_insights.usualSpot)
        shown.append(*m_insights.usualSpot);
    if (shown.isEmpty())
        addParagraph(tr("You have not ticked any technique in this period. Tick the ones you try on the Session "
                        "tab to see whether they change anything for you."));
    for (const TechniqueInsight &insight : std::as_const(shown)) {
        if (insight.key == QLatin1String("usual_spot"))
            addHeading(tr("Where you nursed"));
        addParagraph(insight.sentence, QStringLiteral("sentence_") + insight.key);
        if (insight.verdict != TechniqueInsight::Verdict::TooFew) {
            const bool spot = insight.key == QLatin1String("usual_spot");
            auto *chart = new SpreadChart(
                insight, spot ? tr("usual spot") : tr("with"), spot ? tr("elsewhere") : tr("without"), m_ui->content);
            chart->setObjectName(QStringLiteral("chart_") + insight.key);
            chart->setAccessibleName(tr("Time to first let-down with and without %1").arg(techniqueLabel(insight.key)));
            chart->setAccessibleDescription(insight.sentence);
            m_ui->contentLayout->addWidget(chart);
        }
    }

    addOwnNumbers();

    addHeading(tr("You and the studies"));
    for (const QString &sentence : m_insights.literature.sentences)
        addParagraph(sentence);
    addParagraph(tr("<i>Nothing here is medical advice. If something worries you, talk to your lactation "
                    "consultant.</i>"));
    m_ui->contentLayout->addStretch();
}

void InsightsPanel::addOwnNumbers()
{
    addHeading(tr("Your own numbers"));
    const VolumeRelation &relation = m_insights.volumeRelation;
    addParagraph(relation.sentence, QStringLiteral("volumeRelation"));
    if (relation.points.size() >= 2) {
        auto *scatter = new VolumeScatter(relation.points, VolumeFormat {m_preferences.unit}, m_ui->content);
        scatter->setObjectName(QStringLiteral("volumeScatter"));
        scatter->setAccessibleName(tr("Let-downs against measured volume, one dot per session"));
        scatter->setAccessibleDescription(relation.sentence);
        m_ui->contentLayout->addWidget(scatter);
    }

    const auto &fit = m_preferences.currentFit;
    const VolumeFormat volume {m_preferences.unit};
    QString model;
    if (!fit) {
        model = tr("Your own volume curve: log pumped volumes (or test-weighs) for sessions with let-downs, and "
                   "Letdown will fit the first let-down's volume and the decay to you once it has %1 of them.")
                    .arg(VolumeFit::kMinimumSessions);
    } else if (fit->fitted) {
        const QString figures = tr("first let-down %1 (95 % interval %2 to %3), each later one ×%4 (%5 to %6), from "
                                   "%7 measured sessions")
                                    .arg(volume.text(fit->firstMl), volume.text(fit->firstMlInterval.low),
                                        volume.text(fit->firstMlInterval.high), QLocale().toString(fit->decay, 'f', 2),
                                        QLocale().toString(fit->decayInterval.low, 'f', 2),
                                        QLocale().toString(fit->decayInterval.high, 'f', 2))
                                    .arg(fit->sessions);
        if (m_preferences.fittedModelInUse())
            model = tr("Your volumes are estimated with your own curve: %1.").arg(figures);
        else if (fit->ready)
            model = tr("Your own volume curve is ready: %1. Your volumes are still estimated with the published "
                       "curve until you choose yours.")
                        .arg(figures);
        else
            model = tr("Your own volume curve so far: %1. Not ready yet: it needs %2.").arg(figures, fit->needs);
    } else {
        model = tr("Your own volume curve is not ready yet: it needs %1.").arg(fit->needs);
    }
    addParagraph(model, QStringLiteral("fittedModel"));
    if (fit && fit->ready && !m_preferences.fittedModelInUse()) {
        auto *use = new QPushButton(tr("Use my own curve for estimates"), m_ui->content);
        use->setObjectName(QStringLiteral("useFittedModel"));
        use->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
        connect(use, &QPushButton::clicked, this, &InsightsPanel::useFittedModelRequested);
        m_ui->contentLayout->addWidget(use);
    }
}

VolumeScatter::VolumeScatter(const QList<std::pair<int, double>> &points, const VolumeFormat &volume, QWidget *parent)
    : QWidget(parent)
    , m_points(points)
    , m_volume(volume)
{
    setMinimumHeight(sizeHint().height());
    setMaximumWidth(640);
}

void VolumeScatter::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics metrics = fontMetrics();
    int mostLetdowns = 1;
    double mostMl = 1;
    for (const auto &[letdowns, ml] : m_points) {
        mostLetdowns = std::max(mostLetdowns, letdowns);
        mostMl = std::max(mostMl, ml);
    }
    const QString topText = m_volume.text(mostMl);
    const int left = metrics.horizontalAdvance(topText) + 10, right = width() - 10;
    const int top = 6, bottom = height() - 2 * metrics.height() - 6;
    const auto x = [&](double letdowns) { return left + (right - left) * (letdowns - 0.5) / double(mostLetdowns); };
    const auto y = [&](double ml) { return bottom - (bottom - top) * ml / mostMl; };
    const QColor ink = palette().color(QPalette::WindowText);
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(left, bottom, right, bottom);
    painter.drawLine(left, top, left, bottom);
    painter.setPen(ink);
    painter.drawText(QRect(0, top, left - 4, metrics.height()), Qt::AlignRight, topText);
    painter.drawText(QRect(0, bottom - metrics.height(), left - 4, metrics.height()), Qt::AlignRight, m_volume.text(0));
    for (int k = 1; k <= mostLetdowns; ++k)
        painter.drawText(QRectF(x(k) - 20, bottom + 2, 40, metrics.height()), Qt::AlignHCenter, QString::number(k));
    painter.drawText(QRect(left, bottom + metrics.height() + 2, right - left, metrics.height()), Qt::AlignHCenter,
        tr("let-downs in the session"));
    // Dots spread a little sideways within their count, so equal counts do not hide each other.
    QColor dot(0x2e, 0x7d, 0x5b, 150);
    painter.setPen(Qt::NoPen);
    painter.setBrush(dot);
    const double spread = (right - left) / double(mostLetdowns) * 0.3;
    for (int i = 0; i < m_points.size(); ++i) {
        const double jitter = spread * (double((i * 37) % 11) / 10.0 - 0.5);
        painter.drawEllipse(QPointF(x(m_points[i].first) + jitter, y(m_points[i].second)), 3, 3);
    }
}

SpreadChart::SpreadChart(
    const TechniqueInsight &insight, const QString &withLabel, const QString &withoutLabel, QWidget *parent)
    : QWidget(parent)
    , m_insight(insight)
    , m_withLabel(withLabel)
    , m_withoutLabel(withoutLabel)
{
    setMinimumHeight(sizeHint().height());
    setMaximumWidth(640);
}

QSize SpreadChart::sizeHint() const
{
    return {560, fontMetrics().height() * (m_insight.difference ? 6 : 4) + 8};
}

void SpreadChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics metrics = fontMetrics();
    const int labelWidth = std::max({metrics.horizontalAdvance(m_withLabel), metrics.horizontalAdvance(m_withoutLabel),
                               m_insight.difference ? metrics.horizontalAdvance(tr("difference")) : 0})
        + 12;
    const double top
        = std::max(m_insight.with.upperQuartileS.value_or(0), m_insight.without.upperQuartileS.value_or(0)) * 1.15;
    const int left = labelWidth, right = width() - 60;
    const auto x = [&](double seconds) { return left + (right - left) * seconds / std::max(1.0, top); };
    const QColor ink = palette().color(QPalette::WindowText);
    const struct {
        const SideFigures &figures;
        QString label;
        QColor color;
    } rows[] = {{m_insight.with, m_withLabel, QColor(0x2e, 0x7d, 0x5b)},
        {m_insight.without, m_withoutLabel, QColor(0x88, 0x88, 0x88)}};
    for (int i = 0; i < 2; ++i) {
        const int y = 8 + metrics.height() * (2 * i + 1) / 2 + i * metrics.height() / 2;
        painter.setPen(ink);
        painter.drawText(QRect(0, y - metrics.height() / 2, labelWidth - 6, metrics.height()),
            Qt::AlignRight | Qt::AlignVCenter, rows[i].label);
        const SideFigures &f = rows[i].figures;
        if (!f.medianFirstLetdownS)
            continue;
        painter.setPen(QPen(rows[i].color, 3));
        painter.drawLine(QPointF(x(*f.lowerQuartileS), y), QPointF(x(*f.upperQuartileS), y)); // middle half
        painter.setBrush(rows[i].color);
        painter.drawEllipse(QPointF(x(*f.medianFirstLetdownS), y), 5, 5); // median
        painter.setPen(ink);
        painter.drawText(
            QPointF(x(*f.upperQuartileS) + 8, y + metrics.ascent() / 2 - 1), formatSeconds(*f.medianFirstLetdownS));
    }
    // The difference (with minus without) and its 95 % interval, on its own scale around
    // zero: the verdict is "no clear difference" whenever the bar crosses the zero line.
    if (const auto &d = m_insight.difference) {
        const int y = 8 + metrics.height() * 5;
        painter.setPen(ink);
        painter.drawText(QRect(0, y - metrics.height() / 2, labelWidth - 6, metrics.height()),
            Qt::AlignRight | Qt::AlignVCenter, tr("difference"));
        const double reach = std::max({std::abs(d->interval.low), std::abs(d->interval.high), 1.0}) * 1.1;
        const double middle = (left + right) / 2.0;
        const auto dx = [&](double seconds) { return middle + (right - left) / 2.0 * seconds / reach; };
        painter.setPen(QPen(palette().color(QPalette::Mid), 1, Qt::DashLine));
        painter.drawLine(QPointF(middle, y - metrics.height() / 2.0), QPointF(middle, y + metrics.height() / 2.0));
        const QColor color = m_insight.verdict == TechniqueInsight::Verdict::Sooner ? QColor(0x2e, 0x7d, 0x5b)
            : m_insight.verdict == TechniqueInsight::Verdict::Later                 ? QColor(0xb0, 0x5a, 0x1e)
                                                                                    : QColor(0x88, 0x88, 0x88);
        painter.setPen(QPen(color, 3));
        painter.drawLine(QPointF(dx(d->interval.low), y), QPointF(dx(d->interval.high), y));
        painter.setBrush(color);
        painter.drawEllipse(QPointF(dx(d->difference), y), 5, 5);
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(QPointF(middle + 4, y - metrics.height() / 2.0 - 1), QStringLiteral("0"));
        painter.setPen(ink);
        painter.drawText(QRectF(right + 6, y - metrics.height(), width() - right - 6, 2.0 * metrics.height()),
            Qt::AlignLeft | Qt::AlignVCenter, formatSignedSeconds(d->difference));
    }
    // The scale: zero on the left, so the bars can be compared by length.
    const int axisY = 8 + metrics.height() * 3;
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(left, axisY, right, axisY);
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(QRect(left - 20, axisY + 2, 40, metrics.height()), Qt::AlignHCenter, QStringLiteral("0:00"));
    const QString topText = formatSeconds(top);
    painter.drawText(QRect(right - 40, axisY + 2, 80, metrics.height()), Qt::AlignHCenter, topText);
}
