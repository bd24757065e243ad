#include "incidents/import/source_kind.h"

#include "incidents/import/csv_chunk_reader.h"
#include "io/gdal_support.h"
#include "io/network_access.h"

#include <QFileInfo>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace borderlens {

namespace {

SourceIdentity fromColumns(const std::vector<QString>& header) {
    const IncidentFormat f = detectFormat(ColumnMap(header));
    if (f == IncidentFormat::Auto)
        return {};
    return {f == IncidentFormat::NativeFacilities ? SourceKind::Facilities : SourceKind::Incidents,
            f};
}

std::vector<QString> fieldNames(OGRLayer& layer) {
    std::vector<QString> names;
    OGRFeatureDefn* defn = layer.GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        names.push_back(QString::fromUtf8(defn->GetFieldDefn(i)->GetNameRef()));
    return names;
}

} // namespace

Result<SourceIdentity> identifySource(const QString& path) {
    if (auto refused = refuseNetworkSource(path))
        return *refused;
    const QFileInfo fi(path);
    if (!fi.exists())
        return Error{path, QStringLiteral("file not found")};
    const QString ext = fi.suffix().toLower();
    if (fi.isFile() && (ext == QLatin1String("csv") || ext == QLatin1String("txt"))) {
        auto reader = CsvChunkReader::open(path);
        if (!reader)
            return reader.error();
        auto header = reader.value().readHeader();
        if (!header)
            return SourceIdentity{}; // GDAL may still make sense of it, or say why not
        return fromColumns(header.value());
    }
    if (fi.isFile() && (ext == QLatin1String("gpkg") || ext == QLatin1String("geojson") ||
                        ext == QLatin1String("json"))) {
        ensureGdalInitialised();
        GdalErrorCollector quiet;
        std::unique_ptr<GDALDataset, void (*)(GDALDataset*)> ds(
            GDALDataset::Open(gdalPath(path).constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY),
            [](GDALDataset* d) { GDALClose(d); });
        if (!ds || ds->GetLayerCount() < 1)
            return SourceIdentity{};
        if (OGRLayer* l = ds->GetLayerByName("incidents"))
            if (const SourceIdentity s = fromColumns(fieldNames(*l)); s.kind == SourceKind::Incidents)
                return s;
        if (OGRLayer* l = ds->GetLayerByName("facilities"))
            if (const SourceIdentity s = fromColumns(fieldNames(*l)); s.kind == SourceKind::Facilities)
                return s;
        if (ds->GetLayerCount() == 1)
            return fromColumns(fieldNames(*ds->GetLayer(0)));
    }
    return SourceIdentity{};
}

} // namespace borderlens
