#include "map/points_near.h"

#include <algorithm>
#include <cmath>

namespace borderlens {

std::vector<std::pair<std::uint32_t, double>> pointsNear(const std::vector<double>& xy,
                                                         std::span<const std::uint32_t> candidates,
                                                         const IdentifyQuery& q) {
    std::vector<std::pair<std::uint32_t, double>> hits;
    for (std::uint32_t i : candidates) {
        if (std::isnan(xy[2 * i]) || std::isnan(xy[2 * i + 1]))
            continue;
        const QPointF at = q.viewport.toPixel(xy[2 * i], xy[2 * i + 1]);
        const double d = std::hypot(at.x() - q.pixel.x(), at.y() - q.pixel.y());
        if (d <= q.radiusPixels)
            hits.emplace_back(i, d);
    }
    std::stable_sort(hits.begin(), hits.end(),
                     [](const auto& a, const auto& b) { return a.second < b.second; });
    return hits;
}

} // namespace borderlens
