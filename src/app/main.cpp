#include "CommandLine.h"
#include "MainWindow.h"

#include "recorder/Clock.h"
#include "recorder/SessionRecorder.h"
#include "storage/Database.h"
#include "storage/SessionStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

#include <cstdio>

namespace {
void setUpParser(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QCoreApplication::translate("main",
        "Letdown: log nursing and pumping sessions and every let-down in them.\n\n"
        "Without a command it opens the window. Commands (each has --help):\n"
        "  stats   print weekly statistics (--json for JSON)\n"
        "  chart   draw the trend charts into a PNG file\n"
                                            "  export  write sessions and let-downs as CSV\n"
                                            "  import  read CSV files written by export\n"
                                            "  report  write the consultant's report as a PDF\n"
                                            "  demo-data  fill a new database with demo sessions"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("database"),
        QCoreApplication::translate("main", "Use this database file instead of the default one."),
        QCoreApplication::translate("main", "file")});
    parser.addPositionalArgument(QStringLiteral("command"),
        QCoreApplication::translate("main", "A command (see above)."), QStringLiteral("[command]"));
}

void printError(const QString &message)
{
    std::fprintf(stderr, "letdown: %s\n", qPrintable(message));
}

// QApplication takes these (with their values) for itself; QCoreApplication does not.
QStringList withoutQtGuiOptions(QStringList arguments)
{
    static const QStringList withValue
        = {"-platform", "-platformpluginpath", "-platformtheme", "-plugin", "-qwindowgeometry", "-qwindowicon",
            "-qwindowtitle", "-display", "-geometry", "-style", "-stylesheet", "-session", "-title"};
    static const QStringList alone = {"-reverse", "-widgetcount", "-nograb", "-dograb", "-sync"};
    for (int i = 1; i < arguments.size();) {
        if (withValue.contains(arguments[i]))
            arguments.remove(i, qMin(2, int(arguments.size()) - i));
        else if (alone.contains(arguments[i]))
            arguments.remove(i);
        else
            ++i;
    }
    return arguments;
}

// --help, --version, bad arguments and (later) headless verbs: no window, so no display is
// needed. Returns -1 when the GUI should start.
int runWithoutWindow(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    CommandLine::describeApplication();
    QCommandLineParser parser;
    setUpParser(parser);
    if (!parser.parse(withoutQtGuiOptions(app.arguments()))) {
        printError(
            parser.errorText() + QStringLiteral("\n") + QCoreApplication::translate("main", "Try 'letdown --help'."));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all")))
        parser.showHelp(0); // exits
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion(); // exits
    return -1;
}

int runWindow(int argc, char **argv)
{
    QApplication app(argc, argv);
    CommandLine::describeApplication();
    QCommandLineParser parser;
    setUpParser(parser);
    parser.process(app);
    const QString path = parser.isSet(QStringLiteral("database")) ? parser.value(QStringLiteral("database"))
                                                                  : CommandLine::defaultDatabasePath();

    Database database;
    if (!database.open(path)) {
        printError(database.errorString());
        QMessageBox::critical(
            nullptr, QCoreApplication::translate("main", "Letdown cannot open its data"), database.errorString());
        return 1;
    }
    SessionStore store(database);
    SystemClock clock;
    SessionRecorder recorder(store, clock);
    if (!recorder.restoreUnfinished()) {
        printError(recorder.lastError());
        QMessageBox::critical(
            nullptr, QCoreApplication::translate("main", "Letdown cannot read its data"), recorder.lastError());
        return 1;
    }
    MainWindow window(recorder, store, clock, path);
    window.show();
    return app.exec();
}
} // namespace

int main(int argc, char **argv)
{
    if (CommandLine::hasVerb(argc, argv))
        return CommandLine::runVerb(argc, argv);
    const int headlessResult = runWithoutWindow(argc, argv);
    if (headlessResult >= 0)
        return headlessResult;
    return runWindow(argc, argv);
}
