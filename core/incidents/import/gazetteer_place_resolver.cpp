#include "incidents/import/gazetteer_place_resolver.h"

#include "gazetteer/name_normalizer.h"

#include <QSet>

#include <array>
#include <utility>

namespace borderlens {
namespace {

QString countryName(const QString& iso2) {
    static constexpr std::array<std::pair<const char*, const char*>, 7> kNames{{
        {"AF", "Afghanistan"},
        {"TJ", "Tajikistan"},
        {"UZ", "Uzbekistan"},
        {"TM", "Turkmenistan"},
        {"KG", "Kyrgyzstan"},
        {"CN", "China"},
        {"PK", "Pakistan"},
    }};
    for (const auto& [code, name] : kNames) {
        if (iso2 == QLatin1String(code))
            return QLatin1String(name);
    }
    return iso2;
}

void addKeys(QSet<QString>& keys, const QString& name) {
    for (const QString& k : NameNormalizer::normalize(name).keys)
        keys.insert(k);
}

bool sharesKey(const QSet<QString>& keys, const QString& name) {
    if (name.isEmpty())
        return false;
    for (const QString& k : NameNormalizer::normalize(name).keys) {
        if (keys.contains(k))
            return true;
    }
    return false;
}

// An admin unit a row names: the gazetteer's entry for it when there is one, and the keys an
// entry's province or district field must share to lie inside it.
struct Unit {
    QString asked;
    const PlaceEntry* entry = nullptr;
    QSet<QString> keys;

