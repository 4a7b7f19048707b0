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
#include <QTemporaryDir>

#include <cstdlib>

int main(int argc, char **argv)
{
    // Each test process (ctest runs them side by side) gets settings of its own, and so do
    // the letdown processes it starts: no test sees another's preferences, or hers.
    QTemporaryDir configHome;
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(configHome.path()));
#ifdef LETDOWN_TEST_GUI
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
#endif
    TestApplication app(argc, argv);
    return Catch::Session().run(argc, argv);
}
