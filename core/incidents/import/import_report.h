#pragma once

#include "incidents/incident.h"

#include <QStringList>

#include <vector>

namespace borderlens {

struct RejectedRow {
    int line = 0;   // 1-based line in the file (feature number for GeoPackage/GeoJSON)
    QString reason; // "unparseable date 'Dec 24'", "latitude 137.5 out of range", …
};

// What an import did: every row is either imported or rejected with a reason; nothing is dropped
// silently.
struct ImportReport {
    QString path;
    QString format; // "native", "acled", "ucdp"
    int rowsRead = 0;
    std::vector<Incident> incidents;
    std::vector<Facility> facilities; // native outpost files
    std::vector<RejectedRow> rejected;
    int geocoded = 0; // rows placed through the gazetteer
    QStringList warnings;

    int imported() const { return static_cast<int>(incidents.size() + facilities.size()); }
};

} // namespace borderlens
