#include "stats/Inference.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <random>

TEST_CASE("Holm's correction: step-down, kept in order, capped at 1")
{
    const QList<double> adjusted = holmAdjusted({0.01, 0.04, 0.03, 0.005});
    REQUIRE(adjusted.size() == 4);
    // Sorted: 0.005 x4 = 0.02, 0.01 x3 = 0.03, 0.03 x2 = 0.06, 0.04 x1 = 0.04 -> kept at 0.06.
    CHECK(adjusted[0] == Approx(0.03));
    CHECK(adjusted[1] == Approx(0.06));
    CHECK(adjusted[2] == Approx(0.06));
    CHECK(adjusted[3] == Approx(0.02));
    CHECK(holmAdjusted({0.6, 0.9}) == QList<double> {1.0, 1.0});
    CHECK(holmAdjusted({}).isEmpty());
}

TEST_CASE("Spearman's rho: textbook values, ties, and an interval around it")
{
    QList<double> x, swapped, squares;
    for (int i = 1; i <= 10; ++i) {
        x << i;
        swapped << (i % 2 ? i + 1 : i - 1); // 2 1 4 3 ...: every rank off by one
        squares << i * i;
    }
    const auto perfect = spearman(x, squares);
    REQUIRE(perfect);
    CHECK(perfect->rho == Approx(1));
    const auto nearly = spearman(x, swapped);
    REQUIRE(nearly);
    CHECK(nearly->rho == Approx(1 - 6.0 * 10 / (10 * 99))); // 0.9394, the rank-difference formula
    CHECK(nearly->interval.low < nearly->rho);
    CHECK(nearly->interval.high > nearly->rho);
    CHECK(nearly->interval.high <= 1);
    QList<double> reversed(x.rbegin(), x.rend());
    CHECK(spearman(x, reversed)->rho == Approx(-1));
    // Ties take their mean rank: counts 1,1,2,2 against volumes 10,20,30,40 -> rho of ranks.
    QList<double> counts {1, 1, 2, 2, 3, 3, 4, 4, 5, 5}, volumes {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
    CHECK(spearman(counts, volumes)->rho == Approx(0.9847).epsilon(0.001));
    CHECK_FALSE(spearman(QList<double>(10, 2.0), volumes)); // one value throughout: no correlation
    CHECK_FALSE(spearman({1, 2, 3}, {1, 2, 3})); // too few
}

TEST_CASE("Difference of medians: zero for equal groups, and an interval that covers the truth")
{
    const QList<double> same {50, 60, 70, 80, 90, 100};
    const auto none = medianDifference(same, same);
    REQUIRE(none);
    CHECK(none->difference == 0);
    CHECK(none->pValue == Approx(1));
    CHECK(none->interval.contains(0));
    CHECK_FALSE(medianDifference({1, 2, 3, 4}, same)); // fewer than 5

    // Two groups whose true medians differ by 30 s: the 95 % interval covers -30 in most draws.
    std::mt19937_64 random(7);
    std::lognormal_distribution<double> slow(std::log(90.0), 0.4), quick(std::log(60.0), 0.4);
    int covered = 0;
    for (int draw = 0; draw < 200; ++draw) {
        QList<double> a, b;
        for (int i = 0; i < 40; ++i) {
            a << quick(random);
            b << slow(random);
        }
        covered += medianDifference(a, b)->interval.contains(-30) ? 1 : 0;
    }
    CHECK(covered >= 180); // 95 % nominal; at least 90 % here
    CHECK(covered <= 200);
}

TEST_CASE("Difference of means: Welch's interval")
{
    const auto interval = meanDifferenceInterval({1, 2, 3}, {4, 5, 6});
    REQUIRE(interval);
    // Means 2 and 5, variances 1 and 1: standard error sqrt(1/3 + 1/3).
    CHECK((interval->low + interval->high) / 2 == Approx(-3));
    CHECK(interval->high - interval->low == Approx(2 * kZ95 * std::sqrt(2.0 / 3)));
    CHECK_FALSE(meanDifferenceInterval({1}, {2, 3}));
}

TEST_CASE("Rank-sum test: textbook p-values, with and without ties")
{
    // U = 0 for two groups that do not overlap: z = -12.5 / sqrt(25 * 11 / 12).
    CHECK(rankSumP({1, 2, 3, 4, 5}, {6, 7, 8, 9, 10}) == Approx(0.0090234));
    // Ties share their mean rank, and the variance is corrected for them (checked against an
    // independent implementation of the same formulas).
    CHECK(rankSumP({1, 2, 2, 3, 4, 4}, {2, 3, 5, 6, 7, 4, 8}) == Approx(0.0508356));
    CHECK(rankSumP({4, 4, 4}, {4, 4, 4}) == 1); // nothing to rank
    CHECK(rankSumP({3, 1, 2}, {}) == 1);
}
