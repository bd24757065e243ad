#pragma once

#include "map/identify.h"
#include "map/map_layer.h"
#include "map/point_cache.h"

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace borderlens {

// Of the `candidates` (point indices), those within the query's radius of its pixel, nearest
// first, with their distance in pixels. Uses the cache's projection when it is ready; otherwise
// (the first frame in a new CRS is still being projected) projects just the candidates whose
// lon/lat lie near the click, so the GUI thread never waits for a million points.
std::vector<std::pair<std::uint32_t, double>> pointsNear(const PointCache& points,
                                                         std::span<const std::uint32_t> candidates,
                                                         const IdentifyQuery& query);

// identify() for a layer of points: the candidates near the click, nearest first, each described
// by `describe(index)` and stamped with the layer.
template <typename Describe>
std::vector<IdentifyResult> identifyPoints(const MapLayer& layer, const PointCache& points,
                                           std::span<const std::uint32_t> candidates,
                                           const IdentifyQuery& query, Describe describe) {
    std::vector<IdentifyResult> out;
    for (const auto& [i, d] : pointsNear(points, candidates, query)) {
        IdentifyResult r = describe(i);
        r.layerId = layer.id();
        r.layerName = layer.name();
        r.distancePixels = d;
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace borderlens
