#include "RestoreDialog.h"

#include "ui_RestoreDialog.h"

#include <QHeaderView>
#include <QLocale>
#include <QPushButton>

RestoreDialog::RestoreDialog(const QString &databasePath, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::RestoreDialog>())
    , m_backups(Backups::list(databasePath, true))
{
    m_ui->setupUi(this);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Restore"));
    auto *table = m_ui->backupsTable;
    table->setColumnCount(3);
    table->setHorizontalHeaderLabels({tr("Taken"), tr("Sessions"), tr("State")});
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    table->setRowCount(int(m_backups.size()));
    for (int row = 0; row < m_backups.size(); ++row) {
        const Backups::BackupInfo &b = m_backups[row];
        table->setItem(row, 0, new QTableWidgetItem(QLocale().toString(b.takenAt, tr("ddd d MMM yyyy, HH:mm"))));
        table->setItem(row, 1, new QTableWidgetItem(b.sessions >= 0 ? QString::number(b.sessions) : QString()));
        table->setItem(row, 2, new QTableWidgetItem(b.problem.isEmpty() ? tr("checked, usable") : b.problem));
    }
    table->resizeColumnsToContents();
    if (m_backups.isEmpty())
        m_ui->messageLabel->setText(tr("There are no backups yet. Letdown takes one each day that has changes, "
                                       "in %1.")
                                        .arg(Backups::folderFor(databasePath)));
    else
        table->selectRow(0);
    const auto update = [this] {
        const int row = m_ui->backupsTable->currentRow();
        m_ui->buttonBox->button(QDialogButtonBox::Ok)
            ->setEnabled(row >= 0 && row < m_backups.size() && m_backups[row].problem.isEmpty());
    };
    connect(table, &QTableWidget::itemSelectionChanged, this, update);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    update();
}

RestoreDialog::~RestoreDialog() = default;

void RestoreDialog::choose(int row)
{
    m_ui->backupsTable->selectRow(row);
}

QString RestoreDialog::chosenPath() const
{
    const int row = m_ui->backupsTable->currentRow();
    return row >= 0 && row < m_backups.size() ? m_backups[row].path : QString();
}
