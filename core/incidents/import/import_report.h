#pragma once

#include "incidents/import/place_resolver.h"
#include "incidents/incident.h"
#include "incidents/incident_store.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace borderlens {

struct RejectedRow {
    std::int64_t line = 0; // 1-based line in the file (feature number for GeoPackage/GeoJSON)
    QString reason;        // "unparseable date 'Dec 24'", "latitude 137.5 out of range", …
};

// A row that gave no coordinates and was placed through the gazetteer: what it asked for and
// what it was placed at, so an analyst can check every placement the file did not make itself.
struct GeocodedRow {
    std::int64_t line = 0; // as RejectedRow::line
    PlaceQuery asked;
    ResolvedPlace placed;
};

// What an import did: every row is either imported or rejected with a reason; nothing is dropped
// silently.
struct ImportReport {
    QString path;
    QString format; // "native", "acled", "ucdp"
    std::int64_t rowsRead = 0;
    // The incidents, sorted and indexed; never null in a successful report (empty when the file
    // held only facilities or only bad rows).
    std::shared_ptr<const IncidentStore> store = std::make_shared<const IncidentStore>();
    std::vector<Facility> facilities; // native outpost files
    std::vector<RejectedRow> rejected;
    // Whether rejected and geocoded rows count features (GeoPackage, GeoJSON) rather than lines
    // of text (CSV); the number stays a number and the reason stays the same for every row.
    bool rowsAreFeatures = false;
    std::int64_t geocoded = 0;             // rows kept that were placed through the gazetteer
    std::vector<GeocodedRow> geocodedRows; // those rows, in file order
    QStringList warnings;

    // "line" or "feature", for "line 12: unparseable date …".
    QString rowUnit() const {
        return rowsAreFeatures ? QStringLiteral("feature") : QStringLiteral("line");
    }

    std::int64_t imported() const {
        return static_cast<std::int64_t>(store->size() + facilities.size());
    }
};

} // namespace borderlens
