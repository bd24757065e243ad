#include "geo/geometry_columns.h"

#include <cmath>

namespace borderlens {

Extent GeometryColumns::computeExtent(std::size_t feature) const {
    Extent e;
    const std::uint32_t r0 = partOffsets[featureOffsets[feature]];
    const std::uint32_t r1 = partOffsets[featureOffsets[feature + 1]];
    for (std::uint32_t v = ringOffsets[r0]; v < ringOffsets[r1]; ++v) {
        const double x = xy[2 * v];
        const double y = xy[2 * v + 1];
        // A vertex that could not be reprojected is NaN; it must not poison the extent.
        if (std::isfinite(x) && std::isfinite(y))
            e.include(x, y);
    }
    return e;
}

void GeometryColumns::updateExtents() {
    featureExtents.resize(featureCount());
    for (std::size_t f = 0; f < featureCount(); ++f)
        featureExtents[f] = computeExtent(f);
}

Extent GeometryColumns::totalExtent() const {
    Extent e;
    for (const Extent& fe : featureExtents)
        e.include(fe);
    return e;
}

} // namespace borderlens
