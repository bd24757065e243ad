#pragma once

#include "incidents/incident_store.h"
#include "incidents/incident_type.h"
#include "time/time_range.h"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace borderlens {

// The bins of a chart of incidents over time: weeks start on Monday (ISO 8601), months on the 1st.
enum class HistogramPeriod : std::uint8_t { Week, Month };

// The first day of the week or month holding `day` (a Julian day number).
std::int64_t periodStart(HistogramPeriod period, std::int64_t day);
// The first day of the next week or month after the one starting at `start`.
std::int64_t nextPeriodStart(HistogramPeriod period, std::int64_t start);

// Counts per period and incident type: row p is periods[p], column t is kAllIncidentTypes[t].
// Periods are consecutive and half-open, empty ones between filled ones included.
struct TypeHistogram {
    using TypeCounts = std::array<int, kIncidentTypeCount>;

    HistogramPeriod period = HistogramPeriod::Month;
    std::vector<TimeRange> periods;
    std::vector<TypeCounts> counts;
    std::vector<int> killed; // per period, killedOrZero summed
    int total = 0;           // every incident counted

    std::size_t size() const { return periods.size(); }
    bool empty() const { return periods.empty(); }
    int count(std::size_t p, IncidentType t) const {
        return counts[p][static_cast<std::size_t>(t)];
    }
    int periodTotal(std::size_t p) const;
    int maxPeriodTotal() const;
    // The period holding `day`, or -1 when none does.
    int periodOf(std::int64_t day) const;
};

// Which rows count: those whose district code (`codes`, aligned with the store's rows, as
// DerivedFacts::districts() gives them) is one of `wanted`.
struct DistrictRestriction {
    std::span<const std::uint16_t> codes;
    std::span<const std::uint16_t> wanted;
};

// Counts the incidents of `store` by the period their span begins in (as the trend tables count
// them) and by type. The periods cover `cover` (widened to whole periods; incidents beginning
// outside it are not counted), or, without it (or with TimeRange::all()), the first to the last
// incident's start. With `districts`, only rows whose code is wanted count; rows past the end of
// `codes` never do. One pass over the rows beginning in the covered range (found by binary
// search): about 5 ms for a million incidents (borderlens_bench countPerPeriodAndType).
TypeHistogram countByPeriodAndType(const IncidentStore& store, HistogramPeriod period,
                                   std::optional<TimeRange> cover = std::nullopt,
                                   const DistrictRestriction* districts = nullptr);

} // namespace borderlens
