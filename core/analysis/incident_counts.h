#pragma once

#include "analysis/derived_facts.h"
#include "incidents/incident_store.h"
#include "time/time_range.h"
#include "util/enum_table.h"

#include <QString>

#include <vector>

namespace borderlens {

// What incidents are counted by, besides districts (see district_trends.h).
enum class CountKey : std::uint8_t { Province, Type, Week, Month };
inline constexpr std::array<EnumKey<CountKey>, 4> kCountKeyKeys{{
    {CountKey::Province, "province"},
    {CountKey::Type, "type"},
    {CountKey::Week, "week"},
    {CountKey::Month, "month"},
}};
inline QString toKey(CountKey k) { return keyString(kCountKeyKeys, k); }
inline std::optional<CountKey> countKeyFromKey(const QString& key) {
    return enumFromKey(kCountKeyKeys, key);
}

struct CountRow {
    QString key;   // province name ("(none)" when unknown), type key, ISO week start
                   // (YYYY-MM-DD, Monday), or month (YYYY-MM)
    int incidents = 0;
    int killed = 0;
};

// Incidents whose span begins in `window` (as trend tables count them), by key: provinces in
// province-code order then "(none)"; types in taxonomy order (all of them); weeks and months in
// time order (empty weeks and months between the first and last included). `facts` is needed
// for provinces only (null: every incident counts as "(none)").
std::vector<CountRow> countIncidents(const IncidentStore& store, const DerivedFacts* facts,
                                     const TimeRange& window, CountKey key);

// Rows [first, last) of `store` whose span begins in `window`: a binary search, since a store
// is sorted by span start.
std::pair<std::size_t, std::size_t> rowsBeginningIn(const IncidentStore& store,
                                                    const TimeRange& window);

} // namespace borderlens
