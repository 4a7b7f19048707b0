#include "scale/ScaleMerge.h"

#include <algorithm>
#include <cmath>

namespace {
double tenths(double value)
{
    return std::round(value * 10) / 10;
}
} // namespace

bool ScaleMerging::sameLetdown(qint64 atUtcMs, qint64 onsetUtcMs)
{
    const qint64 fromOnsetMs = atUtcMs - onsetUtcMs;
    return fromOnsetMs >= -kTapBeforeOnsetMs && fromOnsetMs <= kTapAfterOnsetMs;
}

ScaleMerge ScaleMerging::merge(
    const Session &session, const LetdownDetection &detection, qint64 recordingStartUtcMs, bool addUnmatched)
{
    ScaleMerge result;
    result.session = session;
    QList<Letdown> &letdowns = result.session.letdowns;
    QVector<bool> tapMatched(letdowns.size(), false);
    for (const DetectedLetdown &found : detection.letdowns) {
        const qint64 onsetUtcMs = recordingStartUtcMs + qint64(std::llround(found.onsetS * 1000));
        int nearest = -1;
        for (int k = 0; k < letdowns.size(); ++k) {
            if (tapMatched[k] || !sameLetdown(letdowns[k].atUtcMs, onsetUtcMs))
                continue;
            if (nearest < 0 || std::abs(letdowns[k].atUtcMs - onsetUtcMs) < std::abs(letdowns[nearest].atUtcMs - onsetUtcMs))
                nearest = k;
        }
        if (nearest >= 0) {
            tapMatched[nearest] = true;
            letdowns[nearest].measuredVolumeMl = tenths(found.volumeMl);
            ++result.matched;
            continue;
        }
        if (!addUnmatched || letdowns.size() >= kMaxLetdownsPerSession)
            continue;
        Letdown added;
        added.atUtcMs = onsetUtcMs;
        added.utcOffsetS = session.startedUtcOffsetS;
        // Active time since the start: the wall time since it, within the session's active
        // time (a pause before it would count as active; the scale cannot tell).
        added.offsetMs = std::clamp(onsetUtcMs - session.startedAtUtcMs, qint64(0), std::max(qint64(0), session.activeMs));
        added.side = session.side;
        added.measuredVolumeMl = tenths(found.volumeMl);
        letdowns.append(added);
        tapMatched.append(true);
        ++result.added;
    }
    result.unmatchedTaps = int(std::count(tapMatched.begin(), tapMatched.end(), false));
    std::stable_sort(letdowns.begin(), letdowns.end(),
        [](const Letdown &a, const Letdown &b) { return a.offsetMs < b.offsetMs; });
    if (detection.totalMl > 0)
        result.session.pumpedVolumeMl = tenths(detection.totalMl);
    return result;
}
