#pragma once

#include "geo/crs.h"
#include "render/map_viewport.h"

#include <QPainter>
#include <QStringList>
#include <optional>

namespace borderlens {

// A north arrow pointing to TRUE north at the map frame's centre. In a transverse Mercator (UTM)
// frame away from the central meridian the meridians lean, so true north differs from the
// frame's up (grid north) by the grid convergence; the arrow is turned by it and says so.
struct NorthArrow {
    // Clockwise angle on the page from straight up (grid north) to true north, in degrees.
    double rotationDeg = 0;
    // The grid convergence: the angle from true north to grid north, positive when grid north
    // lies east of true north (the usual sign convention).
    double convergenceDeg = 0;
    bool projected = false; // the CRS is projected (grid north is a thing)

    // From the bearing of the meridian through the frame's centre in the display CRS: the centre
    // (lon, lat) and (lon, lat + 0.1°) are projected and the angle between them measured.
    static std::optional<NorthArrow> compute(const MapViewport& frame, const Crs& crs);

    // "True north", then "grid convergence 1.2°" when it is worth saying (projected, ≥ 0.05°).
    QStringList labelLines() const;
    // Draws the arrow centred horizontally in `area`, its label below.
    void draw(QPainter& painter, const QRectF& area, double dpi) const;
    // The height the arrow and its label need, in device units.
    static double heightPx(double dpi);
};

} // namespace borderlens
