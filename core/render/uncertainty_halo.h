#pragma once

#include "geo/geo_precision.h"
#include "render/render_context.h"

namespace borderlens {

// A halo whose diameter exceeds this fraction of the view's shorter side is drawn unfilled.
inline constexpr double kHaloOutlineOnlyFraction = 0.2;

// The dashed, faintly filled circle drawn around an approximate location, as wide on the ground
// as its uncertainty (uncertaintyRadiusMetres). Skipped for exact places, when the scale is
// unknown, or when the circle would be no larger than `minRadiusPx` (the symbol says enough).
// Large halos are outlines only (kHaloOutlineOnlyFraction).
void drawUncertaintyHalo(RenderContext& ctx, QPointF at, GeoPrecision precision, QColor colour,
                         Qt::PenStyle style, double minRadiusPx);

} // namespace borderlens
