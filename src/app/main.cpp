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
    parser.setApplicationDescription(CommandLine::windowHelpText());
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("database"), QStringLiteral("Use this database file instead of the default one."),
        QStringLiteral("file")});
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("A command (see above)."),
        QStringLiteral("[command]"));
}

void printError(const QString &message)
{
    std::fprintf(stderr, "letdown: %s\n", qPrintable(message));
}

// --help, --version, bad arguments and (later) headless verbs: no window, so no display is
// needed. Returns -1 when the GUI should start.
int runWithoutWindow(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    CommandLine::describeApplication();
    QCommandLineParser parser;
    setUpParser(parser);
    if (!parser.parse(CommandLine::withoutQtGuiOptions(app.arguments()))) {
        printError(parser.errorText() + QStringLiteral("\nTry 'letdown --help'."));
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
// The terminal gets English (scripts read it), the message box her language.
int guardSingleInstance(InstanceGuard &guard)
{
    static const char *const kRaised = QT_TRANSLATE_NOOP("main",
        "Letdown is already open on this database (process %1); it was brought to the front.");
    static const char *const kSilent = QT_TRANSLATE_NOOP("main",
        "Letdown is already open on this database (process %1), but it did not answer. "
        "Look for its window, or close it and try again.");
    switch (guard.acquire()) {
    case InstanceGuard::Result::Acquired: return -1;
    case InstanceGuard::Result::OtherRaised:
        printError(QString::fromLatin1(kRaised).arg(guard.otherPid()));
        return 0;
    case InstanceGuard::Result::OtherSilent:
    case InstanceGuard::Result::Failed: break;
    }
    const bool silent = guard.otherPid() > 0;
    printError(silent ? QString::fromLatin1(kSilent).arg(guard.otherPid()) : guard.errorString());
    const QString message
        = silent ? QCoreApplication::translate("main", kSilent).arg(guard.otherPid()) : guard.errorString();
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
    const Clock &clock = processClock();
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
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const QString command = CommandLine::findCommand(arguments);
    if (!command.isEmpty())
        return CommandLine::runCommand(argc, argv, command);
    const int headlessResult = runWithoutWindow(argc, argv);
    if (headlessResult >= 0)
        return headlessResult;
    return runWindow(argc, argv);
}
