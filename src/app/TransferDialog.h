#pragma once

#include "settings/Preferences.h"
#include "stats/WeeklyStats.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ExportDialog;
}
class Journal;
class SessionStore;

// File > Export CSV and Save report as PDF: choose the dates, units and files,
// then the work runs through core. Problems are shown inside the dialog, which stays open
// so she can fix the choice; success closes it with a one-line result.
class TransferDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { ExportCsv, ReportPdf }; // importing is the import dialog's (any format)

    TransferDialog(
        Mode mode, Journal &journal, QDate today, const Preferences &preferences = {}, QWidget *parent = nullptr);
    ~TransferDialog() override;

    QString resultMessage() const { return m_result; }
    // For tests and scripted use: fill the fields as she would.
    void setPaths(const QString &first, const QString &second = {});
    // The report's cut-off for her notes, as she left it (days; 0: none).
    int notesDays() const;
    void setRange(const StatsRange &range);
    void setOunces(bool ounces);

public slots:
    void accept() override;

private:
    bool run();
    void browseFirst();
    void browseSecond();
    StatsRange range() const;
    void showProblem(const QString &message);

    std::unique_ptr<Ui::ExportDialog> m_ui;
    Mode m_mode;
    Journal &m_journal;
    SessionStore &m_store;
    Preferences m_preferences;
    QString m_result;
};
