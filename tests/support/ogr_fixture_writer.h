#pragma once

#include <QString>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <memory>

namespace borderlens::test {

// Writes small vector files through GDAL itself, so reader tests start from files made the way
// other software makes them, not from bytes we typed.
struct FixtureFeature {
    const char* wkt;
    const char* name;
    int count;
    double value;
};

// Creates `path` with driver `driver` (e.g. "ESRI Shapefile", "GPKG", "GeoJSON", "KML"), one layer
// named "fixture" in EPSG:4326 (or `epsg`), fields name (string), count (int), value (real).
bool writeFixture(const QString& driver, const QString& path, const FixtureFeature* features,
                  int n, int epsg = 4326, bool withCrs = true);

} // namespace borderlens::test
