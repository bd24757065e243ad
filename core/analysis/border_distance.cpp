#include "analysis/border_distance.h"

#include "geo/geodesy.h"
#include "util/parallel.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace borderlens {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kDeg = kPi / 180.0;
// Grid cells of 0.03° (about 3 km) over the border's extent and this much around it (about
// 150 km): every place an analyst of this border asks about. Farther points are measured against
// every segment.
constexpr double kCellDegrees = 0.03;
constexpr int kCoarse = 6; // fine cells to a coarse cell's side
constexpr double kMarginDegrees = 1.5;
// Beyond this the local plane's error (≈ (d/R)², 0.025 % at 100 km) is left to Karney's
// geodesic instead.
constexpr double kPlaneMaxMetres = 100'000;
// A cell's plane, scaled at its own latitude, is true to the ellipsoid within a fraction of a
// percent near the cell; the slack keeps every segment that could be nearest under that error
// (and grows with distance, see candidatesOf).
constexpr double kPlaneSlack = 1.01;
// Candidates this close to the best (relatively, and absolutely in km) are settled geodesically.
constexpr double kTieRelative = 1.002;
// How much the cell's plane and the point's may disagree on a distance, for stopping the scan.
constexpr double kStopSlack = 1.02;
constexpr double kTieKm = 0.02;

// Kilometres per degree of latitude (meridional) and longitude at latitude `lat` on WGS 84.
struct Scale {
    double kx, ky;
};
Scale scaleAt(double latDeg) {
    constexpr double a = 6378.137, f = 1 / 298.257223563, e2 = f * (2 - f);
    const double s = std::sin(latDeg * kDeg);
    const double w = 1 - e2 * s * s;
    const double n = a / std::sqrt(w);
    const double m = a * (1 - e2) / (w * std::sqrt(w));
    return {n * std::cos(latDeg * kDeg) * kDeg, m * kDeg};
}

// Metres between two points in the plane tangent at their mean latitude, with the ellipsoid's
// radii of curvature there: within (d/R)² of the geodesic, i.e. 0.025 % at 100 km, at a twentieth
// of the cost of geod_inverse (which a million points a second cannot afford).
double localMetres(double lon0, double lat0, double lon1, double lat1) {
    const Scale k = scaleAt((lat0 + lat1) / 2);
    return 1000.0 * std::hypot((lon1 - lon0) * k.kx, (lat1 - lat0) * k.ky);
}

// Squared planar distance from (px, py) to segment a–b and the parameter of the nearest point.
double segmentDistance2(double px, double py, double ax, double ay, double bx, double by,
                        double& t) {
    const double dx = bx - ax, dy = by - ay;
    const double len2 = dx * dx + dy * dy;
    t = len2 > 0 ? std::clamp(((px - ax) * dx + (py - ay) * dy) / len2, 0.0, 1.0) : 0.0;
    const double x = ax + t * dx - px, y = ay + t * dy - py;
    return x * x + y * y;
}

} // namespace

