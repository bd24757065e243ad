#include "map/points_near.h"

#include "geo/coordinate_transform.h"

#include <algorithm>
#include <cmath>

namespace borderlens {

std::vector<std::pair<std::uint32_t, double>> pointsNear(const PointCache& points,
                                                         std::span<const std::uint32_t> candidates,
                                                         const IdentifyQuery& q) {
    std::vector<std::pair<std::uint32_t, double>> hits;
    auto consider = [&](std::uint32_t i, double x, double y) {
        if (std::isnan(x) || std::isnan(y))
            return;
        const QPointF at = q.viewport.toPixel(x, y);
        const double d = std::hypot(at.x() - q.pixel.x(), at.y() - q.pixel.y());
        if (d <= q.radiusPixels)
            hits.emplace_back(i, d);
    };
    if (const auto projected = points.ready(q.crs)) {
        for (std::uint32_t i : candidates)
            if (projected->valid(i))
                consider(i, projected->x(i), projected->y(i));
    } else {
        auto toMap = TransformCache::get(Crs::wgs84(), q.crs);
        if (!toMap)
            return hits;
        // The click's neighbourhood in lon/lat (twice the radius, for the projection's curvature).
        const double reach = 2 * q.radiusPixels;
        Extent box;
        for (QPointF corner : {QPointF(-reach, -reach), QPointF(reach, -reach),
                               QPointF(-reach, reach), QPointF(reach, reach)}) {
            const QPointF m = q.viewport.toMap(q.pixel + corner);
            double x = m.x(), y = m.y();
            if (toMap.value()->transform(x, y, CoordinateTransform::Direction::Inverse))
                box.include(x, y);
        }
        if (box.isEmpty())
            return hits;
        for (std::uint32_t i : candidates) {
            double x = points.lons()[i], y = points.lats()[i];
            if (x < box.xMin || x > box.xMax || y < box.yMin || y > box.yMax)
                continue;
            if (toMap.value()->transform(x, y))
                consider(i, x, y);
        }
    }
    std::stable_sort(hits.begin(), hits.end(),
                     [](const auto& a, const auto& b) { return a.second < b.second; });
    return hits;
}

} // namespace borderlens
