#pragma once

#include <QLocale>

class QCoreApplication;

// Loads Letdown's translation for `locale` (and Qt's own, for standard buttons) into the
// application, when there is one. Returns whether Letdown's was found. The window follows
// the desktop's language; the command line stays English, since scripts read it.
bool installTranslations(QCoreApplication &app, const QLocale &locale = QLocale());
