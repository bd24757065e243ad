#pragma once

#include "geo/geo_precision.h"

#include <QString>

#include <optional>

namespace borderlens {

struct ResolvedPlace {
    double lon = 0;
    double lat = 0;
    GeoPrecision precision = GeoPrecision::Exact;
    QString matchedName;
    QString country; // ISO-2
    QString province;
    QString district;
};

// Turns a place name into a position, for rows that name a place but give no coordinates. The
// gazetteer implements it; tests pass their own.
class PlaceResolver {
public:
    virtual ~PlaceResolver() = default;
    virtual std::optional<ResolvedPlace> resolve(const QString& placeName,
                                                 const QString& countryHint) const = 0;
};

} // namespace borderlens
