#pragma once

#include "geo/coordinate_parser.h"

#include <vector>

namespace borderlens {

// A path measured on the WGS 84 ellipsoid (Karney's geodesics, geod_inverse and
// geod_polygon from PROJ's <geodesic.h>), as the measure tool shows it.
struct PathMeasure {
    double lengthMetres = 0;          // along every leg (and the closing one, when closed)
    std::vector<double> legMetres = {};
    std::vector<double> bearingsDeg = {}; // initial azimuth of each leg, 0–360 clockwise from north
    double areaSquareMetres = 0;      // closed paths of three or more points; 0 otherwise
};

PathMeasure measurePath(const std::vector<LonLat>& points, bool closed);

// The point of a line (lon/lat vertices, several parts) nearest to `from`, geodesically.
struct NearestPoint {
    LonLat at;
    double distanceMetres = -1; // -1 when the line is empty
    std::size_t part = 0;
    std::size_t segment = 0;
};

NearestPoint nearestOnLine(const std::vector<std::vector<LonLat>>& line, LonLat from);

} // namespace borderlens
