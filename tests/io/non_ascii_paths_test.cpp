// Folders and files named in Cyrillic and Tajik (ӯ, ҳ), with spaces, through every reader and
// writer: GDAL is given UTF-8 paths (gdalPath), never the local 8-bit code page, which cannot
// hold these names on Windows.
#include "export/map_exporter.h"
#include "export/sample_briefing.h"
#include "incidents/import/geopackage_writer.h"
#include "incidents/import/incident_importer.h"
#include "io/reader_registry.h"
#include "support/ogr_fixture_writer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace borderlens;
using namespace borderlens::test;

namespace {

const FixtureFeature kSquare[] = {
    {"POLYGON ((70 38, 71 38, 71 39, 70 39, 70 38))", "Ҳисор", 1, 1}};

class NonAsciiPaths : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(m_tmp.isValid());
        m_dir = m_tmp.filePath(QStringLiteral("Маълумот ӯ ҳ/марзи Панҷ"));
        ASSERT_TRUE(QDir().mkpath(m_dir));
    }
    QString path(const QString& name) const { return m_dir + QLatin1Char('/') + name; }

    QTemporaryDir m_tmp;
    QString m_dir;
};

TEST_F(NonAsciiPaths, EveryVectorFormatReads) {
    const ReaderRegistry readers = ReaderRegistry::withDefaultReaders();
    for (const auto& [driver, name] :
         {std::pair{"ESRI Shapefile", "ноҳияҳо ӯ.shp"}, std::pair{"GeoJSON", "ноҳияҳо ӯ.geojson"},
          std::pair{"GPKG", "ноҳияҳо ӯ.gpkg"}}) {
        const QString file = path(QString::fromUtf8(name));
        ASSERT_TRUE(writeFixture(QLatin1String(driver), file, kSquare, 1)) << driver;
        const auto r = readers.read(file);
        ASSERT_TRUE(r) << r.error().toString().toStdString();
        ASSERT_EQ(r.value().size(), 1u);
        EXPECT_EQ(r.value()[0]->featureCount(), 1u) << driver;
        EXPECT_TRUE(r.value()[0]->warnings().isEmpty())
            << r.value()[0]->warnings().join(QLatin1Char('\n')).toStdString();
    }
}

TEST_F(NonAsciiPaths, ACsvImportsAndItsStoreIsWrittenAndReadBack) {
    const QString csv = path(QStringLiteral("ҳодисаҳо ӯ.csv"));
    QFile f(csv);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("id,start_date,type,place,lon,lat\nA,2025-12-24,armed_clash,Шӯрообод,70.05,37.84\n");
    f.close();
    const auto imported = importIncidents(csv);
    ASSERT_TRUE(imported) << imported.error().toString().toStdString();
    ASSERT_EQ(imported.value().store->size(), 1u);

    const QString store = path(QStringLiteral("анбори ҳодисаҳо ӯ.gpkg"));
    const auto written = writeGeoPackage(store, *imported.value().store, {});
    ASSERT_TRUE(written) << written.error().toString().toStdString();
    const auto back = importIncidents(store);
    ASSERT_TRUE(back) << back.error().toString().toStdString();
    EXPECT_EQ(back.value().store->size(), 1u);
    // Nothing was left under another (mis-encoded) name beside it.
    EXPECT_EQ(QDir(m_dir).entryList(QDir::Files),
              (QStringList{QStringLiteral("анбори ҳодисаҳо ӯ.gpkg"), QStringLiteral("ҳодисаҳо ӯ.csv")}));
}

TEST_F(NonAsciiPaths, PngPdfAndSvgExportsAreWritten) {
    const TimeRange december = TimeRange::fromInclusive(QDate(2025, 12, 1), QDate(2025, 12, 31));
    for (const auto& [format, name] : {std::pair{ExportFormat::Png, "харита ӯ ҳ.png"},
                                       std::pair{ExportFormat::Pdf, "харита ӯ ҳ.pdf"},
                                       std::pair{ExportFormat::Svg, "харита ӯ ҳ.svg"}}) {
        ExportOptions o;
        o.format = format;
        o.page = PageSetup::pixelSize(QSize(400, 300), 96);
        const QString file = path(QString::fromUtf8(name));
        const auto r = MapExporter::exportTo(file, o, sampleBriefingMap(december), sampleLayout());
        ASSERT_TRUE(r) << r.error().toString().toStdString();
        EXPECT_GT(QFileInfo(file).size(), 0) << name;
    }
}

} // namespace
