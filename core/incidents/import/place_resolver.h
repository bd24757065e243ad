#pragma once

#include "geo/geo_precision.h"
#include "util/result.h"

#include <QString>

namespace borderlens {

// What a row asks to have placed: the place it names and the units it says the place is in
// (ACLED country/iso, admin1, admin2; UCDP country, adm_1, adm_2; native country, province,
// district). The units are constraints, not hints: a place outside them is never taken.
struct PlaceQuery {
    QString name;
    QString country; // ISO-2; empty when the row gives none
    QString province;
    QString district;

    // "Shighnan (Shighnan, Badakhshan, AF)": the name and the units given, most precise first.
    QString describe() const;
};

// Where a row was placed, and by which entry: the named place itself, or (when it is not known
// within the row's units) the row's district or province, with `fallback` saying so.
struct ResolvedPlace {
    double lon = 0;
    double lat = 0;
    GeoPrecision precision = GeoPrecision::Exact;
    QString matchedName; // the name or alias that matched, or the unit's name for a fallback
    QString country;     // ISO-2
    QString province;
    QString district;
    QString id;       // the entry placed at, e.g. "af.district.shighnan"
    QString name;     // its preferred name
    QString kind;     // its kind: "district", "populated_place"...
    QString fallback; // empty when the place itself was found; else why a coarser unit was used

    // "Shighnan as 'Shughnan' (af.district.shighnan, district, AF)", then the fallback if any.
    QString describe() const;
};

// Turns a place name into a position, for rows that name a place but give no coordinates, or
// says why it cannot (the message becomes the row's rejection reason). The gazetteer
// implements it; tests pass their own.
class PlaceResolver {
public:
    virtual ~PlaceResolver() = default;
    virtual Result<ResolvedPlace> resolve(const PlaceQuery& query) const = 0;
};

} // namespace borderlens