BorderDistance::BorderDistance(std::vector<std::vector<LonLat>> border)
    : m_border(std::move(border)) {
    double xMin = std::numeric_limits<double>::infinity(), yMin = xMin, xMax = -xMin, yMax = -xMin;
    for (const auto& part : m_border) {
        for (std::size_t i = 0; i + 1 < part.size(); ++i)
            m_segments.push_back({part[i].lon, part[i].lat, part[i + 1].lon, part[i + 1].lat});
        for (const LonLat& p : part) {
            xMin = std::min(xMin, p.lon);
            xMax = std::max(xMax, p.lon);
            yMin = std::min(yMin, p.lat);
            yMax = std::max(yMax, p.lat);
        }
    }
    if (m_segments.empty())
        return;
    m_allSegments.resize(m_segments.size());
    for (std::uint32_t s = 0; s < m_segments.size(); ++s)
        m_allSegments[s] = s;

    // Fine cells, kCoarse × kCoarse to a coarse cell: the coarse cells' candidates are found
    // among all segments, each fine cell's among its coarse cell's (a superset of them).
    m_cell = kCellDegrees;
    const double coarse = kCellDegrees * kCoarse;
    m_lon0 = xMin - kMarginDegrees;
    m_lat0 = std::max(-89.0, yMin - kMarginDegrees);
    const int coarseCols = static_cast<int>(std::ceil((xMax + kMarginDegrees - m_lon0) / coarse));
    const int coarseRows =
        static_cast<int>(std::ceil((std::min(89.0, yMax + kMarginDegrees) - m_lat0) / coarse));
    m_cols = coarseCols * kCoarse;
    m_rows = coarseRows * kCoarse;

    std::vector<std::uint32_t> everything = m_allSegments;
    // Candidates of the cell [x0, x0 + size) × [y0, y0 + size) among `from`, nearest to the
    // cell's centre first, with that distance (km).
    using Candidates = std::vector<std::pair<float, std::uint32_t>>;
    auto candidatesOf = [&](double x0, double y0, double size,
                            const std::vector<std::uint32_t>& from) {
        // In a plane scaled at the cell's middle latitude, whose distortion grows with the
        // distance from it: the slack covers it (≈ 1 % per 100 km of latitude, at most).
        const Scale g = scaleAt(y0 + size / 2);
        const double cx = (x0 + size / 2) * g.kx, cy = (y0 + size / 2) * g.ky;
        const double halfDiagonal = std::hypot(size * g.kx, size * g.ky) / 2;
        Candidates all(from.size());
        double nearest = std::numeric_limits<double>::infinity();
        for (std::size_t k = 0; k < from.size(); ++k) {
            const Segment& s = m_segments[from[k]];
            double t = 0;
            const double d = std::sqrt(segmentDistance2(cx, cy, s.x0 * g.kx, s.y0 * g.ky,
                                                        s.x1 * g.kx, s.y1 * g.ky, t));
            all[k] = {static_cast<float>(d), from[k]};
            nearest = std::min(nearest, d);
        }
        // No point of the cell is farther than this from the border...
        const double upper = nearest + halfDiagonal;
        const double slack = kPlaneSlack + upper / 5000.0;
        Candidates out;
        for (const auto& c : all) // ...and no point of it is nearer than this to segment k.
            if (c.first - halfDiagonal <= upper * slack)
                out.push_back(c);
        std::sort(out.begin(), out.end());
        return out;
    };
    const std::size_t coarseCells = std::size_t(coarseCols) * std::size_t(coarseRows);
    std::vector<Candidates> perCell(std::size_t(m_cols) * std::size_t(m_rows));
    parallelSlices(coarseCells, workerCount(), [&](std::size_t begin, std::size_t end) {
        std::vector<std::uint32_t> list;
        for (std::size_t c = begin; c < end; ++c) {
            const int ccol = static_cast<int>(c % std::size_t(coarseCols));
            const int crow = static_cast<int>(c / std::size_t(coarseCols));
            list.clear();
            for (const auto& [d, k] :
                 candidatesOf(m_lon0 + ccol * coarse, m_lat0 + crow * coarse, coarse, everything))
                list.push_back(k);
            for (int r = 0; r < kCoarse; ++r)
                for (int q = 0; q < kCoarse; ++q) {
                    const int col = ccol * kCoarse + q, row = crow * kCoarse + r;
                    perCell[std::size_t(row) * std::size_t(m_cols) + std::size_t(col)] =
                        candidatesOf(m_lon0 + col * m_cell, m_lat0 + row * m_cell, m_cell, list);
                }
        }
    });
    const std::size_t cells = perCell.size();
    m_cellStart.assign(cells + 1, 0);
    for (std::size_t c = 0; c < cells; ++c)
        m_cellStart[c + 1] = m_cellStart[c] + static_cast<std::uint32_t>(perCell[c].size());
    m_cellSegments.reserve(m_cellStart[cells]);
    m_cellDistances.reserve(m_cellStart[cells]);
    for (const auto& list : perCell)
        for (const auto& [d, k] : list) {
            m_cellSegments.push_back(k);
            m_cellDistances.push_back(d);
        }
}

