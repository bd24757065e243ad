#pragma once

#include "store/incident_database.h"

#include <ogr_core.h>

#include <utility>
#include <vector>

class GDALDataset;
class OGRLayer;

namespace borderlens::store_schema {

// Table names, the same in a GeoPackage and in PostgreSQL (lower case, no reserved words, so
// GDAL's PG driver keeps them as they are).
inline constexpr char kIncidents[] = "incidents";
inline constexpr char kFacilities[] = "facilities";
inline constexpr char kSources[] = "sources";
inline constexpr char kEditLog[] = "edit_log";
inline constexpr char kInfo[] = "store_info";
inline constexpr char kFormatName[] = "borderlens-incident-store";
inline constexpr int kFormatVersion = 1;

using FieldTypes = std::vector<std::pair<const char*, OGRFieldType>>;

const FieldTypes& incidentColumns();
const FieldTypes& facilityColumns();
const FieldTypes& sourceColumns();
const FieldTypes& logColumns();

const char* tableFor(RecordKind kind);

// Creates the tables and indexes in `ds`; an empty string on success, else what failed.
QString createTables(GDALDataset& ds, bool postgres);

} // namespace borderlens::store_schema
