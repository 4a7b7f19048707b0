// The let-down detector (docs/scale.md): its quality on simulated pumping sessions with known
// let-downs, and what it makes of the messes real scales produce.
#include "journal/Journal.h"
#include "model/FittedVolumeModel.h"
#include "scale/LetdownDetector.h"
#include "scale/ScaleMerge.h"
#include "scale/ScaleSamples.h"
#include "scale/SimulatedPumping.h"

#include "SessionFixtures.h"
#include "TestSupport.h"

#include <catch2/catch.hpp>

#include <QSignalSpy>

#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace {
constexpr double kOnsetWindowS = 20;
constexpr double kCountedVolumeMl = 5;

struct Quality {
    int truths = 0, found = 0; // let-downs of 5 ml or more, and those found within 20 s
    int reported = 0, real = 0; // let-downs reported, and those matching a true one
    QVector<double> volumeErrors; // |found - true| / true for the matched ones of 5 ml or more
    double medianVolumeError() const
    {
        QVector<double> sorted = volumeErrors;
        std::sort(sorted.begin(), sorted.end());
        return sorted.isEmpty() ? 1.0 : sorted[sorted.size() / 2];
    }
    double recall() const { return truths ? double(found) / truths : 1.0; }
    double precision() const { return reported ? double(real) / reported : 1.0; }
};

// Each true let-down is matched to the nearest unmatched report within 20 s of its onset.
void score(const SimulatedPumping &session, const LetdownDetection &detection, Quality &quality)
{
    QVector<bool> used(detection.letdowns.size(), false);
    for (const SimulatedLetdown &truth : session.letdowns) {
        int best = -1;
        for (int k = 0; k < detection.letdowns.size(); ++k) {
            const double distance = std::abs(detection.letdowns[k].onsetS - truth.onsetS);
            if (!used[k] && distance <= kOnsetWindowS
                && (best < 0 || distance < std::abs(detection.letdowns[best].onsetS - truth.onsetS)))
                best = k;
        }
        if (best >= 0)
            used[best] = true;
        if (truth.volumeMl < kCountedVolumeMl)
            continue;
        ++quality.truths;
        if (best >= 0) {
            ++quality.found;
            quality.volumeErrors.append(std::abs(detection.letdowns[best].volumeMl - truth.volumeMl) / truth.volumeMl);
        }
    }
    quality.reported += detection.letdowns.size();
    quality.real += std::count(used.begin(), used.end(), true);
}
} // namespace

TEST_CASE("Scale: let-downs found in 300 simulated pumping sessions meet the quality floor")
{
    Quality quality;
    for (unsigned seed = 1; seed <= 300; ++seed) {
        const SimulatedPumping session = PumpingSimulation::randomSession(seed);
        score(session, LetdownDetector::detect(session.samples), quality);
    }
    std::printf("detector quality on 300 simulated sessions: %d of %d let-downs of 5 ml or more found within 20 s "
                "(%.1f %%), %d of %d reported real (%.1f %%), median volume error %.1f %%\n",
        quality.found, quality.truths, 100 * quality.recall(), quality.real, quality.reported,
        100 * quality.precision(), 100 * quality.medianVolumeError());
    CHECK(quality.truths > 500);
    CHECK(quality.recall() >= 0.90);
    CHECK(quality.precision() >= 0.90);
    CHECK(quality.medianVolumeError() <= 0.15);
}

namespace {
ScaleSample at(double atS, double grams)
{
    return {atS, grams};
}

// Clean sessions: the given let-downs, readings every second, little noise, no trickle.
SimulatedPumping cleanSession(const QVector<SimulatedLetdown> &letdowns, unsigned seed = 7)
{
    return PumpingSimulation::simulate(letdowns, PumpingConditions::steady(900), seed);
}
} // namespace

TEST_CASE("Scale: the hardest conditions, readings every 5 s with 0.4 g of noise, still find most let-downs")
{
    Quality quality;
    for (unsigned seed = 1; seed <= 150; ++seed) {
        SimulatedPumping drawn = PumpingSimulation::randomSession(seed);
        PumpingConditions harsh;
        harsh.durationS = drawn.samples.last().atS;
        harsh.meanIntervalS = 5;
        harsh.noiseG = 0.4;
        harsh.trickleMlPerS = 0.02;
        harsh.lifts = 2;
        harsh.bumps = 3;
        const SimulatedPumping session = PumpingSimulation::simulate(drawn.letdowns, harsh, seed);
        score(session, LetdownDetector::detect(session.samples), quality);
    }
    std::printf("detector quality, hardest conditions: %d of %d found (%.1f %%), %d of %d real (%.1f %%), median volume "
                "error %.1f %%\n",
        quality.found, quality.truths, 100 * quality.recall(), quality.real, quality.reported,
        100 * quality.precision(), 100 * quality.medianVolumeError());
    CHECK(quality.recall() >= 0.85);
    CHECK(quality.precision() >= 0.85);
    CHECK(quality.medianVolumeError() <= 0.20);
}

