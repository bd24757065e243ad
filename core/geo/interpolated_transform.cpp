#include "geo/interpolated_transform.h"

#include <algorithm>
#include <cmath>

namespace borderlens {

namespace {

// Nodes cost nine PROJ calls each (value and derivatives) and cells five more to check; a grid
// is worth it only for many more points than that, which the caller decides.
constexpr int kMaxCellsPerSide = 1024;

// The Hermite basis: p(t) = [1 t t² t³] · M · [p0 p1 p0' p1']ᵀ.
constexpr double kM[4][4] = {{1, 0, 0, 0}, {0, 0, 1, 0}, {-3, 3, -2, -1}, {2, -2, 1, 1}};

double evaluate(const double (&a)[16], double u, double v) {
    // Horner in v inside Horner in u.
    double out = 0;
    for (int i = 3; i >= 0; --i) {
        const double* row = a + 4 * i;
        out = out * u + (((row[3] * v + row[2]) * v + row[1]) * v + row[0]);
    }
    return out;
}

} // namespace

InterpolatedTransform InterpolatedTransform::build(const CoordinateTransform& exact,
                                                   const Extent& lonLat, double tolerance,
                                                   std::size_t maxCells, double cellDegrees) {
    InterpolatedTransform t;
    if (lonLat.isEmpty() || exact.isIdentity())
        return t;
    double step = cellDegrees;
    while ((lonLat.width() / step > kMaxCellsPerSide) || (lonLat.height() / step > kMaxCellsPerSide) ||
           (lonLat.width() / step + 2) * (lonLat.height() / step + 2) > double(maxCells))
        step *= 2;
    t.m_step = step;
    t.m_lon0 = std::floor(lonLat.xMin / step) * step;
    t.m_lat0 = std::floor(lonLat.yMin / step) * step;
    t.m_cols = std::max(1, static_cast<int>(std::ceil((lonLat.xMax - t.m_lon0) / step)));
    t.m_rows = std::max(1, static_cast<int>(std::ceil((lonLat.yMax - t.m_lat0) / step)));
    if (lonLat.xMax >= t.m_lon0 + t.m_cols * step)
        ++t.m_cols;
    if (lonLat.yMax >= t.m_lat0 + t.m_rows * step)
        ++t.m_rows;

    // Each node: value and derivatives per degree, by central differences a hundredth of a
    // cell wide (PROJ is exact to far below what that step loses).
    const int nodeCols = t.m_cols + 1, nodeRows = t.m_rows + 1;
    const double d = step / 100.0;
    static constexpr int kProbes = 9;
    static constexpr double kDx[kProbes] = {0, 1, -1, 0, 0, 1, 1, -1, -1};
    static constexpr double kDy[kProbes] = {0, 0, 0, 1, -1, 1, -1, 1, -1};
    std::vector<double> probes(std::size_t(nodeCols) * std::size_t(nodeRows) * kProbes * 2);
    std::size_t k = 0;
    for (int r = 0; r < nodeRows; ++r)
        for (int c = 0; c < nodeCols; ++c)
            for (int p = 0; p < kProbes; ++p) {
                probes[k++] = t.m_lon0 + c * step + kDx[p] * d;
                probes[k++] = t.m_lat0 + r * step + kDy[p] * d;
            }
    exact.transformInPlace(probes);
    struct Node {
        double f[2], fx[2], fy[2], fxy[2];
        bool ok;
    };
    std::vector<Node> nodes(std::size_t(nodeCols) * std::size_t(nodeRows));
    for (std::size_t n = 0; n < nodes.size(); ++n) {
        const double* q = &probes[n * kProbes * 2];
        Node& node = nodes[n];
        node.ok = true;
        for (int p = 0; p < kProbes * 2; ++p)
            node.ok = node.ok && std::isfinite(q[p]);
        for (int axis = 0; axis < 2; ++axis) {
            const auto at = [&](int probe) { return q[2 * probe + axis]; };
            node.f[axis] = at(0);
            node.fx[axis] = (at(1) - at(2)) / (2 * d);
            node.fy[axis] = (at(3) - at(4)) / (2 * d);
            node.fxy[axis] = (at(5) - at(6) - at(7) + at(8)) / (4 * d * d);
        }
    }

    t.m_cells.resize(std::size_t(t.m_cols) * std::size_t(t.m_rows));
    for (int r = 0; r < t.m_rows; ++r)
        for (int c = 0; c < t.m_cols; ++c) {
            Cell& cell = t.m_cells[std::size_t(r) * std::size_t(t.m_cols) + std::size_t(c)];
            const Node* corner[2][2] = {
                {&nodes[std::size_t(r) * nodeCols + c], &nodes[std::size_t(r + 1) * nodeCols + c]},
                {&nodes[std::size_t(r) * nodeCols + c + 1],
                 &nodes[std::size_t(r + 1) * nodeCols + c + 1]}}; // [u][v]
            cell.exact = !(corner[0][0]->ok && corner[0][1]->ok && corner[1][0]->ok &&
                           corner[1][1]->ok);
            if (cell.exact)
                continue;
            for (int axis = 0; axis < 2; ++axis) {
                // F[i][j]: values (i, j < 2), u-derivatives (i >= 2), v-derivatives (j >= 2),
                // all per cell (derivatives per degree times the step).
                double F[4][4];
                for (int i = 0; i < 2; ++i)
                    for (int j = 0; j < 2; ++j) {
                        const Node& n = *corner[i][j];
                        F[i][j] = n.f[axis];
                        F[i + 2][j] = n.fx[axis] * step;
                        F[i][j + 2] = n.fy[axis] * step;
                        F[i + 2][j + 2] = n.fxy[axis] * step * step;
                    }
                double* a = axis == 0 ? cell.x : cell.y;
                // A = M F Mᵀ
                for (int i = 0; i < 4; ++i)
                    for (int j = 0; j < 4; ++j) {
                        double s = 0;
                        for (int p = 0; p < 4; ++p)
                            for (int q = 0; q < 4; ++q)
                                s += kM[i][p] * F[p][q] * kM[j][q];
                        a[4 * i + j] = s;
                    }
            }
        }

    // Check every patch against PROJ where a patch is least constrained: its centre and the
    // middles of its sides.
    static constexpr double kCheckU[5] = {0.5, 0.5, 0.0, 1.0, 0.5};
    static constexpr double kCheckV[5] = {0.5, 0.0, 0.5, 0.5, 1.0};
    std::vector<double> checks(t.m_cells.size() * 10);
    k = 0;
    for (int r = 0; r < t.m_rows; ++r)
        for (int c = 0; c < t.m_cols; ++c)
            for (int p = 0; p < 5; ++p) {
                checks[k++] = t.m_lon0 + (c + kCheckU[p]) * step;
                checks[k++] = t.m_lat0 + (r + kCheckV[p]) * step;
            }
    exact.transformInPlace(checks);
    for (std::size_t i = 0; i < t.m_cells.size(); ++i) {
        Cell& cell = t.m_cells[i];
        double worst = 0;
        for (int p = 0; p < 5 && !cell.exact; ++p) {
            const double ex = checks[i * 10 + 2 * p], ey = checks[i * 10 + 2 * p + 1];
            if (!std::isfinite(ex) || !std::isfinite(ey)) {
                cell.exact = true;
                break;
            }
            worst = std::max({worst, std::abs(evaluate(cell.x, kCheckU[p], kCheckV[p]) - ex),
                              std::abs(evaluate(cell.y, kCheckU[p], kCheckV[p]) - ey)});
        }
        if (!cell.exact && worst > tolerance)
            cell.exact = true;
        if (cell.exact)
            ++t.m_exactCells;
        else
            t.m_maxError = std::max(t.m_maxError, worst);
    }
    return t;
}

std::size_t InterpolatedTransform::transform(std::span<double> xy,
                                             const CoordinateTransform& exact) const {
    const std::size_t n = xy.size() / 2;
    if (m_cells.empty()) {
        exact.transformInPlace(xy);
        return n;
    }
    const double inv = 1.0 / m_step;
    std::vector<std::size_t> fallback;
    for (std::size_t i = 0; i < n; ++i) {
        const double fu = (xy[2 * i] - m_lon0) * inv;
        const double fv = (xy[2 * i + 1] - m_lat0) * inv;
        if (!(fu >= 0 && fv >= 0 && fu < m_cols && fv < m_rows)) { // also NaN
            fallback.push_back(i);
            continue;
        }
        const int c = static_cast<int>(fu), r = static_cast<int>(fv);
        const Cell& cell = m_cells[std::size_t(r) * std::size_t(m_cols) + std::size_t(c)];
        if (cell.exact) {
            fallback.push_back(i);
            continue;
        }
        const double u = fu - c, v = fv - r;
        xy[2 * i] = evaluate(cell.x, u, v);
        xy[2 * i + 1] = evaluate(cell.y, u, v);
    }
    if (!fallback.empty()) {
        std::vector<double> rest(2 * fallback.size());
        for (std::size_t k = 0; k < fallback.size(); ++k) {
            rest[2 * k] = xy[2 * fallback[k]];
            rest[2 * k + 1] = xy[2 * fallback[k] + 1];
        }
        exact.transformInPlace(rest);
        for (std::size_t k = 0; k < fallback.size(); ++k) {
            xy[2 * fallback[k]] = rest[2 * k];
            xy[2 * fallback[k] + 1] = rest[2 * k + 1];
        }
    }
    return fallback.size();
}

} // namespace borderlens
