#pragma once

#include "map/identify.h"

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

} // namespace borderlens
