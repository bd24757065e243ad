#include "support/ogr_fixture_writer.h"
#include "io/ogr_layer_reader.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace borderlens;
using namespace borderlens::test;

namespace {

// A polygon with a hole (Darvoz-ish), a line and a point, in the order a reader must keep.
const FixtureFeature kPolygons[] = {
    {"POLYGON ((70.0 38.0, 71.5 38.0, 71.5 39.0, 70.0 39.0, 70.0 38.0), "
     "(70.5 38.3, 70.8 38.3, 70.8 38.6, 70.5 38.6, 70.5 38.3))",
     "Дарвоз", 3, 1.5},
    {"POLYGON ((68.0 37.0, 69.0 37.0, 69.0 38.0, 68.0 37.0))", "Shamsiddin Shohin", 7, -2.25},
};
const FixtureFeature kLines[] = {
    {"LINESTRING (67.79 37.18, 70.0 37.5, 74.89 37.23)", "Panj", 1, 1350.0},
};
const FixtureFeature kPoints[] = {
    {"POINT (70.78902 38.45373)", "Qalaikhumb", 1, 0.5},
    {"POINT (71.45474 38.37078)", "Vanj", 2, 0.25},
};

struct Case {
    const char* driver;
    const char* file;
};

class RoundTrip : public ::testing::TestWithParam<Case> {};

void expectRoundTrip(const QString& path, const FixtureFeature* features, int n, PartKind kind,
                     bool driverKeepsTypes) {
    OgrLayerReader reader;
    auto read = reader.read(path);
    ASSERT_TRUE(read) << read.error().toString().toStdString();
    ASSERT_EQ(read.value().size(), 1u);
    const VectorLayer& layer = *read.value()[0];
    ASSERT_EQ(layer.featureCount(), static_cast<std::size_t>(n));
    EXPECT_TRUE(layer.warnings().isEmpty()) << layer.warnings().join("\n").toStdString();
    const AttributeTable& attrs = layer.attributes();
    const int nameField = attrs.fieldIndex(QStringLiteral("name"));
    const int countField = attrs.fieldIndex(QStringLiteral("count"));
    const int valueField = attrs.fieldIndex(QStringLiteral("value"));
    ASSERT_GE(nameField, 0);
    for (int i = 0; i < n; ++i) {
        const auto row = static_cast<std::size_t>(i);
        EXPECT_EQ(attrs.value(row, static_cast<std::size_t>(nameField)).toString(),
                  QString::fromUtf8(features[i].name));
        if (driverKeepsTypes) {
            EXPECT_EQ(attrs.value(row, static_cast<std::size_t>(countField)).toInt(),
                      features[i].count);
            EXPECT_DOUBLE_EQ(attrs.value(row, static_cast<std::size_t>(valueField)).toDouble(),
                             features[i].value);
        }
        // Geometry: same vertices as the WKT, in lon/lat order.
        OGRGeometry* g = nullptr;
        OGRGeometryFactory::createFromWkt(features[i].wkt, nullptr, &g);
        std::unique_ptr<OGRGeometry> owned(g);
        const GeometryColumns& cols = layer.lonLat();
        const std::uint32_t p0 = cols.featureOffsets[row];
        ASSERT_EQ(cols.featureOffsets[row + 1] - p0, 1u);
        EXPECT_EQ(cols.partKinds[p0], kind);
        std::vector<double> expected;
        if (kind == PartKind::Polygon) {
            for (const OGRLinearRing* ring : *g->toPolygon())
                for (const OGRPoint& pt : *ring)
                    expected.insert(expected.end(), {pt.getX(), pt.getY()});
            EXPECT_EQ(cols.partOffsets[p0 + 1] - cols.partOffsets[p0],
                      static_cast<std::uint32_t>(1 + g->toPolygon()->getNumInteriorRings()));
        } else if (kind == PartKind::Line) {
            for (const OGRPoint& pt : *g->toLineString())
                expected.insert(expected.end(), {pt.getX(), pt.getY()});
        } else {
            expected = {g->toPoint()->getX(), g->toPoint()->getY()};
        }
        const std::uint32_t v0 = cols.ringOffsets[cols.partOffsets[p0]];
        const std::uint32_t v1 = cols.ringOffsets[cols.partOffsets[p0 + 1]];
        ASSERT_EQ((v1 - v0) * 2, expected.size());
        for (std::size_t k = 0; k < expected.size(); ++k) {
            // Shapefile rings are re-oriented (clockwise exterior), so compare as sets of
            // vertices where order can legitimately change.
            if (kind == PartKind::Polygon)
                continue;
            EXPECT_NEAR(cols.xy[2 * v0 + k], expected[k], 1e-9);
        }
        if (kind == PartKind::Polygon) {
            Extent e;
            for (std::uint32_t v = v0; v < v1; ++v)
                e.include(cols.xy[2 * v], cols.xy[2 * v + 1]);
            OGREnvelope env;
            g->getEnvelope(&env);
            EXPECT_NEAR(e.xMin, env.MinX, 1e-9);
            EXPECT_NEAR(e.yMax, env.MaxY, 1e-9);
        }
    }
}

TEST_P(RoundTrip, GeometryAndAttributesSurvive) {
    const Case c = GetParam();
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString driver = QString::fromLatin1(c.driver);
    // KML keeps only name/description as typed fields by default; it still must keep the name.
    const bool typed = driver != QLatin1String("KML");
    for (auto [features, n, kind, stem] :
         {std::tuple{kPolygons, 2, PartKind::Polygon, "polygons"},
          std::tuple{kLines, 1, PartKind::Line, "lines"},
          std::tuple{kPoints, 2, PartKind::Point, "points"}}) {
        const QString path = dir.filePath(QString::fromLatin1(stem) + QString::fromLatin1(c.file));
        ASSERT_TRUE(writeFixture(driver, path, features, n)) << path.toStdString();
        SCOPED_TRACE(path.toStdString());
        expectRoundTrip(path, features, n, kind, typed);
    }
}

INSTANTIATE_TEST_SUITE_P(Formats, RoundTrip,
                         ::testing::Values(Case{"ESRI Shapefile", ".shp"}, Case{"GPKG", ".gpkg"},
                                           Case{"GeoJSON", ".geojson"}, Case{"KML", ".kml"}),
                         [](const auto& param_info) {
                             return std::string(param_info.param.file).substr(1);
                         });

TEST(OgrReader, ReprojectsFromTheDeclaredCrsToLonLat) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("utm.shp"));
    // The reference point, written in UTM 42N: it must come back as lon 69.5, lat 37.5.
    const FixtureFeature f[] = {{"POINT (544195.18 4150458.74)", "ref", 1, 0}};
    ASSERT_TRUE(writeFixture(QStringLiteral("ESRI Shapefile"), path, f, 1, 32642));
    auto read = OgrLayerReader().read(path);
    ASSERT_TRUE(read) << read.error().toString().toStdString();
    const VectorLayer& layer = *read.value()[0];
    EXPECT_EQ(layer.sourceCrs().definition(), QStringLiteral("EPSG:32642"));
    EXPECT_NEAR(layer.lonLat().xy[0], 69.5, 1e-7);
    EXPECT_NEAR(layer.lonLat().xy[1], 37.5, 1e-7);
}

