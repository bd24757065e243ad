#include "geo/polygon_grid_index.h"

#include "geo/exact_orientation.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace borderlens {

namespace {

// Sign of the turn a -> b -> c; zero counts as positive so that a segment passing exactly through
// a vertex crosses exactly one of the two edges that meet there.
bool leftOf(double ax, double ay, double bx, double by, double cx, double cy) {
    return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax) >= 0.0;
}

} // namespace

PolygonGridIndex::PolygonGridIndex(const GeometryColumns& g, const Extent& area, double cellSize,
                                   std::size_t firstFeature)
    : m_area(area), m_cellSize(cellSize) {
    if (area.isEmpty() || !(cellSize > 0.0))
        return;
    m_cols = std::max(1, static_cast<int>(std::ceil(area.width() / cellSize)));
    m_rows = std::max(1, static_cast<int>(std::ceil(area.height() / cellSize)));
    const std::size_t cells = static_cast<std::size_t>(m_cols) * static_cast<std::size_t>(m_rows);
    m_centreMasks.assign(cells, 0);

    const std::size_t features =
        firstFeature >= g.featureCount() ? 0 : std::min(g.featureCount() - firstFeature, kMaxFeatures);
    for (std::size_t f = 0; f < features; ++f) {
        const std::size_t feature = firstFeature + f;
        for (std::uint32_t p = g.featureOffsets[feature]; p < g.featureOffsets[feature + 1]; ++p) {
            if (g.partKinds[p] != PartKind::Polygon)
                continue;
            for (std::uint32_t r = g.partOffsets[p]; r < g.partOffsets[p + 1]; ++r) {
                const std::uint32_t begin = g.ringOffsets[r];
                const std::uint32_t end = g.ringOffsets[r + 1];
                if (end - begin < 3)
                    continue;
                for (std::uint32_t i = begin, j = end - 1; i < end; j = i++)
                    m_edges.push_back({g.xy[2 * j], g.xy[2 * j + 1], g.xy[2 * i], g.xy[2 * i + 1],
                                       static_cast<std::uint32_t>(f)});
            }
        }
    }

    // Centres, one scan line per row, with the crossing rule of featureContainsPoint().
    std::vector<std::vector<double>> crossings(features);
    for (int row = 0; row < m_rows; ++row) {
        const double y = area.yMin + (row + 0.5) * cellSize;
        for (auto& c : crossings)
            c.clear();
        for (const Edge& e : m_edges) {
            if ((e.y1 > y) != (e.y0 > y))
                crossings[e.feature].push_back((e.x0 - e.x1) * (y - e.y1) / (e.y0 - e.y1) + e.x1);
        }
        for (std::size_t f = 0; f < features; ++f) {
            auto& xs = crossings[f];
            if (xs.empty())
                continue;
            std::sort(xs.begin(), xs.end());
            for (int col = 0; col < m_cols; ++col) {
                const double x = area.xMin + (col + 0.5) * cellSize;
                const auto above = xs.end() - std::upper_bound(xs.begin(), xs.end(), x);
                if (above % 2 == 1)
                    m_centreMasks[static_cast<std::size_t>(row) * m_cols + col] |= std::uint64_t{1}
                                                                                   << f;
            }
        }
    }

    // Edges by cell (every cell of the edge's bounding box: conservative, and edges are short).
    auto cellRange = [&](const Edge& e, int& c0, int& c1, int& r0, int& r1) {
        const auto clampCol = [&](double x) {
            return std::clamp(static_cast<int>(std::floor((x - area.xMin) / cellSize)), 0,
                              m_cols - 1);
        };
        const auto clampRow = [&](double y) {
            return std::clamp(static_cast<int>(std::floor((y - area.yMin) / cellSize)), 0,
                              m_rows - 1);
        };
        const double xl = std::min(e.x0, e.x1), xh = std::max(e.x0, e.x1);
        const double yl = std::min(e.y0, e.y1), yh = std::max(e.y0, e.y1);
        if (xh < area.xMin || xl > area.xMax || yh < area.yMin || yl > area.yMax)
            return false;
        c0 = clampCol(xl);
        c1 = clampCol(xh);
        r0 = clampRow(yl);
        r1 = clampRow(yh);
        return true;
    };
    std::vector<std::uint32_t> counts(cells + 1, 0);
    for (const Edge& e : m_edges) {
        int c0, c1, r0, r1;
        if (!cellRange(e, c0, c1, r0, r1))
            continue;
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c)
                ++counts[static_cast<std::size_t>(r) * m_cols + c + 1];
    }
    for (std::size_t i = 1; i <= cells; ++i)
        counts[i] += counts[i - 1];
    m_cellEdgeStart = counts;
    m_cellEdges.resize(counts[cells]);
    for (std::uint32_t k = 0; k < m_edges.size(); ++k) {
        int c0, c1, r0, r1;
        if (!cellRange(m_edges[k], c0, c1, r0, r1))
            continue;
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c)
                m_cellEdges[counts[static_cast<std::size_t>(r) * m_cols + c]++] = k;
    }
}

