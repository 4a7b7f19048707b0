// A scale feeding the live pumping session (scalefeed/LiveScale, docs/scale.md): let-downs
// found are offered, confirmed, matched to her taps, and get their volumes when she stops.
#include "scalefeed/LiveScale.h"
#include "scalefeed/MqttScale.h"
#include "scale/SimulatedPumping.h"

#include "TestSupport.h"

#include <catch2/catch.hpp>

#include <QSignalSpy>

namespace {
struct LiveRig : JournalRig {
    SimulatedPumping readings;
    qint64 startUtcMs = 0;
    int fed = 0; // readings given so far

    explicit LiveRig(const QVector<SimulatedLetdown> &letdowns)
    {
        readings = PumpingSimulation::simulate(letdowns, PumpingConditions::steady(600), 21);
    }
    void startPumping()
    {
        Journal::Request start = Journal::ask(Journal::Step::Start, Origin::Mouse);
        start.kind = SessionKind::Pumping;
        REQUIRE(journal.apply(start).result == "recorded");
        startUtcMs = recorder.currentSession().startedAtUtcMs;
    }
    // Readings up to `untilS` seconds into the session, with the clock moved there.
    QVector<ScaleReading> until(double untilS)
    {
        QVector<ScaleReading> batch;
        while (fed < readings.samples.size() && readings.samples[fed].atS <= untilS) {
            batch.append({startUtcMs + qint64(readings.samples[fed].atS * 1000), readings.samples[fed].grams});
            ++fed;
        }
        clock.advance(qint64(untilS * 1000) - (clock.wallUtcMs() - startUtcMs));
        return batch;
    }
};
} // namespace

