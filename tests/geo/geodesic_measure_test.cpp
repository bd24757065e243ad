// The measure tool's numbers against a geodesic computed here independently: Vincenty's inverse
// formula on WGS 84 (1975), not PROJ's Karney algorithm that the tool uses.
#include "data/border_reference.h"
#include "geo/geodesic_measure.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

using namespace borderlens;

namespace {

double vincenty(double lon1, double lat1, double lon2, double lat2) {
    const double a = 6378137.0, f = 1 / 298.257223563, b = a * (1 - f);
    const double rad = std::numbers::pi / 180;
    const double L = (lon2 - lon1) * rad;
    const double U1 = std::atan((1 - f) * std::tan(lat1 * rad));
    const double U2 = std::atan((1 - f) * std::tan(lat2 * rad));
    const double sinU1 = std::sin(U1), cosU1 = std::cos(U1);
    const double sinU2 = std::sin(U2), cosU2 = std::cos(U2);
    double lambda = L, sinSigma = 0, cosSigma = 0, sigma = 0, cos2Alpha = 0, cos2SigmaM = 0;
    for (int i = 0; i < 200; ++i) {
        const double sinL = std::sin(lambda), cosL = std::cos(lambda);
        sinSigma = std::hypot(cosU2 * sinL, cosU1 * sinU2 - sinU1 * cosU2 * cosL);
        if (sinSigma == 0)
            return 0;
        cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosL;
        sigma = std::atan2(sinSigma, cosSigma);
        const double sinAlpha = cosU1 * cosU2 * sinL / sinSigma;
        cos2Alpha = 1 - sinAlpha * sinAlpha;
        cos2SigmaM = cos2Alpha != 0 ? cosSigma - 2 * sinU1 * sinU2 / cos2Alpha : 0;
        const double C = f / 16 * cos2Alpha * (4 + f * (4 - 3 * cos2Alpha));
        const double previous = lambda;
        lambda = L + (1 - C) * f * sinAlpha *
                         (sigma + C * sinSigma *
                                      (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
        if (std::abs(lambda - previous) < 1e-12)
            break;
    }
    const double u2 = cos2Alpha * (a * a - b * b) / (b * b);
    const double A = 1 + u2 / 16384 * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)));
    const double B = u2 / 1024 * (256 + u2 * (-128 + u2 * (74 - 47 * u2)));
    const double dSigma =
        B * sinSigma *
        (cos2SigmaM + B / 4 *
                          (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM) -
                           B / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) *
                               (-3 + 4 * cos2SigmaM * cos2SigmaM)));
    return b * A * (sigma - dSigma);
}

// The gazetteer's positions.
constexpr LonLat kDushanbe{68.77905, 38.53575};
constexpr LonLat kKhorugh{71.55337, 37.49039};

} // namespace

TEST(GeodesicMeasure, DushanbeToKhorughAgreesWithVincenty) {
    const PathMeasure m = measurePath({kDushanbe, kKhorugh}, false);
    const double expected = vincenty(kDushanbe.lon, kDushanbe.lat, kKhorugh.lon, kKhorugh.lat);
    ASSERT_EQ(m.legMetres.size(), 1u);
    EXPECT_NEAR(m.lengthMetres, expected, expected * 0.001);
    EXPECT_NEAR(m.lengthMetres / 1000, 269.8, 0.1); // PROJ's geod -I: 269.835 km
    // Khorugh is east-south-east of Dushanbe.
    EXPECT_GT(m.bearingsDeg[0], 100);
    EXPECT_LT(m.bearingsDeg[0], 125);
    EXPECT_EQ(m.areaSquareMetres, 0);
}

TEST(GeodesicMeasure, ClosedShapeHasItsAreaAndClosingLeg) {
    // A 0.1° square near 38°N: about 11.1 km × 8.77 km.
    const std::vector<LonLat> square{{70, 38}, {70.1, 38}, {70.1, 38.1}, {70, 38.1}};
    const PathMeasure m = measurePath(square, true);
    EXPECT_EQ(m.legMetres.size(), 4u);
    double expectedLength = 0;
    for (std::size_t i = 0; i < 4; ++i)
        expectedLength += vincenty(square[i].lon, square[i].lat, square[(i + 1) % 4].lon,
                                   square[(i + 1) % 4].lat);
    EXPECT_NEAR(m.lengthMetres, expectedLength, expectedLength * 0.001);
    EXPECT_NEAR(m.areaSquareMetres / 1e6, 11.1 * 8.77, 11.1 * 8.77 * 0.01);
}

TEST(GeodesicMeasure, DistanceToTheBorderAndItsSide) {
    const auto border = BorderReference::loadBundled();
    ASSERT_TRUE(border);
    // Kevron, in Darvoz, a few kilometres from the Panj; and Fayzabad, on the Afghan side.
    for (const auto& [place, country] : {std::pair{LonLat{70.78902, 38.45373}, "Tajikistan"},
                                         std::pair{LonLat{70.58002, 37.11664}, "Afghanistan"}}) {
        const auto answer = border->locate(place);
        EXPECT_EQ(answer.country.toStdString(), country);
        const double d = answer.nearest.distanceMetres;
        ASSERT_GT(d, 0);
        // The nearest point is as far as reported, measured independently ...
        EXPECT_NEAR(vincenty(place.lon, place.lat, answer.nearest.at.lon, answer.nearest.at.lat), d,
                    d * 0.001);
        // ... and no vertex of the border is nearer (again measured independently).
        double nearestVertex = 1e12;
        for (const auto& part : border->border())
            for (const LonLat& v : part)
                nearestVertex = std::min(nearestVertex, vincenty(place.lon, place.lat, v.lon, v.lat));
        EXPECT_LE(d, nearestVertex * 1.001);
    }
}
