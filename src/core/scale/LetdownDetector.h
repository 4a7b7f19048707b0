#pragma once
// Let-downs found in the weight a scale under the bottle reads while she pumps.
//
// Each milk ejection shows as a rise in the flow of milk into the bottle that peaks within
// about half a minute and fades over a minute or two (Prime et al., Breastfeed Med 2006 and
// Int Breastfeed J 2009, 4:10). The detector cleans the weight (a lifted bottle, a bump, a
// bottle emptied or swapped), estimates the flow from it, finds each rise of flow, and shares
// the milk out between let-downs that overlap by letting each one fade exponentially into the
// next. docs/scale.md explains the method, its figures on simulated sessions, and its limits.
#include "scale/ScaleSamples.h"

#include <QJsonObject>
#include <QVector>

struct DetectedLetdown {
    double onsetS = 0; // when its flow began to rise, seconds from the recording's start
    double peakS = 0;
    double volumeMl = 0; // its own milk, the fading tail included, the trickle under it not
    double peakFlowMlPerS = 0;
};

struct FlowPoint {
    double atS = 0;
    double mlPerS = 0;
};

struct LetdownDetection {
    QVector<DetectedLetdown> letdowns;
    QVector<FlowPoint> flow; // the estimated flow, one point a second
    double totalMl = 0; // all milk that reached the bottle during the recording
    double trickleMlPerS = 0; // the slow flow between let-downs, counted in no let-down
    int samplesSetAside = 0; // readings taken as a lifted bottle, a bump or a start before the bottle was on
    int levelChanges = 0; // times the weight jumped and stayed (the bottle emptied, swapped, something put down)
};

namespace LetdownDetector {
// Human milk weighs about 1.03 g per ml (docs/scale.md).
constexpr double kMilkGramsPerMl = 1.03;
// A rise smaller than this is not reported: a spurt of the trickle, or noise.
constexpr double kSmallestVolumeMl = 3.0;

LetdownDetection detect(const QVector<ScaleSample> &samples);

// {"letdowns": [{"at_s": 63.2, "volume_ml": 27.9, "peak_s": ..., "peak_flow_ml_per_min": ...}],
//  "total_ml": 88.4, "trickle_ml": ..., "samples_set_aside": 0, "level_changes": 0}
// (docs/cli.md; times to 0.1 s, volumes to 0.1 ml).
QJsonObject toJson(const LetdownDetection &detection);
}