bool BorderDistance::candidates(double lon, double lat, std::size_t& first, std::size_t& last,
                                LonLat& centre) const {
    const double fx = (lon - m_lon0) / m_cell, fy = (lat - m_lat0) / m_cell;
    if (!(fx >= 0 && fy >= 0 && fx < m_cols && fy < m_rows))
        return false;
    const std::size_t c = std::size_t(fy) * std::size_t(m_cols) + std::size_t(fx);
    first = m_cellStart[c];
    last = m_cellStart[c + 1];
    centre = {m_lon0 + (std::floor(fx) + 0.5) * m_cell, m_lat0 + (std::floor(fy) + 0.5) * m_cell};
    return true;
}

double BorderDistance::distanceMetres(double lon, double lat) const {
    LonLat unused;
    return distanceMetres(lon, lat, unused);
}

double BorderDistance::distanceMetres(double lon, double lat, LonLat& nearest) const {
    if (m_segments.empty() || !std::isfinite(lon) || !std::isfinite(lat))
        return std::numeric_limits<double>::quiet_NaN();
    std::size_t first = 0, last = 0;
    LonLat centre;
    const bool inGrid = candidates(lon, lat, first, last, centre);
    struct Near {
        double d2;
        double lon, lat;
    };
    Near best{std::numeric_limits<double>::infinity(), 0, 0};
    // Each candidate in a plane scaled at the mean of the point's and the segment's latitudes
    // (the east-west scale to first order from the point's own: a sine and a cosine per point,
    // not per candidate): within (d/R)² of the ellipsoid.
    const Scale k0 = scaleAt(lat);
    const double dkx = -k0.kx * std::tan(lat * kDeg) * kDeg; // per degree of latitude
    auto planar = [&](const Segment& s) {
        const double kx = k0.kx + dkx * ((s.y0 + s.y1) / 2 - lat) / 2;
        double t = 0;
        const double d2 = segmentDistance2(lon * kx, lat * k0.ky, s.x0 * kx, s.y0 * k0.ky,
                                           s.x1 * kx, s.y1 * k0.ky, t);
        return Near{d2, s.x0 + t * (s.x1 - s.x0), s.y0 + t * (s.y1 - s.y0)};
    };
    // The candidates' planar answers, kept for the tie check (per thread: no allocation per call).
    thread_local std::vector<Near> seen;
    seen.clear();
    if (inGrid) {
        // Candidates come nearest to the cell's centre first: none farther than the best so far
        // plus the point's own distance from the centre can win (triangle inequality, with the
        // planes' slack), so the scan stops there.
        const double offCentre =
            std::hypot((lon - centre.lon) * k0.kx, (lat - centre.lat) * k0.ky);
        double stop = std::numeric_limits<double>::infinity();
        for (std::size_t k = first; k < last; ++k) {
            if (m_cellDistances[k] - offCentre > stop)
                break;
            const Near n = planar(m_segments[m_cellSegments[k]]);
            seen.push_back(n);
            if (n.d2 < best.d2) {
                best = n;
                stop = std::sqrt(best.d2) * kStopSlack + kTieKm;
            }
        }
    } else {
        for (const Segment& s : m_segments) {
            const Near n = planar(s);
            seen.push_back(n);
            if (n.d2 < best.d2)
                best = n;
        }
    }
    double metres = localMetres(lon, lat, best.lon, best.lat);
    nearest = {best.lon, best.lat};
    // Near ties (the two banks of a meander, a bend's two legs): every candidate within the
    // margin settled by the accurate local distance. A vertex shared by two segments gives the
    // same point twice and is measured once.
    const double limit = std::sqrt(best.d2) * kTieRelative + kTieKm;
    for (const Near& n : seen) {
        if (n.d2 > limit * limit || (n.lon == best.lon && n.lat == best.lat))
            continue;
        const double m = localMetres(lon, lat, n.lon, n.lat);
        if (m < metres) {
            metres = m;
            nearest = {n.lon, n.lat};
        }
    }
    if (metres > kPlaneMaxMetres)
        metres = geodesicDistance(lon, lat, nearest.lon, nearest.lat);
    return metres;
}

} // namespace borderlens
