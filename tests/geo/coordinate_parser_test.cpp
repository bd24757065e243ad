#include "geo/coordinate_parser.h"

#include <gtest/gtest.h>

using namespace borderlens;

namespace {

void expectAt(const char* text, double lat, double lon, double tol = 1e-6) {
    const auto p = parseCoordinate(QString::fromUtf8(text));
    ASSERT_TRUE(p) << text;
    EXPECT_NEAR(p->lat, lat, tol) << text;
    EXPECT_NEAR(p->lon, lon, tol) << text;
}

} // namespace

TEST(CoordinateParser, DecimalDegreesLatitudeFirst) {
    expectAt("38.06 71.31", 38.06, 71.31);
    expectAt("38.06, 71.31", 38.06, 71.31);
    expectAt("  38.06;71.31 ", 38.06, 71.31);
    expectAt("-12.5 130.8", -12.5, 130.8);
    expectAt("12.5 -130.8", 12.5, -130.8);
    // A first number that cannot be a latitude is the longitude.
    expectAt("130.8 -12.5", -12.5, 130.8);
}

TEST(CoordinateParser, HemispheresInEitherOrder) {
    expectAt("38.06N 71.31E", 38.06, 71.31);
    expectAt("N38.06 E71.31", 38.06, 71.31);
    expectAt("71.31E 38.06N", 38.06, 71.31);
    expectAt("38.06 S, 71.31 W", -38.06, -71.31);
}

TEST(CoordinateParser, DegreesMinutesSeconds) {
    expectAt("38°03′N 71°18′E", 38.05, 71.3);
    expectAt("38°03'36\"N 71°18'E", 38.06, 71.3);
    expectAt("38° 03′ 36″ N, 71° 18′ 36″ E", 38.06, 71.31);
    expectAt("38 03 N 71 18 E", 38.05, 71.3);
    expectAt("38°03′ 71°18′", 38.05, 71.3);
}

TEST(CoordinateParser, UtmWithZoneAndLatitudeBand) {
    // The example: zone 42, band S (32–40°N, not the southern hemisphere).
    const auto p = parseCoordinate(QStringLiteral("42S 544195 4150458"));
    ASSERT_TRUE(p);
    EXPECT_NEAR(p->lat, 37.5, 0.01);
    EXPECT_NEAR(p->lon, 69.5, 0.01);
    const auto q = parseCoordinate(QStringLiteral("42 S 544195mE 4150458mN"));
    ASSERT_TRUE(q);
    EXPECT_NEAR(q->lat, p->lat, 1e-9);
}

TEST(CoordinateParser, RefusesWhatIsNotACoordinate) {
    for (const char* text : {"", "Khorugh", "38.06", "38 03 71 18", "95 200", "38.06N 71.31N",
                             "38°61′N 71°E", "42S 544195", "1 2 3", "38.06 71.31 foo"})
        EXPECT_FALSE(parseCoordinate(QString::fromUtf8(text))) << text;
}
