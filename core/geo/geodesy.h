#pragma once

#include "geo/crs.h"
#include "render/map_viewport.h"

#include <optional>

struct geod_geodesic;

namespace borderlens {

// The WGS 84 ellipsoid for PROJ's geodesic routines (<geodesic.h>).
const geod_geodesic& wgs84Geodesic();

// Distance in metres along the WGS 84 ellipsoid between two lon/lat points (Karney's algorithm,
// as shipped with PROJ).
double geodesicDistance(double lon1, double lat1, double lon2, double lat2);

// The true scale denominator (the N of 1:N) at the centre of a viewport, measured geodesically
// over a short horizontal span so it is right in any CRS (UTM, Web Mercator, lon/lat).
// Empty if the centre cannot be transformed.
std::optional<double> scaleDenominator(const MapViewport& viewport, const Crs& crs, double dpi);

} // namespace borderlens
