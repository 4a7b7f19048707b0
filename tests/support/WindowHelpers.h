#pragma once

// Opening the window's dialogs as she would, from the window tests.
#include "MainWindow.h"

#include <QAction>
#include <QDialog>

#include <functional>

// Opens Edit > Preferences, lets `change` work on the dialog as she would, then closes it.
inline void inPreferences(MainWindow &window, const std::function<void(QDialog *)> &change)
{
    auto connection = QObject::connect(&window, &MainWindow::preferencesDialogOpened, &window, [&](QDialog *dialog) {
        change(dialog);
        dialog->accept();
    });
    window.findChild<QAction *>("actionPreferences")->trigger();
    QObject::disconnect(connection);
}
