#include "analysis/derived_facts.h"

#include "data/border_reference.h"
#include "data/bundled_layers.h"
#include "data/data_paths.h"
#include "geo/geodesy.h"
#include "io/reader_registry.h"
#include "util/parallel.h"

#include <QDir>

#include <cmath>
#include <limits>

namespace borderlens {

namespace {

constexpr double kDeg = 3.14159265358979323846 / 180.0;
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

// The border outposts with their presence, flat, for a scan per incident.
struct Outposts {
    std::vector<std::int32_t> index; // into the FacilityStore
    std::vector<double> lon, lat;
    std::vector<std::int64_t> from, to; // presence [from, to)

    explicit Outposts(const FacilityStore* store) {
        for (std::size_t i = 0; store && i < store->size(); ++i) {
            const Facility& f = store->at(i);
            if (f.kind != FacilityKind::BorderOutpost)
                continue;
            const TimeRange p = f.presence();
            index.push_back(static_cast<std::int32_t>(i));
            lon.push_back(f.lon);
            lat.push_back(f.lat);
            from.push_back(p.begin);
            to.push_back(p.end);
        }
    }

    // The nearest outpost present on `day`: chosen in a plane scaled at the incident's latitude,
    // near ties (within 1 %) settled geodesically.
    std::int32_t nearest(double x, double y, std::int64_t day, double& metres) const {
        const double kx = std::cos(y * kDeg);
        double best = std::numeric_limits<double>::infinity();
        for (std::size_t k = 0; k < lon.size(); ++k) {
            if (day < from[k] || day >= to[k])
                continue;
            const double dx = (lon[k] - x) * kx, dy = lat[k] - y;
            best = std::min(best, dx * dx + dy * dy);
        }
        metres = std::numeric_limits<double>::quiet_NaN();
        if (!std::isfinite(best))
            return DerivedFacts::kNoOutpost;
        std::int32_t chosen = DerivedFacts::kNoOutpost;
        const double limit = best * 1.02 + 1e-10;
        for (std::size_t k = 0; k < lon.size(); ++k) {
            if (day < from[k] || day >= to[k])
                continue;
            const double dx = (lon[k] - x) * kx, dy = lat[k] - y;
            if (dx * dx + dy * dy > limit)
                continue;
            const double m = geodesicDistance(x, y, lon[k], lat[k]);
            if (chosen == DerivedFacts::kNoOutpost || m < metres) {
                metres = m;
                chosen = index[k];
            }
        }
        return chosen;
    }
};

std::shared_ptr<const VectorLayer> readGeodata(const QString& file, QString& why) {
    const QString dir = bundledGeodataDir();
    if (dir.isEmpty()) {
        why = QStringLiteral("the bundled geodata folder was not found (set BORDERLENS_DATA_DIR)");
        return nullptr;
    }
    const QString path = QDir(dir).filePath(file);
    auto layers = ReaderRegistry::withDefaultReaders().read(path);
    if (!layers) {
        why = layers.error().toString();
        return nullptr;
    }
    if (layers.value().empty()) {
        why = path + QStringLiteral(": no layer");
        return nullptr;
    }
    return layers.value().front();
}

} // namespace

std::shared_ptr<const DerivedFacts> deriveFacts(const IncidentStore& store,
                                                const AnalysisInputs& inputs) {
    auto facts = std::make_shared<DerivedFacts>();
    DerivedFacts& f = *facts;
    f.m_inputs = inputs;
    const AdminAreas* areas = inputs.areas.get();
    if (areas) {
        f.m_districtNames = areas->districts().names();
        f.m_provinceNames = areas->provinceNames();
        for (std::size_t d = 0; d < areas->districts().size(); ++d)
            f.m_districtProvince.push_back(areas->provinceOfDistrict(std::uint32_t(d)));
    }
    const std::size_t n = store.size();
    f.m_district.resize(n);
    f.m_province.resize(n);
    f.m_country.resize(n);
    f.m_side.resize(n);
    f.m_sideDisagrees.resize(n);
    f.m_borderKm.resize(n);
    f.m_outpost.resize(n);
    f.m_outpostKm.resize(n);

    // The record's own country, per dictionary code (a handful), as alpha-2.
    const DictColumn& countryColumn = store.columns().country;
    QStringList recordCountry;
    for (std::size_t c = 0; c < countryColumn.dictionary().size(); ++c) {
        const std::string_view v = countryColumn.dictionary().value(std::uint32_t(c));
        recordCountry << countryAlpha2(QString::fromUtf8(v.data(), qsizetype(v.size())));
    }
    // Side and code per country feature.
    std::vector<BankSide> countrySide;
    if (areas)
        for (const QString& code : areas->countryCodes())
            countrySide.push_back(code == QLatin1String("TJ")   ? BankSide::TJ
                                  : code == QLatin1String("AF") ? BankSide::AF
                                                                : BankSide::None);
    const Outposts outposts(inputs.facilities.get());
    const BorderDistance* border = inputs.border.get();

    const auto lons = store.lons();
    const auto lats = store.lats();
    const auto precisions = store.geoPrecisions();
    const auto begins = store.spanBegins();
    parallelSlices(n, workerCount(), [&](std::size_t first, std::size_t last) {
        for (std::size_t i = first; i < last; ++i) {
            const double x = lons[i], y = lats[i];
            std::uint16_t district = DerivedFacts::kNoDistrict;
            std::uint16_t province = DerivedFacts::kNoProvince;
            std::uint8_t country = DerivedFacts::kNoCountry;
            if (areas) {
                const std::uint32_t d = areas->districts().areaAt(x, y);
                if (d != AreaLookup::kNone) {
                    district = static_cast<std::uint16_t>(d);
                    province = areas->provinceOfDistrict(d);
                }
                if (province == DerivedFacts::kNoProvince && areas->provinces().size() > 0)
                    province = areas->provinceCodeOfFeature(areas->provinces().areaAt(x, y));
                // Known only to its province: the point is the province's, not a district's.
                if (precisions[i] == GeoPrecision::Region)
                    district = DerivedFacts::kProvinceLevel;
                const std::uint32_t c = areas->countries().areaAt(x, y);
                if (c != AreaLookup::kNone && c < DerivedFacts::kNoCountry)
                    country = static_cast<std::uint8_t>(c);
            }
            f.m_district[i] = district;
            f.m_province[i] = province;
            f.m_country[i] = country;
            const BankSide side =
                country == DerivedFacts::kNoCountry ? BankSide::None : countrySide[country];
            f.m_side[i] = side;
            const QString& own = recordCountry[countryColumn.code(i)];
            f.m_sideDisagrees[i] = country != DerivedFacts::kNoCountry && !own.isEmpty() &&
                                   !areas->countryCodes()[country].isEmpty() &&
                                   own != areas->countryCodes()[country];
            f.m_borderKm[i] =
                border ? static_cast<float>(border->distanceMetres(x, y) / 1000.0) : kNaN;
            double metres = 0;
            f.m_outpost[i] = outposts.nearest(x, y, begins[i], metres);
            f.m_outpostKm[i] = static_cast<float>(metres / 1000.0);
        }
    });
    return facts;
}

QString DerivedFacts::districtName(std::size_t row) const {
    const std::uint16_t d = m_district[row];
    if (d == kNoDistrict)
        return noDistrictName();
    if (d == kProvinceLevel)
        return provinceLevelName();
    return d < m_districtNames.size() ? m_districtNames[d] : QString();
}

QString DerivedFacts::provinceName(std::size_t row) const {
    const std::uint16_t p = m_province[row];
    return p < m_provinceNames.size() ? m_provinceNames[p] : QString();
}

QString DerivedFacts::countryCode(std::size_t row) const {
    const std::uint8_t c = m_country[row];
    if (c == kNoCountry || !m_inputs.areas || c >= m_inputs.areas->countryCodes().size())
        return {};
    return m_inputs.areas->countryCodes()[c];
}

QString DerivedFacts::nearestOutpostName(std::size_t row) const {
    const std::int32_t o = m_outpost[row];
    if (o < 0 || !m_inputs.facilities || std::size_t(o) >= m_inputs.facilities->size())
        return {};
    return m_inputs.facilities->at(std::size_t(o)).name;
}

std::uint16_t DerivedFacts::provinceOfDistrict(std::uint16_t d) const {
    return d < m_districtProvince.size() ? m_districtProvince[d] : kNoProvince;
}

std::optional<std::uint16_t> DerivedFacts::districtCode(const QString& name) const {
    if (name == noDistrictName())
        return kNoDistrict;
    if (name == provinceLevelName())
        return kProvinceLevel;
    for (const Qt::CaseSensitivity cs : {Qt::CaseSensitive, Qt::CaseInsensitive})
        for (qsizetype d = 0; d < m_districtNames.size(); ++d)
            if (m_districtNames[d].compare(name.trimmed(), cs) == 0)
                return static_cast<std::uint16_t>(d);
    return std::nullopt;
}

std::shared_ptr<const DerivedFacts>
DerivedFacts::gathered(std::span<const std::uint32_t> rows) const {
    auto out = std::make_shared<DerivedFacts>();
    out->m_inputs = m_inputs;
    out->m_districtNames = m_districtNames;
    out->m_provinceNames = m_provinceNames;
    out->m_districtProvince = m_districtProvince;
    auto gather = [&](const auto& from, auto& to) {
        to.resize(rows.size());
        for (std::size_t k = 0; k < rows.size(); ++k)
            to[k] = from[rows[k]];
    };
    gather(m_district, out->m_district);
    gather(m_province, out->m_province);
    gather(m_country, out->m_country);
    gather(m_side, out->m_side);
    gather(m_sideDisagrees, out->m_sideDisagrees);
    gather(m_borderKm, out->m_borderKm);
    gather(m_outpost, out->m_outpost);
    gather(m_outpostKm, out->m_outpostKm);
    return out;
}

Result<AnalysisInputs> bundledAnalysisInputs(std::shared_ptr<const VectorLayer> districts,
                                             std::shared_ptr<const VectorLayer> provinces,
                                             std::shared_ptr<const FacilityStore> facilities) {
    QString why;
    const auto countries = readGeodata(QStringLiteral("countries.shp"), why);
    if (!countries)
        return Error{QStringLiteral("countries.shp"), why};
    if (!districts) {
        districts = readGeodata(kSchematicDistrictsFile, why);
        if (!districts)
            return Error{kSchematicDistrictsFile, why};
    }
    const auto reference = BorderReference::loadBundled();
    if (!reference)
        return Error{QStringLiteral("border_tj_af.shp"),
                     QStringLiteral("the bundled border line could not be read")};
    auto areas = AdminAreas::build(std::move(districts), std::move(provinces), countries);
    if (!areas)
        return areas.error();
    AnalysisInputs inputs;
    inputs.areas = areas.value();
    inputs.border = std::make_shared<const BorderDistance>(reference->border());
    inputs.facilities = std::move(facilities);
    return inputs;
}

} // namespace borderlens