bool PolygonGridIndex::cellOf(double x, double y, int& col, int& row) const {
    if (m_cols == 0 ||
        !(x >= m_area.xMin && x < m_area.xMax && y >= m_area.yMin && y < m_area.yMax))
        return false;
    col = std::min(static_cast<int>((x - m_area.xMin) / m_cellSize), m_cols - 1);
    row = std::min(static_cast<int>((y - m_area.yMin) / m_cellSize), m_rows - 1);
    return true;
}

bool PolygonGridIndex::cellAndCentre(double x, double y, std::size_t& cell, double& cx,
                                     double& cy) const {
    int col = 0, row = 0;
    if (!cellOf(x, y, col, row))
        return false;
    cell = static_cast<std::size_t>(row) * m_cols + col;
    cx = m_area.xMin + (col + 0.5) * m_cellSize;
    cy = m_area.yMin + (row + 0.5) * m_cellSize;
    return true;
}

std::uint64_t PolygonGridIndex::featuresAt(double x, double y) const {
    std::size_t cell = 0;
    double cx = 0, cy = 0;
    if (!cellAndCentre(x, y, cell, cx, cy))
        return 0;
    std::uint64_t mask = m_centreMasks[cell];
    // Each boundary crossing between the point and the centre flips that feature's answer.
    for (std::uint32_t k = m_cellEdgeStart[cell]; k < m_cellEdgeStart[cell + 1]; ++k) {
        const Edge& e = m_edges[m_cellEdges[k]];
        if (leftOf(x, y, cx, cy, e.x0, e.y0) != leftOf(x, y, cx, cy, e.x1, e.y1) &&
            leftOf(e.x0, e.y0, e.x1, e.y1, x, y) != leftOf(e.x0, e.y0, e.x1, e.y1, cx, cy))
            mask ^= std::uint64_t{1} << e.feature;
    }
    return mask;
}

PolygonGridIndex::Location PolygonGridIndex::locate(double x, double y) const {
    Location at;
    std::size_t cell = 0;
    double cx = 0, cy = 0;
    if (!cellAndCentre(x, y, cell, cx, cy))
        return at;
    std::uint64_t mask = m_centreMasks[cell];
    // As featuresAt(), with exact signs; zero still counts as positive so that the segment to the
    // centre passing through a vertex crosses exactly one of its two edges. A point on an edge
    // is on that feature's boundary, whatever the crossings say.
    for (std::uint32_t k = m_cellEdgeStart[cell]; k < m_cellEdgeStart[cell + 1]; ++k) {
        const Edge& e = m_edges[m_cellEdges[k]];
        const std::uint64_t bit = std::uint64_t{1} << e.feature;
        const int side = orientation(e.x0, e.y0, e.x1, e.y1, x, y);
        if (side == 0 && onSegment(e.x0, e.y0, e.x1, e.y1, x, y)) {
            at.boundary |= bit;
            continue;
        }
        if ((orientation(x, y, cx, cy, e.x0, e.y0) >= 0) !=
                (orientation(x, y, cx, cy, e.x1, e.y1) >= 0) &&
            (side >= 0) != (orientation(e.x0, e.y0, e.x1, e.y1, cx, cy) >= 0))
            mask ^= bit;
    }
    at.inside = mask & ~at.boundary;
    return at;
}

std::optional<std::size_t> PolygonGridIndex::firstFeatureAt(double x, double y) const {
    const std::uint64_t mask = featuresAt(x, y);
    if (mask == 0)
        return std::nullopt;
    return static_cast<std::size_t>(std::countr_zero(mask));
}

} // namespace borderlens
