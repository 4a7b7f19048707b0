#pragma once

#include <QDateTime>
#include <QMessageBox>

class QPushButton;

// What she sees when her data file cannot be opened: why (with SQLite's findings under
// Details), and the ways out: restore the newest checked backup (offered only when there
// is one; the damaged file is kept aside, untouched), open another file, or close.
class DamagedFileDialog : public QMessageBox
{
    Q_OBJECT

public:
    enum class Choice { RestoreBackup, OpenAnother, Close };

    // `backupTakenAt` invalid: no usable backup to offer.
    DamagedFileDialog(const QString &message, const QString &details, const QDateTime &backupTakenAt,
        QWidget *parent = nullptr);

    // What she clicked (after exec(), or after a click in a test).
    Choice choice() const;

private:
    QPushButton *m_restore = nullptr;
    QPushButton *m_other = nullptr;
};
