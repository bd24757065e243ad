#pragma once

#include "labels/label_request.h"
#include "map/point_cache.h"

#include <functional>

namespace borderlens {

// How a point layer's symbols take part in labelling: how big each is and, when the layer names
// them, its name, look and time on the map.
struct SymbolLabels {
    std::function<double(std::size_t)> radiusPx;
    std::function<QString(std::size_t)> text = {}; // empty: the symbols are obstacles only
    std::function<TimeRange(std::size_t)> when = {};
    LabelTextStyle style = {};
    double priority = 0;
};

// Adds a box as big as its symbol for every projected point inside the view, and its name when
// `how.text` is set, whatever the time window: placement is made once per view, so a name must
// neither hide a symbol a later step shows nor lose its place when the step comes (its label is
// drawn only while the point is on the map: LabelRequest::when). Nothing when more than
// ctx.maxObstaclePoints are in view: those are drawn as a density surface, and names go over it.
void addSymbolLabels(const ProjectedPoints& points, const LabelContext& ctx,
                     const SymbolLabels& how, LabelInputs& out);

} // namespace borderlens
