#include "Startup.h"

#include "BenchHooks.h"
#include "CommandLine.h"
#include "DamagedFileDialog.h"
#include "MainWindow.h"
#include "Translations.h"

#include "datafile/DataFile.h"
#include "instance/InstanceGuard.h"
#include "journal/Journal.h"
#include "base/Clock.h"
#include "recorder/SessionRecorder.h"
#include "settings/Preferences.h"
#include "storage/Database.h"
#include "storage/SessionStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QMessageBox>
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
} // namespace

int Startup::runWithoutWindow(int argc, char **argv)
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

namespace {
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
bool openWithHelp(DataFile &file, QString &path, std::unique_ptr<InstanceGuard> &guard, int &exitCode)
{
    for (;;) {
        if (!guard) {
            guard = std::make_unique<InstanceGuard>(path);
            exitCode = guardSingleInstance(*guard);
            if (exitCode >= 0)
                return false;
        }
        if (file.open(path))
            return true;
        printError(file.errorString());
        QDateTime backupTakenAt;
        const QString backup = file.problem() == Database::Problem::Damaged
            ? DataFile::newestUsableBackup(path, backupTakenAt)
            : QString();
        DamagedFileDialog box(file.errorString(), file.details(), backup.isEmpty() ? QDateTime() : backupTakenAt);
        box.exec();
        exitCode = 1;
        if (box.choice() == DamagedFileDialog::Choice::RestoreBackup) {
            QString aside, error;
            if (!DataFile::restoreOverDamaged(path, backup, aside, error))
                QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Restore failed"), error);
            else
                QMessageBox::information(nullptr, QCoreApplication::translate("main", "Backup restored"),
                    QCoreApplication::translate("main",
                        "The damaged file was kept, untouched, "
                        "as %1.")
                        .arg(aside));
        } else if (box.choice() == DamagedFileDialog::Choice::OpenAnother) {
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

} // namespace

int Startup::runWindow(int argc, char **argv)
{
    QApplication app(argc, argv);
    CommandLine::describeApplication();
    installTranslations(app);
    QApplication::setDesktopFileName(QStringLiteral("letdown"));
    // Title bar, task switcher and tray sizes. Every size is decoded before the window shows
    // (QIcon reads the file when it is added), and 128 and 256 were nine tenths of the
    // pixels: a tenth of the start. Launchers and docks take the installed icons instead
    // (the desktop file's name, set above; CMake installs every size and the SVG).
    QIcon icon;
    for (int size : {16, 32, 48, 64})
        icon.addFile(QStringLiteral(":/icons/letdown-%1.png").arg(size), QSize(size, size));
    QApplication::setWindowIcon(icon);
    QCommandLineParser parser;
    setUpParser(parser);
    parser.process(app);
    // --database for this run; else where she moved it (Preferences); else the default.
    QString path = parser.isSet(QStringLiteral("database")) ? parser.value(QStringLiteral("database"))
                                                            : CommandLine::herDatabasePath();
    path = QFileInfo(path).absoluteFilePath();

    Database database;
    DataFile dataFile(database);
    std::unique_ptr<InstanceGuard> guard;
    int exitCode = 0;
    if (!openWithHelp(dataFile, path, guard, exitCode))
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
    // The one owner of every change to the file; the window and the commands handed over by
    // other Letdown processes (`letdown tap`, `import`, `backup`) all go through it.
    Journal journal(dataFile, store, recorder, clock);
    MainWindow window(journal);
    QObject::connect(guard.get(), &InstanceGuard::raiseRequested, &window, &MainWindow::comeToFront);
    guard->setCommandHandler(
        [&journal](const InstanceGuard::Forwarded &command) { return CommandLine::runForwarded(journal, command); });
    CommandLine::publishForQuickTap(*guard, path);
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

