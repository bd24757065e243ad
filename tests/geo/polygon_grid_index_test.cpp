#include "data/data_paths.h"
#include "geo/point_in_polygon.h"
#include "geo/polygon_grid_index.h"
#include "incidents/synthetic/random_stream.h"
#include "io/reader_registry.h"

#include <gtest/gtest.h>

using namespace borderlens;

namespace {

std::uint64_t bruteForce(const GeometryColumns& g, double x, double y) {
    std::uint64_t mask = 0;
    for (std::size_t f = 0; f < g.featureCount() && f < PolygonGridIndex::kMaxFeatures; ++f)
        if (featureContainsPoint(g, f, x, y))
            mask |= std::uint64_t{1} << f;
    return mask;
}

void ring(GeometryColumns& g, std::initializer_list<std::pair<double, double>> pts) {
    for (const auto& [x, y] : pts)
        g.addVertex(x, y);
    g.endRing();
}

TEST(PolygonGridIndex, AgreesWithPointInPolygonOnHolesOverlapsAndOpenRings) {
    GeometryColumns g;
    ring(g, {{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}});
    ring(g, {{3, 3}, {7, 3}, {7, 7}, {3, 7}, {3, 3}}); // a hole
    g.endPart(PartKind::Polygon);
    g.endFeature();
    ring(g, {{5, 5}, {14, 2}, {12, 9.5}}); // overlaps the first, ring left open
    g.endPart(PartKind::Polygon);
    g.endFeature();
    ring(g, {{1, 1}, {9, 9}});
    g.endPart(PartKind::Line); // never contains anything
    g.endFeature();
    // Coarse cells (many edges per cell) and fine ones must both give the exact answer.
    for (double cell : {3.0, 0.37, 0.05}) {
        const PolygonGridIndex index(g, Extent{-1, -1, 15, 11}, cell);
        RandomStream rng(99);
        for (int i = 0; i < 20000; ++i) {
            const double x = -1 + 16 * rng.uniform(), y = -1 + 12 * rng.uniform();
            ASSERT_EQ(index.featuresAt(x, y), bruteForce(g, x, y))
                << "cell " << cell << " at " << x << ", " << y;
        }
    }
    const PolygonGridIndex index(g, Extent{-1, -1, 15, 11}, 0.5);
    EXPECT_EQ(index.firstFeatureAt(1, 1), std::optional<std::size_t>(0));
    EXPECT_EQ(index.firstFeatureAt(13, 5), std::optional<std::size_t>(1));
    EXPECT_EQ(index.firstFeatureAt(5, 5), std::optional<std::size_t>(1)); // in the hole of 0
    EXPECT_EQ(index.firstFeatureAt(20, 5), std::nullopt);                 // outside the grid
}

TEST(PolygonGridIndex, AgreesWithPointInPolygonOnTheBundledCountries) {
    const QString dir = bundledGeodataDir();
    if (dir.isEmpty())
        GTEST_SKIP() << "no bundled geodata";
    auto layers = ReaderRegistry::withDefaultReaders().read(dir + QStringLiteral("/countries.shp"));
    ASSERT_TRUE(layers) << layers.error().toString().toStdString();
    const GeometryColumns& g = layers.value().front()->lonLat();
    const Extent area{67.0, 36.0, 75.5, 39.5};
    const PolygonGridIndex index(g, area, 0.02);
    RandomStream rng(7);
    for (int i = 0; i < 20000; ++i) {
        const double x = area.xMin + area.width() * rng.uniform();
        const double y = area.yMin + area.height() * rng.uniform();
        ASSERT_EQ(index.featuresAt(x, y), bruteForce(g, x, y)) << x << ", " << y;
    }
}

} // namespace
