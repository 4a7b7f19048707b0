#include "TransferDialog.h"

#include "journal/Journal.h"

#include "ui_ExportDialog.h"

#include "Report.h"
#include "output/CsvExport.h"

#include <QCalendarWidget>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QPushButton>
#include <QStandardPaths>

#include "StartFolder.h"

namespace {
constexpr int kDefaultReportWeeks = 12;

} // namespace

TransferDialog::TransferDialog(
    Mode mode, Journal &journal, QDate today, const Preferences &preferences, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ExportDialog>())
    , m_mode(mode)
    , m_journal(journal)
    , m_store(journal.store())
    , m_preferences(preferences)
{
    m_ui->setupUi(this);
    m_ui->unitsCombo->addItem(tr("Millilitres (ml)"));
    m_ui->unitsCombo->addItem(tr("Ounces (oz)"));
    m_ui->unitsCombo->setCurrentIndex(preferences.unit == VolumeUnit::Oz ? 1 : 0);
    for (QDateEdit *edit : {m_ui->fromDate, m_ui->toDate})
        edit->calendarWidget()->setFirstDayOfWeek(preferences.weekStartsOn);
    m_ui->fromDate->setDate(today.addDays(-7 * kDefaultReportWeeks + 1));
    m_ui->toDate->setDate(today);
    const auto updateDates = [this] {
        const bool all = m_ui->allDatesCheck->isChecked();
        m_ui->fromDate->setEnabled(!all);
        m_ui->toDate->setEnabled(!all);
    };
    connect(m_ui->allDatesCheck, &QCheckBox::toggled, this, updateDates);
    connect(m_ui->sessionsBrowseButton, &QPushButton::clicked, this, &TransferDialog::browseFirst);
    connect(m_ui->letdownsBrowseButton, &QPushButton::clicked, this, &TransferDialog::browseSecond);
    connect(m_ui->daysBrowseButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Days CSV file"),
            m_ui->daysPathEdit->text().isEmpty() ? m_ui->sessionsPathEdit->text() : m_ui->daysPathEdit->text(),
            tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            m_ui->daysPathEdit->setText(path);
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &TransferDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &TransferDialog::reject);

    const QDir folder(startFolder(QStandardPaths::DocumentsLocation));
    switch (mode) {
    case Mode::ExportCsv:
        setWindowTitle(tr("Export CSV"));
        m_ui->notesDaysLabel->hide();
        m_ui->notesDaysSpin->hide();
        m_ui->introLabel->setText(tr("Two files for a spreadsheet: one line per session, and one line per "
                                     "let-down; a third, if you name it, with one line per day for your "
                                     "consultant. Only you can read them."));
        m_ui->sessionsPathEdit->setText(folder.filePath(QStringLiteral("letdown-sessions.csv")));
        m_ui->letdownsPathEdit->setText(folder.filePath(QStringLiteral("letdown-letdowns.csv")));
        m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Export"));
        break;
    case Mode::ReportPdf:
        setWindowTitle(tr("Save report as PDF"));
        m_ui->introLabel->setText(tr("A few pages for your lactation consultant: the last 24 hours and 14 days "
                                     "on the first page, then the summary, trend charts, week by week, and your "
                                     "notes as an appendix."));
        m_ui->allDatesCheck->setChecked(false);
        for (QWidget *w : std::initializer_list<QWidget *> {m_ui->unitsLabel, m_ui->unitsCombo,
                 m_ui->letdownsPathLabel, m_ui->letdownsPathEdit, m_ui->letdownsBrowseButton, m_ui->daysPathLabel,
                 m_ui->daysPathEdit, m_ui->daysBrowseButton})
            w->hide();
        m_ui->notesDaysSpin->setSuffix(tr(" days"));
        m_ui->notesDaysSpin->setValue(m_preferences.reportNotesDays);
        m_ui->sessionsPathLabel->setText(tr("&PDF file:"));
        m_ui->sessionsPathEdit->setText(folder.filePath(QStringLiteral("letdown-report.pdf")));
        m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Save"));
        break;
    }
    updateDates();
}

TransferDialog::~TransferDialog() = default;

void TransferDialog::setPaths(const QString &first, const QString &second)
{
    m_ui->sessionsPathEdit->setText(first);
    m_ui->letdownsPathEdit->setText(second);
}

void TransferDialog::setRange(const StatsRange &range)
{
    m_ui->allDatesCheck->setChecked(!range.from && !range.to);
    if (range.from)
        m_ui->fromDate->setDate(*range.from);
    if (range.to)
        m_ui->toDate->setDate(*range.to);
}

void TransferDialog::setOunces(bool ounces)
{
    m_ui->unitsCombo->setCurrentIndex(ounces ? 1 : 0);
}

StatsRange TransferDialog::range() const
{
    if (m_ui->allDatesCheck->isChecked())
        return {};
    return {m_ui->fromDate->date(), m_ui->toDate->date()};
}

void TransferDialog::showProblem(const QString &message)
{
    m_ui->messageLabel->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_ui->messageLabel->setText(message);
}

void TransferDialog::accept()
{
    if (run())
        QDialog::accept();
}

bool TransferDialog::run()
{
    const QString first = m_ui->sessionsPathEdit->text().trimmed();
    const QString second = m_ui->letdownsPathEdit->text().trimmed();
    if (first.isEmpty()) {
        showProblem(tr("Choose a file first."));
        return false;
    }
    const StatsRange chosen = range();
    if (chosen.from && chosen.to && *chosen.to < *chosen.from) {
        showProblem(tr("The end date is before the start date."));
        return false;
    }
    QString error;
    switch (m_mode) {
    case Mode::ExportCsv: {
        CsvExportRequest request;
        request.range = chosen;
        request.unit = m_ui->unitsCombo->currentIndex() == 1 ? VolumeUnit::Oz : VolumeUnit::Ml;
        request.sessionsPath = first;
        request.letdownsPath = second;
        request.daysPath = m_ui->daysPathEdit->text().trimmed(); // optional
        int count = 0;
        if (!exportCsvFiles(m_store, m_preferences.referenceModel(), request, count, error)) {
            showProblem(error);
            return false;
        }
        m_result = tr("Exported %1 sessions to %2.").arg(count).arg(QFileInfo(first).fileName());
        return true;
    }
    case Mode::ReportPdf: {
        // Her cut-off for the notes; the window keeps it for the next report (notesDays()).
        m_preferences.reportNotesDays = m_ui->notesDaysSpin->value();
        if (!Report::writePdf(m_store, m_preferences, chosen, first, error)) {
            showProblem(error);
            return false;
        }
        m_result = tr("Saved the report to %1.").arg(QFileInfo(first).fileName());
        return true;
    }
    }
    return false;
}

void TransferDialog::browseFirst()
{
    QString path;
    const QString current = m_ui->sessionsPathEdit->text();
    if (m_mode == Mode::ExportCsv)
        path = QFileDialog::getSaveFileName(this, tr("Sessions CSV file"), current, tr("CSV files (*.csv)"));
    else
        path = QFileDialog::getSaveFileName(this, tr("Report"), current, tr("PDF files (*.pdf)"));
    if (!path.isEmpty())
        m_ui->sessionsPathEdit->setText(path);
}

void TransferDialog::browseSecond()
{
    const QString current = m_ui->letdownsPathEdit->text();
    const QString path = QFileDialog::getSaveFileName(this, tr("Let-downs CSV file"), current, tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        m_ui->letdownsPathEdit->setText(path);
}

int TransferDialog::notesDays() const
{
    return m_ui->notesDaysSpin->value();
}
