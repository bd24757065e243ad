#pragma once

#include <QPointF>
#include <QRectF>

#include <vector>

namespace borderlens {

struct AreaAnchor {
    QPointF at;
    double clearancePx = 0; // distance to the nearest edge of the polygon or of the frame
};

// Good places for an area's name inside the part of a polygon that `frame` shows (rings in
// pixels, the first the exterior, the rest holes): points of a grid over the visible part,
// ranked by how far they are from its edges (an approximate pole of inaccessibility, as QGIS
// labels polygons "around centroid / over the polygon"), at most `count`, spaced so the
// alternatives differ. Empty when no grid point is inside.
std::vector<AreaAnchor> areaAnchors(const std::vector<std::vector<QPointF>>& rings,
                                    const QRectF& frame, std::size_t count = 12);

// The stretches of a pixel polyline inside `frame` (each at least two vertices): names are
// placed along what is shown, not along parts of the river far off screen.
std::vector<std::vector<QPointF>> visibleRuns(const std::vector<QPointF>& line,
                                              const QRectF& frame);

} // namespace borderlens
