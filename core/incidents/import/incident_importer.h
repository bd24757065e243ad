#pragma once

#include "incidents/import/import_report.h"
#include "incidents/import/incident_format.h"
#include "incidents/import/place_resolver.h"
#include "util/result.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <limits>

namespace borderlens {

struct ImportOptions {
    IncidentFormat format = IncidentFormat::Auto;
    // Places rows that name a place but give no coordinates; without one such rows are rejected.
    const PlaceResolver* resolver = nullptr;
    // Set from another thread to stop early; the import then fails with "cancelled".
    const std::atomic<bool>* cancel = nullptr;
    // Called now and then with bytes read and the file's size, from the importing thread.
    std::function<void(qint64 done, qint64 total)> progress;
    // The size of the stretches a CSV is cut into for parallel parsing; 0 chooses from the file's
    // size. Tests set it small to cut fixtures at every kind of place.
    std::size_t chunkBytes = 0;
    // The most incidents one import holds: the store numbers them in 32 bits (and the duplicate
    // check keeps row + 1). Past it the import fails rather than wrap; tests set it small.
    std::uint64_t maxIncidents = std::numeric_limits<std::uint32_t>::max() - 1;
};

// Reads incidents (or native facilities) from a CSV (native, ACLED or UCDP GED, detected from the
// header unless `format` says) or from a GeoPackage/GeoJSON in the native schema. A CSV is
// recognised from its header alone, so a file that fits no format is refused before its body is
// read; a large one is then read in blocks parsed on every core. Rows without coordinates are
// placed through the resolver when there is one. A file that cannot be read at all, or whose
// header fits no format, is an Error; bad rows are listed in the report, never dropped silently,
// and the good rows still load.
Result<ImportReport> importIncidents(const QString& path, const ImportOptions& options);
Result<ImportReport> importIncidents(const QString& path,
                                     IncidentFormat format = IncidentFormat::Auto,
                                     const PlaceResolver* resolver = nullptr);

} // namespace borderlens
