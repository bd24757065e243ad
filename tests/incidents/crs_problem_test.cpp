// An incident layer whose CRS is unusable is a CRS problem, named as such, never a file of rows
// all rejected as "out of range" because projected metres were read as degrees.
#include "incidents/import/incident_importer.h"
#include "io/gdal_support.h"
#include "support/temp_files.h"

#include <QFile>
#include <QTemporaryDir>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <gtest/gtest.h>

using namespace borderlens;

namespace {

// One incident in the native schema at (x, y), in `srs` (none when null).
bool writeIncident(const char* driverName, const QString& path, OGRSpatialReference* srs,
                   double x, double y) {
    ensureGdalInitialised();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driverName);
    std::unique_ptr<GDALDataset, void (*)(GDALDataset*)> ds(
        driver ? driver->Create(gdalPath(path).constData(), 0, 0, 0, GDT_Unknown, nullptr) : nullptr,
        [](GDALDataset* d) { GDALClose(d); });
    if (!ds)
        return false;
    OGRLayer* layer = ds->CreateLayer("incidents", srs, wkbPoint, nullptr);
    if (!layer)
        return false;
    for (const char* name : {"id", "start_date", "type", "place"}) {
        OGRFieldDefn field(name, OFTString);
        layer->CreateField(&field);
    }
    std::unique_ptr<OGRFeature> f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
    f->SetField("id", "A");
    f->SetField("start_date", "2025-12-24");
    f->SetField("type", "armed_clash");
    f->SetField("place", "Somewhere");
    OGRPoint p(x, y);
    f->SetGeometry(&p);
    return layer->CreateFeature(f.get()) == OGRERR_NONE;
}

TEST(CrsProblem, AGarbagePrjWithProjectedCoordinatesIsACrsProblem) {
    QTemporaryDir dir;
    const QString shp = dir.filePath(QStringLiteral("utm.shp"));
    ASSERT_TRUE(writeIncident("ESRI Shapefile", shp, nullptr, 544195.18, 4150458.74));
    test::writeTempFile(dir, QStringLiteral("utm.prj"), "this is not a CRS {{{");
    const auto r = importIncidents(shp);
    ASSERT_FALSE(r) << "imported, rejecting " << r.value().rejected.size() << " row(s)";
    EXPECT_EQ(r.error().source, shp);
    EXPECT_TRUE(r.error().message.startsWith(QStringLiteral("CRS problem: its .prj (utm.prj)")))
        << r.error().message.toStdString();
}

TEST(CrsProblem, AGarbagePrjWithLonLatCoordinatesLoadsWithAWarning) {
    QTemporaryDir dir;
    const QString shp = dir.filePath(QStringLiteral("lonlat.shp"));
    ASSERT_TRUE(writeIncident("ESRI Shapefile", shp, nullptr, 70.05, 37.84));
    test::writeTempFile(dir, QStringLiteral("lonlat.prj"), "<html>not found</html>");
    const auto r = importIncidents(shp);
    ASSERT_TRUE(r) << r.error().toString().toStdString();
    EXPECT_EQ(r.value().store->size(), 1u);
    EXPECT_TRUE(r.value().warnings.join(QLatin1Char('\n')).contains(QStringLiteral("CRS problem")));
}

TEST(CrsProblem, ACrsWithNoWayToLonLatIsACrsProblem) {
    QTemporaryDir dir;
    const QString gpkg = dir.filePath(QStringLiteral("local.gpkg"));
    OGRSpatialReference local;
    local.SetLocalCS("site grid");
    ASSERT_TRUE(writeIncident("GPKG", gpkg, &local, 1500.0, 2500.0));
    const auto r = importIncidents(gpkg);
    ASSERT_FALSE(r) << "imported, rejecting " << r.value().rejected.size() << " row(s)";
    EXPECT_EQ(r.error().source, gpkg);
    EXPECT_TRUE(r.error().message.startsWith(QStringLiteral("CRS problem: the coordinate reference "
                                                            "system of layer incidents")))
        << r.error().message.toStdString();
}

} // namespace
