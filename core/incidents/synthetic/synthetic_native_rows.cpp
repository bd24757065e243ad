// Synthetic incidents in the native schema (docs/data-format.md §2).
#include "incidents/synthetic/synthetic_rows.h"

#include <array>

namespace borderlens::synthetic {

namespace {

// The file spellings, taken once from the enums' own tables.
struct Keys {
    std::array<std::string, kIncidentTypeCount> types;
    std::array<std::string, 4> datePrecisions;
    std::array<std::string, 4> geoPrecisions;
};

const Keys& keys() {
    static const Keys k = [] {
        Keys out;
        for (std::size_t i = 0; i < kIncidentTypeCount; ++i)
            out.types[i] = toKey(kAllIncidentTypes[i]).toStdString();
        for (int i = 0; i < 4; ++i) {
            out.datePrecisions[static_cast<std::size_t>(i)] =
                toString(static_cast<DatePrecision>(i)).toStdString();
            out.geoPrecisions[static_cast<std::size_t>(i)] =
                toString(static_cast<GeoPrecision>(i)).toStdString();
        }
        return out;
    }();
    return k;
}

constexpr const char* kShortHeader = "id,start_date,end_date,date_precision,type,place,lon,lat,"
                                     "geo_precision,country,province,district,killed_low,"
                                     "killed_best";
constexpr const char* kRestOfHeader = ",killed_high,injured,actors,summary,source1_title,"
                                      "source1_outlet,source1_date,source1_url,source2_title,"
                                      "source2_outlet,source2_date,source2_url";
constexpr int kColumnsAfterKilledBest = 12;

} // namespace

const char* countryName(BorderSide side) {
    return side == BorderSide::Tajikistan ? "Tajikistan" : "Afghanistan";
}

const char* otherCountryName(BorderSide side) {
    return side == BorderSide::Tajikistan ? "Afghanistan" : "Tajikistan";
}

const char* riverAt(double lon) {
    // The border's sections (geodata/border_tj_af.shp): Amu Darya below the Vakhsh mouth, the
    // Panj up to the Wakhan confluence, then the Pamir.
    if (lon < 68.30)
        return "Amu Darya";
    if (lon < 72.67)
        return "Panj river";
    return "Pamir river";
}

void writeNativeHeader(CsvRowBuffer& out, bool allColumns) {
    std::string header = kShortHeader;
    if (allColumns)
        header += kRestOfHeader;
    for (std::size_t at = 0;;) {
        const std::size_t comma = header.find(',', at);
        out.field(std::string_view(header).substr(at, comma == std::string::npos ? std::string::npos
                                                                                 : comma - at));
        if (comma == std::string::npos)
            break;
        at = comma + 1;
    }
    out.endRow();
}

void writeNativeRow(CsvRowBuffer& out, const SyntheticIncident& inc, const BorderGeography& geo,
                    bool allColumns) {
    const Keys& k = keys();
    const auto& places = geo.places();
    std::string id = "S";
    CsvRowBuffer::appendInteger(id, static_cast<long long>(inc.index + 1));
    out.field(id);
    out.isoDate(inc.startDay);
    if (inc.hasEnd)
        out.isoDate(inc.lastDay);
    else
        out.emptyField();
    out.field(k.datePrecisions[static_cast<std::size_t>(inc.datePrecision)]);
    out.field(k.types[static_cast<std::size_t>(inc.type)]);
    if (inc.place >= 0) {
        const SyntheticPlace& p = places[static_cast<std::size_t>(inc.place)];
        if (inc.geoPrecision == GeoPrecision::District && !p.district.empty())
            out.field(p.district + " district");
        else
            out.field(p.name);
    } else {
        out.emptyField();
    }
    out.fixed(inc.lon, 5);
    out.fixed(inc.lat, 5);
    out.field(k.geoPrecisions[static_cast<std::size_t>(inc.geoPrecision)]);
    out.field(inc.side == BorderSide::Tajikistan ? "TJ" : "AF");
    // Province and district where the source would know them: rows coded to a named place,
    // a district seat or a province. A bare position (a patrol's fix) comes without them,
    // which keeps the file as lean as real curated exports (~70 bytes a row).
    if (inc.admin >= 0 && inc.place >= 0) {
        const SyntheticPlace& a = places[static_cast<std::size_t>(inc.admin)];
        out.field(a.province);
        if (inc.districtKnown)
            out.field(a.district);
        else
            out.emptyField();
    } else {
        out.emptyField();
        out.emptyField();
    }
    out.emptyField(); // killed_low: only for ranges
    out.integer(inc.killed);
    if (allColumns)
        for (int i = 0; i < kColumnsAfterKilledBest; ++i)
            out.emptyField();
    out.endRow();
}

} // namespace borderlens::synthetic
