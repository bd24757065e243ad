#pragma once

#include "incidents/incident.h"
#include "incidents/incident_store.h"
#include "util/result.h"

#include <vector>

namespace borderlens {

// Writes incidents (layer "incidents") and facilities (layer "facilities") as points in EPSG:4326
// with the native schema's fields (docs/data-format.md), so the file reads back through
// importIncidents() and opens in QGIS. Written to a temporary file beside `path` and renamed over
// it only when complete: a failed write never destroys the previous good file.
Result<bool> writeGeoPackage(const QString& path, const IncidentStore& incidents,
                             const std::vector<Facility>& facilities);

} // namespace borderlens
