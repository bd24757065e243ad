#pragma once

#include "geo/geometry_columns.h"

#include <memory>
#include <vector>

namespace borderlens {

// A layer's geometry in one display CRS, ready to draw at any scale: the projected columns and,
// per vertex, the Douglas–Peucker tolerance below which the vertex is needed
// (douglasPeuckerTolerances). A frame keeps the vertices whose tolerance exceeds its pixel
// tolerance in map units: one comparison each, no per-zoom copies.
struct DrawableGeometry {
    std::shared_ptr<const GeometryColumns> columns;
    std::vector<float> tolerances;
};

} // namespace borderlens
