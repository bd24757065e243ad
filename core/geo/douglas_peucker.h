#pragma once

#include "geo/geometry_columns.h"

#include <vector>

namespace borderlens {

// Douglas–Peucker run once for every tolerance at once: for each vertex of `g`, the tolerance
// (in g's units) below which Douglas–Peucker keeps it. Keeping the vertices whose value exceeds
// a tolerance t gives exactly the Douglas–Peucker simplification at t, so a renderer picks its
// pixel tolerance per frame with one comparison per vertex instead of re-simplifying per zoom.
//
// A ring's or line's ends are always kept (+infinity), so rings stay closed; so is the vertex of
// a closed ring farthest from its start, so a ring that shrinks below the tolerance still draws
// as a speck rather than vanishing. Points are always kept. NaN vertices (unprojectable) split a
// ring into runs simplified separately, and are themselves ranked 0 (renderers skip them).
std::vector<float> douglasPeuckerTolerances(const GeometryColumns& g);

} // namespace borderlens
