#pragma once

#include "geo/crs.h"
#include "geo/extent.h"
#include "map/map_layer.h"
#include "time/time_range.h"

#include <QColor>
#include <QRectF>
#include <QSize>

#include <memory>
#include <vector>

namespace borderlens {

class PlaceNames;

// Everything a render needs, by value: the screen, PNG, PDF and SVG all draw from one of these.
// Layers are immutable snapshots (see MapLayer), listed bottom first; only visible ones are here.
struct MapSettings {
    Crs crs = Crs::utm42n();
    Extent extent;               // in crs units; the output shows at least this
    QSize outputSize{800, 600};  // in device pixels
    double dpi = 96.0;           // of the output: sizes in mm and pt scale with it
    QColor background{0xf7, 0xf5, 0xf0};
    // The time window temporal layers show; layers without time ignore it.
    TimeRange time = TimeRange::all();
    std::vector<std::shared_ptr<const MapLayer>> layers;
    // Vector layers leave out vertices that would move their lines by less than this many output
    // pixels (Douglas–Peucker): invisible, and far fewer joins to stroke. 0 draws every vertex.
    double simplifyTolerancePx = 0.5;
    // Towns and seats named from the gazetteer (null: none), above the layers' own names.
    std::shared_ptr<const PlaceNames> placeNames;
    // Whether names are drawn at all (false for the locator inset).
    bool labels = true;
    // What a page draws over the map (graticule labels), in output pixels: names keep clear.
    std::vector<QRectF> labelObstacles;
    // The view is moving under the user's hand (a drag, arrow-key pans): names placed for this
    // scale may slide with the map instead of being placed again, as Google Earth's and QGIS's
    // do while dragging. The frame after the gesture (false) places them for the view it ends on.
    bool interacting = false;
};

} // namespace borderlens
