#pragma once

#include <QList>

#include <optional>

// Small, checkable statistics for her own log (docs/insights.md says each in words).
// Everything here is deterministic: the same data give the same answer.

struct Interval {
    double low = 0;
    double high = 0;
    bool contains(double value) const { return low <= value && value <= high; }
};

// The difference of two medians (a minus b) with a 95 % interval, and the rank-sum test's
// two-sided p-value (rankSumP) for whether the groups differ at all.
// Each median's standard error is McKean and Schrader's (1984), read off two order
// statistics, so no assumption about the shape of the times is made; the difference's is
// the root of their squared sum (Price and Bonett 2002 use the same construction).
struct MedianDifference {
    double difference = 0;
    Interval interval;
    double standardError = 0;
    double pValue = 1;
};
// Times are logged to the second: a standard error never counts as smaller than this.
inline constexpr double kMinimumStandardErrorS = 0.5;
// Empty when either side has fewer than 5 values (an order statistic would be missing).
std::optional<MedianDifference> medianDifference(QList<double> a, QList<double> b);

// The Mann-Whitney (Wilcoxon rank-sum) test of whether one group's values tend to be
// smaller or larger than the other's: two-sided p-value from the normal approximation with
// the tie correction (Lehmann 1975). Distribution-free, and well calibrated from about 8
// values a side, where the order-statistic standard error of a median is not.
double rankSumP(QList<double> a, QList<double> b);
double rankSumPOfSorted(const QList<double> &a, const QList<double> &b); // both already sorted

// Holm's step-down correction: each p-value multiplied by the number of tests not yet
// passed, kept non-decreasing, at most 1. Same order as given.
QList<double> holmAdjusted(const QList<double> &pValues);

// Spearman's rank correlation (ties take their mean rank) with a 95 % interval from
// Fisher's z and the standard error 1.06 / sqrt(n - 3) of Fieller, Hartley and Pearson (1957).
struct RankCorrelation {
    int n = 0;
    double rho = 0;
    Interval interval;
};
// Empty with fewer than 10 pairs, or when either list has a single value throughout.
std::optional<RankCorrelation> spearman(const QList<double> &x, const QList<double> &y);

// The difference of two means (a minus b) with a 95 % interval (Welch's standard error,
// normal quantile). Empty with fewer than 2 values on either side.
std::optional<Interval> meanDifferenceInterval(const QList<double> &a, const QList<double> &b);

// Two-sided p-value of a standard normal statistic, and the other way: the z whose
// two-sided p-value is p (1.96 for 0.05).
double twoSidedNormalP(double z);
double normalQuantileForTwoSidedP(double p);
inline constexpr double kZ95 = 1.959963984540054;
