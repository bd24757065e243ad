#pragma once

#include "geo/crs.h"
#include "render/map_viewport.h"

#include <QPainter>
#include <QString>
#include <optional>

namespace borderlens {

// A scale bar for a map frame: a round length (1, 2 or 5 × 10^n metres) laid along the frame's
// centre row, with its length in pixels taken from the geodesic distance there, so it is right in
// any CRS (UTM, Web Mercator, lon/lat) at least at the centre of the map.
struct ScaleBar {
    double lengthPx = 0;       // drawn length, in the frame's device units
    double lengthMetres = 0;   // the labelled length
    double measuredMetres = 0; // the geodesic distance the drawn bar spans on the centre row
    int segments = 4;

    // The longest round bar not longer than maxLengthPx, centred on the frame's centre row.
    // Empty if the centre cannot be transformed to lon/lat.
    static std::optional<ScaleBar> compute(const MapViewport& frame, const Crs& crs,
                                           double maxLengthPx);

    // "100 km", "500 m".
    static QString formatLength(double metres);
    // The height the bar and its labels need, in device units.
    static double heightPx(double dpi);
    // Draws the bar left-aligned in `area` (labels above, bar below).
    void draw(QPainter& painter, const QRectF& area, double dpi) const;
};

// The geodesic length in metres of the horizontal span of `lengthPx` centred on the frame's
// centre; empty if a point cannot be transformed. What the scale bar is checked against.
std::optional<double> centreRowDistance(const MapViewport& frame, const Crs& crs, double lengthPx);

} // namespace borderlens
