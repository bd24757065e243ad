#pragma once

#include "analysis/area_lookup.h"
#include "util/result.h"

#include <QStringList>

#include <cstdint>
#include <memory>
#include <vector>

namespace borderlens {

// The district layer an analysis attributes incidents to, with the province of each district
// and the countries: everything point-in-polygon the derived facts need, read once.
//
// Districts: the bundled schematic layer or official ones (geoBoundaries, OCHA, GADM). A
// district's province comes from the district layer's own province field when it has one, else
// from the province layer (the province holding most of the district's vertices), else it is
// empty. District codes are the district layer's feature numbers, so a map layer drawing that
// layer colours feature k by code k.
class AdminAreas {
public:
    // `provinces` may be null; `countries` may be null (no country or side then).
    static Result<std::shared_ptr<const AdminAreas>>
    build(std::shared_ptr<const VectorLayer> districts,
          std::shared_ptr<const VectorLayer> provinces,
          std::shared_ptr<const VectorLayer> countries);

    const AreaLookup& districts() const { return m_districts; }
    const AreaLookup& provinces() const { return m_provinces; } // empty without a province layer
    const AreaLookup& countries() const { return m_countries; } // empty without a country layer
    // Province names, indexed by province code (each distinct name once, in order of first use).
    const QStringList& provinceNames() const { return m_provinceNames; }
    // The province code of district d, or kNoProvince.
    std::uint16_t provinceOfDistrict(std::uint32_t d) const { return m_districtProvince[d]; }
    // Whether the province comes from the point's district (false: from the province layer).
    bool provinceFromDistricts() const { return m_provinceFromDistricts; }
    // The ISO 3166-1 alpha-2 code of country feature c ("TJ", "AF"), empty when unknown.
    const QStringList& countryCodes() const { return m_countryCodes; }

    // The province code of province-layer feature f (build() maps layer features to codes).
    std::uint16_t provinceCodeOfFeature(std::uint32_t f) const {
        return f < m_provinceLayerCode.size() ? m_provinceLayerCode[f] : kNoProvince;
    }

    static constexpr std::uint16_t kNoProvince = 0xFFFF;

private:
    AreaLookup m_districts;
    AreaLookup m_provinces;
    AreaLookup m_countries;
    QStringList m_provinceNames;
    std::vector<std::uint16_t> m_districtProvince;
    std::vector<std::uint16_t> m_provinceLayerCode; // province feature -> province code
    QStringList m_countryCodes;
    bool m_provinceFromDistricts = false;
};

// A country code as records and the countries layer give it ("TJ", "tj", "TJK") in ISO 3166-1
// alpha-2 upper case; empty when it is neither a two-letter code nor a three-letter code of the
// region's countries.
QString countryAlpha2(const QString& code);

} // namespace borderlens
