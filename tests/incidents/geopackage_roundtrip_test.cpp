#include "incidents/import/geopackage_writer.h"
#include "incidents/import/incident_importer.h"
#include "io/gdal_support.h"

#include <QFile>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace borderlens;

namespace {

Incident sampleIncident() {
    Incident i;
    i.id = QStringLiteral("BL-T-1");
    i.startDate = QDate(2025, 12, 24);
    i.endDate = QDate(2025, 12, 25);
    i.type = IncidentType::ArmedClash;
    i.place = QStringLiteral("Шамсиддин Шоҳин");
    i.lon = 70.04865;
    i.lat = 37.84137;
    i.geoPrecision = GeoPrecision::District;
    i.country = QStringLiteral("TJ");
    i.district = QStringLiteral("Shamsiddin Shohin");
    i.killed = {4, 5, 6};
    i.injured = 1;
    i.actors = {QStringLiteral("Border Troops"), QStringLiteral("Militants")};
    i.summary = QStringLiteral("Infiltration, \"quoted\", with commas, and\nnewlines.");
    i.sources = {{QStringLiteral("A"), QStringLiteral("Outlet A"), QDate(2025, 12, 26),
                  QStringLiteral("https://example.invalid/a")},
                 {QStringLiteral("B"), QStringLiteral("Outlet B"), QDate(), QString()}};
    return i;
}

TEST(GeoPackage, WritesAndReadsBackTheNativeSchema) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("store.gpkg"));
    Facility f;
    f.id = QStringLiteral("F1");
    f.name = QStringLiteral("Outpost");
    f.kind = FacilityKind::BorderOutpost;
    f.lon = 70.1;
    f.lat = 37.7;
    f.opened = QDate(2025, 12, 24);
    ASSERT_TRUE(writeGeoPackage(path, IncidentStore({sampleIncident()}), {f}));
    auto back = importIncidents(path);
    ASSERT_TRUE(back) << back.error().toString().toStdString();
    ASSERT_EQ(back.value().store->size(), 1u);
    const Incident i = back.value().store->incident(0);
    const Incident o = sampleIncident();
    EXPECT_EQ(i.id, o.id);
    EXPECT_EQ(i.startDate, o.startDate);
    EXPECT_EQ(i.endDate, o.endDate);
    EXPECT_EQ(i.place, o.place);
    EXPECT_DOUBLE_EQ(i.lon, o.lon);
    EXPECT_DOUBLE_EQ(i.lat, o.lat);
    EXPECT_EQ(i.geoPrecision, o.geoPrecision);
    EXPECT_EQ(i.killed, o.killed);
    EXPECT_EQ(i.injured, o.injured);
    EXPECT_EQ(i.actors, o.actors);
    EXPECT_EQ(i.summary, o.summary);
    EXPECT_EQ(i.sources, o.sources);
    // The facilities layer comes back too, not only the incidents.
    ASSERT_EQ(back.value().facilities.size(), 1u);
    EXPECT_EQ(back.value().facilities[0].name, QStringLiteral("Outpost"));
    EXPECT_EQ(back.value().facilities[0].opened, QDate(2025, 12, 24));
    EXPECT_EQ(back.value().format, QStringLiteral("native"));
}

TEST(GeoPackage, AFileOfFacilitiesOnlyReadsBack) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("outposts.gpkg"));
    Facility f;
    f.id = QStringLiteral("F1");
    f.name = QStringLiteral("Outpost");
    f.lon = 70.1;
    f.lat = 37.7;
    ASSERT_TRUE(writeGeoPackage(path, {}, {f}));
    auto back = importIncidents(path);
    ASSERT_TRUE(back) << back.error().toString().toStdString();
    EXPECT_EQ(back.value().store->size(), 0u);
    EXPECT_EQ(back.value().facilities.size(), 1u);
    EXPECT_TRUE(back.value().rejected.empty());
}

TEST(GeoPackage, ThePointGeometryWinsOverStaleLonLatAttributes) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("moved.gpkg"));
    ASSERT_TRUE(writeGeoPackage(path, IncidentStore({sampleIncident()}), {}));
    // Move the point as a user would in QGIS, leaving the lon/lat attributes as they were.
    {
        GDALDataset* ds = GDALDataset::Open(gdalPath(path).constData(),
                                            GDAL_OF_VECTOR | GDAL_OF_UPDATE);
        ASSERT_NE(ds, nullptr);
        OGRLayer* layer = ds->GetLayerByName("incidents");
        OGRFeature* feature = layer->GetNextFeature();
        feature->SetGeometryDirectly(new OGRPoint(70.5, 37.9));
        ASSERT_EQ(layer->SetFeature(feature), OGRERR_NONE);
        OGRFeature::DestroyFeature(feature);
        GDALClose(ds);
    }
    auto back = importIncidents(path);
    ASSERT_TRUE(back);
    ASSERT_EQ(back.value().store->size(), 1u);
    EXPECT_DOUBLE_EQ(back.value().store->lons()[0], 70.5);
    EXPECT_DOUBLE_EQ(back.value().store->lats()[0], 37.9);
    ASSERT_EQ(back.value().warnings.size(), 1);
    EXPECT_TRUE(back.value().warnings[0].contains(QStringLiteral("geometry was used")));
}

TEST(GeoPackage, AFailedWriteKeepsThePreviousGoodFile) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("store.gpkg"));
    ASSERT_TRUE(writeGeoPackage(path, IncidentStore({sampleIncident()}), {}));
    const QByteArray before = [&] {
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }();
    // A folder in the way of the temporary file makes the write fail part-way.
    ASSERT_TRUE(QDir(dir.path()).mkdir(QStringLiteral(".store.gpkg.part")));
    ASSERT_TRUE(QFile(dir.filePath(QStringLiteral(".store.gpkg.part/x"))).open(QIODevice::WriteOnly));
    EXPECT_FALSE(writeGeoPackage(path, IncidentStore({sampleIncident(), sampleIncident()}), {}));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), before);
}

} // namespace
