#pragma once

#include "geo/extent.h"
#include "map/map_layer.h"
#include "render/render_cache.h"

#include <QImage>
#include <QRectF>
#include <QString>
#include <memory>
#include <vector>

namespace borderlens {

// The locator inset as drawn last time. A playback's frames differ only in their time window,
// which the inset never shows (it has no temporal layers), so one picture serves every frame.
struct InsetPicture {
    QImage image; // null: nothing drawn yet
    QRectF rect;
    Extent mainExtent;
    std::vector<std::shared_ptr<const MapLayer>> layers; // held, so the pointers stay unique
    QString crs;
    double dpi = 0;
};

// What LayoutRenderer keeps between pages that differ only in time (the frames of an
// animation): the map frame's static layers (RenderCache) and the inset. Without it each frame
// redrew every base layer and the inset's country names, most of a frame's drawing time.
// Raster pages only (vector pages ignore it); one render thread at a time.
struct LayoutCache {
    RenderCache map;
    InsetPicture inset;
};

} // namespace borderlens
