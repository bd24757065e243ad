#include "incidents/import/ogr_table_reader.h"

#include "incidents/import/field_row.h"
#include "incidents/import/row_values.h"
#include "io/gdal_support.h"

#include <QFile>
#include <QFileInfo>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <map>
#include <cmath>

namespace borderlens {
namespace {

// The .prj beside a shapefile that GDAL could not make a CRS of (garbage, an HTML page), or
// empty when there is none or the layer is not a shapefile.
QString unreadablePrj(const QString& path, OGRLayer& layer) {
    const QFileInfo fi(path);
    if (layer.GetSpatialRef() || fi.suffix().compare(QLatin1String("shp"), Qt::CaseInsensitive) != 0)
        return {};
    for (const char* ext : {".prj", ".PRJ"}) {
        const QString prj = fi.path() + QLatin1Char('/') + fi.completeBaseName() + QLatin1String(ext);
        if (QFileInfo::exists(prj))
            return QFileInfo(prj).fileName();
    }
    return {};
}

std::string shortestText(double v) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

Result<OgrTable> readLayer(OGRLayer& layer, QStringList& warnings, const QString& path) {
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
    const QString layerName = QString::fromUtf8(layer.GetName());
    std::unique_ptr<OGRCoordinateTransformation> toWgs84;
    if (const OGRSpatialReference* srs = layer.GetSpatialRef()) {
        GdalErrorCollector errors;
        OGRSpatialReference wgs84;
        if (wgs84.importFromEPSG(4326) != OGRERR_NONE)
            return Error{path, QStringLiteral("CRS problem: EPSG:4326 (WGS 84) is unknown to PROJ "
                                              "(is proj.db installed?): %1")
                                   .arg(errors.lastFailure())};
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        OGRSpatialReference source(*srs);
        source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        if (!source.IsSame(&wgs84)) {
            toWgs84.reset(OGRCreateCoordinateTransformation(&source, &wgs84));
            // Without a transformation the coordinates are not lon/lat: reading them as such
            // would reject every row as "out of range" and hide the real problem, the CRS.
            if (!toWgs84)
                return Error{path, QStringLiteral("CRS problem: the coordinate reference system "
                                                  "of layer %1 (%2) cannot be converted to WGS 84 "
                                                  "longitude/latitude%3")
                                       .arg(layerName, QString::fromUtf8(source.GetName()),
                                            errors.lastFailure().isEmpty()
                                                ? QString()
                                                : QStringLiteral(": ") + errors.lastFailure())};
        }
    }
    // A .prj GDAL could not read: the coordinates may be in any CRS. Read them as lon/lat only if
    // they fit, and say so; otherwise the rows would all be rejected as "out of range".
    const QString badPrj = unreadablePrj(path, layer);
    std::int64_t n = 0;
    int moved = 0;
    int untransformed = 0;
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
            if (!badPrj.isEmpty() && !(std::abs(x) <= 180 && std::abs(y) <= 90))
                return Error{path, QStringLiteral("CRS problem: its .prj (%1) is not a valid CRS "
                                                  "definition, and its coordinates (e.g. %2, %3) "
                                                  "are not longitude/latitude")
                                       .arg(badPrj)
                                       .arg(x, 0, 'g', 10)
                                       .arg(y, 0, 'g', 10)};
            std::string& lonText = feature.fields[std::size_t(lonCol)];
            std::string& latText = feature.fields[std::size_t(latCol)];
            if (toWgs84 && !toWgs84->Transform(1, &x, &y)) {
                // The point has no place in lon/lat: leave it without coordinates, so the row is
                // placed by name or rejected as such, never at stale lon/lat attributes.
                ++untransformed;
                lonText.clear();
                latText.clear();
                t.features.push_back(std::move(feature));
                continue;
            }
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
    if (!badPrj.isEmpty())
        warnings << QStringLiteral("%1: CRS problem: its .prj (%2) is not a valid CRS definition; "
                                   "the coordinates fit longitude/latitude and were read as such")
                        .arg(QFileInfo(path).fileName(), badPrj);
    if (untransformed > 0)
        warnings << QStringLiteral("%1: %2 point(s) of layer %3 could not be transformed from its "
                                   "CRS to lon/lat and were read as having no coordinates")
                        .arg(QFileInfo(path).fileName())
                        .arg(untransformed)
                        .arg(layerName);
    if (moved > 0)
        warnings << QStringLiteral("%1: %2 feature(s) of layer %3 had lon/lat attributes that "
                                   "differ from their point geometry; the geometry was used")
                        .arg(QFileInfo(path).fileName())
                        .arg(moved)
                        .arg(QString::fromUtf8(layer.GetName()));
    return t;
}

// An incident store (store/incident_database.h) keeps each record's sources as rows of a
// "sources" table; joined here as the native source1_title… columns, so a store reads like any
// GeoPackage in the native schema (one import path, at the speed of one table scan).
void joinStoreSources(OGRLayer& sources, const char* kind, OgrTable& t) {
    const auto idAt = std::find(t.header.begin(), t.header.end(), QStringLiteral("id"));
    if (idAt == t.header.end())
        return;
    const std::size_t idCol = std::size_t(idAt - t.header.begin());
    std::map<std::string, std::vector<std::pair<int, std::array<std::string, 4>>>> byId;
    sources.SetAttributeFilter((std::string("record_kind = '") + kind + "'").c_str());
    sources.ResetReading();
    std::size_t most = 0;
    for (auto& f : sources) {
        auto& list = byId[f->GetFieldAsString("record_id")];
        list.push_back({f->GetFieldAsInteger("ord"),
                        {f->GetFieldAsString("title"), f->GetFieldAsString("outlet"),
                         f->GetFieldAsString("source_date"), f->GetFieldAsString("url")}});
        most = std::max(most, list.size());
    }
    sources.SetAttributeFilter(nullptr);
    if (most == 0)
        return;
    const std::size_t first = t.header.size();
    for (std::size_t k = 1; k <= most; ++k) {
        for (const char* part : {"title", "outlet", "date", "url"})
            t.header.push_back(QStringLiteral("source%1_%2").arg(k).arg(QLatin1String(part)));
    }
    for (OgrTable::Feature& feature : t.features) {
        feature.fields.resize(t.header.size());
        auto it = byId.find(feature.fields[idCol]);
        if (it == byId.end())
            continue;
        auto& list = it->second;
        std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (std::size_t k = 0; k < list.size(); ++k) {
            for (std::size_t part = 0; part < 4; ++part)
                feature.fields[first + 4 * k + part] = std::move(list[k].second[part]);
        }
    }
}

} // namespace

Result<std::vector<OgrTable>> readOgrTables(const QString& path, QStringList& warnings) {
    ensureGdalInitialised();
    GdalErrorCollector errors;
    std::unique_ptr<GDALDataset, void (*)(GDALDataset*)> ds(
        GDALDataset::Open(gdalPath(path).constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY),
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
        if (OGRLayer* l = ds->GetLayerByName(name)) {
            auto table = readLayer(*l, warnings, path);
            if (!table)
                return table.error();
            if (OGRLayer* sources = ds->GetLayerByName("sources");
                sources && sources->GetLayerDefn()->GetFieldIndex("record_id") >= 0)
                joinStoreSources(*sources, std::strcmp(name, "incidents") == 0 ? "incident" : "facility",
                                 table.value());
            tables.push_back(std::move(table).value());
        }
    }
    if (tables.empty()) {
        auto table = readLayer(*ds->GetLayer(0), warnings, path);
        if (!table)
            return table.error();
        tables.push_back(std::move(table).value());
    }
    return tables;
}

} // namespace borderlens
