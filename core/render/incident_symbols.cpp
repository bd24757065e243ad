#include "render/incident_symbols.h"

namespace borderlens {

IncidentSymbol symbolFor(IncidentType t) {
    switch (t) {
    case IncidentType::ArmedClash:
        return {QColor(0xd5, 0x5e, 0x00), MarkerShape::Circle}; // vermillion
    case IncidentType::AttackOnCivilians:
        return {QColor(0xcc, 0x11, 0x55), MarkerShape::Triangle}; // crimson
    case IncidentType::CrossBorderFire:
        return {QColor(0x88, 0x22, 0x88), MarkerShape::Diamond}; // purple
    case IncidentType::DrugSeizure:
        return {QColor(0x00, 0x9e, 0x73), MarkerShape::Square}; // bluish green
    case IncidentType::WeaponsSeizure:
        return {QColor(0x55, 0x55, 0x55), MarkerShape::Square}; // dark grey
    case IncidentType::Crossing:
        return {QColor(0x00, 0x72, 0xb2), MarkerShape::Triangle}; // blue
    case IncidentType::Mobilisation:
        return {QColor(0xe6, 0x9f, 0x00), MarkerShape::Diamond}; // orange
    case IncidentType::Statement:
        return {QColor(0x56, 0xb4, 0xe9), MarkerShape::Circle}; // sky blue
    }
    return {Qt::black, MarkerShape::Circle};
}

} // namespace borderlens
