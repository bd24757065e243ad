#include "geo/coordinate_transform.h"
#include "geo/geodesy.h"

#include <gtest/gtest.h>

using namespace borderlens;

TEST(Geodesy, KnownDistances) {
    // One degree of latitude at the equator on WGS 84 is 110,574.4 m; of longitude, 111,319.5 m.
    EXPECT_NEAR(geodesicDistance(0, 0, 0, 1), 110574.4, 0.5);
    EXPECT_NEAR(geodesicDistance(0, 0, 1, 0), 111319.5, 0.5);
    // Dushanbe (68.7791 E, 38.5358 N) to Khorog (71.5533 E, 37.4897 N): about 270 km.
    EXPECT_NEAR(geodesicDistance(68.7791, 38.5358, 71.5533, 37.4897) / 1000.0, 268.0, 5.0);
}

TEST(Geodesy, ScaleDenominatorAgreesAcrossProjections) {
    // The same ground seen at the same true scale must give the same 1:N in UTM and in lon/lat.
    auto t = TransformCache::get(Crs::wgs84(), Crs::utm42n());
    double x = 70.0, y = 38.0;
    ASSERT_TRUE(t.value()->transform(x, y));
    const double dpi = 96;
    // 1 px = 0.0254/96 m on screen; at 1:1,000,000 that is 264.58 m on the ground.
    const double upp = 1e6 * 0.0254 / dpi;
    const MapViewport utm(x, y, upp, QSizeF(800, 600));
    const auto sUtm = scaleDenominator(utm, Crs::utm42n(), dpi);
    ASSERT_TRUE(sUtm);
    EXPECT_NEAR(*sUtm / 1e6, 1.0, 0.002); // UTM scale factor near 69 E is ~0.9996-1.0001

    const double metresPerDegreeLon = geodesicDistance(69.5, 38.0, 70.5, 38.0);
    const MapViewport geo(70.0, 38.0, upp / metresPerDegreeLon, QSizeF(800, 600));
    const auto sGeo = scaleDenominator(geo, Crs::wgs84(), dpi);
    ASSERT_TRUE(sGeo);
    EXPECT_NEAR(*sGeo / 1e6, 1.0, 0.002);
}
