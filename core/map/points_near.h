#pragma once

#include "map/identify.h"
#include "map/map_layer.h"
#include "map/point_cache.h"

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace borderlens {

// Of the `candidates` (indices into interleaved projected points `xy`), those within the query's
// radius of its pixel, nearest first, with their distance in pixels. What a point layer's
// identify() needs before it describes each hit.
std::vector<std::pair<std::uint32_t, double>> pointsNear(const std::vector<double>& xy,
                                                         std::span<const std::uint32_t> candidates,
                                                         const IdentifyQuery& query);

// identify() for a layer of points: the candidates near the click, nearest first, each described
// by `describe(index)` and stamped with the layer.
template <typename Describe>
std::vector<IdentifyResult> identifyPoints(const MapLayer& layer, const PointCache& points,
                                           std::span<const std::uint32_t> candidates,
                                           const IdentifyQuery& query, Describe describe) {
    std::vector<IdentifyResult> out;
    auto projected = points.projected(query.crs);
    if (!projected)
        return out;
    for (const auto& [i, d] : pointsNear(*projected.value(), candidates, query)) {
        IdentifyResult r = describe(i);
        r.layerId = layer.id();
        r.layerName = layer.name();
        r.distancePixels = d;
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace borderlens
