#include "incidents/import/ogr_table_reader.h"

#include "incidents/import/field_row.h"
#include "incidents/import/row_values.h"
#include "io/gdal_support.h"

#include <QFile>
#include <QFileInfo>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <charconv>
#include <cmath>

namespace borderlens {
namespace {

std::string shortestText(double v) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

OgrTable readLayer(OGRLayer& layer, QStringList& warnings, const QString& path) {
    OgrTable t;
    OGRFeatureDefn* defn = layer.GetLayerDefn();
    const int fieldCount = defn->GetFieldCount();
    for (int i = 0; i < fieldCount; ++i)
        t.header.push_back(QString::fromUtf8(defn->GetFieldDefn(i)->GetNameRef()));
    const ColumnMap columns(t.header);
    int lonCol = columns.index(QStringLiteral("lon"));
    int latCol = columns.index(QStringLiteral("lat"));
    if (lonCol < 0 || latCol < 0) {
        t.header.push_back(QStringLiteral("lon"));
        t.header.push_back(QStringLiteral("lat"));
        lonCol = static_cast<int>(t.header.size()) - 2;
        latCol = lonCol + 1;
    }
    std::unique_ptr<OGRCoordinateTransformation> toWgs84;
    if (const OGRSpatialReference* srs = layer.GetSpatialRef()) {
        OGRSpatialReference wgs84;
        wgs84.importFromEPSG(4326);
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        OGRSpatialReference source(*srs);
        source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        if (!source.IsSame(&wgs84))
            toWgs84.reset(OGRCreateCoordinateTransformation(&source, &wgs84));
    }
    std::int64_t n = 0;
    int moved = 0;
    for (auto& f : layer) {
        OgrTable::Feature feature;
        feature.number = ++n;
        feature.fields.resize(t.header.size());
        for (int i = 0; i < fieldCount; ++i) {
            if (f->IsFieldSetAndNotNull(i))
                feature.fields[std::size_t(i)] = f->GetFieldAsString(i);
        }
        const OGRGeometry* g = f->GetGeometryRef();
        if (g && wkbFlatten(g->getGeometryType()) == wkbPoint && !g->IsEmpty()) {
            double x = g->toPoint()->getX(), y = g->toPoint()->getY();
            if (toWgs84)
                toWgs84->Transform(1, &x, &y);
            std::string& lonText = feature.fields[std::size_t(lonCol)];
            std::string& latText = feature.fields[std::size_t(latCol)];
            bool ok1 = false, ok2 = false;
            const auto oldX = rowvalues::parseNumber(lonText, ok1);
            const auto oldY = rowvalues::parseNumber(latText, ok2);
            if (ok1 && ok2 && oldX && oldY &&
                (std::abs(*oldX - x) > 1e-6 || std::abs(*oldY - y) > 1e-6))
                ++moved;
            lonText = shortestText(x);
            latText = shortestText(y);
        }
        t.features.push_back(std::move(feature));
    }
    if (moved > 0)
        warnings << QStringLiteral("%1: %2 feature(s) of layer %3 had lon/lat attributes that "
                                   "differ from their point geometry; the geometry was used")
                        .arg(QFileInfo(path).fileName())
                        .arg(moved)
                        .arg(QString::fromUtf8(layer.GetName()));
    return t;
}

} // namespace

Result<std::vector<OgrTable>> readOgrTables(const QString& path, QStringList& warnings) {
    ensureGdalInitialised();
    GdalErrorCollector errors;
    std::unique_ptr<GDALDataset, void (*)(GDALDataset*)> ds(
        GDALDataset::Open(QFile::encodeName(path).constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY),
        [](GDALDataset* d) { GDALClose(d); });
    if (!ds)
        return Error{path, QStringLiteral("cannot be opened: %1")
                               .arg(errors.lastFailure().isEmpty()
                                        ? QStringLiteral("not a vector format GDAL recognises")
                                        : errors.lastFailure())};
    if (ds->GetLayerCount() < 1)
        return Error{path, QStringLiteral("contains no layers")};
    std::vector<OgrTable> tables;
    for (const char* name : {"incidents", "facilities"}) {
        if (OGRLayer* l = ds->GetLayerByName(name))
            tables.push_back(readLayer(*l, warnings, path));
    }
    if (tables.empty())
        tables.push_back(readLayer(*ds->GetLayer(0), warnings, path));
    return tables;
}

} // namespace borderlens
