#include "time/time_index.h"

#include <algorithm>
#include <array>
#include <limits>
#include <numeric>

namespace borderlens {

namespace {
// Class limits in days. Most incidents are dated to the day; a few to a week, a month or a year.
constexpr std::array<std::int64_t, 4> kClassLimits = {1, 8, 31, 366};
} // namespace

TimeIndex::TimeIndex(std::span<const std::int64_t> begins, std::span<const std::int64_t> ends)
    : m_classes(kClassLimits.size() + 1), m_size(begins.size()) {
    std::vector<std::uint32_t> order(begins.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return begins[a] < begins[b]; });
    if (!begins.empty()) {
        m_extent = {*std::min_element(begins.begin(), begins.end()),
                    *std::max_element(ends.begin(), ends.end())};
    }
    for (std::uint32_t i : order) {
        const std::int64_t len = std::max<std::int64_t>(0, ends[i] - begins[i]);
        std::size_t c = 0;
        while (c < kClassLimits.size() && len > kClassLimits[c])
            ++c;
        LengthClass& lc = m_classes[c];
        lc.maxLength = std::max(lc.maxLength, len);
        lc.begins.push_back(begins[i]);
        lc.ends.push_back(ends[i]);
        lc.items.push_back(i);
    }
    // When the input is sorted by begin (IncidentStore is) each class's items ascend, and
    // select() can merge runs instead of sorting them.
    for (LengthClass& lc : m_classes)
        lc.itemsAscending = std::is_sorted(lc.items.begin(), lc.items.end());
}

template <typename Visit> void TimeIndex::forEachCandidateRun(const TimeRange& w, Visit visit) const {
    for (const LengthClass& lc : m_classes) {
        if (lc.begins.empty())
            continue;
        // Open-ended spans (a facility still open) are ~2^62 days long: subtract without overflow.
        const std::int64_t floor = std::numeric_limits<std::int64_t>::min();
        const std::int64_t from = w.begin < floor + lc.maxLength ? floor : w.begin - lc.maxLength;
        const auto first = std::lower_bound(lc.begins.begin(), lc.begins.end(), from);
        const auto last = std::lower_bound(first, lc.begins.end(), w.end);
        visit(lc, static_cast<std::size_t>(first - lc.begins.begin()),
              static_cast<std::size_t>(last - lc.begins.begin()));
    }
}

void TimeIndex::select(const TimeRange& window, std::vector<std::uint32_t>& out) const {
    out.clear();
    if (window.isEmpty())
        return;
    // Items are numbered in begin order and each class keeps them in that order, so each class
    // contributes an ascending run: merging the runs is linear, where sorting was the slowest
    // part of a selection.
    std::array<std::size_t, kClassLimits.size() + 2> runStarts{};
    std::size_t runs = 0;
    forEachCandidateRun(window, [&](const LengthClass& lc, std::size_t a, std::size_t b) {
        const std::size_t start = out.size();
        runStarts[runs++] = start;
        for (std::size_t k = a; k < b; ++k) {
            if (lc.ends[k] > window.begin)
                out.push_back(lc.items[k]);
        }
        if (!lc.itemsAscending)
            std::sort(out.begin() + static_cast<std::ptrdiff_t>(start), out.end());
    });
    runStarts[runs] = out.size();
    for (std::size_t r = 1; r < runs; ++r) {
        std::inplace_merge(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(runStarts[r]),
                           out.begin() + static_cast<std::ptrdiff_t>(runStarts[r + 1]));
    }
}

std::vector<std::uint32_t> TimeIndex::select(const TimeRange& window) const {
    std::vector<std::uint32_t> out;
    select(window, out);
    return out;
}

std::size_t TimeIndex::count(const TimeRange& window) const {
    std::size_t n = 0;
    if (window.isEmpty())
        return 0;
    forEachCandidateRun(window, [&](const LengthClass& lc, std::size_t a, std::size_t b) {
        for (std::size_t k = a; k < b; ++k)
            n += lc.ends[k] > window.begin ? 1 : 0;
    });
    return n;
}

} // namespace borderlens
