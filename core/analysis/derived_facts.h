#pragma once

#include "analysis/admin_areas.h"
#include "analysis/border_distance.h"
#include "analysis/bank_side.h"
#include "incidents/incident_store.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace borderlens {

// What analysis needs besides the incidents: the district layer (with provinces and countries),
// the border line and the outposts. Any part may be null; the facts it would give are then
// unknown (no district, NaN km, side None, no outpost).
struct AnalysisInputs {
    std::shared_ptr<const AdminAreas> areas;
    std::shared_ptr<const BorderDistance> border;
    std::shared_ptr<const FacilityStore> facilities;
};

// Facts derived from where and when each incident is, one column each, aligned with the rows
// of the IncidentStore they were computed for (row i here is row i there). Computed once per
// store and district layer (deriveFacts), then immutable and shared (shared_ptr<const>), so the
// GUI thread, render threads and exports read them at once without locks.
//
// District codes are the district layer's feature numbers. Two codes are not districts:
// - kNoDistrict: the point lies outside every district (in Afghanistan, or off the layer);
//   trend tables show these as one row named "(none)";
// - kProvinceLevel: the record is known only to its province or region (GeoPrecision::Region),
//   so its point is a province centroid and is NOT forced into whichever district holds that
//   centroid; such incidents keep their province and are counted apart, per province.
// A record known to its district (GeoPrecision::District) sits at the district's seat or
// centroid and is attributed by its point like any other.
class DerivedFacts {
public:
    static constexpr std::uint16_t kNoDistrict = 0xFFFF;
    static constexpr std::uint16_t kProvinceLevel = 0xFFFE;
    static constexpr std::uint16_t kNoProvince = AdminAreas::kNoProvince;
    static constexpr std::uint8_t kNoCountry = 0xFF;
    static constexpr std::int32_t kNoOutpost = -1;
    // The district names of kNoDistrict and kProvinceLevel in tables and CSV.
    static QString noDistrictName() { return QStringLiteral("(none)"); }
    static QString provinceLevelName() { return QStringLiteral("(province-level)"); }

    std::size_t size() const { return m_district.size(); }

    std::span<const std::uint16_t> districts() const { return m_district; }
    std::span<const std::uint16_t> provinces() const { return m_province; }
    std::span<const std::uint8_t> countries() const { return m_country; } // country feature
    std::span<const BankSide> sides() const { return m_side; }
    // Where the record's own country (ISO alpha-2) names another country than its point lies in.
    std::span<const std::uint8_t> sideDisagrees() const { return m_sideDisagrees; }
    // Kilometres to the nearest point of the border; NaN without a border.
    std::span<const float> borderKm() const { return m_borderKm; }
    // The nearest border outpost present on the incident's first day (FacilityStore index), and
    // its distance in km; kNoOutpost / NaN when none is.
    std::span<const std::int32_t> nearestOutposts() const { return m_outpost; }
    std::span<const float> nearestOutpostKm() const { return m_outpostKm; }

    // Names for codes: district names are the district layer's (by feature), province names
    // AdminAreas::provinceNames(), country codes alpha-2. Codes outside the lists give the
    // "(none)" / "(province-level)" names or an empty string.
    const QStringList& districtNames() const { return m_districtNames; }
    const QStringList& provinceNames() const { return m_provinceNames; }
    QString districtName(std::size_t row) const;
    QString provinceName(std::size_t row) const;
    QString countryCode(std::size_t row) const;
    // The outpost's name ("Outpost 4"), empty when none; needs the FacilityStore it was made from.
    QString nearestOutpostName(std::size_t row) const;
    // The province of district code d (kNoProvince for the special codes or when unknown).
    std::uint16_t provinceOfDistrict(std::uint16_t d) const;
    // A district code by name (exact, then case-insensitive), or none.
    std::optional<std::uint16_t> districtCode(const QString& name) const;

    const AnalysisInputs& inputs() const { return m_inputs; }

    // The facts of `rows` (indices into this), in that order: what a filtered store keeps.
    std::shared_ptr<const DerivedFacts> gathered(std::span<const std::uint32_t> rows) const;

private:
    friend std::shared_ptr<const DerivedFacts> deriveFacts(const IncidentStore&,
                                                           const AnalysisInputs&);

    AnalysisInputs m_inputs;
    QStringList m_districtNames;
    QStringList m_provinceNames;
    std::vector<std::uint16_t> m_districtProvince;
    std::vector<std::uint16_t> m_district;
    std::vector<std::uint16_t> m_province;
    std::vector<std::uint8_t> m_country;
    std::vector<BankSide> m_side;
    std::vector<std::uint8_t> m_sideDisagrees;
    std::vector<float> m_borderKm;
    std::vector<std::int32_t> m_outpost;
    std::vector<float> m_outpostKm;
};

// Computes the facts of every row of `store`, on every core. For a million incidents against
// the 58 official districts: about a second in all (docs/performance.md). Thread-safe (reads
// only); call it on a worker, never on the GUI thread, for a large store.
std::shared_ptr<const DerivedFacts> deriveFacts(const IncidentStore& store,
                                                const AnalysisInputs& inputs);

// The bundled inputs: geodata/countries.shp, border_tj_af.shp and the given district layer
// (null: the bundled schematic districts), with an optional province layer. Errors name the
// file.
Result<AnalysisInputs> bundledAnalysisInputs(std::shared_ptr<const VectorLayer> districts = {},
                                             std::shared_ptr<const VectorLayer> provinces = {},
                                             std::shared_ptr<const FacilityStore> facilities = {});

} // namespace borderlens
