#pragma once

#include "geo/geo_precision.h"
#include "incidents/incident_type.h"
#include "time/date_precision.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace borderlens {

struct SourceRef {
    QString title;
    QString outlet;
    QDate date;
    QString url;

    friend bool operator==(const SourceRef&, const SourceRef&) = default;
};

// Casualty figures as sources give them: a best estimate, and a low/high range where known.
struct Casualties {
    std::optional<int> low;
    std::optional<int> best;
    std::optional<int> high;

    // The figure to size symbols and sum legends by: best, else high, else low, else 0.
    int bestOrZero() const { return best.value_or(high.value_or(low.value_or(0))); }
    friend bool operator==(const Casualties&, const Casualties&) = default;
};

// One incident as read from a file: the row form, before it goes into the columnar store.
struct Incident {
    QString id;
    QDate startDate;
    std::optional<QDate> endDate; // last day, inclusive
    DatePrecision datePrecision = DatePrecision::Day;
    IncidentType type = IncidentType::ArmedClash;
    QString place;
    double lon = 0;
    double lat = 0;
    GeoPrecision geoPrecision = GeoPrecision::Exact;
    QString country; // ISO 3166-1 alpha-2
    QString province;
    QString district;
    Casualties killed;
    std::optional<int> injured;
    QStringList actors;
    QString summary;
    std::vector<SourceRef> sources;

    // The days the incident may have happened on, half-open (see eventSpan()).
    TimeRange span() const { return eventSpan(startDate, endDate, datePrecision); }
};

enum class FacilityKind : std::uint8_t { BorderOutpost, Base, TrainingGround, Crossing, Bridge };
inline constexpr std::array<EnumKey<FacilityKind>, 5> kFacilityKindKeys{{
    {FacilityKind::BorderOutpost, "border_outpost"},
    {FacilityKind::Base, "base"},
    {FacilityKind::TrainingGround, "training_ground"},
    {FacilityKind::Crossing, "crossing"},
    {FacilityKind::Bridge, "bridge"},
}};
inline QString toKey(FacilityKind k) { return keyString(kFacilityKindKeys, k); }
inline std::optional<FacilityKind> facilityKindFromKey(const QString& key) {
    return enumFromKey(kFacilityKindKeys, key);
}
QString displayName(FacilityKind k);

// An outpost, base, training ground, border crossing or bridge, present from `opened` (if known)
// until `closed` (if any).
struct Facility {
    QString id;
    QString name;
    FacilityKind kind = FacilityKind::BorderOutpost;
    double lon = 0;
    double lat = 0;
    GeoPrecision geoPrecision = GeoPrecision::Exact;
    std::optional<QDate> opened;
    DatePrecision openedPrecision = DatePrecision::Day;
    std::optional<QDate> closed; // first day it no longer exists
    QString country;
    QString province;
    QString district;
    QString notes;
    std::vector<SourceRef> sources;

    // [opened, closed), unbounded on a side that is not known.
    TimeRange presence() const;
};

} // namespace borderlens
