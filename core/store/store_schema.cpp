#include "store/store_schema.h"

#include <QString>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace borderlens::store_schema {
namespace {

FieldTypes withVersion(FieldTypes fields) {
    fields.emplace_back("version", OFTInteger64);
    return fields;
}

// Creates a table: a point layer in WGS 84 (lon/lat order) or, with `geometry` false, a plain
// attribute table (a GeoPackage "attributes" table, a PostgreSQL table without geometry).
OGRLayer* createTable(GDALDataset& ds, const char* name, bool geometry, const FieldTypes& fields,
                      bool postgres) {
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    char** options = nullptr;
    options = CSLSetNameValue(options, "FID", "fid");
    if (geometry)
        options = CSLSetNameValue(options, "GEOMETRY_NAME", "geom");
    if (postgres)
        options = CSLSetNameValue(options, "OVERWRITE", "NO");
    OGRLayer* layer = ds.CreateLayer(name, geometry ? &wgs84 : nullptr, geometry ? wkbPoint : wkbNone,
                                     options);
    CSLDestroy(options);
    if (!layer)
        return nullptr;
    for (const auto& [field, type] : fields) {
        OGRFieldDefn d(field, type);
        if (layer->CreateField(&d) != OGRERR_NONE)
            return nullptr;
    }
    return layer;
}

bool execute(GDALDataset& ds, const QString& sql) {
    CPLErrorReset();
    OGRLayer* result = ds.ExecuteSQL(sql.toUtf8().constData(), nullptr, nullptr);
    if (result)
        ds.ReleaseResultSet(result);
    return CPLGetLastErrorType() < CE_Failure;
}

} // namespace

const FieldTypes& incidentColumns() {
    static const FieldTypes fields = withVersion({
        {"id", OFTString},           {"start_date", OFTString},   {"end_date", OFTString},
        {"date_precision", OFTString}, {"type", OFTString},       {"place", OFTString},
        {"lon", OFTReal},            {"lat", OFTReal},            {"geo_precision", OFTString},
        {"country", OFTString},      {"province", OFTString},     {"district", OFTString},
        {"killed_low", OFTInteger},  {"killed_best", OFTInteger}, {"killed_high", OFTInteger},
        {"injured", OFTInteger},     {"actors", OFTString},       {"summary", OFTString},
    });
    return fields;
}

const FieldTypes& facilityColumns() {
    static const FieldTypes fields = withVersion({
        {"id", OFTString},         {"name", OFTString},     {"kind", OFTString},
        {"lon", OFTReal},          {"lat", OFTReal},        {"geo_precision", OFTString},
        {"opened", OFTString},     {"opened_precision", OFTString}, {"closed", OFTString},
        {"country", OFTString},    {"province", OFTString}, {"district", OFTString},
        {"notes", OFTString},
    });
    return fields;
}

const FieldTypes& sourceColumns() {
    static const FieldTypes fields = {
        {"record_kind", OFTString}, {"record_id", OFTString}, {"ord", OFTInteger},
        {"title", OFTString},       {"outlet", OFTString},    {"source_date", OFTString},
        {"url", OFTString},
    };
    return fields;
}

const FieldTypes& logColumns() {
    static const FieldTypes fields = {
        {"edited_at", OFTString},  {"editor", OFTString},     {"action", OFTString},
        {"record_kind", OFTString}, {"record_id", OFTString}, {"field_name", OFTString},
        {"old_value", OFTString},  {"new_value", OFTString},  {"version", OFTInteger64},
    };
    return fields;
}

const char* tableFor(RecordKind kind) {
    return kind == RecordKind::Incident ? kIncidents : kFacilities;
}

QString createTables(GDALDataset& ds, bool postgres) {
    struct Table {
        const char* name;
        bool geometry;
        const FieldTypes& fields;
    };
    const Table tables[] = {{kIncidents, true, incidentColumns()},
                            {kFacilities, true, facilityColumns()},
                            {kSources, false, sourceColumns()},
                            {kEditLog, false, logColumns()},
                            {kInfo, false, FieldTypes{{"key", OFTString}, {"value", OFTString}}}};
    for (const Table& t : tables) {
        if (!createTable(ds, t.name, t.geometry, t.fields, postgres))
            return QStringLiteral("cannot create the table %1").arg(QString::fromLatin1(t.name));
    }
    OGRLayer* info = ds.GetLayerByName(kInfo);
    for (const auto& [key, value] : {std::pair<const char*, QByteArray>{"format", kFormatName},
                                     {"format_version", QByteArray::number(kFormatVersion)}}) {
        OGRFeature* f = OGRFeature::CreateFeature(info->GetLayerDefn());
        f->SetField("key", key);
        f->SetField("value", value.constData());
        const bool ok = info->CreateFeature(f) == OGRERR_NONE;
        OGRFeature::DestroyFeature(f);
        if (!ok)
            return QStringLiteral("cannot write the store's format version");
    }
    // An id is unique in its table (a second editor's add with the same id fails rather than
    // duplicating), and looking a record, its sources or its history up by id is an index read.
    const QString indexes[] = {
        QStringLiteral("CREATE UNIQUE INDEX incidents_id ON incidents (id)"),
        QStringLiteral("CREATE UNIQUE INDEX facilities_id ON facilities (id)"),
        QStringLiteral("CREATE INDEX sources_record ON sources (record_kind, record_id)"),
        QStringLiteral("CREATE INDEX edit_log_record ON edit_log (record_id)"),
    };
    for (const QString& sql : indexes) {
        if (!execute(ds, sql))
            return QStringLiteral("cannot create an index (%1): %2")
                .arg(sql, QString::fromUtf8(CPLGetLastErrorMsg()));
    }
    return {};
}

} // namespace borderlens::store_schema
