#include "render/classification.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace borderlens {
namespace {

std::vector<double> sortedFinite(std::span<const double> values) {
    std::vector<double> v;
    v.reserve(values.size());
    for (double x : values) {
        if (std::isfinite(x))
            v.push_back(x);
    }
    std::sort(v.begin(), v.end());
    return v;
}

// Ascending, without repeats, ending on the maximum whatever rounding did to the last break.
std::vector<double> finish(std::vector<double> breaks, double maximum) {
    if (breaks.empty())
        return breaks;
    breaks.back() = maximum;
    breaks.erase(std::unique(breaks.begin(), breaks.end()), breaks.end());
    return breaks;
}

} // namespace

QString displayName(ClassificationMethod method) {
    switch (method) {
    case ClassificationMethod::EqualInterval:
        return QStringLiteral("Equal interval");
    case ClassificationMethod::Quantile:
        return QStringLiteral("Quantile (equal count)");
    case ClassificationMethod::NaturalBreaks:
        return QStringLiteral("Natural breaks (Jenks)");
    }
    return {};
}

std::vector<double> equalIntervalBreaks(std::span<const double> values, int classes) {
    const std::vector<double> v = sortedFinite(values);
    if (v.empty())
        return {};
    classes = std::max(1, classes);
    const double lo = v.front(), hi = v.back();
    std::vector<double> breaks;
    for (int k = 1; k <= classes; ++k)
        breaks.push_back(lo + (hi - lo) * k / classes);
    return finish(std::move(breaks), hi);
}

std::vector<double> quantileBreaks(std::span<const double> values, int classes) {
    const std::vector<double> v = sortedFinite(values);
    if (v.empty())
        return {};
    classes = std::max(1, classes);
    const std::size_t n = v.size();
    std::vector<double> breaks;
    for (int k = 1; k < classes; ++k) {
        const double a = static_cast<double>(k) / classes * static_cast<double>(n - 1);
        const auto i = static_cast<std::size_t>(a);
        const double r = a - static_cast<double>(i);
        breaks.push_back(i + 1 < n ? (1 - r) * v[i] + r * v[i + 1] : v[i]);
    }
    breaks.push_back(v.back());
    return finish(std::move(breaks), v.back());
}

std::vector<double> naturalBreaks(std::span<const double> values, int classes,
                                  std::size_t maxSample) {
    std::vector<double> v = sortedFinite(values);
    if (v.empty())
        return {};
    const double maximum = v.back();
    if (maxSample >= 2 && v.size() > maxSample) {
        std::vector<double> sample(maxSample);
        for (std::size_t i = 0; i < maxSample; ++i)
            sample[i] = v[i * (v.size() - 1) / (maxSample - 1)];
        v = std::move(sample);
    }
    const std::size_t n = v.size();
    const auto k = static_cast<std::size_t>(std::clamp(classes, 1, static_cast<int>(n)));

    // Sums of values and squares from v[0] to v[i-1], shifted by the first value so that the
    // differences below do not lose the digits that matter.
    std::vector<double> s1(n + 1, 0.0), s2(n + 1, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        const double x = v[i] - v[0];
        s1[i + 1] = s1[i] + x;
        s2[i + 1] = s2[i] + x * x;
    }
    // Squared deviation from their mean of v[a..b) (a < b).
    auto deviation = [&](std::size_t a, std::size_t b) {
        const double sum = s1[b] - s1[a];
        return std::max(0.0, s2[b] - s2[a] - sum * sum / static_cast<double>(b - a));
    };

    // cost[c][j]: the least deviation of v[0..j) in c+1 classes; start[c][j]: where its last
    // class begins.
    constexpr double inf = std::numeric_limits<double>::infinity();
    std::vector<std::vector<double>> cost(k, std::vector<double>(n + 1, inf));
    std::vector<std::vector<std::size_t>> start(k, std::vector<std::size_t>(n + 1, 0));
    for (std::size_t j = 1; j <= n; ++j)
        cost[0][j] = deviation(0, j);
    for (std::size_t c = 1; c < k; ++c) {
        for (std::size_t j = c + 1; j <= n; ++j) {
            for (std::size_t i = c; i < j; ++i) { // the last class is v[i..j)
                const double total = cost[c - 1][i] + deviation(i, j);
                if (total < cost[c][j]) {
                    cost[c][j] = total;
                    start[c][j] = i;
                }
            }
        }
    }
    std::vector<double> breaks(k);
    std::size_t end = n;
    for (std::size_t c = k; c-- > 0;) {
        breaks[c] = v[end - 1];
        end = c > 0 ? start[c][end] : 0;
    }
    return finish(std::move(breaks), maximum);
}

std::vector<double> classBreaks(ClassificationMethod method, std::span<const double> values,
                                int classes) {
    switch (method) {
    case ClassificationMethod::EqualInterval:
        return equalIntervalBreaks(values, classes);
    case ClassificationMethod::Quantile:
        return quantileBreaks(values, classes);
    case ClassificationMethod::NaturalBreaks:
        return naturalBreaks(values, classes);
    }
    return {};
}

} // namespace borderlens