TEST_CASE("Scale: one clean let-down is found at its onset with its volume")
{
    const SimulatedPumping session = cleanSession({{90, 30}});
    const LetdownDetection detection = LetdownDetector::detect(session.samples);
    REQUIRE(detection.letdowns.size() == 1);
    CHECK(std::abs(detection.letdowns[0].onsetS - 90) <= 10);
    CHECK(detection.letdowns[0].volumeMl == Approx(30).epsilon(0.10));
    CHECK(detection.totalMl == Approx(session.totalMl).epsilon(0.03));
    CHECK(detection.samplesSetAside == 0);
    CHECK(detection.flow.size() > 800);
}

TEST_CASE("Scale: a let-down that starts before the one before has faded is found and given its own milk")
{
    const SimulatedPumping session = cleanSession({{60, 30}, {105, 15}});
    const LetdownDetection detection = LetdownDetector::detect(session.samples);
    REQUIRE(detection.letdowns.size() == 2);
    CHECK(std::abs(detection.letdowns[1].onsetS - 105) <= 20);
    CHECK(detection.letdowns[0].volumeMl == Approx(30).epsilon(0.2));
    CHECK(detection.letdowns[1].volumeMl == Approx(15).epsilon(0.25));
}

TEST_CASE("Scale: a steady trickle alone is no let-down")
{
    PumpingConditions conditions;
    conditions.trickleMlPerS = 0.03;
    conditions.bumps = 3;
    conditions.lifts = 2;
    const SimulatedPumping session = PumpingSimulation::simulate({}, conditions, 3);
    const LetdownDetection detection = LetdownDetector::detect(session.samples);
    CHECK(detection.letdowns.isEmpty());
    CHECK(detection.trickleMlPerS == Approx(0.03).margin(0.01));
    CHECK(detection.totalMl == Approx(session.totalMl).margin(2));
}

TEST_CASE("Scale: a lifted bottle and a bump change nothing found")
{
    const SimulatedPumping clean = cleanSession({{60, 25}, {300, 12}});
    QVector<ScaleSample> messy = clean.samples;
    for (ScaleSample &sample : messy) {
        if (sample.atS >= 150 && sample.atS <= 157)
            sample.grams = 0.4; // lifted off: the scale reads about nothing
        if (sample.atS >= 400 && sample.atS < 401)
            sample.grams += 35; // knocked
    }
    const LetdownDetection before = LetdownDetector::detect(clean.samples);
    const LetdownDetection after = LetdownDetector::detect(messy);
    REQUIRE(before.letdowns.size() == 2);
    REQUIRE(after.letdowns.size() == 2);
    for (int k = 0; k < 2; ++k) {
        CHECK(after.letdowns[k].onsetS == Approx(before.letdowns[k].onsetS).margin(3));
        CHECK(after.letdowns[k].volumeMl == Approx(before.letdowns[k].volumeMl).margin(1.0));
    }
    CHECK(after.samplesSetAside >= 7); // about eight lifted readings and the knock
    CHECK(after.totalMl == Approx(before.totalMl).margin(0.5));
}

TEST_CASE("Scale: a bottle emptied halfway counts the milk before and after")
{
    const SimulatedPumping clean = cleanSession({{60, 30}, {500, 15}});
    QVector<ScaleSample> emptied = clean.samples;
    double pouredG = 0;
    for (ScaleSample &sample : emptied)
        if (sample.atS >= 400) {
            if (pouredG == 0)
                pouredG = sample.grams - 100; // she poured it out and put the bottle back
            sample.grams -= pouredG;
        }
    const LetdownDetection detection = LetdownDetector::detect(emptied);
    CHECK(detection.levelChanges == 1);
    REQUIRE(detection.letdowns.size() == 2);
    CHECK(detection.letdowns[1].volumeMl == Approx(15).epsilon(0.2));
    CHECK(detection.totalMl == Approx(clean.totalMl).margin(3));
}

TEST_CASE("Scale: too few readings give nothing rather than a guess")
{
    CHECK(LetdownDetector::detect({}).letdowns.isEmpty());
    CHECK(LetdownDetector::detect({at(0, 100), at(1, 101)}).letdowns.isEmpty());
    CHECK(LetdownDetector::detect({at(0, 100), at(1, 101)}).flow.isEmpty());
}

