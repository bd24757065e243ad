#pragma once

#include "incidents/import/import_report.h"
#include "incidents/import/incident_format.h"
#include "incidents/import/place_resolver.h"
#include "util/result.h"

namespace borderlens {

// Reads incidents (or native facilities) from a CSV (native, ACLED or UCDP GED, detected from the
// header unless `format` says) or from a GeoPackage/GeoJSON in the native schema. Rows without
// coordinates are placed through `resolver` when one is given. A file that cannot be read at all,
// or whose header fits no format, is an Error; bad rows are listed in the report, never dropped
// silently, and the good rows still load.
Result<ImportReport> importIncidents(const QString& path,
                                     IncidentFormat format = IncidentFormat::Auto,
                                     const PlaceResolver* resolver = nullptr);

} // namespace borderlens
