#include "geo/extent_transform.h"

#include "geo/coordinate_transform.h"

#include <cmath>
#include <vector>

namespace borderlens {

Extent transformExtent(const Extent& extent, const Crs& from, const Crs& to, int samplesPerEdge) {
    if (extent.isEmpty())
        return {};
    auto t = TransformCache::get(from, to);
    if (!t)
        return {};
    if (t.value()->isIdentity())
        return extent;
    const int n = std::max(2, samplesPerEdge);
    std::vector<double> xy;
    xy.reserve(static_cast<std::size_t>(8 * n));
    for (int i = 0; i < n; ++i) {
        const double fx = extent.xMin + extent.width() * i / (n - 1);
        const double fy = extent.yMin + extent.height() * i / (n - 1);
        xy.insert(xy.end(), {fx, extent.yMin, fx, extent.yMax, extent.xMin, fy, extent.xMax, fy});
    }
    t.value()->transformInPlace(xy);
    Extent out;
    for (std::size_t i = 0; i + 1 < xy.size(); i += 2) {
        if (std::isfinite(xy[i]) && std::isfinite(xy[i + 1]))
            out.include(xy[i], xy[i + 1]);
    }
    return out;
}

} // namespace borderlens