TEST(OgrReader, MissingPrjAssumesWgs84AndWarnsNamingTheFile) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("noprj.shp"));
    const FixtureFeature f[] = {{"POINT (69.5 37.5)", "x", 1, 0}};
    ASSERT_TRUE(writeFixture(QStringLiteral("ESRI Shapefile"), path, f, 1, 4326, false));
    ASSERT_FALSE(QFile::exists(dir.filePath(QStringLiteral("noprj.prj"))));
    auto read = OgrLayerReader().read(path);
    ASSERT_TRUE(read);
    const VectorLayer& layer = *read.value()[0];
    EXPECT_EQ(layer.sourceCrs(), Crs::wgs84());
    ASSERT_EQ(layer.warnings().size(), 1);
    EXPECT_TRUE(layer.warnings()[0].contains(QStringLiteral("noprj.shp")));
    EXPECT_TRUE(layer.warnings()[0].contains(QStringLiteral("no .prj")));
    EXPECT_TRUE(layer.warnings()[0].contains(QStringLiteral("EPSG:4326")));
}

TEST(OgrReader, CsvWithCoordinateColumnsBecomesPoints) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("places.csv"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("name,latitude,longitude\nVanj,38.37078,71.45474\nQalaikhumb,38.45373,70.78902\n");
    f.close();
    auto read = OgrLayerReader().read(path);
    ASSERT_TRUE(read) << read.error().toString().toStdString();
    const VectorLayer& layer = *read.value()[0];
    ASSERT_EQ(layer.featureCount(), 2u);
    EXPECT_NEAR(layer.lonLat().xy[0], 71.45474, 1e-9);
    EXPECT_NEAR(layer.lonLat().xy[1], 38.37078, 1e-9);
    EXPECT_EQ(layer.lonLat().partKinds[0], PartKind::Point);
}

} // namespace
