#pragma once

#include "analysis/bank_side.h"
#include "analysis/derived_facts.h"
#include "geo/geo_precision.h"
#include "incidents/incident_store.h"
#include "incidents/incident_type.h"
#include "time/date_precision.h"
#include "util/result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace borderlens {

// The one filter of a session, as QGIS's layer "subset string": applied to an IncidentStore it
// gives the matching rows, and filterIncidents() gives a new store (and aligned facts) holding
// only them, which the map, table, histogram, legend counts, charts and every export then use as
// they would any store. Every criterion set must hold (AND); an empty list or an unset value
// does not filter. A plain value: compare, copy, save in a project (toJson/fromJson).
struct IncidentFilter {
    std::vector<IncidentType> types;                // any of these
    QString actor;                                  // case-insensitive substring of an actor
    std::optional<int> killedMin;                   // IncidentStore::killedOrZero(i) >= N
    std::vector<GeoPrecision> locationPrecisions;   // any of these
    std::vector<DatePrecision> datePrecisions;      // any of these
    std::vector<BankSide> sides;                  // any of these (by the countries layer)
    // District names as the district layer spells them, plus DerivedFacts::noDistrictName() and
    // provinceLevelName() for the rows outside every district and the province-level ones.
    QStringList districts;
    std::optional<double> borderKmMax;              // within X km of the border (<=)
    // Within `km` of a point (a clicked point, or an outpost's position), geodesically (<=).
    struct Near {
        double lon = 0;
        double lat = 0;
        double km = 0;
        friend bool operator==(const Near&, const Near&) = default;
    };
    std::optional<Near> near;

    // True when nothing is filtered.
    bool isEmpty() const;
    // True when a criterion needs DerivedFacts (side, district, border distance).
    bool needsDerivedFacts() const;
    // "type: armed clash; killed ≥ 3; within 5 km of the border": for a legend or status line.
    QString describe() const;

    QJsonObject toJson() const;
    // Errors name the key that is wrong ("types[2]: unknown incident type 'x'").
    static Result<IncidentFilter> fromJson(const QJsonObject& json);

    friend bool operator==(const IncidentFilter&, const IncidentFilter&) = default;
};

// Rows of `store` that pass `filter`, ascending (so in time order). `facts` are the store's own
// (aligned); without them, criteria that need them match no row. On every core for a large
// store; thread-safe.
std::vector<std::uint32_t> matchingRows(const IncidentStore& store, const DerivedFacts* facts,
                                        const IncidentFilter& filter);

// A store holding only the rows that pass, with its facts, and which rows of the source they
// were. With an empty filter the inputs themselves are handed back (nothing copied).
struct FilteredIncidents {
    std::shared_ptr<const IncidentStore> store;
    std::shared_ptr<const DerivedFacts> facts; // null when the source had none
    std::vector<std::uint32_t> sourceRows;     // row k of `store` is sourceRows[k] of the source
    bool filtered = false;                     // false: store/facts are the source's own
};
FilteredIncidents filterIncidents(const std::shared_ptr<const IncidentStore>& store,
                                  const std::shared_ptr<const DerivedFacts>& facts,
                                  const IncidentFilter& filter);

} // namespace borderlens
