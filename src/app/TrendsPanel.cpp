#include "TrendsPanel.h"
#include "StartFolder.h"

#include "ui_TrendsPanel.h"

#include "TrendsView.h"
#include "WeekRanges.h"
#include "base/Clock.h"
#include "stats/TrendQuery.h"
#include "storage/SessionStore.h"

#include <QFileDialog>
#include <QImage>
#include <QLocale>
#include <QStandardPaths>

namespace {
constexpr int kAllWeeks = 0;
constexpr QSize kSavedImageSize(1600, 1000);
} // namespace

TrendsPanel::TrendsPanel(SessionStore &store, const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::TrendsPanel>())
    , m_store(store)
    , m_clock(clock)
{
    m_ui->setupUi(this);
    fillWeekRanges(m_ui->rangeCombo); // 12 weeks first: a season, readable at a glance
    m_ui->kindCombo->addItem(tr("Nursing and pumping"), int(KindFilter::Both));
    m_ui->kindCombo->addItem(tr("Nursing only"), int(KindFilter::Nursing));
    m_ui->kindCombo->addItem(tr("Pumping only"), int(KindFilter::Pumping));

    m_view = new TrendsView(this);
    m_ui->chartsLayout->addWidget(m_view);
    updateNote();

    connect(m_ui->rangeCombo, &QComboBox::currentIndexChanged, this, &TrendsPanel::refresh);
    connect(m_ui->kindCombo, &QComboBox::currentIndexChanged, this, &TrendsPanel::refresh);
    connect(m_ui->saveImageButton, &QPushButton::clicked, this, &TrendsPanel::chooseImageFile);
}

TrendsPanel::~TrendsPanel() = default;

void TrendsPanel::invalidate()
{
    m_stale = true;
    if (isVisible())
        refresh();
}

void TrendsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

StatsRange TrendsPanel::selectedRange() const
{
    const QDate today = localToday(m_clock);
    const int weeks = m_ui->rangeCombo->currentData().toInt();
    if (weeks == kAllWeeks)
        return {std::nullopt, today};
    return lastWeeksRange(today, weeks);
}

KindFilter TrendsPanel::selectedFilter() const
{
    return KindFilter(m_ui->kindCombo->currentData().toInt());
}

void TrendsPanel::refresh()
{
    m_stale = false;
    QString error;
    if (!loadTrendStats(m_store, m_model, selectedFilter(), selectedRange(), m_stats, error)) {
        emit problem(tr("Cannot read the sessions for the trends: %1").arg(error));
        return;
    }
    // With no finished session at all, say how to start rather than draw empty axes.
    // A range without sessions, when others have some, shows its weeks as gaps.
    bool finished = false;
    if (!m_store.hasFinishedSessions(finished)) {
        emit problem(tr("Cannot read the sessions for the trends: %1").arg(m_store.errorString()));
        return;
    }
    m_ui->pages->setCurrentWidget(finished ? m_ui->chartsPage : m_ui->emptyPage);
    // Written only while it shows: a stack lays out every page, hidden ones too, and laying
    // out this rich text at every width tried was a twentieth of the window's start.
    m_ui->emptyLabel->setText(finished
            ? QString()
            : tr("<h3>No finished sessions yet</h3><p>On the <b>Session</b> tab, press <b>Start</b> (or Space) "
                 "when a feed or pumping session begins, press <b>Let-down now</b> (or L) each time you feel "
                 "or see a let-down, and <b>Stop</b> at the end.</p><p>Your weekly trends appear here.</p>"));
    m_ui->saveImageButton->setEnabled(finished);
    m_view->show(m_stats, m_model, selectedFilter(), m_options);
}

void TrendsPanel::setPreferences(const Preferences &preferences)
{
    m_model = preferences.referenceModel();
    m_options = TrendCharts::chartOptionsFor(preferences);
    updateNote();
    invalidate();
}

void TrendsPanel::updateNote()
{
    const VolumeFormat &v = m_options.volume;
    const QLocale locale;
    QString curves = tr("Published curve: about %1 for the first let-down, each later one about %2 % of the one "
                        "before.")
                         .arg(v.text(m_options.publishedFirstMl), locale.toString(m_options.publishedDecay * 100, 'f', 0));
    if (const auto &fit = m_options.fit; fit && fit->fitted)
        curves += QLatin1Char(' ')
            + (fit->ready ? tr("Your curve: about %1 for the first, each later one about %2 % of the one before, from %3 "
                               "measured sessions.")
                          : tr("Your curve so far (not ready yet): about %1 for the first, each later one about %2 % of "
                               "the one before, from %3 measured sessions."))
                  .arg(v.text(fit->firstMl), locale.toString(fit->decay * 100, 'f', 0))
                  .arg(fit->sessions);
    m_ui->noteLabel->setText(
        tr("Dashed line and shaded band: what studies found (%1 let-downs per breastfeed; %2 to %3 when pumping). "
           "Dotted lines: your own baseline, the mean of the four weeks before. The let-downs you log are the ones "
           "you noticed: studies find later ones often go unfelt, so counts below the averages are common. Volumes "
           "are estimates with %4 (or your measured total shared the same way). %5 This is not medical advice.")
            .arg(locale.toString(m_model.meanLetdownsPerBreastfeed, 'f', 1),
                locale.toString(m_model.pumpingLetdownsLow, 'f', 1), locale.toString(m_model.pumpingLetdownsHigh, 'f', 1),
                m_model.volumeModelId == QLatin1String("fitted") ? tr("your own curve") : tr("the published curve"),
                curves));
}

void TrendsPanel::selectWeeks(int weeks)
{
    const int index = m_ui->rangeCombo->findData(weeks);
    if (index >= 0)
        m_ui->rangeCombo->setCurrentIndex(index);
}

void TrendsPanel::saveImageAs(const QString &path)
{
    // A grid of its own at a fixed size: the one on screen keeps its layout.
    TrendsView offscreen;
    offscreen.show(m_stats, m_model, selectedFilter(), m_options);
    if (!offscreen.renderImage(kSavedImageSize).save(path))
        emit problem(tr("Could not save the image to %1.").arg(path));
}

void TrendsPanel::chooseImageFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save chart as image"),
        startFolder(QStandardPaths::PicturesLocation) + QStringLiteral("letdown-trends.png"), tr("PNG images (*.png)"));
    if (!path.isEmpty())
        saveImageAs(path);
}
