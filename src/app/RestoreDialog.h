#pragma once

#include "storage/Backups.h"

#include <QDialog>

#include <memory>

namespace Ui {
class RestoreDialog;
}

// File > Restore from backup...: the backups with their date and session count.
class RestoreDialog : public QDialog
{
    Q_OBJECT

public:
    explicit RestoreDialog(const QString &databasePath, QWidget *parent = nullptr);
    ~RestoreDialog() override;

    QString chosenPath() const;
    void choose(int row);
    int backupCount() const { return int(m_backups.size()); }

private:
    std::unique_ptr<Ui::RestoreDialog> m_ui;
    QList<Backups::BackupInfo> m_backups;
};
