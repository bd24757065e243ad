#include "incidents/incident.h"

namespace borderlens {

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
