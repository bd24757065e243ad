#pragma once

#include "export/clipped_area.h"
#include "export/layout_cache.h"
#include "render/map_settings.h"
#include "render/map_viewport.h"

#include <QPainter>
#include <memory>
#include <vector>

namespace borderlens {

// A small overview of the region with the main map's extent outlined in red, so a reader sees
// where the map sits. It draws through MapRenderer like the main frame (one drawing path).
class LocatorInset {
public:
    // The layers the inset shows: a countries layer if one is among `layers`, else every layer
    // that is not temporal (incidents and outposts would only clutter an overview).
    static std::vector<std::shared_ptr<const MapLayer>>
    insetLayers(const std::vector<std::shared_ptr<const MapLayer>>& layers);

    // The inset's extent in the display CRS: the main frame's visible extent grown threefold,
    // kept within the inset layers' data (outside it an overview is empty paper), and never
    // smaller than the main extent with a margin.
    static Extent insetExtent(const MapViewport& mainFrame, const MapSettings& mainSettings,
                              const std::vector<std::shared_ptr<const MapLayer>>& insetLayers);

    // Draws the inset into `rect` (page coordinates) with a frame around it. With a `picture`,
    // a raster page reuses the one drawn for an earlier page when nothing it shows changed.
    static void draw(QPainter& painter, const QRectF& rect, double dpi,
                     const MapSettings& mainSettings, const MapViewport& mainFrame,
                     const ClippedAreaPainter& clipped = paintClipped,
                     InsetPicture* picture = nullptr);
};

} // namespace borderlens