TEST_CASE("Live scale: a found let-down is offered, her own tap is matched rather than doubled, and stopping weighs them")
{
    LiveRig rig({{60, 30}, {320, 12}});
    LiveScale scale(rig.journal);
    QString error;
    CHECK_FALSE(scale.add({{rig.clock.wallUtcMs(), 100}}, error)); // no session yet
    CHECK(error.contains("No pumping session"));

    rig.startPumping();
    REQUIRE(scale.add(rig.until(75), error));
    REQUIRE(rig.ask(Journal::Step::Letdown).result == "recorded"); // she felt it at 75 s
    REQUIRE(scale.add(rig.until(500), error));
    scale.detectNow();
    REQUIRE(scale.detection().letdowns.size() == 2);
    REQUIRE(scale.offered().size() == 1); // the first is her tap
    CHECK(std::abs(scale.offered()[0].onsetS - 320) <= 20);

    REQUIRE(scale.confirm(scale.offered()[0], error));
    CHECK(scale.offered().isEmpty());
    REQUIRE(rig.recorder.currentSession().letdowns.size() == 2);
    REQUIRE(scale.confirm(scale.detection().letdowns[1], error)); // again: nothing more
    CHECK(rig.recorder.currentSession().letdowns.size() == 2);

    REQUIRE(scale.add(rig.until(600), error));
    QSignalSpy finished(&scale, &LiveScale::finished);
    REQUIRE(rig.ask(Journal::Step::Stop).result == "recorded");
    REQUIRE(finished.size() == 1);
    std::optional<Session> stored;
    REQUIRE(rig.store.loadSession(finished[0][0].toString(), stored));
    REQUIRE(stored->letdowns.size() == 2);
    CHECK(stored->letdowns[0].offsetMs == 75'000); // her tap keeps its moment
    CHECK(*stored->letdowns[0].measuredVolumeMl == Approx(30).epsilon(0.15));
    CHECK(*stored->letdowns[1].measuredVolumeMl == Approx(12).epsilon(0.25));
    CHECK(*stored->pumpedVolumeMl == Approx(rig.readings.totalMl).margin(1.5));
    std::optional<SessionStore::ScaleRecordingRow> kept;
    REQUIRE(rig.store.loadScaleRecording(stored->uuid, kept));
    REQUIRE(kept);
    CHECK(kept->sampleCount == rig.fed);
    CHECK_FALSE(scale.isActive());
}

TEST_CASE("Live scale: confirmed by themselves once her time to tap has passed, and nothing offered is added unasked")
{
    LiveRig rig({{60, 30}, {320, 12}});
    LiveScale scale(rig.journal);
    scale.setAutoConfirm(true);
    rig.startPumping();
    QString error;
    REQUIRE(scale.add(rig.until(340), error));
    scale.detectNow();
    // The first is past her time to tap: confirmed. The second began 20 s ago: offered.
    CHECK(rig.recorder.currentSession().letdowns.size() == 1);
    CHECK(scale.offered().size() == 1);
    REQUIRE(scale.add(rig.until(600), error));
    scale.detectNow();
    CHECK(rig.recorder.currentSession().letdowns.size() == 2);
    CHECK(rig.recorder.currentSession().letdowns[0].measuredVolumeMl);

    // Without confirming, a let-down found stays out of her log.
    LiveRig other({{60, 30}});
    LiveScale asking(other.journal);
    other.startPumping();
    REQUIRE(asking.add(other.until(600), error));
    asking.detectNow();
    CHECK(asking.offered().size() == 1);
    asking.dismiss(asking.offered()[0]);
    CHECK(asking.offered().isEmpty());
    REQUIRE(other.ask(Journal::Step::Stop).result == "recorded");
    std::optional<Session> stored;
    REQUIRE(other.store.loadSession(other.recorder.currentSession().uuid, stored));
    CHECK(stored->letdowns.isEmpty());
    CHECK(stored->pumpedVolumeMl); // the bottle was still weighed
}

TEST_CASE("Live scale: readings survive a restart of the program in the middle of the session, and bad ones are refused")
{
    LiveRig rig({{60, 30}});
    rig.startPumping();
    QString error;
    {
        LiveScale scale(rig.journal);
        REQUIRE(scale.add(rig.until(200), error));
    } // the program ends: what came is kept
    LiveScale again(rig.journal);
    CHECK(again.samples().size() == rig.fed);
    CHECK(again.isActive());
    int taken = -1;
    // Older than the last reading: skipped; an impossible weight: refused, nothing taken.
    REQUIRE(again.add({{rig.startUtcMs + 10'000, 120}}, error, &taken));
    CHECK(taken == 0);
    CHECK_FALSE(again.add({{rig.clock.wallUtcMs() + 1000, 1e9}}, error, &taken));
    CHECK(error.contains("grams"));
    CHECK(again.samples().size() == rig.fed);
}

TEST_CASE("MQTT scale: the broker is HOST:PORT and a message is a weight in grams, as ESPHome publishes it")
{
    QString host, error;
    quint16 port = 0;
    REQUIRE(MqttScale::parseBroker("192.168.1.20:1884", host, port, error));
    CHECK(host == "192.168.1.20");
    CHECK(port == 1884);
    REQUIRE(MqttScale::parseBroker("homeserver", host, port, error));
    CHECK(port == 1883);
    CHECK_FALSE(MqttScale::parseBroker("homeserver:99999", host, port, error));
    CHECK_FALSE(MqttScale::parseBroker(":1883", host, port, error));
    CHECK(MqttScale::gramsIn("231.4") == 231.4);
    CHECK(MqttScale::gramsIn(" 12\n") == 12);
    CHECK(MqttScale::gramsIn("{\"weight\": 98.5}") == 98.5);
    CHECK_FALSE(MqttScale::gramsIn("unavailable"));
    CHECK_FALSE(MqttScale::gramsIn(QByteArray(5000, '1')));

    JournalRig rig;
    LiveScale scale(rig.journal);
    MqttScale mqtt(scale, rig.clock);
    CHECK_FALSE(mqtt.start("127.0.0.1", 1883, "esphome/#", error)); // a wildcard is not one scale
    CHECK(error.contains("topic"));
}
