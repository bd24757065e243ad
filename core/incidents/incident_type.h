#pragma once

#include "util/enum_table.h"

#include <QString>

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace borderlens {

// The taxonomy for this border: small enough to read on a legend, mappable from ACLED's
// event_type/sub_event_type (see docs/data-format.md). How a type looks on the map is the
// renderer's business (render/incident_symbols.h), not the domain's.
enum class IncidentType : std::uint8_t {
    ArmedClash,        // armed clash / infiltration
    AttackOnCivilians, // attack on civilians or foreign workers
    CrossBorderFire,   // cross-border fire or drone strike
    DrugSeizure,
    WeaponsSeizure,
    Crossing,     // refugee or troop crossing
    Mobilisation, // mobilisation or exercise
    Statement,    // diplomatic or security statement
};
inline constexpr std::size_t kIncidentTypeCount = 8;
inline constexpr std::array<IncidentType, kIncidentTypeCount> kAllIncidentTypes = {
    IncidentType::ArmedClash,   IncidentType::AttackOnCivilians, IncidentType::CrossBorderFire,
    IncidentType::DrugSeizure,  IncidentType::WeaponsSeizure,    IncidentType::Crossing,
    IncidentType::Mobilisation, IncidentType::Statement};

inline constexpr std::array<EnumKey<IncidentType>, kIncidentTypeCount> kIncidentTypeKeys{{
    {IncidentType::ArmedClash, "armed_clash"},
    {IncidentType::AttackOnCivilians, "attack_on_civilians"},
    {IncidentType::CrossBorderFire, "cross_border_fire"},
    {IncidentType::DrugSeizure, "drug_seizure"},
    {IncidentType::WeaponsSeizure, "weapons_seizure"},
    {IncidentType::Crossing, "crossing"},
    {IncidentType::Mobilisation, "mobilisation"},
    {IncidentType::Statement, "statement"},
}};

// The key used in files ("armed_clash").
inline QString toKey(IncidentType t) { return keyString(kIncidentTypeKeys, t); }
inline std::optional<IncidentType> incidentTypeFromKey(const QString& key) {
    return enumFromKey(kIncidentTypeKeys, key);
}
inline std::optional<IncidentType> incidentTypeFromKey(std::string_view key) {
    return enumFromKey(kIncidentTypeKeys, key);
}
// The label on legends and in tables ("Armed clash / infiltration").
QString displayName(IncidentType t);

} // namespace borderlens
