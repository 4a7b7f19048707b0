// Crash-test child: starts (or resumes) a session in the given database and records
// let-downs as fast as it can, with a pause/resume and a side switch now and then. After
// each step is committed it prints "ack <letdowns on disk>" and flushes, so the parent
// knows exactly what was acknowledged when it kills this process with SIGKILL.
#include "recorder/Clock.h"
#include "recorder/SessionRecorder.h"
#include "storage/Database.h"
#include "storage/SessionStore.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: letdown_crash_child DATABASE\n");
        return 2;
    }
    Database database;
    if (!database.open(QString::fromLocal8Bit(argv[1]))) {
        std::fprintf(stderr, "%s\n", qPrintable(database.errorString()));
        return 1;
    }
    SessionStore store(database);
    SystemClock clock;
    SessionRecorder recorder(store, clock);
    if (!recorder.restoreUnfinished()
        || (recorder.state() == SessionRecorder::State::Idle && !recorder.start(SessionKind::Pumping, Side::Left))) {
        std::fprintf(stderr, "%s\n", qPrintable(recorder.lastError()));
        return 1;
    }
    std::printf("ready %d\n", int(recorder.currentSession().ejections.size()));
    std::fflush(stdout);
    for (int step = 1;; ++step) {
        bool ok = true;
        if (step % 7 == 0)
            ok = recorder.togglePause();
        else if (step % 5 == 0)
            ok = recorder.switchSide();
        else
            ok = recorder.markLetdown();
        if (!ok) {
            std::fprintf(stderr, "%s\n", qPrintable(recorder.lastError()));
            return 1;
        }
        std::printf("ack %d\n", int(recorder.currentSession().ejections.size()));
        std::fflush(stdout);
    }
}
