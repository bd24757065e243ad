#pragma once

#include "geo/geometry_columns.h"

#include <optional>

namespace borderlens {

// Point-in-polygon on GeometryColumns, in the columns' own planar coordinates (lon/lat degrees
// for a layer's lonLat()). Even-odd over every ring of every polygon part of the feature, so
// holes and multipolygons need no special case; a point exactly on an edge may fall either way.
// Point and line parts are ignored.
bool featureContainsPoint(const GeometryColumns& geometry, std::size_t feature, double x, double y);

// The first feature containing the point, or none.
std::optional<std::size_t> findFeatureContaining(const GeometryColumns& geometry, double x,
                                                 double y);

} // namespace borderlens
