#include "geo/geodesic_measure.h"

#include "geo/geodesy.h"

#include <geodesic.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace borderlens {
PathMeasure measurePath(const std::vector<LonLat>& points, bool closed) {
    PathMeasure m;
    const std::size_t n = points.size();
    const std::size_t legs = n < 2 ? 0 : (closed && n > 2 ? n : n - 1);
    for (std::size_t i = 0; i < legs; ++i) {
        const LonLat& a = points[i];
        const LonLat& b = points[(i + 1) % n];
        double s12 = 0, azi1 = 0, azi2 = 0;
        geod_inverse(&wgs84Geodesic(), a.lat, a.lon, b.lat, b.lon, &s12, &azi1, &azi2);
        m.legMetres.push_back(s12);
        m.bearingsDeg.push_back(azi1 < 0 ? azi1 + 360 : azi1);
        m.lengthMetres += s12;
    }
    if (closed && n > 2) {
        std::vector<double> lats, lons;
        for (const LonLat& p : points) {
            lats.push_back(p.lat);
            lons.push_back(p.lon);
        }
        double area = 0, perimeter = 0;
        geod_polygonarea(&wgs84Geodesic(), lats.data(), lons.data(), int(n), &area, &perimeter);
        m.areaSquareMetres = std::abs(area);
    }
    return m;
}

NearestPoint nearestOnLine(const std::vector<std::vector<LonLat>>& line, LonLat from) {
    NearestPoint best;
    double bestD = std::numeric_limits<double>::infinity();
    auto distanceTo = [&](double lon, double lat) {
        return geodesicDistance(from.lon, from.lat, lon, lat);
    };
    for (std::size_t p = 0; p < line.size(); ++p) {
        const auto& part = line[p];
        for (std::size_t i = 0; i + 1 < part.size(); ++i) {
            const LonLat a = part[i], b = part[i + 1];
            const double da = distanceTo(a.lon, a.lat), db = distanceTo(b.lon, b.lat);
            const double span = geodesicDistance(a.lon, a.lat, b.lon, b.lat);
            // No point of a segment is nearer than its nearer end less half its length.
            if (std::min(da, db) - span / 2 > bestD)
                continue;
            // The distance along a short segment has one minimum: golden-section search on it
            // (the segment is taken as straight in lon/lat, as the border's are drawn).
            auto at = [&](double t) {
                return LonLat{a.lon + t * (b.lon - a.lon), a.lat + t * (b.lat - a.lat)};
            };
            double lo = 0, hi = 1;
            const double g = (std::sqrt(5.0) - 1) / 2;
            double x1 = hi - g * (hi - lo), x2 = lo + g * (hi - lo);
            double f1 = distanceTo(at(x1).lon, at(x1).lat), f2 = distanceTo(at(x2).lon, at(x2).lat);
            for (int k = 0; k < 60 && hi - lo > 1e-9; ++k) {
                if (f1 < f2) {
                    hi = x2;
                    x2 = x1;
                    f2 = f1;
                    x1 = hi - g * (hi - lo);
                    f1 = distanceTo(at(x1).lon, at(x1).lat);
                } else {
                    lo = x1;
                    x1 = x2;
                    f1 = f2;
                    x2 = lo + g * (hi - lo);
                    f2 = distanceTo(at(x2).lon, at(x2).lat);
                }
            }
            const double t = (lo + hi) / 2;
            for (const auto& [tt, d] : {std::pair{0.0, da}, std::pair{1.0, db},
                                        std::pair{t, distanceTo(at(t).lon, at(t).lat)}}) {
                if (d < bestD) {
                    bestD = d;
                    best.at = at(tt);
                    best.distanceMetres = d;
                    best.part = p;
                    best.segment = i;
                }
            }
        }
    }
    return best;
}

} // namespace borderlens
