#include "geo/coordinate_transform.h"
#include "geo/extent_transform.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <thread>
#include <vector>

using namespace borderlens;

TEST(CoordinateTransform, Wgs84ToUtm42nMatchesReferenceValue) {
    // Reference from the issue: lon 69.5, lat 37.5 -> E 544195.18, N 4150458.74 in EPSG:32642.
    auto t = TransformCache::get(Crs::wgs84(), Crs::utm42n());
    ASSERT_TRUE(t) << t.error().toString().toStdString();
    double x = 69.5, y = 37.5;
    ASSERT_TRUE(t.value()->transform(x, y));
    EXPECT_NEAR(x, 544195.18, 0.01);
    EXPECT_NEAR(y, 4150458.74, 0.01);
}

TEST(CoordinateTransform, AxisOrderIsLonLatEvenForEpsg4326) {
    // EPSG:4326 is officially lat/lon; we normalise to lon/lat. A swapped order would put the
    // point at lon 37.5, lat 69.5, far into the Arctic. Oracle: the spherical Mercator formulas.
    auto t = TransformCache::get(Crs::wgs84(), Crs::webMercator());
    ASSERT_TRUE(t);
    double x = 69.5, y = 37.5;
    ASSERT_TRUE(t.value()->transform(x, y));
    const double R = 6378137.0, rad = std::numbers::pi / 180.0;
    EXPECT_NEAR(x, R * 69.5 * rad, 0.01);
    EXPECT_NEAR(y, R * std::log(std::tan(std::numbers::pi / 4 + 37.5 * rad / 2)), 0.01);
}

TEST(CoordinateTransform, InverseReturnsTheOriginalPoint) {
    auto t = TransformCache::get(Crs::wgs84(), Crs::utm42n());
    ASSERT_TRUE(t);
    std::vector<double> xy{67.79, 37.18, 74.89, 37.23, 71.31, 38.06};
    const std::vector<double> original = xy;
    EXPECT_EQ(t.value()->transformInPlace(xy), 0u);
    EXPECT_EQ(t.value()->transformInPlace(xy, CoordinateTransform::Direction::Inverse), 0u);
    for (std::size_t i = 0; i < xy.size(); ++i)
        EXPECT_NEAR(xy[i], original[i], 1e-9);
}

TEST(CoordinateTransform, UntransformablePointsBecomeNaNAndAreCounted) {
    auto t = TransformCache::get(Crs::wgs84(), Crs::webMercator());
    ASSERT_TRUE(t);
    std::vector<double> xy{69.5, 37.5, 0.0, 95.0}; // there is no latitude 95
    EXPECT_EQ(t.value()->transformInPlace(xy), 1u);
    EXPECT_TRUE(std::isfinite(xy[0]));
    EXPECT_TRUE(std::isnan(xy[2]));
}

TEST(CoordinateTransform, CacheReturnsTheSameObjectOnOneThreadAndAnotherOnAnother) {
    auto a = TransformCache::get(Crs::wgs84(), Crs::utm42n());
    auto b = TransformCache::get(Crs::wgs84(), Crs::utm42n());
    ASSERT_TRUE(a && b);
    EXPECT_EQ(a.value().get(), b.value().get());
    CoordinateTransform* other = nullptr;
    double x = 69.5, y = 37.5;
    std::thread([&] {
        auto c = TransformCache::get(Crs::wgs84(), Crs::utm42n());
        ASSERT_TRUE(c);
        other = c.value().get();
        c.value()->transform(x, y);
    }).join();
    EXPECT_NE(other, a.value().get()); // a PJ must not cross threads
    EXPECT_NEAR(x, 544195.18, 0.01);
}

TEST(CoordinateTransform, IdentityForTheSameCrs) {
    auto t = TransformCache::get(Crs::utm42n(), Crs::utm42n());
    ASSERT_TRUE(t);
    EXPECT_TRUE(t.value()->isIdentity());
}

TEST(CoordinateTransform, UnknownCrsIsAnErrorNotACrash) {
    auto t = CoordinateTransform::create(Crs(QStringLiteral("EPSG:999999")), Crs::wgs84());
    ASSERT_FALSE(t);
    EXPECT_FALSE(t.error().message.isEmpty());
}

TEST(Crs, ParsesUserStrings) {
    EXPECT_EQ(Crs::fromUserString(QStringLiteral("epsg:32642")).definition(),
              QStringLiteral("EPSG:32642"));
    EXPECT_EQ(Crs::fromUserString(QStringLiteral(" 3857 ")).definition(),
              QStringLiteral("EPSG:3857"));
    EXPECT_FALSE(Crs::fromUserString(QStringLiteral("utm")).isValid());
    EXPECT_TRUE(Crs::wgs84().isGeographic());
    EXPECT_FALSE(Crs::utm42n().isGeographic());
}

TEST(ExtentTransform, CoversCurvedEdgesNotJustCorners) {
    // A parallel is curved in UTM, concave towards the pole: on the bottom edge of this box the
    // point on the central meridian (69 E) lies south of both corners. Corners alone would cut
    // it off; sampling the edges must include it.
    const Extent lonLat{66.0, 36.0, 76.0, 41.0};
    const Extent utm = transformExtent(lonLat, Crs::wgs84(), Crs::utm42n());
    ASSERT_FALSE(utm.isEmpty());
    auto t = TransformCache::get(Crs::wgs84(), Crs::utm42n());
    double mx = 69.0, my = 36.0, lx = 66.0, ly = 36.0, rx = 76.0, ry = 36.0;
    t.value()->transform(mx, my);
    t.value()->transform(lx, ly);
    t.value()->transform(rx, ry);
    EXPECT_LT(my, ly);
    EXPECT_LT(my, ry);
    EXPECT_LE(utm.yMin, my);
}
