#include "incidents/incident.h"

namespace borderlens {

QString toKey(FacilityKind k) {
    switch (k) {
    case FacilityKind::BorderOutpost:
        return QStringLiteral("border_outpost");
    case FacilityKind::Base:
        return QStringLiteral("base");
    case FacilityKind::TrainingGround:
        return QStringLiteral("training_ground");
    case FacilityKind::Crossing:
        return QStringLiteral("crossing");
    case FacilityKind::Bridge:
        return QStringLiteral("bridge");
    }
    return {};
}

std::optional<FacilityKind> facilityKindFromKey(const QString& key) {
    const QString k = key.trimmed().toLower();
    for (FacilityKind f : {FacilityKind::BorderOutpost, FacilityKind::Base,
                           FacilityKind::TrainingGround, FacilityKind::Crossing,
                           FacilityKind::Bridge}) {
        if (toKey(f) == k)
            return f;
    }
    return std::nullopt;
}

QString displayName(FacilityKind k) {
    switch (k) {
    case FacilityKind::BorderOutpost:
        return QStringLiteral("Border outpost");
    case FacilityKind::Base:
        return QStringLiteral("Military base");
    case FacilityKind::TrainingGround:
        return QStringLiteral("Training ground");
    case FacilityKind::Crossing:
        return QStringLiteral("Border crossing");
    case FacilityKind::Bridge:
        return QStringLiteral("Bridge");
    }
    return {};
}

TimeRange Facility::presence() const {
    TimeRange r = TimeRange::all();
    if (opened)
        r.begin = eventSpan(*opened, std::nullopt, openedPrecision).begin;
    if (closed)
        r.end = closed->toJulianDay();
    return r;
}

} // namespace borderlens
