#include "BenchHooks.h"
#include "CommandLine.h"
#include "MainWindow.h"
#include "Translations.h"

#include "instance/InstanceGuard.h"
#include "recorder/Clock.h"
#include "recorder/SessionRecorder.h"
#include "settings/Preferences.h"
#include "storage/Backups.h"
#include "storage/Database.h"
#include "storage/SessionStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {
void setUpParser(QCommandLineParser &parser)
{
    // The command line speaks English (scripts read it); the window follows her language.
    parser.setApplicationDescription(
        QStringLiteral("Letdown: log nursing and pumping sessions and every let-down in them.\n\n"
                       "Without a command it opens the window. Commands (each has --help):\n"
                       "  stats   print weekly statistics (--json for JSON)\n"
                       "  chart   draw the trend charts into a PNG file\n"
                       "  export  write sessions and let-downs as CSV\n"
                       "  import  read CSV files written by export\n"
                       "  report  write the consultant's report as a PDF\n"
                       "  backup  take a verified backup now\n"
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

// How a second window on the same database ends: the first one came to the front, or it
// did not answer and she is told why nothing opens. Returns the exit code, or -1 to go on.
int guardSingleInstance(InstanceGuard &guard)
{
    switch (guard.acquire()) {
    case InstanceGuard::Result::Acquired: return -1;
    case InstanceGuard::Result::OtherRaised:
        printError(QCoreApplication::translate("main",
            "Letdown is already open on this database (process %1); "
            "it was brought to the front.")
                       .arg(guard.otherPid()));
        return 0;
    case InstanceGuard::Result::OtherSilent:
    case InstanceGuard::Result::Failed: break;
    }
    const QString message = guard.otherPid() > 0 ? QCoreApplication::translate("main",
                                "Letdown is already open on this database (process %1), but it "
                                "did not answer. Look for its window, or close it and try again.")
                                                       .arg(guard.otherPid())
                                                 : guard.errorString();
    printError(message);
    QMessageBox box(QMessageBox::Information, QCoreApplication::translate("main", "Letdown is already open"), message,
        QMessageBox::Close);
    QTimer::singleShot(15000, &box, &QMessageBox::close); // never linger
    box.exec();
    return 1;
}

// Opens the database, or says what is wrong with it and offers a way out: the newest good
// backup (the damaged file is kept aside, untouched) or another file. False: she quits.
bool openWithHelp(Database &database, QString &path, std::unique_ptr<InstanceGuard> &guard, int &exitCode)
{
    for (;;) {
        if (!guard) {
            guard = std::make_unique<InstanceGuard>(path);
            exitCode = guardSingleInstance(*guard);
            if (exitCode >= 0)
                return false;
        }
        if (database.open(path))
            return true;
        printError(database.errorString());
        const QString backup
            = database.problem() == Database::Problem::Damaged ? Backups::newestUsable(path) : QString();
        QMessageBox box(QMessageBox::Critical, QCoreApplication::translate("main", "Letdown cannot open its data"),
            database.errorString());
        if (!database.details().isEmpty())
            box.setDetailedText(database.details());
        QPushButton *restore = nullptr;
        if (!backup.isEmpty()) {
            const QDateTime taken = Backups::list(path, false).constFirst().takenAt;
            box.setInformativeText(QCoreApplication::translate("main", "A checked backup from %1 is available.")
                                       .arg(QLocale().toString(taken, QLocale::LongFormat)));
            restore = box.addButton(
                QCoreApplication::translate("main", "Restore the newest backup"), QMessageBox::AcceptRole);
        }
        QPushButton *other
            = box.addButton(QCoreApplication::translate("main", "Open another file..."), QMessageBox::ActionRole);
        box.addButton(QMessageBox::Close);
        box.exec();
        exitCode = 1;
        if (restore && box.clickedButton() == restore) {
            QString aside, error;
            if (!Backups::restoreOverDamaged(path, backup, aside, error))
                QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Restore failed"), error);
            else
                QMessageBox::information(nullptr, QCoreApplication::translate("main", "Backup restored"),
                    QCoreApplication::translate("main",
                        "The damaged file was kept, untouched, "
                        "as %1.")
                        .arg(aside));
        } else if (box.clickedButton() == other) {
            const QString chosen = QFileDialog::getSaveFileName(nullptr,
                QCoreApplication::translate("main", "Open or create a Letdown database"),
                QFileInfo(path).absolutePath(), QCoreApplication::translate("main", "Letdown databases (*.sqlite)"),
                nullptr, QFileDialog::DontConfirmOverwrite);
            if (chosen.isEmpty())
                return false;
            path = chosen;
            guard.reset();
        } else {
            return false;
        }
    }
}

int runWindow(int argc, char **argv)
{
    QApplication app(argc, argv);
    CommandLine::describeApplication();
    installTranslations(app);
    QApplication::setDesktopFileName(QStringLiteral("letdown"));
    QIcon icon;
    for (int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/letdown-%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);
    QCommandLineParser parser;
    setUpParser(parser);
    parser.process(app);
    // --database for this run; else where she moved it (Preferences); else the default.
    const QString movedTo = Preferences::load().databasePath;
    QString path = parser.isSet(QStringLiteral("database")) ? parser.value(QStringLiteral("database"))
        : movedTo.isEmpty()                                 ? CommandLine::defaultDatabasePath()
                                                            : movedTo;
    path = QFileInfo(path).absoluteFilePath();

    Database database;
    std::unique_ptr<InstanceGuard> guard;
    int exitCode = 0;
    if (!openWithHelp(database, path, guard, exitCode))
        return exitCode;
    SessionStore store(database);
    SystemClock clock;
    SessionRecorder recorder(store, clock);
    if (!recorder.restoreUnfinished()) {
        printError(recorder.lastError());
        QMessageBox::critical(
            nullptr, QCoreApplication::translate("main", "Letdown cannot read its data"), recorder.lastError());
        return 1;
    }
    MainWindow window(database, recorder, store, clock);
    QObject::connect(guard.get(), &InstanceGuard::raiseRequested, &window, &MainWindow::comeToFront);
    const BenchHooks::Mode bench = BenchHooks::mode();
    if (bench == BenchHooks::Mode::TrendsAll)
        window.showTrendsOfAllWeeks();
    if (bench != BenchHooks::Mode::None)
        BenchHooks::quitAfterFirstPaint(&window);
    window.show();
    if (bench == BenchHooks::Mode::None)
        window.startDailyBackups();
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
