#include "incidents/import/gazetteer_place_resolver.h"

namespace borderlens {

std::optional<ResolvedPlace> GazetteerPlaceResolver::resolve(const QString& placeName,
                                                             const QString& countryHint) const {
    if (!m_gazetteer || placeName.trimmed().isEmpty())
        return std::nullopt;
    Gazetteer::LookupOptions options;
    options.maxResults = 1;
    options.minScore = m_minScore;
    options.country = countryHint;
    auto hits = m_gazetteer->lookup(placeName, options);
    if (hits.empty() && !countryHint.isEmpty()) {
        options.country.clear(); // the row's country may be where the reporter sat, not the place
        hits = m_gazetteer->lookup(placeName, options);
    }
    if (hits.empty())
        return std::nullopt;
    const PlaceEntry& p = hits.front().place;
    // A fuzzy match is less certain than the entry itself: never better than "near".
    GeoPrecision precision = p.precision;
    if (!hits.front().exact && precision == GeoPrecision::Exact)
        precision = GeoPrecision::Near;
    return ResolvedPlace{p.lon, p.lat, precision, hits.front().matchedName, p.country, p.province,
                         p.district};
}

} // namespace borderlens
