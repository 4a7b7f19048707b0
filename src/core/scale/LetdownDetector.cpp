#include "scale/LetdownDetector.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {
// A reading this far from the weight so far is not milk arriving: a lifted bottle, a hand.
constexpr double kToleranceG = 2.0;
// Faster than this no breast fills a bottle (peaks in the studies are under 1 g/s per breast).
constexpr double kFastestFlowGPerS = 4.0;
// A new weight that lasts this long is the bottle emptied or swapped, not a lift.
constexpr double kLastingChangeS = 20.0;
// The flow is the slope of a straight line through the weight in a window this wide either
// side of each second; a wider one if too few readings fall in it.
constexpr double kSlopeHalfWidthS = 10.0;
constexpr double kWideSlopeHalfWidthS = 20.0;
// The trickle is measured away from let-downs: from this long before a rise to this long
// after it, the flow is the let-down's. With less than a minute of such quiet, it is the
// lowest flow held over a minute.
constexpr int kQuietBeforeS = 15;
constexpr int kQuietAfterS = 180;
constexpr double kTrickleWindowS = 60.0;
// A rise of flow counts when it is this large (and above the noise of the estimate).
constexpr double kSmallestRiseGPerS = 0.03;
constexpr double kNoiseFactor = 5.0; // times the standard error of the flow estimate
// The onset is read where the rise has reached this share of its height: the smoothing
// spreads the rise a few seconds earlier, which this share takes back.
constexpr double kOnsetShare = 0.2;
// How each let-down fades when the next one hides its tail: fitted from its own fall where
// that is long enough, else this.
constexpr double kDefaultFadeS = 40.0;
constexpr int kTailLookBackS = 10;
constexpr double kShortestFadeS = 8.0;
constexpr double kLongestFadeS = 150.0;

double median(QVector<double> values)
{
    if (values.isEmpty())
        return 0;
    const auto middle = values.begin() + values.size() / 2;
    std::nth_element(values.begin(), middle, values.end());
    if (values.size() % 2)
        return *middle;
    return (*middle + *std::max_element(values.begin(), middle)) / 2;
}

struct MilkCurve {
    QVector<ScaleSample> points; // grams of milk since the start, readings set aside left out
    int setAside = 0;
    int levelChanges = 0;
};

bool agree(const ScaleSample &a, const ScaleSample &b)
{
    return std::abs(b.grams - a.grams) <= kToleranceG + kFastestFlowGPerS * std::abs(b.atS - a.atS);
}

// The weight of milk over time: readings that leave the weight so far and come back (a lift,
// a bump) are set aside; a change that lasts (a bottle emptied, swapped, put on) moves the
// zero, so only milk counts.
MilkCurve milkCurve(const QVector<ScaleSample> &samples)
{
    MilkCurve curve;
    const int n = samples.size();
    int start = 0;
    // The first reading that the next two agree with: before it, the bottle was being put on.
    while (start < n) {
        bool steady = true;
        for (int k = start + 1; k < std::min(n, start + 3); ++k)
            steady = steady && agree(samples[start], samples[k]);
        if (steady)
            break;
        ++start;
    }
    curve.setAside = start;
    if (start >= n)
        return curve;
    double offsetG = -samples[start].grams;
    QVector<double> recent; // the last few accepted weights: their median is the weight so far
    auto accept = [&](const ScaleSample &sample) {
        const ScaleSample milk {sample.atS, sample.grams + offsetG};
        curve.points.append(milk);
        recent.append(milk.grams);
        if (recent.size() > 5)
            recent.removeFirst();
    };
    accept(samples[start]);
    QVector<int> lowRun; // consecutive readings below the weight so far that agree with each other
    for (int i = start + 1; i < n; ++i) {
        const ScaleSample &sample = samples[i];
        const double levelG = median(recent);
        const double milkG = sample.grams + offsetG;
        const double lastG = curve.points.last().grams;
        const double sinceS = sample.atS - curve.points.last().atS;
        const bool notBelow = milkG >= levelG - kToleranceG;
        // Milk never leaves the bottle: a reading above the weight so far is milk only if the
        // one after it does not fall back (else it was a bump).
        const bool heldUp = i + 1 >= n || samples[i + 1].grams + offsetG >= milkG - kToleranceG;
        if (notBelow && (milkG <= levelG + kToleranceG
                            || (milkG <= lastG + kToleranceG + kFastestFlowGPerS * sinceS && heldUp))) {
            curve.setAside += lowRun.size();
            lowRun.clear();
            accept(sample);
            continue;
        }
        if (notBelow && milkG <= lastG + kToleranceG + kFastestFlowGPerS * sinceS) {
            ++curve.setAside; // a bump
            continue;
        }
        if (milkG < levelG - kToleranceG) {
            if (!lowRun.isEmpty() && !agree(samples[lowRun.last()], sample)) {
                curve.setAside += lowRun.size();
                lowRun.clear();
            }
            lowRun.append(i);
            if (sample.atS - samples[lowRun.first()].atS >= kLastingChangeS && lowRun.size() >= 3) {
                // The bottle was emptied or swapped: carry on from the weight so far.
                QVector<double> readings;
                for (int k : lowRun)
                    readings.append(samples[k].grams);
                offsetG = levelG - median(readings);
                recent.clear();
                for (int k : lowRun)
                    accept(samples[k]);
                lowRun.clear();
                ++curve.levelChanges;
            }
            continue;
        }
        // Higher than milk can explain: a bump unless the next two readings stay up with it.
        bool lasting = i + 2 < n;
        for (int k = i + 1; k < std::min(n, i + 3); ++k)
            lasting = lasting && agree(sample, samples[k]);
        if (lasting) {
            offsetG -= milkG - levelG;
            recent.clear();
            accept(sample);
            ++curve.levelChanges;
        } else {
            ++curve.setAside;
        }
    }
    curve.setAside += lowRun.size();
    return curve;
}

