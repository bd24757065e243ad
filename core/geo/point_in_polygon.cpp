#include "geo/point_in_polygon.h"

namespace borderlens {

bool featureContainsPoint(const GeometryColumns& g, std::size_t feature, double x, double y) {
    if (feature >= g.featureCount())
        return false;
    const Extent& e = g.featureExtents[feature];
    if (e.isEmpty() || x < e.xMin || x > e.xMax || y < e.yMin || y > e.yMax)
        return false;
    bool inside = false;
    for (std::uint32_t p = g.featureOffsets[feature]; p < g.featureOffsets[feature + 1]; ++p) {
        if (g.partKinds[p] != PartKind::Polygon)
            continue;
        for (std::uint32_t r = g.partOffsets[p]; r < g.partOffsets[p + 1]; ++r) {
            const std::uint32_t begin = g.ringOffsets[r];
            const std::uint32_t end = g.ringOffsets[r + 1];
            if (end - begin < 3)
                continue;
            // Crossing test of a ray to +x; the ring is treated as closed whether or not its
            // last vertex repeats the first.
            for (std::uint32_t i = begin, j = end - 1; i < end; j = i++) {
                const double xi = g.xy[2 * i], yi = g.xy[2 * i + 1];
                const double xj = g.xy[2 * j], yj = g.xy[2 * j + 1];
                if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
                    inside = !inside;
            }
        }
    }
    return inside;
}

std::optional<std::size_t> findFeatureContaining(const GeometryColumns& g, double x, double y) {
    for (std::size_t f = 0; f < g.featureCount(); ++f) {
        if (featureContainsPoint(g, f, x, y))
            return f;
    }
    return std::nullopt;
}

} // namespace borderlens
