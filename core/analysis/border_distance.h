#pragma once

#include "geo/coordinate_parser.h"

#include <cstdint>
#include <vector>

namespace borderlens {

// Geodesic distance from points to a border line (lon/lat vertices in parts, segments straight
// in lon/lat as the border is drawn), for millions of points.
//
// A coarse grid over the region keeps, per cell, the only segments that can hold the nearest
// point of any point in the cell (those whose lower distance bound does not exceed the best
// upper bound found for the cell). A point then measures only its cell's candidates in a local
// plane scaled to its own latitude, and the answer is the geodesic distance (Karney, WGS 84) to
// the nearest point so found, checked against the next candidates within 1 %: within a metre of
// the true geodesic minimum for points near the border, far inside the 0.1 % / 50 m asked for.
// Points outside the grid are measured against every segment. Immutable; thread-safe.
class BorderDistance {
public:
    BorderDistance() = default;
    explicit BorderDistance(std::vector<std::vector<LonLat>> border);

    bool empty() const { return m_segments.empty(); }
    // Metres to the nearest point of the border; NaN when there is no border.
    double distanceMetres(double lon, double lat) const;
    // The same, with the nearest border point.
    double distanceMetres(double lon, double lat, LonLat& nearest) const;
    const std::vector<std::vector<LonLat>>& border() const { return m_border; }

private:
    struct Segment {
        double x0, y0, x1, y1; // lon, lat
    };
    void candidates(double lon, double lat, const std::uint32_t*& begin,
                    const std::uint32_t*& end) const;

    std::vector<std::vector<LonLat>> m_border;
    std::vector<Segment> m_segments;
    std::vector<std::uint32_t> m_allSegments;
    double m_lon0 = 0, m_lat0 = 0, m_cell = 0;
    int m_cols = 0, m_rows = 0;
    std::vector<std::uint32_t> m_cellStart; // per cell + 1
    std::vector<std::uint32_t> m_cellSegments;
};

} // namespace borderlens
