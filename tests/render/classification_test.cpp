#include "render/classification.h"

#include <cmath>
#include <gtest/gtest.h>
#include <limits>
#include <random>

using namespace borderlens;

namespace {

using Breaks = std::vector<double>;

// Total squared deviation from the class means when sorted `v` is cut at `breaks` (QGIS's rule:
// a value on a break belongs to the lower class).
double deviationAt(std::vector<double> v, const Breaks& breaks) {
    std::sort(v.begin(), v.end());
    double total = 0;
    std::size_t i = 0;
    for (double upper : breaks) {
        double sum = 0, sq = 0;
        std::size_t n = 0;
        for (; i < v.size() && v[i] <= upper; ++i, ++n) {
            sum += v[i];
            sq += v[i] * v[i];
        }
        if (n > 0)
            total += sq - sum * sum / static_cast<double>(n);
    }
    return total;
}

// The least deviation over every way of cutting sorted `v` into `k` non-empty runs: the
// definition natural breaks optimise, by brute force.
double bestDeviation(std::vector<double> v, int k) {
    std::sort(v.begin(), v.end());
    const int n = static_cast<int>(v.size());
    double best = std::numeric_limits<double>::infinity();
    // Choose k-1 cut positions among n-1 gaps: bit masks suffice for the sizes tested.
    for (unsigned mask = 0; mask < (1u << (n - 1)); ++mask) {
        if (std::popcount(mask) != k - 1)
            continue;
        Breaks breaks;
        for (int g = 0; g < n - 1; ++g)
            if (mask & (1u << g))
                breaks.push_back(v[static_cast<std::size_t>(g)]);
        breaks.push_back(v.back());
        // Cuts between equal values are not cuts; skip partitions the rule cannot express.
        if (std::adjacent_find(breaks.begin(), breaks.end()) != breaks.end())
            continue;
        best = std::min(best, deviationAt(v, breaks));
    }
    return best;
}

} // namespace

TEST(Classification, EqualIntervalCutsTheRangeIntoEqualWidths) {
    const std::vector<double> v{10, 0, 3, 7, std::nan(""), 4};
    EXPECT_EQ(equalIntervalBreaks(v, 5), (Breaks{2, 4, 6, 8, 10}));
    EXPECT_EQ(equalIntervalBreaks(v, 1), (Breaks{10}));
    EXPECT_EQ(equalIntervalBreaks(std::vector<double>{5, 5, 5}, 4), (Breaks{5}));
    EXPECT_TRUE(equalIntervalBreaks({}, 3).empty());
}