struct Slope {
    double gPerS = std::numeric_limits<double>::quiet_NaN();
    double spreadS2 = 0; // the sum of squared time distances from their mean: the slope's error is noise / sqrt of it
};

// The slope of the least-squares line through the points within halfWidthS of atS.
Slope slopeAround(const QVector<ScaleSample> &points, int &first, double atS, double halfWidthS)
{
    while (first < points.size() && points[first].atS < atS - halfWidthS)
        ++first;
    double sumT = 0, sumG = 0;
    int count = 0;
    for (int k = first; k < points.size() && points[k].atS <= atS + halfWidthS; ++k) {
        sumT += points[k].atS - atS;
        sumG += points[k].grams;
        ++count;
    }
    Slope slope;
    if (count < 3)
        return slope;
    const double meanT = sumT / count, meanG = sumG / count;
    double sxx = 0, sxy = 0;
    for (int k = first; k < first + count; ++k) {
        const double dt = points[k].atS - atS - meanT;
        sxx += dt * dt;
        sxy += dt * (points[k].grams - meanG);
    }
    if (sxx < 4.0) // the points span too little time for a slope
        return slope;
    slope.gPerS = sxy / sxx;
    slope.spreadS2 = sxx;
    return slope;
}

struct FlowEstimate {
    double startS = 0; // the time of flow[0]; one value a second
    QVector<double> gPerS;
    double noiseGPerS = 0; // the typical standard error of one value
};

// The noise of one reading, from how far each lies off the straight line through its two
// neighbours (robust: a median, scaled to a standard deviation).
double readingNoiseG(const QVector<ScaleSample> &points)
{
    QVector<double> offLine;
    for (int k = 1; k + 1 < points.size(); ++k) {
        const double span = points[k + 1].atS - points[k - 1].atS;
        if (span <= 0)
            continue;
        const double after = (points[k].atS - points[k - 1].atS) / span; // the weight of the next reading
        const double line = points[k - 1].grams * (1 - after) + points[k + 1].grams * after;
        // The difference has the variance of 1 + after^2 + (1 - after)^2 readings.
        offLine.append(std::abs(points[k].grams - line) / std::sqrt(1 + after * after + (1 - after) * (1 - after)));
    }
    return 1.4826 * median(offLine);
}

