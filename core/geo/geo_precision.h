#pragma once

#include "util/enum_table.h"

#include <QString>

#include <cstdint>
#include <optional>

namespace borderlens {

// How exactly a place is known. Drawn differently on the map (approximate locations look
// approximate) and mapped from ACLED geo_precision 1/2/3 and UCDP where_prec 1..7.
enum class GeoPrecision : std::uint8_t {
    Exact,    // the named place itself
    Near,     // within about 10 km of a named place
    District, // only the district (admin-2) is known
    Region,   // only the province or region (admin-1) is known
};

inline constexpr std::array<EnumKey<GeoPrecision>, 4> kGeoPrecisionKeys{{
    {GeoPrecision::Exact, "exact"},
    {GeoPrecision::Near, "near"},
    {GeoPrecision::District, "district"},
    {GeoPrecision::Region, "region"},
}};

inline QString toString(GeoPrecision p) { return keyString(kGeoPrecisionKeys, p); }
inline std::optional<GeoPrecision> geoPrecisionFromString(const QString& s) {
    return enumFromKey(kGeoPrecisionKeys, s);
}
// A typical uncertainty radius in metres, for drawing a halo: 0, 10 km, 25 km, 75 km.
double uncertaintyRadiusMetres(GeoPrecision p);
// "exact", or "district (approximate, ±25 km)": how identify panels and tables describe it.
QString describePrecision(GeoPrecision p);

} // namespace borderlens
