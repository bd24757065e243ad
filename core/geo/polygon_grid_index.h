#pragma once

#include "geo/extent.h"
#include "geo/geometry_columns.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace borderlens {

// Which polygon features contain a point, in constant time for most points: a grid over `area`
// keeps, for every cell, the features that contain the cell's centre and the polygon edges that
// cross the cell. A point in a cell no edge crosses takes the centre's answer; otherwise only the
// edges between the point and the centre are tested. It answers as featureContainsPoint() does
// (even-odd over every ring), without walking every ring of every polygon, which is what millions
// of lookups against polygons of thousands of vertices need. Holds up to 64 features (from
// `firstFeature`; others are ignored): a layer with more takes one index per 64.
class PolygonGridIndex {
public:
    static constexpr std::size_t kMaxFeatures = 64;

    PolygonGridIndex() = default;
    // `polygons` in any planar coordinates (lon/lat degrees for a layer's lonLat()); points outside
    // `area` belong to no feature. `cellSize` in the same units.
    PolygonGridIndex(const GeometryColumns& polygons, const Extent& area, double cellSize,
                     std::size_t firstFeature = 0);

    // Bit f set when feature firstFeature + f contains (x, y).
    std::uint64_t featuresAt(double x, double y) const;
    // The same decided exactly (geo/exact_orientation.h), telling a point on a feature's edge
    // apart: `boundary` has the features with (x, y) exactly on an edge, `inside` those holding it
    // strictly inside. What GEOS's point locator answers, as far as the cell centres' own answers
    // (a scan line per row) are right, i.e. unless an edge passes within rounding of a centre.
    struct Location {
        std::uint64_t inside = 0;
        std::uint64_t boundary = 0;
    };
    Location locate(double x, double y) const;
    // The lowest-numbered feature containing (x, y), or none.
    std::optional<std::size_t> firstFeatureAt(double x, double y) const;

    const Extent& area() const { return m_area; }

private:
    struct Edge {
        double x0, y0, x1, y1;
        std::uint32_t feature;
    };
    bool cellOf(double x, double y, int& col, int& row) const;
    bool cellAndCentre(double x, double y, std::size_t& cell, double& cx, double& cy) const;

    Extent m_area;
    double m_cellSize = 1.0;
    int m_cols = 0;
    int m_rows = 0;
    std::vector<std::uint64_t> m_centreMasks;   // per cell
    std::vector<std::uint32_t> m_cellEdgeStart; // per cell + 1, into m_cellEdges
    std::vector<std::uint32_t> m_cellEdges;     // indices into m_edges
    std::vector<Edge> m_edges;
};

} // namespace borderlens
