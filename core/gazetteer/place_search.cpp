#include "gazetteer/place_search.h"

#include "gazetteer/name_normalizer.h"

#include <algorithm>
#include <set>

namespace borderlens {
namespace {

QString countryName(const QString& iso) {
    if (iso == QLatin1String("TJ"))
        return QStringLiteral("Tajikistan");
    if (iso == QLatin1String("AF"))
        return QStringLiteral("Afghanistan");
    return iso;
}

// Places the user most likely means first when several begin alike.
int kindRank(PlaceKind k) {
    switch (k) {
    case PlaceKind::Province:
        return 0;
    case PlaceKind::District:
        return 1;
    case PlaceKind::DistrictSeat:
        return 2;
    case PlaceKind::PopulatedPlace:
        return 3;
    default:
        return 4;
    }
}

} // namespace

QString describePlace(const PlaceEntry& e) {
    QStringList where;
    QString what;
    switch (e.kind) {
    case PlaceKind::Province:
        what = QStringLiteral("province");
        break;
    case PlaceKind::District:
        what = QStringLiteral("district");
        break;
    case PlaceKind::DistrictSeat:
        what = QStringLiteral("seat of %1 district").arg(e.district.isEmpty() ? e.name : e.district);
        break;
    case PlaceKind::PopulatedPlace:
        what = QStringLiteral("town or village");
        if (!e.district.isEmpty())
            where << QStringLiteral("%1 district").arg(e.district);
        break;
    case PlaceKind::Facility:
        what = QStringLiteral("facility");
        break;
    case PlaceKind::Crossing:
        what = QStringLiteral("border crossing");
        break;
    case PlaceKind::RiverSection:
        what = QStringLiteral("stretch of the border river");
        break;
    }
    if (e.kind != PlaceKind::Province && !e.province.isEmpty())
        where << e.province;
    where << countryName(e.country);
    return QStringLiteral("%1 — %2, %3").arg(e.name, what, where.join(QStringLiteral(", ")));
}

PlaceSearch::PlaceSearch(std::shared_ptr<const Gazetteer> gazetteer)
    : m_gazetteer(std::move(gazetteer)) {
    if (!m_gazetteer)
        return;
    const auto& entries = m_gazetteer->entries();
    for (std::uint32_t i = 0; i < entries.size(); ++i) {
        for (const QString& k : NameNormalizer::normalize(entries[i].name).keys)
            m_keys.push_back({k, i, -1});
        for (int a = 0; a < entries[i].aliases.size(); ++a)
            for (const QString& k : NameNormalizer::normalize(entries[i].aliases[a]).keys)
                m_keys.push_back({k, i, a});
    }
}

std::vector<PlaceHit> PlaceSearch::search(const QString& typed, int maxResults) const {
    std::vector<PlaceHit> out;
    if (!m_gazetteer || typed.trimmed().isEmpty())
        return out;
    const auto& entries = m_gazetteer->entries();
    const QString key = NameNormalizer::key(typed);
    struct Found {
        int exact; // 0 whole key, 1 prefix
        int kind;
        qsizetype length;
        std::uint32_t entry;
        std::int32_t alias;
    };
    std::vector<Found> found;
    if (!key.isEmpty())
        for (const Key& k : m_keys)
            if (k.key.startsWith(key))
                found.push_back({k.key.size() == key.size() ? 0 : 1,
                                 kindRank(entries[k.entry].kind), k.key.size(), k.entry, k.alias});
    std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
        return std::tie(a.exact, a.kind, a.length) < std::tie(b.exact, b.kind, b.length);
    });
    std::set<std::uint32_t> seen;
    auto add = [&](std::uint32_t entry, std::int32_t alias) {
        if (!seen.insert(entry).second || int(out.size()) >= maxResults)
            return;
        const PlaceEntry& e = entries[entry];
        PlaceHit h;
        h.name = e.name;
        if (alias >= 0)
            h.matched = e.aliases[alias];
        h.description = describePlace(e);
        h.lon = e.lon;
        h.lat = e.lat;
        h.kind = e.kind;
        out.push_back(std::move(h));
    };
    for (const Found& f : found)
        add(f.entry, f.alias);
    // Near misses ("Shamsidin Shokhin"), when the prefixes left room.
    Gazetteer::LookupOptions options;
    options.maxResults = maxResults;
    for (const GeocodeCandidate& c : m_gazetteer->lookup(typed, options)) {
        const PlaceEntry* e = m_gazetteer->findById(c.place.id);
        if (e)
            add(std::uint32_t(e - entries.data()), -1);
    }
    return out;
}

} // namespace borderlens
