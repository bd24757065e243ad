#pragma once

#include "geo/crs.h"
#include "render/map_viewport.h"
#include "time/time_range.h"

#include <QColor>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <cstdint>
#include <vector>

namespace borderlens {

// What a layer needs to say what it would name in a view: where map units land, how big a point
// is on this output, and the scale (names are chosen by scale, as on a printed map series).
struct LabelContext {
    MapViewport viewport;
    Crs crs;
    double dpi = 96.0;
    double scale = 0; // the N of 1:N at the centre; 0 when unknown
    // Incident and outpost symbols are obstacles; above this many in view they are a density
    // surface, not symbols, and labels ignore them.
    std::size_t maxObstaclePoints = 3000;

    double pointsToPixels(double pt) const { return pt * dpi / 72.0; }
    double mmToPixels(double mm) const { return mm * dpi / 25.4; }
};

// How a name looks. Sizes are in points, so a label is as big on a 300 DPI page as on screen.
struct LabelTextStyle {
    double sizePt = 8.0;
    bool bold = false;
    bool italic = false;   // water
    bool capitals = false; // spaced capitals (countries)
    QColor colour{0x22, 0x22, 0x22};
    QColor halo{255, 255, 255, 230};
    double haloMm = 0.45; // the buffer around each letter that keeps it legible over lines

    friend bool operator==(const LabelTextStyle&, const LabelTextStyle&) = default;
};

enum class LabelShape : std::uint8_t {
    Point, // beside a symbol: eight positions around it
    Line,  // along a line, following its curve, kept upright
    Area,  // centred on one of a few good points inside the visible part of a polygon
};

// One name a layer asks to be placed, in output pixels.
struct LabelRequest {
    QString text;
    LabelTextStyle style = {};
    double priority = 0; // placed in decreasing priority: a lower one gives way
    LabelShape shape = LabelShape::Point;
    // Point: the anchor. Line: the polyline. Area: candidate centres, best first.
    std::vector<QPointF> points = {};
    double symbolRadiusPx = 0; // Point: the room its symbol takes around the anchor
    double repeatPx = 0;       // Line: one label per this much line (0: one label)
    bool dot = false;          // Point: the label draws its own small dot (places with no layer)
    // When the named thing is on the map (an incident's span, an outpost's life): its place is
    // kept at every time, so a time step needs no new placement, and it is drawn only in frames
    // whose window overlaps this.
    TimeRange when = TimeRange::all();
};

// What a frame asks names to keep clear of: symbols that must stay visible.
struct LabelInputs {
    std::vector<LabelRequest> requests;
    std::vector<QRectF> obstacles;
};

} // namespace borderlens
