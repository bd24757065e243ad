// Regressions found by the hostile-files corpus (hostile_files_test.cpp), each on its own.
#include "io/reader_registry.h"
#include "support/temp_files.h"

#include <QDir>
#include <QFile>
#include <QStringConverter>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <cmath>

using namespace borderlens;
using namespace borderlens::test;

namespace {

TEST(HostileRegressions, NonFiniteCoordinatesAreLeftOutAndCounted) {
    // 1e400 overflows to infinity in GDAL's parser; the point and one vertex of the line are
    // not on the globe, the rest of the line is.
    QTemporaryDir dir;
    const QString path = writeTempFile(
        dir, QStringLiteral("overflow.geojson"),
        R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1e400,38]}},
{"type":"Feature","properties":{},"geometry":{"type":"LineString",
 "coordinates":[[70,38],[71,-1e400],[72,39],[73,39.5]]}}]})");
    const auto r = ReaderRegistry::withDefaultReaders().read(path);
    ASSERT_TRUE(r) << r.error().toString().toStdString();
    const VectorLayer& layer = *r.value().at(0);
    ASSERT_EQ(layer.featureCount(), 2u);
    const auto& xy = layer.lonLat().xy;
    EXPECT_EQ(xy.size(), 6u); // the line's three finite vertices
    for (double v : xy)
        EXPECT_TRUE(std::isfinite(v));
    const QString warnings = layer.warnings().join(QLatin1Char('\n'));
    EXPECT_TRUE(warnings.contains(QStringLiteral("overflow.geojson: 2 vertices have coordinates "
                                                 "that are not finite numbers")))
        << warnings.toStdString();
}

TEST(HostileRegressions, Utf16TextIsNamedAsSuch) {
    QTemporaryDir dir;
    auto utf16 = QStringEncoder(QStringConverter::Utf16LE, QStringConverter::Flag::WriteBom);
    const QString path = writeTempFile(
        dir, QStringLiteral("utf16.geojson"),
        utf16(QStringLiteral(R"({"type":"Point","coordinates":[70,38]})")));
    const auto r = ReaderRegistry::withDefaultReaders().read(path);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().source, path);
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("is UTF-16 text"))) << r.error().message.toStdString();
}

TEST(HostileRegressions, AFolderNamedLikeAShapefileIsCalledAFolder) {
    QTemporaryDir dir;
    ASSERT_TRUE(QDir(dir.path()).mkdir(QStringLiteral("x.shp")));
    const QString path = dir.filePath(QStringLiteral("x.shp"));
    const auto r = ReaderRegistry::withDefaultReaders().read(path);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().source, path);
    EXPECT_TRUE(r.error().message.startsWith(QStringLiteral("is a folder"))) << r.error().message.toStdString();
}

} // namespace
