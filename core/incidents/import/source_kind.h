#pragma once

#include "incidents/import/incident_format.h"
#include "util/result.h"

#include <QString>

namespace borderlens {

// What a file holds, so every way a file comes in (Import, Add Layer, a drop, the command line)
// opens it as what it is: incidents get the time slider, table and identify; map layers are
// drawn as layers.
enum class SourceKind { Layers, Incidents, Facilities };

struct SourceIdentity {
    SourceKind kind = SourceKind::Layers;
    IncidentFormat format = IncidentFormat::Auto; // for incidents and facilities
};

// Decides from the header alone, as GDAL drivers Identify() a file: the first record of a CSV
// (native, ACLED or UCDP GED columns; else a table of points for GDAL), the layer names and
// fields of a GeoPackage or GeoJSON ("incidents"/"facilities" layers, or the native columns).
// Anything else is layers. Reads a few KB whatever the file's size; a file that cannot be read
// at all is an Error naming it.
Result<SourceIdentity> identifySource(const QString& path);

} // namespace borderlens