FlowEstimate flowOf(const QVector<ScaleSample> &points)
{
    FlowEstimate estimate;
    if (points.size() < 3)
        return estimate;
    estimate.startS = std::ceil(points.first().atS);
    const int seconds = int(std::floor(points.last().atS) - estimate.startS) + 1;
    if (seconds < 1)
        return estimate;
    QVector<double> raw(seconds);
    QVector<double> errors; // per 1 g of reading noise
    int first = 0, firstWide = 0;
    for (int s = 0; s < seconds; ++s) {
        const double atS = estimate.startS + s;
        Slope slope = slopeAround(points, first, atS, kSlopeHalfWidthS);
        if (std::isnan(slope.gPerS))
            slope = slopeAround(points, firstWide, atS, kWideSlopeHalfWidthS);
        else
            slopeAround(points, firstWide, atS, kWideSlopeHalfWidthS); // keep its window moving
        raw[s] = slope.gPerS;
        if (!std::isnan(slope.gPerS))
            errors.append(1 / std::sqrt(slope.spreadS2));
    }
    // Seconds with too few readings around them (a long lift) take their neighbours' flow.
    int lastKnown = -1;
    for (int s = 0; s < seconds; ++s) {
        if (std::isnan(raw[s]))
            continue;
        for (int gap = lastKnown + 1; gap < s; ++gap)
            raw[gap] = lastKnown < 0 ? raw[s] : raw[lastKnown] + (raw[s] - raw[lastKnown]) * (gap - lastKnown) / (s - lastKnown);
        lastKnown = s;
    }
    if (lastKnown < 0)
        return estimate;
    for (int gap = lastKnown + 1; gap < seconds; ++gap)
        raw[gap] = raw[lastKnown];
    // A little more smoothing: a moving mean over 5 s.
    estimate.gPerS.resize(seconds);
    for (int s = 0; s < seconds; ++s) {
        double sum = 0;
        int count = 0;
        for (int k = std::max(0, s - 2); k <= std::min(seconds - 1, s + 2); ++k, ++count)
            sum += raw[k];
        estimate.gPerS[s] = sum / count;
    }
    // The 5-s mean makes it a little smaller; the noise of readings 0.1 g apart is at least the step.
    estimate.noiseGPerS = std::max(0.05, readingNoiseG(points)) * median(errors);
    return estimate;
}

double lowestMeanOver(const QVector<double> &flow, int window)
{
    if (flow.size() < window)
        return 0;
    double sum = 0;
    for (int s = 0; s < window; ++s)
        sum += flow[s];
    double lowest = sum;
    for (int s = window; s < flow.size(); ++s) {
        sum += flow[s] - flow[s - window];
        lowest = std::min(lowest, sum);
    }
    return lowest / window;
}

struct Rise {
    int onset = 0; // seconds into the flow
    int peak = 0;
};

// Each rise of flow by at least `threshold` from the low before it, with hysteresis: a peak
// ends when the flow has fallen by the threshold from it.
QVector<Rise> risesOf(const QVector<double> &flow, double threshold)
{
    QVector<Rise> rises;
    int low = 0;
    int peak = -1;
    for (int s = 1; s < flow.size(); ++s) {
        if (peak < 0) {
            if (flow[s] < flow[low])
                low = s;
            else if (flow[s] >= flow[low] + threshold)
                peak = s;
            continue;
        }
        if (flow[s] > flow[peak]) {
            peak = s;
        } else if (flow[s] <= flow[peak] - threshold) {
            rises.append({low, peak});
            peak = -1;
            low = s;
        }
    }
    if (peak >= 0)
        rises.append({low, peak});
    // The onset: where the flow had risen a share of the way from the low to the peak.
    for (Rise &rise : rises) {
        const double level = flow[rise.onset] + kOnsetShare * (flow[rise.peak] - flow[rise.onset]);
        int s = rise.peak; // searched back from the peak, so that noise after the low is passed over
        while (s > rise.onset && flow[s - 1] >= level)
            --s;
        rise.onset = s;
    }
    return rises;
}

// The trickle: the median flow over the seconds no let-down's rise and fall cover. When
// let-downs cover nearly all of it, the lowest flow held over a minute.
double trickleOf(const QVector<double> &flow, const QVector<Rise> &rises)
{
    QVector<bool> covered(flow.size(), false);
    for (const Rise &rise : rises)
        for (int s = std::max(0, rise.onset - kQuietBeforeS); s < std::min(int(flow.size()), rise.onset + kQuietAfterS); ++s)
            covered[s] = true;
    QVector<double> quiet;
    for (int s = 0; s < flow.size(); ++s)
        if (!covered[s])
            quiet.append(flow[s]);
    const double trickle = quiet.size() >= int(kTrickleWindowS) ? median(quiet) : lowestMeanOver(flow, int(kTrickleWindowS));
    return std::max(0.0, trickle);
}

// How fast a let-down's own flow falls after its peak, from a straight line through its
// logarithm; kDefaultFadeS when the fall seen is too short.
double fadeOf(const QVector<double> &own, int peak, int end)
{
    const double top = own[peak];
    double sumT = 0, sumL = 0, sumTT = 0, sumTL = 0;
    int count = 0;
    for (int s = peak + 3; s < end; ++s) {
        if (own[s] <= 0.1 * top)
            break;
        const double t = s - peak, l = std::log(own[s]);
        sumT += t;
        sumL += l;
        sumTT += t * t;
        sumTL += t * l;
        ++count;
    }
    if (count < 10)
        return kDefaultFadeS;
    const double slope = (count * sumTL - sumT * sumL) / (count * sumTT - sumT * sumT);
    if (slope >= 0)
        return kLongestFadeS;
    return std::clamp(-1.0 / slope, kShortestFadeS, kLongestFadeS);
}
} // namespace

