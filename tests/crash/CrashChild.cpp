// Crash-test child: resumes the unfinished session in the given database (or starts one)
// and records let-downs as fast as it can, with a pause/resume, a side switch and now and
// then a stop followed by a new session. After each step is committed it prints
// "ack <let-downs on disk in all sessions>" and flushes, so the parent knows exactly what
// was acknowledged when it kills this process with SIGKILL.
#include "base/Clock.h"
#include "recorder/SessionRecorder.h"
#include "storage/Database.h"
#include "storage/SessionStore.h"

#include <QCoreApplication>

#include <cstdio>

namespace {
int failWith(const QString &message)
{
    std::fprintf(stderr, "%s\n", qPrintable(message));
    return 1;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2)
        return failWith(QStringLiteral("usage: letdown_crash_child DATABASE"));
    Database database;
    if (!database.open(QString::fromLocal8Bit(argv[1])))
        return failWith(database.errorString());
    SessionStore store(database);
    SystemClock clock;
    SessionRecorder recorder(store, clock);
    recorder.setDoubleTapWindowMs(0);
    int onDisk = 0;
    if (!recorder.restoreUnfinished() || !store.countLetdowns(onDisk))
        return failWith(recorder.lastError() + store.errorString());
    // Let-downs of earlier sessions; the current one's are counted live.
    int earlier = onDisk - int(recorder.currentSession().letdowns.size());
    if (recorder.state() == SessionRecorder::State::Idle && !recorder.start(SessionKind::Pumping, Side::Left))
        return failWith(recorder.lastError());
    std::printf("ready %d\n", onDisk);
    std::fflush(stdout);
    for (int step = 1;; ++step) {
        bool ok = true;
        if (step % 53 == 0) {
            earlier += int(recorder.currentSession().letdowns.size());
            ok = recorder.stop() && recorder.start(SessionKind::Nursing, Side::Right);
        } else if (step % 7 == 0) {
            ok = recorder.togglePause();
        } else if (step % 5 == 0) {
            ok = recorder.switchSide();
        } else {
            ok = recorder.markLetdown();
        }
        if (!ok)
            return failWith(recorder.lastError());
        std::printf("ack %d\n", earlier + int(recorder.currentSession().letdowns.size()));
        std::fflush(stdout);
    }
}
