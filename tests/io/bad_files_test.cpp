#include "support/ogr_fixture_writer.h"
#include "io/reader_registry.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace borderlens;
using namespace borderlens::test;

namespace {

const FixtureFeature kSquares[] = {
    {"POLYGON ((70 38, 71 38, 71 39, 70 39, 70 38))", "a", 1, 1},
    {"POLYGON ((71 38, 72 38, 72 39, 71 39, 71 38))", "b", 2, 2},
    {"POLYGON ((72 38, 73 38, 73 39, 72 39, 72 38))", "c", 3, 3},
    {"POLYGON ((73 38, 74 38, 74 39, 73 39, 73 38))", "d", 4, 4},
};

Result<LayerList> readWithRegistry(const QString& path) {
    return ReaderRegistry::withDefaultReaders().read(path);
}

TEST(BadFiles, MissingFileNamesTheFile) {
    const auto r = readWithRegistry(QStringLiteral("/nonexistent/dir/districts.shp"));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().source, QStringLiteral("/nonexistent/dir/districts.shp"));
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("not found")));
    EXPECT_TRUE(r.error().toString().contains(QStringLiteral("districts.shp")));
}

// The records of a .shp that lie wholly within its first `size` bytes, from the .shx index
// (100-byte header, then per record its offset and content length in 16-bit words, big endian).
int wholeRecords(const QString& shx, qint64 size) {
    QFile f(shx);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray index = f.readAll();
    auto word = [&](int at) {
        return qint64(quint8(index[at])) << 24 | qint64(quint8(index[at + 1])) << 16 |
               qint64(quint8(index[at + 2])) << 8 | qint64(quint8(index[at + 3]));
    };
    int whole = 0;
    for (int at = 100; at + 8 <= index.size(); at += 8)
        whole += (word(at) + 4 + word(at + 4)) * 2 <= size;
    return whole;
}

TEST(BadFiles, TruncatedShpGivesItsWholeRecordsAndAWarningNamingIt) {
    // A half-copied shapefile: the analyst gets the records that are whole, and is told, with
    // the file's name, that the rest could not be read. Neither a refusal of the whole file nor
    // a silent partial layer.
    QTemporaryDir dir;
    const QString shp = dir.filePath(QStringLiteral("cut.shp"));
    ASSERT_TRUE(writeFixture(QStringLiteral("ESRI Shapefile"), shp, kSquares, 4));
    QFile f(shp);
    ASSERT_TRUE(f.open(QIODevice::ReadWrite));
    const qint64 cut = f.size() / 2;
    ASSERT_TRUE(f.resize(cut)); // mid-way through a record
    f.close();
    const int whole = wholeRecords(dir.filePath(QStringLiteral("cut.shx")), cut);
    ASSERT_GT(whole, 0);
    ASSERT_LT(whole, 4);

    const auto r = readWithRegistry(shp);
    ASSERT_TRUE(r) << r.error().toString().toStdString();
    const VectorLayer& layer = *r.value()[0];
    ASSERT_FALSE(layer.warnings().isEmpty());
    EXPECT_TRUE(layer.warnings().join(" ").contains(QStringLiteral("cut.shp")));
    int withGeometry = 0;
    for (std::size_t i = 0; i < layer.featureCount(); ++i)
        withGeometry += layer.lonLat().featureOffsets[i + 1] > layer.lonLat().featureOffsets[i];
    EXPECT_EQ(withGeometry, whole);
}