TEST_CASE("Scale: recordings are read from CSV, and bad ones are refused with the line")
{
    QVector<ScaleSample> samples;
    QString error;
    REQUIRE(ScaleSamples::parse("seconds,grams\n0,120.5\n1.5,120.7\r\n3,121\n", samples, error));
    REQUIRE(samples.size() == 3);
    CHECK(samples[1].atS == 1.5);
    CHECK(samples[2].grams == 121);
    REQUIRE(ScaleSamples::parse("at,grams\n2026-12-06T10:00:00.000+01:00,100\n2026-12-06T10:00:02.500+01:00,101\n",
        samples, error));
    CHECK(samples[1].atS == 2.5);

    CHECK_FALSE(ScaleSamples::parse("0,120\n1,121\n", samples, error));
    CHECK(error.contains("header"));
    CHECK_FALSE(ScaleSamples::parse("seconds,grams\n0,120\n1,lots\n", samples, error));
    CHECK(error.contains("line 3"));
    CHECK_FALSE(ScaleSamples::parse("seconds,grams\n5,120\n4,121\n", samples, error));
    CHECK(error.contains("backwards"));
    CHECK_FALSE(ScaleSamples::parse("seconds,grams\n0,1e9\n", samples, error));
    CHECK_FALSE(ScaleSamples::parse("seconds,grams\n0,nan\n", samples, error));
    CHECK_FALSE(ScaleSamples::parse("at,grams\n2026-12-06T10:00:00,100\n", samples, error)); // no offset
    CHECK_FALSE(ScaleSamples::parse("seconds,grams\n", samples, error));
    CHECK(samples.isEmpty());

    QTemporaryDir folder;
    const QString huge = folder.filePath("huge.csv");
    QFile file(huge);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("seconds,grams\n");
    REQUIRE(file.resize(qint64(1) << 30)); // a sparse 1 GB file: refused by its size, unread
    file.close();
    CHECK_FALSE(ScaleSamples::readFile(huge, samples, error));
    CHECK(error.contains("MB"));
}

TEST_CASE("Scale: the compact form keeps every sample at the scale's step, in a few KB")
{
    const SimulatedPumping session = cleanSession({{60, 30}});
    PumpingConditions everySecond;
    everySecond.durationS = 25 * 60;
    everySecond.meanIntervalS = 1;
    const SimulatedPumping long25 = PumpingSimulation::simulate({{60, 30}}, everySecond, 4);
    const QByteArray bytes = ScaleSamples::encodeCompact(long25.samples);
    CHECK(bytes.size() < 10 * 1024);
    QVector<ScaleSample> decoded;
    REQUIRE(ScaleSamples::decodeCompact(bytes, decoded));
    REQUIRE(decoded.size() == long25.samples.size());
    for (int k = 0; k < decoded.size(); ++k) {
        CHECK(decoded[k].atS == Approx(long25.samples[k].atS).margin(0.0006));
        CHECK(decoded[k].grams == Approx(long25.samples[k].grams).margin(0.00001));
    }
    CHECK_FALSE(ScaleSamples::decodeCompact(bytes.left(bytes.size() - 1), decoded));
    CHECK_FALSE(ScaleSamples::decodeCompact(QByteArray("\xff\xff\xff"), decoded));
    // Letdown's own recording reads back as the same samples.
    QVector<ScaleSample> reread;
    QString error;
    REQUIRE(ScaleSamples::parse(ScaleSamples::toRecordingCsv(session.samples, 1'780'000'000'000, 3600), reread, error));
    REQUIRE(reread.size() == session.samples.size());
    CHECK(reread.last().atS == Approx(session.samples.last().atS - session.samples.first().atS).margin(0.002));
    REQUIRE(ScaleSamples::parse(ScaleSamples::toSecondsCsv(session.samples), reread, error));
    REQUIRE(reread.size() == session.samples.size());
    CHECK(reread.last().atS == Approx(session.samples.last().atS).margin(0.001));
}

namespace {
// A finished pumping session two hours before the rig's clock, with her taps at these seconds.
Session pumpingSession(const FakeClock &clock, const QList<int> &tapsAtS)
{
    return finishedSession(
        SessionKind::Pumping, QDateTime::fromMSecsSinceEpoch(clock.wallUtcMs() - 2 * 3600 * 1000), tapsAtS, 900);
}
} // namespace

