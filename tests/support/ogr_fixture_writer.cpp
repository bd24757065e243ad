#include "support/ogr_fixture_writer.h"

#include "io/gdal_support.h"

#include <QFile>

namespace borderlens::test {

bool writeFixture(const QString& driverName, const QString& path, const FixtureFeature* features,
                  int n, int epsg, bool withCrs) {
    ensureGdalInitialised();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driverName.toUtf8().constData());
    if (!driver)
        return false;
    GDALDataset* ds = driver->Create(gdalPath(path).constData(), 0, 0, 0, GDT_Unknown,
                                     nullptr);
    if (!ds)
        return false;
    OGRSpatialReference srs;
    srs.importFromEPSG(epsg);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRwkbGeometryType type = wkbUnknown;
    if (n > 0) {
        OGRGeometry* g = nullptr;
        OGRGeometryFactory::createFromWkt(features[0].wkt, nullptr, &g);
        type = g ? g->getGeometryType() : wkbUnknown;
        OGRGeometryFactory::destroyGeometry(g);
    }
    // Shapefiles default to Latin-1 in GDAL; write UTF-8 (with a .cpg), as modern tools do, so
    // that Cyrillic names survive.
    char** layerOptions = nullptr;
    if (driverName == QLatin1String("ESRI Shapefile"))
        layerOptions = CSLSetNameValue(layerOptions, "ENCODING", "UTF-8");
    OGRLayer* layer = ds->CreateLayer("fixture", withCrs ? &srs : nullptr, type, layerOptions);
    CSLDestroy(layerOptions);
    OGRFieldDefn name("name", OFTString);
    OGRFieldDefn count("count", OFTInteger);
    OGRFieldDefn value("value", OFTReal);
    layer->CreateField(&name);
    layer->CreateField(&count);
    layer->CreateField(&value);
    bool ok = true;
    for (int i = 0; i < n; ++i) {
        OGRFeature* f = OGRFeature::CreateFeature(layer->GetLayerDefn());
        f->SetField("name", features[i].name);
        f->SetField("count", features[i].count);
        f->SetField("value", features[i].value);
        OGRGeometry* g = nullptr;
        OGRGeometryFactory::createFromWkt(features[i].wkt, nullptr, &g);
        f->SetGeometryDirectly(g);
        ok = layer->CreateFeature(f) == OGRERR_NONE && ok;
        OGRFeature::DestroyFeature(f);
    }
    GDALClose(ds);
    return ok;
}

} // namespace borderlens::test