LetdownDetection LetdownDetector::detect(const QVector<ScaleSample> &samples)
{
    LetdownDetection detection;
    const MilkCurve curve = milkCurve(samples);
    detection.samplesSetAside = curve.setAside;
    detection.levelChanges = curve.levelChanges;
    if (curve.points.size() < 3)
        return detection;
    {
        QVector<double> last;
        for (int k = std::max(0, int(curve.points.size()) - 3); k < curve.points.size(); ++k)
            last.append(curve.points[k].grams);
        detection.totalMl = std::max(0.0, median(last)) / kMilkGramsPerMl;
    }
    const FlowEstimate flow = flowOf(curve.points);
    const int seconds = flow.gPerS.size();
    if (seconds == 0)
        return detection;
    detection.flow.reserve(seconds);
    for (int s = 0; s < seconds; ++s)
        detection.flow.append({flow.startS + s, flow.gPerS[s] / kMilkGramsPerMl});
    const double threshold = std::max(kSmallestRiseGPerS, kNoiseFactor * flow.noiseGPerS);
    const QVector<Rise> rises = risesOf(flow.gPerS, threshold);
    const double trickle = trickleOf(flow.gPerS, rises);
    detection.trickleMlPerS = trickle / kMilkGramsPerMl;

    // Share the milk out: each let-down owns the flow above the trickle and above the fading
    // tails of those before it, from its onset to the next one's, plus its own tail after that.
    QVector<double> tails(seconds, 0.0);
    for (int r = 0; r < rises.size(); ++r) {
        const int onset = rises[r].onset;
        const int end = r + 1 < rises.size() ? rises[r + 1].onset : seconds;
        QVector<double> own(seconds, 0.0);
        double volumeG = 0;
        int peak = onset;
        for (int s = onset; s < end; ++s) {
            // Not cut at zero: the noise then cancels out instead of adding up.
            own[s] = flow.gPerS[s] - trickle - tails[s];
            volumeG += own[s];
            if (own[s] > own[peak])
                peak = s;
        }
        if (end < seconds && end > onset) {
            // Its flow goes on under the next let-down, fading.
            const double fadeS = fadeOf(own, peak, end - kTailLookBackS); // before the next one's early rise
            // What is still flowing where the next one begins: the lowest of its own flow
            // just before, since the next one's rise, smoothed, starts a little early.
            double atEnd = own[end - 1];
            for (int s = std::max(onset, end - kTailLookBackS); s < end; ++s)
                atEnd = std::min(atEnd, own[s]);
            atEnd = std::max(0.0, atEnd);
            for (int s = end; s < seconds; ++s)
                tails[s] += atEnd * std::exp(-(s - end + 1) / fadeS);
            volumeG += atEnd * fadeS;
        }
        const double volumeMl = volumeG / kMilkGramsPerMl;
        if (volumeMl < kSmallestVolumeMl)
            continue;
        DetectedLetdown found;
        found.onsetS = flow.startS + onset;
        found.peakS = flow.startS + peak;
        found.volumeMl = volumeMl;
        found.peakFlowMlPerS = own[peak] / kMilkGramsPerMl;
        detection.letdowns.append(found);
    }
    return detection;
}

namespace {
double tenths(double value)
{
    return std::round(value * 10) / 10;
}
} // namespace

QJsonObject LetdownDetector::toJson(const LetdownDetection &detection)
{
    QJsonArray letdowns;
    double letdownsMl = 0;
    for (const DetectedLetdown &letdown : detection.letdowns) {
        letdowns.append(QJsonObject {{QStringLiteral("at_s"), tenths(letdown.onsetS)},
            {QStringLiteral("volume_ml"), tenths(letdown.volumeMl)}, {QStringLiteral("peak_s"), tenths(letdown.peakS)},
            {QStringLiteral("peak_flow_ml_per_min"), tenths(letdown.peakFlowMlPerS * 60)}});
        letdownsMl += letdown.volumeMl;
    }
    return {{QStringLiteral("letdowns"), letdowns}, {QStringLiteral("total_ml"), tenths(detection.totalMl)},
        {QStringLiteral("letdowns_ml"), tenths(letdownsMl)},
        {QStringLiteral("trickle_ml_per_min"), tenths(detection.trickleMlPerS * 60)},
        {QStringLiteral("samples_set_aside"), detection.samplesSetAside},
        {QStringLiteral("level_changes"), detection.levelChanges}};
}
