#pragma once

#include "incidents/import/import_report.h"
#include "util/result.h"

namespace borderlens {

// A store's incidents and facilities as an import's report, so a store on PostgreSQL loads
// into the viewer exactly as a file does (a store in a GeoPackage imports as one directly).
// `location` is what to connect to (a PG: connection with its password); the report names it
// without the password.
Result<ImportReport> readStoreReport(const QString& location);

} // namespace borderlens