    bool given() const { return !asked.isEmpty(); }
    bool holds(const QString& field) const { return !given() || sharesKey(keys, field); }
};

Unit makeUnit(const QString& asked) {
    Unit u;
    u.asked = asked.trimmed();
    addKeys(u.keys, u.asked);
    return u;
}

void adoptEntry(Unit& u, const PlaceEntry& e, const QString& field) {
    u.entry = &e;
    addKeys(u.keys, field);
    addKeys(u.keys, e.name);
    for (const QString& a : e.aliases)
        addKeys(u.keys, a);
}

// The entry of kind `kind` that `unit` names in `country` (and inside `within`, for a district),
// if exactly one does.
void findUnitEntry(const Gazetteer& g, Unit& unit, PlaceKind kind, const QString& country,
                   const Unit* within, double minScore) {
    if (!unit.given() || country.isEmpty())
        return;
    Gazetteer::LookupOptions options;
    options.maxResults = 0;
    options.minScore = minScore;
    options.country = country;
    const PlaceEntry* found = nullptr;
    bool foundExact = false;
    for (const GeocodeCandidate& c : g.lookup(unit.asked, options)) {
        if (c.place.kind != kind || (within && !within->holds(c.place.province)))
            continue;
        if (found) {
            // Two units of that name: an exact match still decides, else neither is sure.
            if (foundExact && !c.exact)
                break;
            return;
        }
        found = g.findById(c.place.id);
        foundExact = c.exact;
    }
    if (found)
        adoptEntry(unit, *found, kind == PlaceKind::Province ? found->province : found->district);
}

// "Shighnan, Badakhshan, Afghanistan": the units the row gives, most precise first.
QString whereText(const Unit& district, const Unit& province, const QString& country) {
    QStringList parts;
    if (district.given())
        parts << district.asked;
    if (province.given())
        parts << province.asked;
    if (!country.isEmpty())
        parts << countryName(country);
    return parts.join(QStringLiteral(", "));
}

ResolvedPlace placedAt(const PlaceEntry& p, GeoPrecision precision, QString matchedName,
                       QString fallback) {
    ResolvedPlace r;
    r.lon = p.lon;
    r.lat = p.lat;
    r.precision = precision;
    r.matchedName = std::move(matchedName);
    r.country = p.country;
    r.province = p.province;
    r.district = p.district;
    r.id = p.id;
    r.name = p.name;
    r.kind = toString(p.kind);
    r.fallback = std::move(fallback);
    return r;
}

} // namespace

Result<ResolvedPlace> GazetteerPlaceResolver::resolve(const PlaceQuery& query) const {
    const QString name = query.name.trimmed();
    const QString country = query.country.trimmed().toUpper();
    if (!m_gazetteer)
        return Error{
            {},
            name.isEmpty()
                ? QStringLiteral("no coordinates (and no gazetteer to place the row)")
                : QStringLiteral("no coordinates (and no gazetteer to place '%1')").arg(name)};
    const Gazetteer& g = *m_gazetteer;
    Unit province = makeUnit(query.province);
    findUnitEntry(g, province, PlaceKind::Province, country, nullptr, m_minScore);
    Unit district = makeUnit(query.district);
    findUnitEntry(g, district, PlaceKind::District, country, &province, m_minScore);

    // The named place, inside every unit the row gives.
    if (!name.isEmpty()) {
        Gazetteer::LookupOptions options;
        options.maxResults = 0;
        options.minScore = m_minScore;
        options.country = country;
        const std::vector<GeocodeCandidate> candidates = g.lookup(name, options);
        const GeocodeCandidate* best = nullptr;
        for (const GeocodeCandidate& c : candidates) {
            if (!province.holds(c.place.province) || !district.holds(c.place.district))
                continue;
            if (!best) {
                best = &c;
                if (!country.isEmpty())
                    break;
                continue;
            }
            // Without a country, a name that is as good a match on both banks is not guessed.
            if (c.exact == best->exact && c.score == best->score &&
                c.place.country != best->place.country)
                return Error{
                    {},
                    QStringLiteral("'%1' names places in %2 and in %3, and the row "
                                   "gives no country")
                        .arg(name, countryName(best->place.country), countryName(c.place.country))};
            if (c.exact != best->exact || c.score < best->score)
                break;
        }
        if (best) {
            // A fuzzy match is less certain than the entry itself: never better than "near".
            GeoPrecision precision = best->place.precision;
            if (!best->exact && precision == GeoPrecision::Exact)
                precision = GeoPrecision::Near;
            return placedAt(best->place, precision, best->matchedName, {});
        }
    }

    // Not known there: the most precise unit the row names and the gazetteer knows, never a
    // place in another country or a coarser unit passed off as finer.
    const QString missing = name.isEmpty() ? QStringLiteral("no place named")
                                           : QStringLiteral("no place '%1'").arg(name);
    if (country.isEmpty())
        return Error{{}, missing + QStringLiteral(", and the row gives no country")};
    const QString where = whereText(district, province, country);
    if (district.entry)
        return placedAt(*district.entry, GeoPrecision::District, district.entry->name,
                        QStringLiteral("%1 in %2, so the district").arg(missing, where));
    if (province.entry) {
        const QString why = district.given()
                                ? QStringLiteral("%1 in %2, and district '%3' is not in the "
                                                 "gazetteer, so the province")
                                      .arg(missing, where, district.asked)
                                : QStringLiteral("%1 in %2, so the province").arg(missing, where);
        return placedAt(*province.entry, GeoPrecision::Region, province.entry->name, why);
    }
    if (!district.given() && !province.given())
        return Error{{},
                     QStringLiteral("%1 in %2; no district or province given")
                         .arg(missing, countryName(country))};
    QStringList unknown;
    if (district.given())
        unknown << QStringLiteral("district '%1'").arg(district.asked);
    if (province.given())
        unknown << QStringLiteral("province '%1'").arg(province.asked);
    return Error{{},
                 QStringLiteral("%1 in %2; %3 %4 not in the gazetteer")
                     .arg(missing, where, unknown.join(QStringLiteral(" and ")),
                          unknown.size() > 1 ? QStringLiteral("are") : QStringLiteral("is"))};
}

} // namespace borderlens
