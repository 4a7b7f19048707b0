// One path for every step of the live session, whoever asks for it.
#include "commands/SessionCommands.h"

#include "recorder/SessionRecorder.h"

#include "SessionFixtures.h"
#include "TestSupport.h"

#include <QSignalSpy>

TEST_CASE("Session commands: start uses the next session's choices, each let-down is announced once, for undo")
{
    RecorderRig rig;
    SessionCommands commands(rig.recorder);
    QSignalSpy recorded(&commands, &SessionCommands::letdownRecorded);
    QSignalSpy refused(&commands, &SessionCommands::refused);

    CHECK_FALSE(commands.letdown()); // no session yet: refused, with the reason
    REQUIRE(refused.size() == 1);
    CHECK(refused.first().at(0).toString().contains("Start a session"));

    commands.setNextSession({SessionKind::Pumping, Side::Both, {QStringLiteral("warm_compress")}});
    REQUIRE(commands.startOrStop());
    const Session started = rig.recorder.currentSession();
    CHECK(started.kind == SessionKind::Pumping);
    CHECK(started.side == Side::Both);
    CHECK(started.techniques == QStringList {"warm_compress"});

    rig.clock.advance(40'000);
    REQUIRE(commands.letdown());
    rig.clock.advance(300);
    CHECK(commands.letdown()); // a double tap: nothing new
    REQUIRE(recorded.size() == 1);
    CHECK(recorded.first().at(0).value<Letdown>().offsetMs == 40'000);

    // The moment of the input being handled, when the caller gives none.
    rig.clock.advance(5'000);
    const qint64 pressedAt = rig.clock.monotonicMs() - 2'000;
    commands.setTapMomentSource([pressedAt] { return std::optional<qint64>(pressedAt); });
    REQUIRE(commands.letdown());
    CHECK(rig.recorder.currentSession().letdowns.last().offsetMs == 43'300);

    QSignalSpy stopping(&commands, &SessionCommands::aboutToStop);
    REQUIRE(commands.startOrStop());
    CHECK(stopping.size() == 1);
    CHECK(rig.recorder.state() == SessionRecorder::State::Stopped);
    // After a finished session, its ticks belonged to it: the next one starts untagged.
    REQUIRE(commands.startOrStop());
    CHECK(rig.recorder.currentSession().techniques.isEmpty());
}

TEST_CASE("Session commands: switching side before a session changes the next session, and says so")
{
    RecorderRig rig;
    SessionCommands commands(rig.recorder);
    QSignalSpy changed(&commands, &SessionCommands::nextSessionChanged);
    REQUIRE(commands.switchSide());
    CHECK(commands.nextSession().side == Side::Right);
    CHECK(changed.size() == 1);
    REQUIRE(commands.startOrStop());
    CHECK(rig.recorder.currentSession().side == Side::Right);
    REQUIRE(commands.switchSide()); // during the session: the recorder switches
    CHECK(rig.recorder.currentSession().side == Side::Left);
    CHECK(changed.size() == 1);
}
