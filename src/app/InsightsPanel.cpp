#include "InsightsPanel.h"

#include "ui_InsightsPanel.h"

#include "WeekRanges.h"

#include "domain/Technique.h"
#include "base/Clock.h"
#include "stats/TrendQuery.h"

#include <QHelpEvent>
#include <QLabel>
#include <QLineF>
#include <QMap>
#include <QToolTip>
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

void InsightsPanel::addDetails(const QString &text, const QString &objectName)
{
    // The figures behind a sentence: smaller and quieter, but selectable for her consultant.
    auto *label = new QLabel(text, m_ui->content);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setObjectName(objectName);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    label->setFont(font);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setContentsMargins(0, 0, 0, 4);
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
    addParagraph((m_insights.sessions == 1 ? tr("Your own experiment, so far over 1 session: ")
                                           : tr("Your own experiment over %1 sessions: ").arg(m_insights.sessions))
        + tr("each technique compared with the sessions without it. Studies suggest each mother's pattern is fairly "
             "stable, so your log is a good guide for you; it is not a promise, and small differences can be chance. "
             "In the small charts, the dot is your typical time to the first let-down (the median) and the bar the "
             "middle half of the sessions; below them, the difference. \"Sooner\" or \"later\" is said only when "
             "the difference stays clear after allowing for how many techniques were compared."));
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
        if (!insight.details.isEmpty())
            addDetails(insight.details, QStringLiteral("details_") + insight.key);
        if (insight.verdict != TechniqueInsight::Verdict::TooFew) {
            const bool spot = insight.key == QLatin1String("usual_spot");
            auto *chart = new SpreadChart(
                insight, spot ? tr("usual spot") : tr("with"), spot ? tr("elsewhere") : tr("without"), m_ui->content);
            chart->setObjectName(QStringLiteral("chart_") + insight.key);
            chart->setAccessibleName(tr("Time to first let-down with and without %1").arg(techniqueLabel(insight.key)));
            chart->setAccessibleDescription(chart->figuresText());
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
    if (!relation.details.isEmpty())
        addDetails(relation.details, QStringLiteral("volumeRelationDetails"));
    if (relation.points.size() >= 2) {
        auto *scatter = new VolumeScatter(relation.points, VolumeFormat {m_preferences.unit}, m_ui->content);
        scatter->setObjectName(QStringLiteral("volumeScatter"));
        scatter->setAccessibleName(tr("Let-downs against measured volume, one dot per session"));
        scatter->setAccessibleDescription(scatter->figuresText());
        m_ui->contentLayout->addWidget(scatter);
    }

    const auto &fit = m_preferences.currentFit;
    const VolumeFormat volume {m_preferences.unit};
    QString model, details;
    if (!fit) {
        model = tr("Your own volume curve: log pumped volumes (or test-weighs) for sessions with let-downs, and "
                   "Letdown will fit the first let-down's volume and the decay to you once it has %1 of them.")
                    .arg(VolumeFit::kMinimumSessions);
    } else if (fit->fitted) {
        // In words first (the first let-down's volume, each later one's share of the one
        // before); the intervals go to the details line.
        const QString curve = tr("your first let-down gives about %1 and each later one about %2 % of the one before, "
                                 "from %3 measured sessions")
                                  .arg(volume.text(fit->firstMl), QLocale().toString(fit->decay * 100, 'f', 0))
                                  .arg(fit->sessions);
        details = tr("First let-down %1 (95 % interval %2 to %3); each later one ×%4 (%5 to %6).")
                      .arg(volume.text(fit->firstMl), volume.text(fit->firstMlInterval.low),
                          volume.text(fit->firstMlInterval.high), QLocale().toString(fit->decay, 'f', 2),
                          QLocale().toString(fit->decayInterval.low, 'f', 2),
                          QLocale().toString(fit->decayInterval.high, 'f', 2));
        if (m_preferences.fittedModelInUse())
            model = tr("Your volumes are estimated with your own curve: %1.").arg(curve);
        else if (fit->ready)
            model = tr("Your own volume curve is ready: %1. Your volumes are still estimated with the published "
                       "curve until you choose yours.")
                        .arg(curve);
        else
            model = tr("Your own volume curve so far: %1. Not ready yet: it needs %2.").arg(curve, fit->needs);
    } else {
        model = tr("Your own volume curve is not ready yet: it needs %1.").arg(fit->needs);
    }
    addParagraph(model, QStringLiteral("fittedModel"));
    if (!details.isEmpty())
        addDetails(details, QStringLiteral("fittedModelDetails"));
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

VolumeScatter::Geometry VolumeScatter::geometry() const
{
    Geometry g {0, 0, 0, 0, 1, 1};
    for (const auto &[letdowns, ml] : m_points) {
        g.mostLetdowns = std::max(g.mostLetdowns, letdowns);
        g.mostMl = std::max(g.mostMl, ml);
    }
    const QFontMetrics metrics = fontMetrics();
    g.left = metrics.horizontalAdvance(m_volume.text(g.mostMl)) + 10;
    g.right = width() - 10;
    g.top = 6;
    g.bottom = height() - 2 * metrics.height() - 6;
    return g;
}

QPointF VolumeScatter::Geometry::dot(const QList<std::pair<int, double>> &points, qsizetype index) const
{
    // Dots spread a little sideways within their count, so equal counts do not hide each other.
    const double column = (right - left) / double(mostLetdowns);
    const double jitter = column * 0.3 * (double((index * 37) % 11) / 10.0 - 0.5);
    const auto &[letdowns, ml] = points[index];
    return {left + column * (letdowns - 0.5) + jitter, bottom - (bottom - top) * ml / mostMl};
}

QString VolumeScatter::pointText(qsizetype index) const
{
    const auto &[letdowns, ml] = m_points[index];
    return (letdowns == 1 ? tr("1 let-down") : tr("%1 let-downs").arg(letdowns)) + QStringLiteral(", ")
        + tr("%1 measured").arg(m_volume.text(ml));
}

QString VolumeScatter::figuresText() const
{
    // Per let-down count: how many sessions and their range of measured milk.
    QMap<int, QList<double>> byCount;
    for (const auto &[letdowns, ml] : m_points)
        byCount[letdowns] << ml;
    QStringList parts;
    for (auto it = byCount.cbegin(); it != byCount.cend(); ++it) {
        const auto [low, high] = std::minmax_element(it.value().begin(), it.value().end());
        const QString sessions = it.value().size() == 1 ? tr("1 session") : tr("%1 sessions").arg(it.value().size());
        const QString range = *low == *high ? m_volume.text(*low)
                                            : tr("%1 to %2").arg(m_volume.text(*low), m_volume.text(*high));
        parts << tr("%1: %2, %3").arg(it.key() == 1 ? tr("1 let-down") : tr("%1 let-downs").arg(it.key()), sessions,
            range);
    }
    return parts.join(QStringLiteral("; "));
}

std::optional<qsizetype> VolumeScatter::pointNear(QPoint position) const
{
    const Geometry g = geometry();
    std::optional<qsizetype> nearest;
    double nearestDistance = 8; // px: a dot is 6 across
    for (qsizetype i = 0; i < m_points.size(); ++i) {
        const double distance = QLineF(g.dot(m_points, i), position).length();
        if (distance <= nearestDistance) {
            nearest = i;
            nearestDistance = distance;
        }
    }
    return nearest;
}

bool VolumeScatter::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        if (const auto index = pointNear(help->pos()))
            QToolTip::showText(help->globalPos(), pointText(*index), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void VolumeScatter::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics metrics = fontMetrics();
    const Geometry g = geometry();
    const auto x = [&](double letdowns) { return g.left + (g.right - g.left) * (letdowns - 0.5) / g.mostLetdowns; };
    const QColor ink = palette().color(QPalette::WindowText);
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(g.left, g.bottom, g.right, g.bottom);
    painter.drawLine(g.left, g.top, g.left, g.bottom);
    painter.setPen(ink);
    painter.drawText(
        QRect(0, g.top, g.left - 4, metrics.height()), Qt::AlignRight, m_volume.text(g.mostMl));
    painter.drawText(
        QRect(0, g.bottom - metrics.height(), g.left - 4, metrics.height()), Qt::AlignRight, m_volume.text(0));
    for (int k = 1; k <= g.mostLetdowns; ++k)
        painter.drawText(QRectF(x(k) - 20, g.bottom + 2, 40, metrics.height()), Qt::AlignHCenter, QString::number(k));
    painter.drawText(QRect(g.left, g.bottom + metrics.height() + 2, g.right - g.left, metrics.height()),
        Qt::AlignHCenter, tr("let-downs in the session"));
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0x2e, 0x7d, 0x5b, 150));
    for (qsizetype i = 0; i < m_points.size(); ++i)
        painter.drawEllipse(g.dot(m_points, i), 3, 3);
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

int SpreadChart::rowY(int row) const
{
    const int h = fontMetrics().height();
    return row < 2 ? 8 + h * (2 * row + 1) / 2 + row * h / 2 : 8 + h * 5;
}

QString SpreadChart::rowText(int row) const
{
    if (row == 2) {
        const auto &d = m_insight.difference;
        if (!d)
            return {};
        const double shown = std::round(*m_insight.with.medianFirstLetdownS)
            - std::round(*m_insight.without.medianFirstLetdownS);
        return tr("Difference %1 (95 % interval %2 to %3)")
            .arg(formatSignedSeconds(shown), formatSignedSeconds(d->interval.low),
                formatSignedSeconds(d->interval.high));
    }
    const SideFigures &f = row == 0 ? m_insight.with : m_insight.without;
    const QString label = row == 0 ? m_withLabel : m_withoutLabel;
    if (!f.medianFirstLetdownS)
        return tr("%1: no session with a let-down").arg(label);
    return tr("%1: typically %2, the middle half %3 to %4 (%5 sessions with a let-down)")
        .arg(label, formatSeconds(*f.medianFirstLetdownS), formatSeconds(*f.lowerQuartileS),
            formatSeconds(*f.upperQuartileS))
        .arg(f.sessionsWithLetdown);
}

QString SpreadChart::figuresText() const
{
    QStringList rows {rowText(0), rowText(1)};
    if (m_insight.difference)
        rows << rowText(2);
    return rows.join(QStringLiteral("; "));
}

bool SpreadChart::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const int half = fontMetrics().height() / 2 + 2;
        QString text;
        for (int row = 0; row < 3 && text.isEmpty(); ++row)
            if (std::abs(help->pos().y() - rowY(row)) <= half)
                text = rowText(row);
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
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
        const int y = rowY(i);
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
        const int y = rowY(2);
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
            Qt::AlignLeft | Qt::AlignVCenter,
            formatSignedSeconds(
                std::round(*m_insight.with.medianFirstLetdownS) - std::round(*m_insight.without.medianFirstLetdownS)));
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
