// Kills a recording child process with SIGKILL at random moments and checks that every
// let-down it acknowledged is in the database and that the session can be resumed.
#include "recorder/Clock.h"
#include "recorder/SessionRecorder.h"
#include "storage/SessionStore.h"

#include "TestSupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>

#include <csignal>

namespace {
struct ChildRun {
    int acknowledgedLetdowns = 0;
    int acknowledgements = 0;
};

// Starts the child, waits until it has acknowledged `stepsBeforeKill` steps (or until the
// deadline), then kills it with SIGKILL without warning.
ChildRun runAndKill(const QString &databasePath, int stepsBeforeKill)
{
    QProcess child;
    child.setProgram(QStringLiteral(LETDOWN_CRASH_CHILD));
    child.setArguments({databasePath});
    child.start();
    REQUIRE(child.waitForStarted(10'000));

    ChildRun run;
    QByteArray pending;
    QElapsedTimer deadline;
    deadline.start();
    while (run.acknowledgements < stepsBeforeKill && deadline.elapsed() < 20'000) {
        child.waitForReadyRead(100);
        pending += child.readAllStandardOutput();
        qsizetype newline;
        while ((newline = pending.indexOf('\n')) >= 0) {
            const QByteArray line = pending.left(newline);
            pending.remove(0, newline + 1);
            if (line.startsWith("ack ")) {
                run.acknowledgedLetdowns = line.mid(4).toInt();
                ++run.acknowledgements;
            }
        }
        REQUIRE(child.state() == QProcess::Running);
    }
    ::kill(pid_t(child.processId()), SIGKILL);
    REQUIRE(child.waitForFinished(10'000));
    CHECK(child.exitStatus() == QProcess::CrashExit);
    return run;
}
} // namespace

TEST_CASE("Crash: every acknowledged let-down survives SIGKILL, and the session resumes")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("crash.sqlite"));
    constexpr int kKills = 24;
    int acknowledgedSoFar = 0;
    for (int i = 0; i < kKills; ++i) {
        // A random moment: somewhere in the first 1 to 120 acknowledged steps of this run.
        const int steps = 1 + int(QRandomGenerator::global()->bounded(120));
        const ChildRun run = runAndKill(path, steps);
        INFO("kill " << i << " after " << run.acknowledgements << " acknowledged steps");
        REQUIRE(run.acknowledgements >= steps);
        CHECK(run.acknowledgedLetdowns >= acknowledgedSoFar);
        acknowledgedSoFar = run.acknowledgedLetdowns;

        // The next start finds the same session still open, with every acknowledged let-down
        // (at most one more: the one committed just before the kill, not yet printed).
        Database database;
        REQUIRE(database.open(path));
        SessionStore store(database);
        SystemClock clock;
        SessionRecorder recorder(store, clock);
        REQUIRE(recorder.restoreUnfinished());
        REQUIRE((
            recorder.state() == SessionRecorder::State::Running || recorder.state() == SessionRecorder::State::Paused));
        const Session session = recorder.currentSession();
        CHECK(session.ejections.size() >= acknowledgedSoFar);
        CHECK(session.ejections.size() <= acknowledgedSoFar + 1);
        for (int k = 1; k < session.ejections.size(); ++k)
            CHECK(session.ejections[k].offsetMs >= session.ejections[k - 1].offsetMs);
        acknowledgedSoFar = int(session.ejections.size());
    }

    // Finally she stops the session she never lost.
    Database database;
    REQUIRE(database.open(path));
    SessionStore store(database);
    SystemClock clock;
    SessionRecorder recorder(store, clock);
    REQUIRE(recorder.restoreUnfinished());
    REQUIRE(recorder.stop());
    std::optional<Session> unfinished;
    REQUIRE(store.loadUnfinished(unfinished));
    CHECK_FALSE(unfinished);
    QList<SessionSummary> sessions;
    REQUIRE(store.loadRecentSummaries(100, sessions));
    CHECK(sessions.size() == 1);
    CHECK(sessions[0].letdownCount == acknowledgedSoFar);
}
