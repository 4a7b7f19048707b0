// One Catch2 runner for every test binary. It builds the Qt application first; GUI tests
// get a QApplication on the offscreen platform so they run without a display (and so
// catch_discover_tests, which runs the binary at build time with no environment, works).
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#ifdef LETDOWN_TEST_GUI
#include <QApplication>
using TestApplication = QApplication;
#else
#include <QCoreApplication>
using TestApplication = QCoreApplication;
#endif

#include <QFile>
#include <QLocale>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdlib>

int main(int argc, char **argv)
{
    // Each test process (ctest runs them side by side) gets a home of its own, and so do
    // the letdown processes it starts: no test sees another's preferences or data, or hers.
    QTemporaryDir home;
    qputenv("HOME", QFile::encodeName(home.path()));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(home.filePath(QStringLiteral(".config"))));
    qputenv("XDG_DATA_HOME", QFile::encodeName(home.filePath(QStringLiteral(".local/share"))));
#ifdef LETDOWN_TEST_GUI
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
#endif
    TestApplication app(argc, argv);
    // Expected texts are written with C number formats; the suite runs under LANG=C.UTF-8
    // and LANG=de_DE.UTF-8 alike. Tests that check German formats set their own locale.
    QLocale::setDefault(QLocale::c());
    QCoreApplication::setOrganizationName(QStringLiteral("letdown"));
    QCoreApplication::setApplicationName(QStringLiteral("letdown-tests"));
    // Standard paths of this process point into a test folder, never at her real data.
    QStandardPaths::setTestModeEnabled(true);
    return Catch::Session().run(argc, argv);
}
