#pragma once

#include "render/render_context.h"

#include <functional>

namespace borderlens {

// Draws a layer (`draw`) at `opacity` (0..1) as one sheet, as QGIS draws a layer with opacity.
// On raster outputs the layer is drawn into an image of its own, which is then blended once, so
// an outline over its fill or two overlapping features do not show through each other. PDF and
// SVG stay vector: there each shape gets the opacity, which differs only where a layer's own
// shapes overlap.
void drawWithOpacity(RenderContext& ctx, double opacity,
                     const std::function<void(RenderContext&)>& draw);

} // namespace borderlens
