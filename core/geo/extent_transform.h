#pragma once

#include "geo/crs.h"
#include "geo/extent.h"

namespace borderlens {

// The extent in `to` that covers `extent` in `from`. Edges are sampled (not just the corners),
// because a lon/lat box becomes curved in UTM and its corners alone would cut off its sides.
// Points that cannot be transformed are ignored; empty if none can.
Extent transformExtent(const Extent& extent, const Crs& from, const Crs& to,
                       int samplesPerEdge = 21);

} // namespace borderlens