TEST(Classification, QuantilesHoldEqualCounts) {
    // 1..10 in four classes: the 25th, 50th, 75th percentiles by linear interpolation (R type 7,
    // as QGIS's equal count): 3.25, 5.5, 7.75, then the maximum.
    const std::vector<double> v{10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
    EXPECT_EQ(quantileBreaks(v, 4), (Breaks{3.25, 5.5, 7.75, 10}));
    // Ties merge: most values equal leave fewer, non-empty classes.
    EXPECT_EQ(quantileBreaks(std::vector<double>{1, 1, 1, 1, 1, 1, 2}, 3), (Breaks{1, 2}));
}

TEST(Classification, NaturalBreaksFindTheGapsOfSmallExamples) {
    // Three clusters with wide gaps.
    EXPECT_EQ(naturalBreaks(std::vector<double>{22, 1, 12, 2, 21, 3, 10, 11, 20}, 3),
              (Breaks{3, 12, 22}));
    // The small examples used by the Jenks implementations' own tests (jenks-python).
    EXPECT_EQ(naturalBreaks(std::vector<double>{1, 2, 9, 10, 11}, 2), (Breaks{2, 11}));
    EXPECT_EQ(naturalBreaks(std::vector<double>{1, 2, 3, 10, 11}, 2), (Breaks{3, 11}));
    EXPECT_EQ(naturalBreaks(std::vector<double>{1, 2, 3}, 2), (Breaks{1, 3}));
    // More classes than distinct values: one class per value.
    EXPECT_EQ(naturalBreaks(std::vector<double>{4, 4, 7}, 5), (Breaks{4, 7}));
    EXPECT_TRUE(naturalBreaks({}, 3).empty());
}

TEST(Classification, NaturalBreaksOfJenksAndCaspallsIllinoisCounties) {
    // The classic data set for choropleth class intervals: per-acre value of gross farm
    // products in dollars, 102 Illinois counties, 1959 (Jenks and Caspall 1971, "Error on
    // choroplethic maps", Annals AAG 61(2); R's spData::jenks71). R's classInt gives, in five
    // classes: [15.57, 41.2] (41.2, 60.66] (60.66, 77.29] (77.29, 100.1] (100.1, 155.3].
    const std::vector<double> jenks71{
        50.12, 83.9,  76.43, 71.61, 79.66, 84.84, 87.87, 92.45, 119.9, 155.3, 131.5, 111.8, 96.78,
        86.75, 62.41, 96.37, 75.51, 77.29, 85.41, 116.4, 58.5,  75.29, 66.32, 62.65, 80.45, 72.76,
        63.67, 60.27, 68.45, 100.1, 55.3,  54.07, 57.49, 73.52, 68.25, 64.28, 50.64, 52.47, 68.19,
        57.4,  39.72, 60.66, 57.59, 38.22, 57.22, 67.04, 47.29, 71.05, 50.53, 34.63, 59.65, 62.06,
        52.89, 56.35, 57.26, 53.77, 59.89, 55.44, 45.4,  52.21, 49.38, 51.15, 54.27, 54.32, 41.2,
        34.58, 50.11, 52.05, 33.82, 39.88, 36.24, 41.02, 46.13, 51.15, 32.28, 33.26, 31.78, 31.28,
        50.52, 47.21, 32.69, 38.3,  33.83, 40.3,  40.62, 32.14, 31.66, 26.09, 39.84, 24.83, 28.2,
        31.19, 37.57, 27.16, 23.42, 18.57, 30.97, 17.82, 15.57, 15.93, 28.71, 32.22};
    ASSERT_EQ(jenks71.size(), 102u);
    EXPECT_EQ(naturalBreaks(jenks71, 5), (Breaks{41.2, 60.66, 77.29, 100.1, 155.3}));
}

TEST(Classification, NaturalBreaksAreTheOptimumOfTheirDefinition) {
    // Jenks's goodness of variance fit is best where the squared deviation from the class means
    // (SDCM) is least; check against every possible partition of small samples.
    std::mt19937 random(11);
    std::lognormal_distribution<double> skewed(2.0, 0.8); // like counts per district
    for (int trial = 0; trial < 20; ++trial) {
        std::vector<double> v(12);
        for (double& x : v)
            x = std::round(skewed(random) * 10) / 10;
        for (int k = 2; k <= 4; ++k) {
            const Breaks b = naturalBreaks(v, k);
            ASSERT_EQ(b.size(), static_cast<std::size_t>(k));
            EXPECT_NEAR(deviationAt(v, b), bestDeviation(v, k), 1e-9)
                << "trial " << trial << ", " << k << " classes";
            EXPECT_TRUE(std::is_sorted(b.begin(), b.end()));
            EXPECT_EQ(b.back(), *std::max_element(v.begin(), v.end()));
        }
    }
}

TEST(Classification, NaturalBreaksOnALargeLayerUseASampleThatKeepsTheExtremes) {
    std::vector<double> v;
    for (int i = 0; i < 50000; ++i)
        v.push_back(i % 3 == 0 ? 1000.0 + i % 7 : 5.0 + i % 11);
    v.push_back(-3);
    const Breaks b = naturalBreaks(v, 2);
    ASSERT_EQ(b.size(), 2u);
    EXPECT_EQ(b[0], 15.0); // the top of the low cluster: 5..15
    EXPECT_EQ(b[1], 1006.0);
    EXPECT_EQ(classBreaks(ClassificationMethod::NaturalBreaks, v, 2), b);
}
