#pragma once

#include "import/Importer.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ImportDialog;
}
class Journal;
class SessionStore;

// File > Import: pick Letdown's own export or another tracker's files (the format is
// recognised from their columns), say the time zone (and the
// unit where the files have none), see what will be imported, then import it in one go.
class ImportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ImportDialog(Journal &journal, QWidget *parent = nullptr);
    ~ImportDialog() override;

    // For tests and scripted use, as she would pick them.
    void addFiles(const QStringList &paths);
    void setTimeZone(const QByteArray &zoneId);
    void setOunces(bool ounces);
    QString previewText() const;
    bool canImport() const;
    QString resultMessage() const { return m_result; }

public slots:
    void accept() override;

private:
    void browse();
    void removeSelected();
    void refreshPreview();
    ImportOptions options() const;

    std::unique_ptr<Ui::ImportDialog> m_ui;
    Journal &m_journal;
    SessionStore &m_store;
    QList<ImportFile> m_files;
    const Importer *m_importer = nullptr;
    ImportResult m_read;
    QPushButton *m_importButton = nullptr;
    QString m_result;
};
