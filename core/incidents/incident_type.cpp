#include "incidents/incident_type.h"

namespace borderlens {

QString toKey(IncidentType t) {
    switch (t) {
    case IncidentType::ArmedClash:
        return QStringLiteral("armed_clash");
    case IncidentType::AttackOnCivilians:
        return QStringLiteral("attack_on_civilians");
    case IncidentType::CrossBorderFire:
        return QStringLiteral("cross_border_fire");
    case IncidentType::DrugSeizure:
        return QStringLiteral("drug_seizure");
    case IncidentType::WeaponsSeizure:
        return QStringLiteral("weapons_seizure");
    case IncidentType::Crossing:
        return QStringLiteral("crossing");
    case IncidentType::Mobilisation:
        return QStringLiteral("mobilisation");
    case IncidentType::Statement:
        return QStringLiteral("statement");
    }
    return {};
}

std::optional<IncidentType> incidentTypeFromKey(const QString& key) {
    const QString k = key.trimmed().toLower();
    for (IncidentType t : kAllIncidentTypes) {
        if (toKey(t) == k)
            return t;
    }
    return std::nullopt;
}

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
