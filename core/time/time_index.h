#pragma once

#include "time/time_range.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

namespace borderlens {

// Finds the items whose half-open spans [begin, end) overlap a window, in O(log n + k).
//
// Items are grouped by span length into classes (up to 1 day, a week, a month, a year, longer);
// within a class items are sorted by begin, and an item of the class can only overlap
// [a, b) if its begin lies in [a - maxLength(class), b): two binary searches per class give a
// contiguous candidate run, and only that run is checked against its end. A single scan-free
// sorted order would not do: one year-long item would force every query to look a year back.
class TimeIndex {
public:
    TimeIndex() = default;
    // `begins`/`ends` are parallel arrays (ends exclusive), indexed by item.
    TimeIndex(std::span<const std::int64_t> begins, std::span<const std::int64_t> ends);
    // The same from day numbers that fit 32 bits (an IncidentStore's columns).
    TimeIndex(std::span<const std::int32_t> begins, std::span<const std::int32_t> ends);

    // Indices of the items overlapping `window`, ascending.
    std::vector<std::uint32_t> select(const TimeRange& window) const;
    // Appends them to `out` (cleared first); reuses its capacity across frames.
    void select(const TimeRange& window, std::vector<std::uint32_t>& out) const;
    std::size_t count(const TimeRange& window) const;
    // Calls visit(item) for each item overlapping `window`, in no particular order, without
    // building a list: for a frame that only counts or bins what it visits.
    template <typename Visit> void forEach(const TimeRange& window, Visit visit) const;

    std::size_t size() const { return m_size; }
    std::size_t memoryUsed() const;
    // The union of all spans ([min begin, max end)); empty when there are no items.
    TimeRange extent() const { return m_extent; }

private:
    // Days are held in 32 bits (12 bytes an item): a span open on one side (a facility still
    // open) is clamped to ±2^31 days, beyond any date a window can name.
    struct LengthClass {
        std::int64_t maxLength = 0;
        std::vector<std::int32_t> begins; // sorted
        std::vector<std::int32_t> ends;   // parallel to begins
        std::vector<std::uint32_t> items; // parallel to begins
        bool itemsAscending = true;
    };
    template <typename Day> void build(std::span<const Day> begins, std::span<const Day> ends);
    template <typename Visit> void forEachCandidateRun(const TimeRange& w, Visit visit) const;

    std::vector<LengthClass> m_classes;
    std::size_t m_size = 0;
    TimeRange m_extent{0, 0};
};

template <typename Visit> void TimeIndex::forEach(const TimeRange& window, Visit visit) const {
    if (window.isEmpty())
        return;
    if (window.begin <= m_extent.begin && window.end >= m_extent.end && m_extent.end > m_extent.begin) {
        for (std::uint32_t i = 0; i < m_size; ++i)
            visit(i);
        return;
    }
    forEachCandidateRun(window, [&](const LengthClass& lc, std::size_t a, std::size_t b) {
        for (std::size_t k = a; k < b; ++k)
            if (lc.ends[k] > window.begin)
                visit(lc.items[k]);
    });
}

template <typename Visit>
void TimeIndex::forEachCandidateRun(const TimeRange& w, Visit visit) const {
    for (const LengthClass& lc : m_classes) {
        if (lc.begins.empty())
            continue;
        // Open-ended spans (a facility still open) are ~2^62 days long: subtract without overflow.
        const std::int64_t floor = std::numeric_limits<std::int64_t>::min();
        const std::int64_t from = w.begin < floor + lc.maxLength ? floor : w.begin - lc.maxLength;
        const auto first = std::lower_bound(lc.begins.begin(), lc.begins.end(), from,
                                            [](std::int32_t a, std::int64_t b) { return a < b; });
        const auto last = std::lower_bound(first, lc.begins.end(), w.end,
                                           [](std::int32_t a, std::int64_t b) { return a < b; });
        visit(lc, static_cast<std::size_t>(first - lc.begins.begin()),
              static_cast<std::size_t>(last - lc.begins.begin()));
    }
}

} // namespace borderlens
