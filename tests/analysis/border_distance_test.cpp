// Distance to the border against an independent computation: Karney's geod_inverse (PROJ's
// <geodesic.h>, its own WGS 84 object) to every vertex, then to points every few metres along
// each segment that could hold the nearest point. Within 0.1 % or 50 m, as issue 15 asks.
#include "analysis/border_distance.h"
#include "data/border_reference.h"
#include "incidents/synthetic/random_stream.h"

#include <geodesic.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using namespace borderlens;

namespace {

double referenceMetres(const geod_geodesic& geod, const std::vector<std::vector<LonLat>>& border,
                       double lon, double lat) {
    auto dist = [&](double x, double y) {
        double s = 0, a1 = 0, a2 = 0;
        geod_inverse(&geod, lat, lon, y, x, &s, &a1, &a2);
        return s;
    };
    double best = std::numeric_limits<double>::infinity();
    for (const auto& part : border)
        for (const LonLat& v : part)
            best = std::min(best, dist(v.lon, v.lat));
    // A segment can hold a nearer point only if its nearer end is within its length of the best.
    const double vertexBest = best;
    for (const auto& part : border)
        for (std::size_t i = 0; i + 1 < part.size(); ++i) {
            const LonLat a = part[i], b = part[i + 1];
            double length = 0, a1 = 0, a2 = 0;
            geod_inverse(&geod, a.lat, a.lon, b.lat, b.lon, &length, &a1, &a2);
            if (std::min(dist(a.lon, a.lat), dist(b.lon, b.lat)) - length > vertexBest)
                continue;
            const int steps = std::max(2, static_cast<int>(length / 4.0)); // every ≤ 4 m
            for (int k = 1; k < steps; ++k) {
                const double t = double(k) / steps;
                best = std::min(best, dist(a.lon + t * (b.lon - a.lon), a.lat + t * (b.lat - a.lat)));
            }
        }
    return best;
}

} // namespace

TEST(BorderDistance, AgreesWithDenselySampledGeodesics) {
    const auto reference = BorderReference::loadBundled();
    ASSERT_TRUE(reference) << "bundled border line missing";
    const auto& border = reference->border();
    const BorderDistance measure(border);
    geod_geodesic geod;
    geod_init(&geod, 6378137.0, 1 / 298.257223563);

    // Points near a random border vertex, offset up to 60 km (most), and a few far away (up to
    // 300 km, beyond the grid and the local plane).
    std::vector<LonLat> vertices;
    for (const auto& part : border)
        vertices.insert(vertices.end(), part.begin(), part.end());
    RandomStream rng(7);
    int checked = 0;
    for (int i = 0; i < 160; ++i) {
        const LonLat v = vertices[rng.below(static_cast<std::uint32_t>(vertices.size()))];
        const double reach = i < 140 ? 0.55 : 2.7; // degrees
        const double lon = v.lon + (rng.uniform() * 2 - 1) * reach;
        const double lat = v.lat + (rng.uniform() * 2 - 1) * reach;
        const double expected = referenceMetres(geod, border, lon, lat);
        const double ours = measure.distanceMetres(lon, lat);
        EXPECT_NEAR(ours, expected, std::max(50.0, expected * 0.001))
            << "at " << lon << ", " << lat;
        // Closer than the sampling leaves: the nearest point is found, not only a near one.
        EXPECT_LT(std::abs(ours - expected), std::max(5.0, expected * 0.0003))
            << "at " << lon << ", " << lat;
        ++checked;
    }
    EXPECT_EQ(checked, 160);
    EXPECT_NEAR(measure.distanceMetres(vertices[100].lon, vertices[100].lat), 0.0, 1e-6);
    EXPECT_TRUE(std::isnan(BorderDistance().distanceMetres(70, 38)));
}