TEST_CASE("Scale: her taps get the scale's volumes, let-downs only the scale saw are added, merging twice adds nothing")
{
    FakeClock clock;
    // She tapped at 70 s (the scale's first let-down began at 60 s) and at 700 s (nothing there).
    const Session tapped = pumpingSession(clock, {70, 700});
    const SimulatedPumping readings = cleanSession({{60, 30}, {320, 12}});
    const LetdownDetection detection = LetdownDetector::detect(readings.samples);
    REQUIRE(detection.letdowns.size() == 2);

    const ScaleMerge merged = ScaleMerging::merge(tapped, detection, tapped.startedAtUtcMs);
    CHECK(merged.matched == 1);
    CHECK(merged.added == 1);
    CHECK(merged.unmatchedTaps == 1);
    const QList<Letdown> &letdowns = merged.session.letdowns;
    REQUIRE(letdowns.size() == 3);
    CHECK(letdowns[0].offsetMs == 70'000); // her tap keeps its moment
    CHECK(*letdowns[0].measuredVolumeMl == Approx(30).epsilon(0.1));
    CHECK(std::abs(letdowns[1].offsetMs - 320'000) <= 20'000); // found at its onset
    CHECK(*letdowns[1].measuredVolumeMl == Approx(12).epsilon(0.2));
    CHECK_FALSE(letdowns[2].measuredVolumeMl); // the scale saw nothing at 700 s
    CHECK(*merged.session.pumpedVolumeMl == Approx(readings.totalMl).margin(1));

    const ScaleMerge again = ScaleMerging::merge(merged.session, detection, tapped.startedAtUtcMs);
    CHECK(again.added == 0);
    CHECK(again.session == merged.session);
}

TEST_CASE("Scale: readings attached through the journal are kept with the session, in one change, and go with it")
{
    JournalRig rig;
    const Session session = pumpingSession(rig.clock, {65});
    QString error;
    REQUIRE(rig.journal.addSession(session, Origin::History, error));
    const SimulatedPumping readings = cleanSession({{60, 28}, {400, 14}});
    QSignalSpy changed(&rig.journal, &Journal::changed);
    Journal::ScaleAttachment attachment;
    REQUIRE(rig.journal.attachScaleRecording(
        session.uuid, readings.samples, session.startedAtUtcMs, Origin::CommandLine, attachment, error));
    CHECK(attachment.found == 2);
    CHECK(attachment.matched == 1);
    CHECK(attachment.added == 1);
    CHECK(changed.size() == 1);

    std::optional<Session> stored;
    REQUIRE(rig.store.loadSession(session.uuid, stored));
    REQUIRE(stored->letdowns.size() == 2);
    CHECK(stored->letdowns[0].measuredVolumeMl);
    CHECK(stored->letdowns[1].measuredVolumeMl);
    std::optional<SessionStore::ScaleRecordingRow> recording;
    REQUIRE(rig.store.loadScaleRecording(session.uuid, recording));
    REQUIRE(recording);
    CHECK(recording->sampleCount == readings.samples.size());
    QVector<ScaleSample> decoded;
    REQUIRE(ScaleSamples::decodeCompact(recording->samples, decoded));
    CHECK(decoded.size() == readings.samples.size());
    QList<ChangeRecord> log;
    REQUIRE(rig.store.loadChangeLog(0, 10, log));
    CHECK(log.last().command == "attach_scale");

    // Not a breastfeed, not a running session, not nothing.
    const Session nursing = finishedSession(
        SessionKind::Nursing, QDateTime::fromMSecsSinceEpoch(rig.clock.wallUtcMs() - 5 * 3600 * 1000), {30});
    REQUIRE(rig.journal.addSession(nursing, Origin::History, error));
    CHECK_FALSE(rig.journal.attachScaleRecording(
        nursing.uuid, readings.samples, nursing.startedAtUtcMs, Origin::CommandLine, attachment, error));
    CHECK(error.contains("breastfeed"));
    CHECK_FALSE(rig.journal.attachScaleRecording(
        session.uuid, {}, session.startedAtUtcMs, Origin::CommandLine, attachment, error));

    REQUIRE(rig.journal.deleteSession(session.uuid, Origin::History, error));
    REQUIRE(rig.store.loadScaleRecording(session.uuid, recording));
    CHECK_FALSE(recording);
}

TEST_CASE("Scale: her fitted curve uses the let-downs a scale weighed one by one, and says how many sessions had them")
{
    // Sessions whose let-downs were each weighed: 40 ml, then 40 % of the one before; the
    // pumped totals also hold a trickle of 10 ml that belongs to no let-down.
    QList<MeasuredSession> sessions;
    FakeClock clock;
    for (int k = 0; k < 24; ++k) {
        const int count = 1 + k % 4;
        Session session = pumpingSession(clock, QList<int> {60, 200, 340, 480}.mid(0, count));
        double total = 10;
        for (int i = 0; i < count; ++i) {
            session.letdowns[i].measuredVolumeMl = 40 * std::pow(0.4, i);
            total += *session.letdowns[i].measuredVolumeMl;
        }
        session.pumpedVolumeMl = total;
        sessions << *measuredSession(session);
    }
    const auto fit = fitVolumeModel(sessions);
    REQUIRE(fit);
    REQUIRE(fit->fitted);
    CHECK(fit->sessionsMeasuredByLetdown == 24);
    CHECK(fit->firstMl == Approx(40).margin(0.5)); // with the totals, the trickle would inflate it
    CHECK(fit->decay == Approx(0.4).margin(0.02));
    CHECK(FittedVolumeModel(*fit).source().contains("weighed by a scale"));
}
