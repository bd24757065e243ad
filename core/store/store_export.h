#pragma once

#include "store/incident_database.h"
#include "time/time_range.h"
#include "util/result.h"

#include <QString>

#include <optional>
#include <vector>

namespace borderlens {

enum class StoreExportFormat { Csv, GeoJson, Kml };
std::optional<StoreExportFormat> storeExportFormatFromString(const QString& text);

// What an export writes: the incidents whose span overlaps `window` (all when it is all()), and
// the facilities present at some time in it.
struct StoreExportOptions {
    StoreExportFormat format = StoreExportFormat::Csv;
    TimeRange window = TimeRange::all();
};

struct StoreExportCounts {
    std::size_t incidents = 0;
    std::size_t facilities = 0;
};

// Writes the store's records to `path`, atomically (a temporary file renamed into place):
// - csv: the native incident schema (docs/data-format.md), so it imports back as it was;
//   facilities are left out (the native facilities CSV is a separate file);
// - geojson: RFC 7946 points in WGS 84 with the same fields, incidents and facilities
//   (a "record_kind" property tells them apart);
// - kml: one placemark per record, with a TimeStamp (a day-precise event) or a TimeSpan
//   (a range, or an imprecise date: the week, month or year it may have happened in), so
//   Google Earth's time slider and GDAL's LIBKML driver see the right times.
Result<StoreExportCounts> exportStore(const std::vector<StoredIncident>& incidents,
                                      const std::vector<StoredFacility>& facilities,
                                      const QString& path, const StoreExportOptions& options);

} // namespace borderlens
