#pragma once

#include "render/layer_style.h"

#include <QColor>
#include <QString>

#include <array>
#include <cstdint>
#include <optional>

namespace borderlens {

// The taxonomy for this border: small enough to read on a legend, mappable from ACLED's
// event_type/sub_event_type (see docs/data-format.md).
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

// The key used in files ("armed_clash").
QString toKey(IncidentType t);
std::optional<IncidentType> incidentTypeFromKey(const QString& key);
// The label on legends and in tables ("Armed clash / infiltration").
QString displayName(IncidentType t);

// One symbol per type: a colour from a palette that stays distinguishable for the common colour
// vision deficiencies (Okabe–Ito based) and a shape, so that type is never told by colour alone.
struct IncidentSymbol {
    QColor colour;
    MarkerShape shape;
};
IncidentSymbol symbolFor(IncidentType t);

} // namespace borderlens
