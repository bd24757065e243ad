#include "io/reader_registry.h"
#include "support/test_paths.h"

#include <QDirIterator>
#include <QFileInfo>

#include <gtest/gtest.h>

#include <map>

using namespace borderlens;
using namespace borderlens::test;

namespace {

// Every file a user could pick in "Add Layer…" from these folders: shapefiles (by .shp, and a
// .dbf that has no .shp), GeoJSON, KML and zip.
QStringList openableFiles(const QString& root) {
    QStringList out;
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo fi(it.next());
        const QString ext = fi.suffix().toLower();
        const bool lonelyDbf =
            ext == QLatin1String("dbf") &&
            !QFileInfo::exists(fi.path() + QLatin1Char('/') + fi.completeBaseName() + ".shp");
        if (ext == QLatin1String("shp") || ext == QLatin1String("geojson") ||
            ext == QLatin1String("kml") || ext == QLatin1String("zip") || lonelyDbf)
            out << fi.filePath();
    }
    out.sort();
    return out;
}

struct Tally {
    int loaded = 0;
    int failed = 0;
    int withWarnings = 0;
    std::map<QString, QString> errors; // file name -> message
};

Tally readAll(const QString& root) {
    Tally t;
    const ReaderRegistry readers = ReaderRegistry::withDefaultReaders();
    for (const QString& path : openableFiles(root)) {
        const auto r = readers.read(path);
        if (r) {
            ++t.loaded;
            for (const auto& l : r.value())
                t.withWarnings += l->warnings().isEmpty() ? 0 : 1;
        } else {
            ++t.failed;
            // A clear error names the file and says something.
            EXPECT_EQ(r.error().source, path);
            EXPECT_GT(r.error().message.size(), 8) << path.toStdString();
            t.errors[QFileInfo(path).fileName()] = r.error().message;
        }
    }
    return t;
}

std::string describe(const Tally& t) {
    std::string s;
    for (const auto& [file, msg] : t.errors)
        s += "  " + file.toStdString() + ": " + msg.toStdString() + "\n";
    return s;
}

TEST(RealData, OddShapefilesLoadOrFailClearly) {
    BORDERLENS_REQUIRE_REALDATA();
    const Tally t = readAll(realData(QStringLiteral("odd_shapefiles")));
    RecordProperty("loaded", t.loaded);
    RecordProperty("failed", t.failed);
    // Observed with GDAL 3.6.2: 20 openable files; the three refused are anno.shp (projected
    // coordinates and no .prj), bad.shp (garbage) and onlydbf.dbf (no geometry). The four
    // shapefiles without .shx load through the in-memory index rebuild.
    EXPECT_EQ(t.loaded + t.failed, 20) << describe(t);
    EXPECT_EQ(t.loaded, 17) << describe(t);
    EXPECT_EQ(t.failed, 3) << describe(t);
    EXPECT_EQ(t.errors.count(QStringLiteral("anno.shp")), 1u);
    EXPECT_EQ(t.errors.count(QStringLiteral("bad.shp")), 1u);
    EXPECT_EQ(t.errors.count(QStringLiteral("onlydbf.dbf")), 1u);
}

TEST(RealData, HtmlPrjAndMissingShxAreExplained) {
    BORDERLENS_REQUIRE_REALDATA();
    const ReaderRegistry readers = ReaderRegistry::withDefaultReaders();
    const auto html = readers.read(realData(QStringLiteral("odd_shapefiles/shapefile-js/htmlprj.shp")));
    ASSERT_TRUE(html) << html.error().toString().toStdString();
    const QString w = html.value()[0]->warnings().join(QStringLiteral("\n"));
    EXPECT_TRUE(w.contains(QStringLiteral("htmlprj.prj")) && w.contains(QStringLiteral("HTML")))
        << w.toStdString();
    const auto noShx = readers.read(realData(QStringLiteral("odd_shapefiles/pyshp/latin1_noshx.shp")));
    ASSERT_TRUE(noShx) << noShx.error().toString().toStdString();
    EXPECT_TRUE(noShx.value()[0]->warnings().join(QStringLiteral(" ")).contains(QStringLiteral(".shx")));
    EXPECT_GT(noShx.value()[0]->featureCount(), 0u);
    // ... and nothing was written next to the original.
    EXPECT_FALSE(QFileInfo::exists(realData(QStringLiteral("odd_shapefiles/pyshp/latin1_noshx.shx"))));
}

TEST(RealData, GeoJsonAndKmlFixturesLoadOrFailClearly) {
    BORDERLENS_REQUIRE_REALDATA();
    const Tally t = readAll(realData(QStringLiteral("geojson_kml_fixtures")));
    // Observed with GDAL 3.6.2: 62 GeoJSON + 5 KML. GDAL is lenient, so most of geojsonhint's
    // "invalid" files still load; 16 are refused with a message, timespan.kml (truncated) among them.
    EXPECT_EQ(t.loaded + t.failed, 67) << describe(t);
    EXPECT_EQ(t.loaded, 51) << describe(t);
    EXPECT_EQ(t.failed, 16) << describe(t);
    EXPECT_EQ(t.errors.count(QStringLiteral("timespan.kml")), 1u);
    EXPECT_EQ(t.errors.count(QStringLiteral("bad-json.geojson")), 1u);
}

} // namespace
