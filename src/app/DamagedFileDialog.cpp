#include "DamagedFileDialog.h"

#include <QLocale>
#include <QPushButton>

DamagedFileDialog::DamagedFileDialog(
    const QString &message, const QString &details, const QDateTime &backupTakenAt, QWidget *parent)
    : QMessageBox(QMessageBox::Critical, tr("Letdown cannot open its data"), message, QMessageBox::NoButton, parent)
{
    setObjectName(QStringLiteral("damagedFileDialog"));
    if (!details.isEmpty())
        setDetailedText(details);
    if (backupTakenAt.isValid()) {
        setInformativeText(
            tr("A checked backup from %1 is available.").arg(QLocale().toString(backupTakenAt, QLocale::LongFormat)));
        m_restore = addButton(tr("Restore the newest backup"), QMessageBox::AcceptRole);
        m_restore->setObjectName(QStringLiteral("restoreButton"));
    }
    m_other = addButton(tr("Open another file..."), QMessageBox::ActionRole);
    m_other->setObjectName(QStringLiteral("openAnotherButton"));
    addButton(QMessageBox::Close)->setObjectName(QStringLiteral("closeButton"));
    setDefaultButton(m_restore ? m_restore : m_other);
}

DamagedFileDialog::Choice DamagedFileDialog::choice() const
{
    if (m_restore && clickedButton() == m_restore)
        return Choice::RestoreBackup;
    if (clickedButton() == m_other)
        return Choice::OpenAnother;
    return Choice::Close;
}
