#include "store/store_report.h"

#include "store/incident_database.h"

namespace borderlens {

Result<ImportReport> readStoreReport(const QString& location) {
    auto db = IncidentDatabase::open(location, false);
    if (!db)
        return db.error();
    auto incidents = db.value()->incidents();
    if (!incidents)
        return incidents.error();
    auto facilities = db.value()->facilities();
    if (!facilities)
        return facilities.error();
    ImportReport report;
    report.path = db.value()->location();
    report.format = QStringLiteral("BorderLens incident store");
    report.rowsAreFeatures = true;
    std::vector<Incident> rows;
    rows.reserve(incidents.value().size());
    for (StoredIncident& s : incidents.value())
        rows.push_back(std::move(s.incident));
    report.rowsRead = static_cast<std::int64_t>(rows.size() + facilities.value().size());
    report.store = std::make_shared<const IncidentStore>(rows);
    for (StoredFacility& s : facilities.value())
        report.facilities.push_back(std::move(s.facility));
    return report;
}

} // namespace borderlens
