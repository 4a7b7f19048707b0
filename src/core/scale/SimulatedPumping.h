#pragma once
// Pumping sessions as a scale under the bottle would record them, with the let-downs that
// made them known: for the detector's tests, its quality figures, the bench and the demo.
// The flow shape deliberately differs from what the detector assumes (docs/scale.md).
#include "scale/ScaleSamples.h"

#include <QVector>

struct SimulatedLetdown {
    double onsetS = 0;
    double volumeMl = 0;
};

struct SimulatedPumping {
    QVector<ScaleSample> samples;
    QVector<SimulatedLetdown> letdowns;
    double totalMl = 0; // let-downs and trickle that reached the bottle within the recording
};

struct PumpingConditions {
    double durationS = 20 * 60;
    double meanIntervalS = 2; // between readings, each varying by up to 40 %
    double noiseG = 0.3; // standard deviation, before the 0.1 g step
    double trickleMlPerS = 0.01;
    int lifts = 1; // the bottle lifted off for a few seconds
    int bumps = 2; // single readings knocked far off

    // A quiet scale read every second: little noise, no trickle, no lift, no bump.
    static PumpingConditions steady(double durationS)
    {
        PumpingConditions conditions;
        conditions.durationS = durationS;
        conditions.meanIntervalS = 1;
        conditions.noiseG = 0.2;
        conditions.trickleMlPerS = 0;
        conditions.lifts = 0;
        conditions.bumps = 0;
        return conditions;
    }
};

namespace PumpingSimulation {
// One session: let-downs with the given onsets and volumes, each rising to its peak in
// 10 to 30 s and fading over a minute or two.
SimulatedPumping simulate(const QVector<SimulatedLetdown> &letdowns, const PumpingConditions &conditions,
    unsigned seed);
// A varied session drawn from `seed`: 1 to 6 let-downs, the first 15 to 45 ml, later ones
// smaller, some starting before the one before has faded; sampling every 1 to 5 s; noise,
// trickle, lifts and bumps of varying size.
SimulatedPumping randomSession(unsigned seed);
}
