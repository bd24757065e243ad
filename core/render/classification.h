#pragma once

#include <QString>

#include <cstdint>
#include <span>
#include <vector>

namespace borderlens {

// How a graduated style cuts a numeric field into classes (QGIS's classification methods).
enum class ClassificationMethod : std::uint8_t {
    EqualInterval, // classes of equal width from the minimum to the maximum
    Quantile,      // classes holding (about) the same number of features
    NaturalBreaks, // Jenks: the least squared deviation of values from their class means
};

QString displayName(ClassificationMethod method);

// Class breaks: the upper bound of each class, ascending, the last one the maximum. Class 0 spans
// [minimum, breaks[0]] and class k (breaks[k-1], breaks[k]], as QGIS matches its ranges (a value
// on a break belongs to the lower class). Values may come in any order; NaN is ignored. Empty
// when there are no values; fewer breaks than `classes` when values repeat (a break never
// repeats, so no class is empty by construction).
std::vector<double> equalIntervalBreaks(std::span<const double> values, int classes);
// Linear interpolation between order statistics (R's type 7, QGIS's "equal count").
std::vector<double> quantileBreaks(std::span<const double> values, int classes);
// Fisher's exact optimisation, which Jenks's natural breaks approximate: the partition of the
// sorted values into `classes` runs with the least total squared deviation from the run means,
// by dynamic programming in O(classes · n²). More than `maxSample` values are classified on an
// evenly spaced sample of the sorted values that keeps the minimum and maximum, as QGIS does,
// so a click on Classify stays interactive on a large layer.
std::vector<double> naturalBreaks(std::span<const double> values, int classes,
                                  std::size_t maxSample = 3000);
std::vector<double> classBreaks(ClassificationMethod method, std::span<const double> values,
                                int classes);

} // namespace borderlens
