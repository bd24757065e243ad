#include "analysis/type_histogram.h"

#include "time/civil_days.h"

#include <algorithm>
#include <bitset>
#include <memory>

namespace borderlens {

namespace {

// Day numbers a calendar can name (years 1–9999); a side of `cover` beyond them means "open".
constexpr std::int64_t kFirstCalendarDay = julianDay(1, 1, 1);
constexpr std::int64_t kLastCalendarDay = julianDay(9999, 12, 1);

} // namespace

std::int64_t periodStart(HistogramPeriod period, std::int64_t day) {
    switch (period) {
    case HistogramPeriod::Week: {
        // Julian day 0 was a Monday; floor modulo keeps days before it right too.
        const std::int64_t m = ((day % 7) + 7) % 7;
        return day - m;
    }
    case HistogramPeriod::Month: {
        const CivilDate d = civilDate(static_cast<std::int32_t>(day));
        return julianDay(d.year, d.month, 1);
    }
    }
    return day;
}

std::int64_t nextPeriodStart(HistogramPeriod period, std::int64_t start) {
    switch (period) {
    case HistogramPeriod::Week:
        return start + 7;
    case HistogramPeriod::Month: {
        const CivilDate d = civilDate(static_cast<std::int32_t>(start));
        return d.month == 12 ? julianDay(d.year + 1, 1, 1) : julianDay(d.year, d.month + 1, 1);
    }
    }
    return start + 1;
}

int TypeHistogram::periodTotal(std::size_t p) const {
    int n = 0;
    for (int c : counts[p])
        n += c;
    return n;
}

int TypeHistogram::maxPeriodTotal() const {
    int most = 0;
    for (std::size_t p = 0; p < size(); ++p)
        most = std::max(most, periodTotal(p));
    return most;
}

int TypeHistogram::periodOf(std::int64_t day) const {
    const auto it = std::upper_bound(periods.begin(), periods.end(), day,
                                     [](std::int64_t d, const TimeRange& r) { return d < r.end; });
    if (it == periods.end() || !it->contains(day))
        return -1;
    return static_cast<int>(it - periods.begin());
}

TypeHistogram countByPeriodAndType(const IncidentStore& store, HistogramPeriod period,
                                   std::optional<TimeRange> cover,
                                   const DistrictRestriction* districts) {
    TypeHistogram h;
    h.period = period;
    const auto begins = store.spanBegins();

    // The days to cover: the given range, its open sides taken from the data.
    std::int64_t first = 0;
    std::int64_t last = -1; // inclusive
    if (!begins.empty()) {
        first = begins.front();
        last = begins.back();
    }
    if (cover && !cover->isAll()) {
        const bool hasData = !begins.empty();
        if (cover->begin >= kFirstCalendarDay)
            first = cover->begin;
        else if (!hasData)
            return h;
        if (cover->end <= kLastCalendarDay)
            last = cover->end - 1;
        else if (!hasData)
            return h;
    }
    if (last < first)
        return h;

    for (std::int64_t b = periodStart(period, first); b <= last;) {
        const std::int64_t e = nextPeriodStart(period, b);
        h.periods.push_back({b, e});
        b = e;
    }
    h.counts.assign(h.size(), TypeHistogram::TypeCounts{});
    h.killed.assign(h.size(), 0);

    // Rows are sorted by span start: the ones to count are one contiguous run.
    const std::int64_t from = h.periods.front().begin;
    const std::int64_t to = h.periods.back().end;
    const auto lo = std::lower_bound(begins.begin(), begins.end(), from);
    const auto hi = std::lower_bound(lo, begins.end(), to);
    const auto rowBegin = static_cast<std::size_t>(lo - begins.begin());
    const auto rowEnd = static_cast<std::size_t>(hi - begins.begin());

    // A bit per possible code: one lookup per row, whatever the number of wanted districts.
    std::unique_ptr<std::bitset<65536>> wanted;
    if (districts) {
        wanted = std::make_unique<std::bitset<65536>>();
        for (std::uint16_t c : districts->wanted)
            wanted->set(c);
    }

    const auto types = store.types();
    std::size_t p = 0;
    for (std::size_t i = rowBegin; i < rowEnd; ++i) {
        if (wanted && (i >= districts->codes.size() || !wanted->test(districts->codes[i])))
            continue;
        while (begins[i] >= h.periods[p].end)
            ++p;
        ++h.counts[p][static_cast<std::size_t>(types[i])];
        h.killed[p] += store.killedOrZero(i);
        ++h.total;
    }
    return h;
}

} // namespace borderlens
