#pragma once

#include "geo/geo_precision.h"

#include <QString>
#include <QStringList>
#include <cstdint>
#include <optional>

namespace borderlens {

// What a gazetteer entry names. Lookups use it to break ties ("Vanj district" prefers the
// district to the town of the same name).
enum class PlaceKind : std::uint8_t {
    PopulatedPlace,
    DistrictSeat, // a populated place that is the seat of a district
    District,     // a district, placed at its seat
    Province,
    Facility,     // outpost, training ground, port...
    Crossing,     // bridge or border crossing point
    RiverSection, // a named stretch of the border river
};

// The CSV spelling: populated_place, district_seat, district, province, facility, crossing,
// river_section.
QString toString(PlaceKind kind);
std::optional<PlaceKind> placeKindFromString(const QString& text);

// One place of the gazetteer, as in geodata/gazetteer.csv (see docs/gazetteer.md).
struct PlaceEntry {
    QString id;          // stable, e.g. "tj.vanj", "tj.district.darvoz"
    QString name;        // preferred name
    QStringList aliases; // other spellings, scripts and former names
    double lon = 0;      // WGS 84 degrees
    double lat = 0;
    QString country; // ISO 3166-1 alpha-2
    QString province;
    QString district;
    PlaceKind kind = PlaceKind::PopulatedPlace;
    GeoPrecision precision = GeoPrecision::Exact;
    std::optional<qint64> population;
    QString source; // where the position and names come from
};

} // namespace borderlens
