#include "incidents/incident_type.h"

namespace borderlens {

QString displayName(IncidentType t) {
    switch (t) {
    case IncidentType::ArmedClash:
        return QStringLiteral("Armed clash / infiltration");
    case IncidentType::AttackOnCivilians:
        return QStringLiteral("Attack on civilians / foreign workers");
    case IncidentType::CrossBorderFire:
        return QStringLiteral("Cross-border fire / drone strike");
    case IncidentType::DrugSeizure:
        return QStringLiteral("Drug seizure");
    case IncidentType::WeaponsSeizure:
        return QStringLiteral("Weapons seizure");
    case IncidentType::Crossing:
        return QStringLiteral("Refugee / troop crossing");
    case IncidentType::Mobilisation:
        return QStringLiteral("Mobilisation / exercise");
    case IncidentType::Statement:
        return QStringLiteral("Diplomatic / security statement");
    }
    return {};
}

} // namespace borderlens
