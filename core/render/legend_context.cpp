#include "render/legend_context.h"

#include "geo/geodesy.h"
#include "render/map_viewport.h"

namespace borderlens {

LegendContext legendContextFor(const MapSettings& s, bool complete) {
    LegendContext c(s.time);
    c.complete = complete;
    const MapViewport vp = MapViewport::fitting(s.extent, QSizeF(s.outputSize));
    if (!vp.isValid())
        return c;
    c.hasView = true;
    c.crs = s.crs;
    c.extent = vp.visibleExtent();
    c.outputSize = QSizeF(s.outputSize);
    c.dpi = s.dpi;
    if (const auto scale = scaleDenominator(vp, s.crs, s.dpi))
        c.metresPerPixel = *scale * 0.0254 / s.dpi;
    return c;
}

} // namespace borderlens
