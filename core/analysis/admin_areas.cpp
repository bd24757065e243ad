#include "analysis/admin_areas.h"

#include <QHash>

#include <array>
#include <utility>

namespace borderlens {

namespace {

// ISO 3166-1 alpha-3 (the countries layer's iso_a3) to the alpha-2 records carry.
constexpr std::array<std::pair<const char*, const char*>, 7> kAlpha2{{
    {"AFG", "AF"}, {"TJK", "TJ"}, {"UZB", "UZ"}, {"KGZ", "KG"}, {"CHN", "CN"}, {"PAK", "PK"},
    {"TKM", "TM"}}};

} // namespace

QString countryAlpha2(const QString& text) {
    const QString code = text.trimmed();
    if (code.size() == 2)
        return code.toUpper();
    for (const auto& [three, two] : kAlpha2)
        if (code.compare(QLatin1String(three), Qt::CaseInsensitive) == 0)
            return QString::fromLatin1(two);
    return {};
}

Result<std::shared_ptr<const AdminAreas>>
AdminAreas::build(std::shared_ptr<const VectorLayer> districts,
                  std::shared_ptr<const VectorLayer> provinces,
                  std::shared_ptr<const VectorLayer> countries) {
    auto a = std::make_shared<AdminAreas>();
    if (districts) {
        if (districts->dominantKind() != PartKind::Polygon)
            return Error{districts->sourcePath(),
                         QStringLiteral("the district layer holds no polygons")};
        if (districts->featureCount() >= 0xFFFE)
            return Error{districts->sourcePath(),
                         QStringLiteral("too many districts (%1; at most 65,533)")
                             .arg(districts->featureCount())};
        a->m_districts = AreaLookup(districts, guessDistrictNameField(districts->attributes()));
    }
    if (provinces) {
        if (provinces->dominantKind() != PartKind::Polygon)
            return Error{provinces->sourcePath(),
                         QStringLiteral("the province layer holds no polygons")};
        const AttributeTable& attrs = provinces->attributes();
        int field = guessProvinceField(attrs);
        if (field < 0)
            field = guessDistrictNameField(attrs); // an ADM1 layer names its own features
        a->m_provinces = AreaLookup(provinces, field);
    }
    if (countries)
        a->m_countries = AreaLookup(countries, countries->attributes().fieldIndex(
                                                   QStringLiteral("name")));

    // Province names and codes: one code per distinct name, whichever layer gives it.
    QHash<QString, std::uint16_t> codes;
    auto codeOf = [&](const QString& name) -> std::uint16_t {
        if (name.isEmpty())
            return kNoProvince;
        const auto it = codes.constFind(name);
        if (it != codes.constEnd())
            return *it;
        const auto code = static_cast<std::uint16_t>(a->m_provinceNames.size());
        a->m_provinceNames << name;
        codes.insert(name, code);
        return code;
    };
    for (const QString& name : a->m_provinces.names())
        a->m_provinceLayerCode.push_back(codeOf(name));

    // A district's province: the district layer's own field, else the province holding most of
    // the district's vertices strictly inside it (vertices on a shared outline vote for none).
    const std::size_t n = a->m_districts.size();
    a->m_districtProvince.assign(n, kNoProvince);
    const int own = districts ? guessProvinceField(districts->attributes()) : -1;
    a->m_provinceFromDistricts = own >= 0;
    for (std::size_t d = 0; d < n; ++d) {
        if (own >= 0) {
            a->m_districtProvince[d] =
                codeOf(districts->attributes().value(d, std::size_t(own)).toString().trimmed());
            continue;
        }
        if (a->m_provinces.size() == 0)
            continue;
        const GeometryColumns& g = districts->lonLat();
        QHash<std::uint32_t, int> votes;
        const std::uint32_t v0 = g.ringOffsets[g.partOffsets[g.featureOffsets[d]]];
        const std::uint32_t v1 = g.ringOffsets[g.partOffsets[g.featureOffsets[d + 1]]];
        const std::uint32_t step = std::max<std::uint32_t>(1, (v1 - v0) / 200);
        for (std::uint32_t v = v0; v < v1; v += step) {
            const AreaLookup::Hits hits = a->m_provinces.hitsAt(g.xy[2 * v], g.xy[2 * v + 1]);
            if (hits.inside.size() == 1)
                ++votes[hits.inside.front()];
        }
        std::uint32_t best = AreaLookup::kNone;
        for (auto it = votes.cbegin(); it != votes.cend(); ++it)
            if (best == AreaLookup::kNone || it.value() > votes.value(best) ||
                (it.value() == votes.value(best) && it.key() < best))
                best = it.key();
        if (best != AreaLookup::kNone)
            a->m_districtProvince[d] = a->m_provinceLayerCode[best];
    }

    if (countries) {
        const int iso = countries->attributes().fieldIndex(QStringLiteral("iso_a3"));
        for (std::size_t c = 0; c < a->m_countries.size(); ++c)
            a->m_countryCodes << (iso >= 0 ? countryAlpha2(countries->attributes()
                                                        .value(c, std::size_t(iso))
                                                        .toString()
                                                        .trimmed())
                                           : QString());
    }
    return std::shared_ptr<const AdminAreas>(std::move(a));
}

} // namespace borderlens
