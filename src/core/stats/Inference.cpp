#include "stats/Inference.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace {
// The median and McKean-Schrader standard error of values (sorted here if they are not).
void medianAndError(QList<double> &values, double &median, double &standardError)
{
    // Read through a const reference: values shared with the caller (already sorted, as
    // the technique comparisons pass them) are then not copied.
    if (!std::is_sorted(values.cbegin(), values.cend()))
        std::sort(values.begin(), values.end());
    const QList<double> &sorted = values;
    const qsizetype n = sorted.size();
    median = n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    // c = (n + 1) / 2 - z * sqrt(n / 4), rounded; the standard error is the distance
    // between the c-th smallest and the c-th largest value over 2z.
    qsizetype c = qsizetype(std::llround((double(n) + 1) / 2 - kZ95 * std::sqrt(double(n) / 4)));
    c = std::clamp<qsizetype>(c, 1, n);
    standardError = (sorted[n - c] - sorted[c - 1]) / (2 * kZ95);
}

QList<double> ranks(const QList<double> &values)
{
    QList<qsizetype> order(values.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) { return values[a] < values[b]; });
    QList<double> rank(values.size());
    for (qsizetype i = 0; i < order.size();) {
        qsizetype j = i;
        while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]])
            ++j;
        const double meanRank = (double(i) + double(j)) / 2 + 1;
        for (qsizetype k = i; k <= j; ++k)
            rank[order[k]] = meanRank;
        i = j + 1;
    }
    return rank;
}

double pearson(const QList<double> &x, const QList<double> &y)
{
    const double n = double(x.size());
    const double meanX = std::accumulate(x.begin(), x.end(), 0.0) / n;
    const double meanY = std::accumulate(y.begin(), y.end(), 0.0) / n;
    double sxy = 0, sxx = 0, syy = 0;
    for (qsizetype i = 0; i < x.size(); ++i) {
        sxy += (x[i] - meanX) * (y[i] - meanY);
        sxx += (x[i] - meanX) * (x[i] - meanX);
        syy += (y[i] - meanY) * (y[i] - meanY);
    }
    return sxx > 0 && syy > 0 ? sxy / std::sqrt(sxx * syy) : 0;
}

void meanAndVariance(const QList<double> &values, double &mean, double &variance)
{
    const double n = double(values.size());
    mean = std::accumulate(values.begin(), values.end(), 0.0) / n;
    variance = 0;
    for (double v : values)
        variance += (v - mean) * (v - mean);
    variance /= n - 1;
}
} // namespace

double twoSidedNormalP(double z)
{
    return std::erfc(std::abs(z) / std::sqrt(2.0));
}

double normalQuantileForTwoSidedP(double p)
{
    // Bisection: twoSidedNormalP falls from 1 at z = 0; 80 halvings reach double precision.
    double low = 0, high = 40;
    for (int i = 0; i < 80; ++i) {
        const double middle = (low + high) / 2;
        (twoSidedNormalP(middle) > p ? low : high) = middle;
    }
    return (low + high) / 2;
}

std::optional<MedianDifference> medianDifference(QList<double> a, QList<double> b)
{
    if (a.size() < 5 || b.size() < 5)
        return std::nullopt;
    double medianA = 0, errorA = 0, medianB = 0, errorB = 0;
    medianAndError(a, medianA, errorA);
    medianAndError(b, medianB, errorB);
    MedianDifference d;
    d.difference = medianA - medianB;
    d.standardError = std::max(kMinimumStandardErrorS, std::sqrt(errorA * errorA + errorB * errorB));
    d.interval = {d.difference - kZ95 * d.standardError, d.difference + kZ95 * d.standardError};
    d.pValue = rankSumPOfSorted(a, b); // medianAndError sorted both
    return d;
}

double rankSumP(QList<double> a, QList<double> b)
{
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    return rankSumPOfSorted(a, b);
}

double rankSumPOfSorted(const QList<double> &a, const QList<double> &b)
{
    const double n1 = double(a.size()), n2 = double(b.size());
    if (n1 == 0 || n2 == 0)
        return 1;
    // Walk both sorted lists together: each run of equal values takes its mean rank, a's
    // share of it counts toward a's rank sum, and the run's length toward the tie correction
    // (the sum of t^3 - t over runs).
    double rankSumA = 0, ties = 0;
    qsizetype i = 0, j = 0;
    double ranked = 0; // values ranked so far
    while (i < a.size() || j < b.size()) {
        const double value = j >= b.size() || (i < a.size() && a[i] <= b[j]) ? a[i] : b[j];
        qsizetype inA = 0, inB = 0;
        while (i < a.size() && a[i] == value) {
            ++i;
            ++inA;
        }
        while (j < b.size() && b[j] == value) {
            ++j;
            ++inB;
        }
        const double t = double(inA + inB);
        rankSumA += double(inA) * (ranked + (t + 1) / 2);
        ties += t * t * t - t;
        ranked += t;
    }
    const double u = rankSumA - n1 * (n1 + 1) / 2;
    const double n = n1 + n2;
    const double variance = n1 * n2 / 12 * ((n + 1) - ties / (n * (n - 1)));
    if (variance <= 0)
        return 1; // every value the same
    return twoSidedNormalP((u - n1 * n2 / 2) / std::sqrt(variance));
}

QList<double> holmAdjusted(const QList<double> &pValues)
{
    const qsizetype m = pValues.size();
    QList<qsizetype> order(m);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) { return pValues[a] < pValues[b]; });
    QList<double> adjusted(m);
    double runningMax = 0;
    for (qsizetype rank = 0; rank < m; ++rank) {
        const qsizetype i = order[rank];
        runningMax = std::max(runningMax, std::min(1.0, double(m - rank) * pValues[i]));
        adjusted[i] = runningMax;
    }
    return adjusted;
}

std::optional<RankCorrelation> spearman(const QList<double> &x, const QList<double> &y)
{
    if (x.size() != y.size() || x.size() < 10)
        return std::nullopt;
    const auto [minX, maxX] = std::minmax_element(x.begin(), x.end());
    const auto [minY, maxY] = std::minmax_element(y.begin(), y.end());
    if (*minX == *maxX || *minY == *maxY)
        return std::nullopt;
    RankCorrelation r;
    r.n = int(x.size());
    r.rho = pearson(ranks(x), ranks(y));
    const double z = std::atanh(std::clamp(r.rho, -0.999999, 0.999999));
    const double error = 1.06 / std::sqrt(double(r.n) - 3);
    r.interval = {std::tanh(z - kZ95 * error), std::tanh(z + kZ95 * error)};
    return r;
}

std::optional<Interval> meanDifferenceInterval(const QList<double> &a, const QList<double> &b)
{
    if (a.size() < 2 || b.size() < 2)
        return std::nullopt;
    double meanA = 0, varianceA = 0, meanB = 0, varianceB = 0;
    meanAndVariance(a, meanA, varianceA);
    meanAndVariance(b, meanB, varianceB);
    const double error = std::sqrt(varianceA / double(a.size()) + varianceB / double(b.size()));
    const double difference = meanA - meanB;
    return Interval {difference - kZ95 * error, difference + kZ95 * error};
}
