#pragma once
// What a scale's let-downs do to a pumping session: each let-down she tapped herself that the
// scale also found gets the scale's volume (her tap keeps its time); each found one she did
// not tap is added with its volume; a tap the scale did not see stays as she made it. The
// session's pumped volume becomes the milk the scale weighed. Merging again with the same
// readings changes nothing more.
#include "domain/Session.h"
#include "scale/LetdownDetector.h"

struct ScaleMerge {
    Session session;
    int matched = 0; // her taps that got a measured volume
    int added = 0; // let-downs only the scale saw
    int unmatchedTaps = 0; // her taps the scale saw nothing at
};

namespace ScaleMerging {
// A tap this long before a found onset, or this long after it, is that let-down: the flow
// can show before she feels it, and she taps once she has.
constexpr qint64 kTapBeforeOnsetMs = 20'000;
constexpr qint64 kTapAfterOnsetMs = 45'000;

// `recordingStartUtcMs`: the wall time of the readings' zero.
// `addUnmatched` false: only let-downs already in the session get volumes (those she tapped
// or confirmed); nothing is added.
ScaleMerge merge(
    const Session &session, const LetdownDetection &detection, qint64 recordingStartUtcMs, bool addUnmatched = true);
// Whether a let-down at `atUtcMs` is the one found with this onset (see the windows above).
bool sameLetdown(qint64 atUtcMs, qint64 onsetUtcMs);
}
