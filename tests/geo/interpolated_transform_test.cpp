#include "geo/interpolated_transform.h"

#include <gtest/gtest.h>

#include <random>

using namespace borderlens;

namespace {

// The largest difference between the interpolated and PROJ's own projection of `count` random
// points over `area`, in target units.
double worstError(const Crs& target, const Extent& area, int count, std::size_t* throughProj) {
    auto exact = TransformCache::get(Crs::wgs84(), target);
    EXPECT_TRUE(exact);
    const InterpolatedTransform grid = InterpolatedTransform::build(
        *exact.value(), area, target.isGeographic() ? 1e-9 : 1e-3, std::size_t(count) / 50);
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> lon(area.xMin, area.xMax), lat(area.yMin, area.yMax);
    std::vector<double> fast, slow;
    for (int i = 0; i < count; ++i) {
        const double x = lon(rng), y = lat(rng);
        fast.insert(fast.end(), {x, y});
    }
    // The grid's corners and edges too, where patches meet.
    for (double x : {area.xMin, area.xMax})
        for (double y : {area.yMin, area.yMax})
            fast.insert(fast.end(), {x, y});
    slow = fast;
    *throughProj = grid.transform(fast, *exact.value());
    exact.value()->transformInPlace(slow);
    double worst = 0;
    for (std::size_t i = 0; i < fast.size(); ++i) {
        if (std::isnan(slow[i])) {
            EXPECT_TRUE(std::isnan(fast[i]));
            continue;
        }
        worst = std::max(worst, std::abs(fast[i] - slow[i]));
    }
    return worst;
}

TEST(InterpolatedTransform, AgreesWithProjToAMillimetreOverTheBorderRegion) {
    std::size_t viaProj = 0;
    // The region BorderLens shows, in UTM 42N (the default) and Web Mercator.
    EXPECT_LT(worstError(Crs::utm42n(), Extent{66.5, 35.5, 76.0, 40.5}, 200000, &viaProj), 1e-3);
    EXPECT_LT(viaProj, 100u); // all but a few are interpolated
    EXPECT_LT(worstError(Crs::webMercator(), Extent{66.5, 35.5, 76.0, 40.5}, 200000, &viaProj),
              1e-3);
}

TEST(InterpolatedTransform, WhereAPatchCannotHoldTheToleranceItsPointsGoThroughProj) {
    // UTM 42N across half the world: far from its meridian the projection bends fast and then
    // fails; those cells are PROJ's, and the answers stay PROJ's.
    std::size_t viaProj = 0;
    EXPECT_LT(worstError(Crs::utm42n(), Extent{-30, -60, 150, 80}, 50000, &viaProj), 1e-3);
    EXPECT_GT(viaProj, 0u);
}

} // namespace
