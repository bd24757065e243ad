#include "incidents/import/incident_format.h"

namespace borderlens {

std::unique_ptr<IncidentRowParser> makeNativeIncidentParser();
std::unique_ptr<IncidentRowParser> makeAcledParser();
std::unique_ptr<IncidentRowParser> makeUcdpParser();

void ParsedIncident::clear() {
    row = IncidentColumns::Row{};
    needsGeocoding = false;
    idFromLine = false;
    id.clear();
    actors.clear();
    summary.clear();
    sourceTitle.clear();
    sources.clear();
}

IncidentFormat detectFormat(const ColumnMap& h) {
    // Each format is recognised by columns only it has.
    if (h.has(QStringLiteral("event_id_cnty")) && h.has(QStringLiteral("event_date")))
        return IncidentFormat::Acled;
    if (h.has(QStringLiteral("date_start")) && h.has(QStringLiteral("where_prec")) &&
        h.has(QStringLiteral("best")))
        return IncidentFormat::Ucdp;
    if (h.has(QStringLiteral("start_date")) && h.has(QStringLiteral("type")))
        return IncidentFormat::Native;
    if (h.has(QStringLiteral("kind")) && h.has(QStringLiteral("name")) &&
        (h.has(QStringLiteral("opened")) || h.has(QStringLiteral("closed"))))
        return IncidentFormat::NativeFacilities;
    return IncidentFormat::Auto;
}

std::unique_ptr<IncidentRowParser> makeRowParser(IncidentFormat format) {
    switch (format) {
    case IncidentFormat::Native:
        return makeNativeIncidentParser();
    case IncidentFormat::Acled:
        return makeAcledParser();
    case IncidentFormat::Ucdp:
        return makeUcdpParser();
    case IncidentFormat::NativeFacilities:
    case IncidentFormat::Auto:
        break;
    }
    return nullptr;
}

} // namespace borderlens