TEST(BadFiles, HtmlPrjIsReportedAsSuch) {
    QTemporaryDir dir;
    const QString shp = dir.filePath(QStringLiteral("htmlprj.shp"));
    ASSERT_TRUE(writeFixture(QStringLiteral("ESRI Shapefile"), shp, kSquares, 2));
    QFile prj(dir.filePath(QStringLiteral("htmlprj.prj")));
    ASSERT_TRUE(prj.open(QIODevice::WriteOnly | QIODevice::Truncate));
    prj.write("<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>"
              "<body>Not found</body></html>\n");
    prj.close();

    const auto r = readWithRegistry(shp);
    // The coordinates are plausible lon/lat, so the layer loads, with a warning that says the
    // .prj is an HTML page and that EPSG:4326 was assumed.
    ASSERT_TRUE(r) << r.error().toString().toStdString();
    const QString warnings = r.value()[0]->warnings().join(" ");
    EXPECT_TRUE(warnings.contains(QStringLiteral("htmlprj.prj"))) << warnings.toStdString();
    EXPECT_TRUE(warnings.contains(QStringLiteral("HTML"))) << warnings.toStdString();
    EXPECT_TRUE(warnings.contains(QStringLiteral("EPSG:4326")));
}

TEST(BadFiles, HtmlPrjWithProjectedCoordinatesIsAnError) {
    QTemporaryDir dir;
    const QString shp = dir.filePath(QStringLiteral("utm_html.shp"));
    const FixtureFeature utm[] = {{"POINT (544195.18 4150458.74)", "ref", 1, 0}};
    ASSERT_TRUE(writeFixture(QStringLiteral("ESRI Shapefile"), shp, utm, 1, 32642, false));
    QFile prj(dir.filePath(QStringLiteral("utm_html.prj")));
    ASSERT_TRUE(prj.open(QIODevice::WriteOnly));
    prj.write("<html><body>Moved</body></html>");
    prj.close();
    const auto r = readWithRegistry(shp);
    // Drawing metres as degrees would put the point nowhere; refuse and say why.
    ASSERT_FALSE(r);
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("not longitude/latitude")));
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("HTML")));
}

TEST(BadFiles, DbfWithoutShpSaysTheGeometryIsMissing) {
    QTemporaryDir dir;
    const QString shp = dir.filePath(QStringLiteral("lonely.shp"));
    ASSERT_TRUE(writeFixture(QStringLiteral("ESRI Shapefile"), shp, kSquares, 2));
    ASSERT_TRUE(QFile::remove(shp));
    ASSERT_TRUE(QFile::remove(dir.filePath(QStringLiteral("lonely.shx"))));

    const auto viaDbf = readWithRegistry(dir.filePath(QStringLiteral("lonely.dbf")));
    ASSERT_FALSE(viaDbf);
    EXPECT_TRUE(viaDbf.error().message.contains(QStringLiteral(".shp")));
    EXPECT_TRUE(viaDbf.error().toString().contains(QStringLiteral("lonely.dbf")));

    const auto viaShp = readWithRegistry(shp);
    ASSERT_FALSE(viaShp);
    EXPECT_TRUE(viaShp.error().message.contains(QStringLiteral("not found")));
}

TEST(BadFiles, GarbageAndEmptyFilesAreErrors) {
    QTemporaryDir dir;
    const QString junk = dir.filePath(QStringLiteral("junk.geojson"));
    QFile j(junk);
    ASSERT_TRUE(j.open(QIODevice::WriteOnly));
    j.write("{\"type\": \"FeatureCollection\", \"features\": [ {\"type\": ");
    j.close();
    const auto r1 = readWithRegistry(junk);
    ASSERT_FALSE(r1);
    EXPECT_TRUE(r1.error().toString().contains(QStringLiteral("junk.geojson")));

    const QString empty = dir.filePath(QStringLiteral("empty.kml"));
    QFile e(empty);
    ASSERT_TRUE(e.open(QIODevice::WriteOnly));
    e.close();
    const auto r2 = readWithRegistry(empty);
    ASSERT_FALSE(r2);
    EXPECT_TRUE(r2.error().message.contains(QStringLiteral("empty")));
}

TEST(BadFiles, NetworkPathsAreRefused) {
    for (const char* url : {"https://example.org/a.geojson", "/vsicurl/http://example.org/a.shp"}) {
        const auto r = readWithRegistry(QString::fromLatin1(url));
        ASSERT_FALSE(r);
        EXPECT_TRUE(r.error().message.contains(QStringLiteral("network")));
    }
}

} // namespace
