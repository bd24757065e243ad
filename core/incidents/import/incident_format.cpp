#include "incidents/import/incident_format.h"

namespace borderlens {

std::unique_ptr<RowParser> makeNativeIncidentParser();
std::unique_ptr<RowParser> makeNativeFacilityParser();
std::unique_ptr<RowParser> makeAcledParser();
std::unique_ptr<RowParser> makeUcdpParser();

QString toString(IncidentFormat f) {
    switch (f) {
    case IncidentFormat::Auto:
        return QStringLiteral("auto");
    case IncidentFormat::Native:
        return QStringLiteral("native");
    case IncidentFormat::NativeFacilities:
        return QStringLiteral("native-facilities");
    case IncidentFormat::Acled:
        return QStringLiteral("acled");
    case IncidentFormat::Ucdp:
        return QStringLiteral("ucdp");
    }
    return {};
}

std::optional<IncidentFormat> incidentFormatFromString(const QString& s) {
    for (IncidentFormat f : {IncidentFormat::Auto, IncidentFormat::Native,
                             IncidentFormat::NativeFacilities, IncidentFormat::Acled,
                             IncidentFormat::Ucdp}) {
        if (toString(f) == s.trimmed().toLower())
            return f;
    }
    return std::nullopt;
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

std::unique_ptr<RowParser> makeRowParser(IncidentFormat format) {
    switch (format) {
    case IncidentFormat::Native:
        return makeNativeIncidentParser();
    case IncidentFormat::NativeFacilities:
        return makeNativeFacilityParser();
    case IncidentFormat::Acled:
        return makeAcledParser();
    case IncidentFormat::Ucdp:
        return makeUcdpParser();
    case IncidentFormat::Auto:
        break;
    }
    return nullptr;
}

} // namespace borderlens
