#pragma once

#include "labels/label_request.h"
#include "map/point_cache.h"

#include <functional>

namespace borderlens {

// Adds a box as big as its symbol for every projected point inside the view, whatever the time
// window (placement is made once per view; a name must not hide a symbol that a later step
// shows). None when more than ctx.maxObstaclePoints are in view: those are drawn as a density
// surface, and names go over it.
void addSymbolObstacles(const ProjectedPoints& points, const LabelContext& ctx,
                        const std::function<double(std::size_t)>& radiusPx, LabelInputs& out);

} // namespace borderlens
