#include "geo/douglas_peucker.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

using namespace borderlens;

namespace {

double distanceToSegment(const std::vector<double>& xy, std::size_t p, std::size_t a,
                         std::size_t b) {
    const double ax = xy[2 * a], ay = xy[2 * a + 1];
    const double dx = xy[2 * b] - ax, dy = xy[2 * b + 1] - ay;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((xy[2 * p] - ax) * dx + (xy[2 * p + 1] - ay) * dy) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    return std::hypot(xy[2 * p] - ax - t * dx, xy[2 * p + 1] - ay - t * dy);
}

// Textbook recursive Douglas–Peucker on vertices [a, b], marking what it keeps.
void reference(const std::vector<double>& xy, std::size_t a, std::size_t b, double tolerance,
               std::vector<bool>& keep) {
    keep[a] = keep[b] = true;
    if (b - a < 2)
        return;
    std::size_t split = a + 1;
    double best = -1;
    for (std::size_t v = a + 1; v < b; ++v) {
        const double d = distanceToSegment(xy, v, a, b);
        if (d > best) {
            best = d;
            split = v;
        }
    }
    if (best > tolerance) {
        reference(xy, a, split, tolerance, keep);
        reference(xy, split, b, tolerance, keep);
    }
}

GeometryColumns randomWalkLine(int n, unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<double> step(0.0, 1.0);
    GeometryColumns g;
    double x = 0, y = 0;
    for (int i = 0; i < n; ++i) {
        g.addVertex(x, y);
        x += 1.0 + std::abs(step(rng));
        y += step(rng) * 3;
    }
    g.endRing();
    g.endPart(PartKind::Line);
    g.endFeature();
    return g;
}

} // namespace

TEST(DouglasPeucker, ThresholdingGivesTheTextbookResultAtEveryTolerance) {
    const GeometryColumns g = randomWalkLine(500, 7);
    const std::vector<float> ranks = douglasPeuckerTolerances(g);
    ASSERT_EQ(ranks.size(), g.vertexCount());
    for (double tolerance : {0.1, 0.5, 1.0, 2.5, 7.0, 30.0}) {
        std::vector<bool> keep(g.vertexCount(), false);
        reference(g.xy, 0, g.vertexCount() - 1, tolerance, keep);
        for (std::size_t v = 0; v < g.vertexCount(); ++v)
            EXPECT_EQ(ranks[v] > tolerance, keep[v]) << "vertex " << v << " at " << tolerance;
    }
}

TEST(DouglasPeucker, EndsAlwaysKeptAndRingsNeverCollapseBelowThreePoints) {
    GeometryColumns g;
    // A tiny closed ring (0.01 units across) and a straight line with collinear middle points.
    for (auto [x, y] : {std::pair{0.0, 0.0}, {0.01, 0.0}, {0.01, 0.01}, {0.0, 0.01}, {0.0, 0.0}})
        g.addVertex(x, y);
    g.endRing();
    g.endPart(PartKind::Polygon);
    g.endFeature();
    for (double x : {0.0, 1.0, 2.0, 3.0})
        g.addVertex(x, 5.0);
    g.endRing();
    g.endPart(PartKind::Line);
    g.endFeature();
    const std::vector<float> ranks = douglasPeuckerTolerances(g);
    const float huge = 1e6f;
    int keptInRing = 0;
    for (int v = 0; v < 5; ++v)
        keptInRing += ranks[v] > huge ? 1 : 0;
    EXPECT_EQ(keptInRing, 3) << "first, farthest and closing vertex";
    EXPECT_GT(ranks[0], huge);
    EXPECT_GT(ranks[4], huge);
    EXPECT_GT(ranks[5], huge);
    EXPECT_GT(ranks[8], huge);
    EXPECT_EQ(ranks[6], 0.0f) << "collinear: needed at no tolerance";
    EXPECT_EQ(ranks[7], 0.0f);
}

TEST(DouglasPeucker, NanVerticesSplitTheRunAndRankZero) {
    GeometryColumns g;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (auto [x, y] : {std::pair{0.0, 0.0}, {1.0, 0.1}, {2.0, 0.0}, {nan, nan}, {3.0, 0.0},
                        {4.0, 0.1}, {5.0, 0.0}})
        g.addVertex(x, y);
    g.endRing();
    g.endPart(PartKind::Line);
    g.endFeature();
    const std::vector<float> ranks = douglasPeuckerTolerances(g);
    EXPECT_EQ(ranks[3], 0.0f);
    for (int v : {0, 2, 4, 6})
        EXPECT_TRUE(std::isinf(ranks[v])) << v << ": a run's end";
    EXPECT_NEAR(ranks[1], 0.1, 1e-6);
    EXPECT_NEAR(ranks[5], 0.1, 1e-6);
}

TEST(DouglasPeucker, PointsAreAlwaysKept) {
    GeometryColumns g;
    g.addVertex(1, 2);
    g.endRing();
    g.endPart(PartKind::Point);
    g.endFeature();
    EXPECT_TRUE(std::isinf(douglasPeuckerTolerances(g)[0]));
}
