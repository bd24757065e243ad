#include "geo/point_in_polygon.h"

#include <gtest/gtest.h>

using namespace borderlens;

namespace {

void ring(GeometryColumns& g, std::initializer_list<std::pair<double, double>> pts) {
    for (const auto& [x, y] : pts)
        g.addVertex(x, y);
    g.endRing();
}

// Feature 0: a 10x10 square with a 4x4 hole, plus a separate small square (a multipolygon).
// Feature 1: a point and a line over the same ground, which must never "contain" anything.
// Feature 2: a triangle whose ring is not closed explicitly.
GeometryColumns fixture() {
    GeometryColumns g;
    ring(g, {{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}});
    ring(g, {{3, 3}, {7, 3}, {7, 7}, {3, 7}, {3, 3}});
    g.endPart(PartKind::Polygon);
    ring(g, {{20, 0}, {22, 0}, {22, 2}, {20, 2}, {20, 0}});
    g.endPart(PartKind::Polygon);
    g.endFeature();
    ring(g, {{5, 1}});
    g.endPart(PartKind::Point);
    ring(g, {{0, 1}, {10, 1}, {10, 2}, {0, 2}});
    g.endPart(PartKind::Line);
    g.endFeature();
    ring(g, {{30, 0}, {40, 0}, {35, 10}});
    g.endPart(PartKind::Polygon);
    g.endFeature();
    return g;
}

TEST(PointInPolygon, HolesAndMultipolygons) {
    const GeometryColumns g = fixture();
    EXPECT_TRUE(featureContainsPoint(g, 0, 1, 1));
    EXPECT_TRUE(featureContainsPoint(g, 0, 8.5, 5));
    EXPECT_FALSE(featureContainsPoint(g, 0, 5, 5));  // in the hole
    EXPECT_TRUE(featureContainsPoint(g, 0, 21, 1));  // the second part
    EXPECT_FALSE(featureContainsPoint(g, 0, 15, 1)); // between the parts, inside the extent
    EXPECT_FALSE(featureContainsPoint(g, 0, -1, 5));
    EXPECT_FALSE(featureContainsPoint(g, 0, 5, 10.5));
}

TEST(PointInPolygon, IgnoresPointsAndLinesAndReadsOpenRings) {
    const GeometryColumns g = fixture();
    EXPECT_FALSE(featureContainsPoint(g, 1, 5, 1.5));
    EXPECT_TRUE(featureContainsPoint(g, 2, 35, 5));
    EXPECT_FALSE(featureContainsPoint(g, 2, 31, 9));
    EXPECT_FALSE(featureContainsPoint(g, 99, 1, 1)); // no such feature
}

TEST(PointInPolygon, FindsTheContainingFeature) {
    const GeometryColumns g = fixture();
    EXPECT_EQ(findFeatureContaining(g, 1, 1), std::optional<std::size_t>(0));
    EXPECT_EQ(findFeatureContaining(g, 36, 2), std::optional<std::size_t>(2));
    EXPECT_EQ(findFeatureContaining(g, 5, 5), std::nullopt);
}

} // namespace
