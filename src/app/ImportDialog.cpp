#include "ImportDialog.h"
#include "StartFolder.h"

#include "journal/Journal.h"

#include "ui_ImportDialog.h"

#include "import/CsvImport.h"
#include "output/CsvExport.h"
#include "import/OtherTrackers.h"
#include "storage/SessionStore.h"

#include <QFileDialog>
#include <QPushButton>
#include <QStandardPaths>
#include <QTimeZone>

ImportDialog::ImportDialog(Journal &journal, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ImportDialog>())
    , m_journal(journal)
    , m_store(journal.store())
{
    m_ui->setupUi(this);
    // Her own zone first, then every zone the system knows.
    const QByteArray own = QTimeZone::systemTimeZoneId();
    m_ui->zoneCombo->addItem(tr("%1 (this computer)").arg(QString::fromUtf8(own)), own);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        if (id != own)
            m_ui->zoneCombo->addItem(QString::fromUtf8(id), id);
    m_ui->unitCombo->addItem(tr("Millilitres (ml)"));
    m_ui->unitCombo->addItem(tr("Ounces (oz)"));
    m_importButton = m_ui->buttonBox->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_importButton->setObjectName(QStringLiteral("importButton"));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ImportDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->addButton, &QPushButton::clicked, this, &ImportDialog::browse);
    connect(m_ui->removeButton, &QPushButton::clicked, this, &ImportDialog::removeSelected);
    connect(m_ui->zoneCombo, &QComboBox::currentIndexChanged, this, &ImportDialog::refreshPreview);
    connect(m_ui->unitCombo, &QComboBox::currentIndexChanged, this, &ImportDialog::refreshPreview);
    refreshPreview();
}

ImportDialog::~ImportDialog() = default;

void ImportDialog::browse()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Files from another app"),
        startFolder(QStandardPaths::DownloadLocation), tr("CSV files (*.csv);;All files (*)"));
    addFiles(paths);
}

void ImportDialog::addFiles(const QStringList &paths)
{
    QStringList problems;
    for (const QString &path : paths) {
        ImportFile file;
        QString error;
        if (readImportFile(path, file, error)) {
            m_files << file;
            m_ui->filesList->addItem(file.name);
        } else {
            problems << error;
        }
    }
    refreshPreview();
    if (!problems.isEmpty())
        m_ui->previewText->setPlainText(
            problems.join(u'\n') + QStringLiteral("\n\n") + m_ui->previewText->toPlainText());
}

void ImportDialog::removeSelected()
{
    const int row = m_ui->filesList->currentRow();
    if (row < 0)
        return;
    delete m_ui->filesList->takeItem(row);
    m_files.removeAt(row);
    refreshPreview();
}

void ImportDialog::setTimeZone(const QByteArray &zoneId)
{
    const int index = m_ui->zoneCombo->findData(zoneId);
    if (index >= 0)
        m_ui->zoneCombo->setCurrentIndex(index);
}

void ImportDialog::setOunces(bool ounces)
{
    m_ui->unitCombo->setCurrentIndex(ounces ? 1 : 0);
}

ImportOptions ImportDialog::options() const
{
    ImportOptions options;
    options.timeZone = QTimeZone(m_ui->zoneCombo->currentData().toByteArray());
    options.unit = m_ui->unitCombo->currentIndex() == 1 ? VolumeUnit::Oz : VolumeUnit::Ml;
    return options;
}

void ImportDialog::refreshPreview()
{
    // The files are read again whenever the zone or the unit changes: they are in memory,
    // and what she sees is always what would be written.
    m_read = {};
    m_importer = nullptr;
    m_ui->unitCombo->setEnabled(BabyBuddyImporter::needsUnit(m_files));
    m_ui->unitLabel->setEnabled(m_ui->unitCombo->isEnabled());
    QStringList lines;
    if (m_files.isEmpty()) {
        lines << tr("No files chosen yet.");
    } else {
        QString error;
        m_importer = detectImporter(m_files, error);
        if (!m_importer) {
            lines << error;
        } else {
            m_read = m_importer->read(m_files, options());
            m_read.warnings << storedOverlapWarnings(m_store, m_read.sessions);
            lines << importSummary(*m_importer, m_read, options());
            if (!m_read.problems.isEmpty())
                lines << QString() << tr("Nothing can be imported until these lines are fixed:") << m_read.problems;
            if (!m_read.warnings.isEmpty())
                lines << QString() << tr("Warnings:") << m_read.warnings;
            if (!m_read.skipped.isEmpty())
                lines << QString() << tr("Skipped:") << m_read.skipped;
        }
    }
    m_ui->previewText->setPlainText(lines.join(u'\n'));
    m_importButton->setEnabled(canImport());
}

QString ImportDialog::previewText() const
{
    return m_ui->previewText->toPlainText();
}

bool ImportDialog::canImport() const
{
    return m_importer && m_read.problems.isEmpty() && !m_read.sessions.isEmpty();
}

void ImportDialog::accept()
{
    if (!canImport())
        return;
    CsvImportReport report;
    QStringList problems;
    if (!importCsvFiles(m_journal, Origin::Import, CsvImportBatch {m_read.sessions, m_read.withoutFeed}, report, problems)) {
        m_ui->previewText->setPlainText(tr("Nothing was imported: %1").arg(problems.join(u'\n')));
        return;
    }
    m_result = tr("Imported %1 sessions from %2; %3 were already there.")
                   .arg(report.added)
                   .arg(m_importer->displayName())
                   .arg(report.skipped);
    QDialog::accept();
}
