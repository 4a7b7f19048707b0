#pragma once

#include "settings/Preferences.h"
#include "sync/SyncFolder.h"

#include <QDialog>

#include <memory>

namespace Ui {
class PreferencesDialog;
}

// Edit > Preferences. Every change takes effect at once (preferencesChanged) and is saved.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    PreferencesDialog(const Preferences &current, const QString &databasePath, QWidget *parent = nullptr);
    ~PreferencesDialog() override;

signals:
    void preferencesChanged(const Preferences &preferences);
    // She chose a new place for the data file (the window moves it and says how it went).
    void moveRequested(const QString &newPath);
    // The Phone remote... button: the window opens its dialog (the code and status are live).
    void remoteRequested();
    // She named this device for the others (kept in the data file at the next exchange).
    void syncNameChanged(const QString &name);

public:
    void showDatabasePath(const QString &path);
    // This device, the others seen and the edits kept after a conflict; `problem`: the
    // folder's, in plain words (missing, not writable), empty when it works.
    void showSync(const SyncOverview &overview, const QString &problem);

protected:
    void showEvent(QShowEvent *event) override;

private:
    bool m_sized = false;
    void showFittedStatus(const Preferences &preferences);
    void show(const Preferences &p);
    void gather();

    std::unique_ptr<Ui::PreferencesDialog> m_ui;
    Preferences m_preferences;
    bool m_filling = false;
    QString m_databasePath;
    QString m_syncName; // this device's name as the data file keeps it
    QList<SyncConflict> m_conflicts;
    void showConflicts();
};
