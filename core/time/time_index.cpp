#include "time/time_index.h"

#include <algorithm>
#include <array>
#include <limits>
#include <numeric>

namespace borderlens {

namespace {
// Class limits in days. Most incidents are dated to the day; a few to a week, a month or a year.
constexpr std::array<std::int64_t, 4> kClassLimits = {1, 8, 31, 366};

std::int32_t clampDay(std::int64_t d) {
    return static_cast<std::int32_t>(std::clamp<std::int64_t>(
        d, std::numeric_limits<std::int32_t>::min(), std::numeric_limits<std::int32_t>::max()));
}
} // namespace

TimeIndex::TimeIndex(std::span<const std::int64_t> begins, std::span<const std::int64_t> ends) {
    build(begins, ends);
}

TimeIndex::TimeIndex(std::span<const std::int32_t> begins, std::span<const std::int32_t> ends) {
    build(begins, ends);
}

template <typename Day>
void TimeIndex::build(std::span<const Day> begins, std::span<const Day> ends) {
    m_classes.assign(kClassLimits.size() + 1, LengthClass{});
    m_size = begins.size();
    // A store hands its items already sorted by begin; only other callers pay for a sort.
    std::vector<std::uint32_t> order(begins.size());
    std::iota(order.begin(), order.end(), 0u);
    if (!std::is_sorted(begins.begin(), begins.end()))
        std::stable_sort(order.begin(), order.end(),
                         [&](std::uint32_t a, std::uint32_t b) { return begins[a] < begins[b]; });
    if (!begins.empty()) {
        m_extent = {*std::min_element(begins.begin(), begins.end()),
                    *std::max_element(ends.begin(), ends.end())};
    }
    std::array<std::size_t, kClassLimits.size() + 1> sizes{};
    auto classOf = [&](std::uint32_t i) {
        const std::int64_t len = std::max<std::int64_t>(0, std::int64_t(ends[i]) - begins[i]);
        std::size_t c = 0;
        while (c < kClassLimits.size() && len > kClassLimits[c])
            ++c;
        return std::pair{c, len};
    };
    for (std::uint32_t i : order)
        ++sizes[classOf(i).first];
    for (std::size_t c = 0; c < m_classes.size(); ++c) {
        m_classes[c].begins.reserve(sizes[c]);
        m_classes[c].ends.reserve(sizes[c]);
        m_classes[c].items.reserve(sizes[c]);
    }
    for (std::uint32_t i : order) {
        const auto [c, len] = classOf(i);
        LengthClass& lc = m_classes[c];
        lc.maxLength = std::max(lc.maxLength, len);
        lc.begins.push_back(clampDay(begins[i]));
        lc.ends.push_back(clampDay(ends[i]));
        lc.items.push_back(i);
    }
    // When the input is sorted by begin (IncidentStore is) each class's items ascend, and
    // select() can merge runs instead of sorting them.
    for (LengthClass& lc : m_classes)
        lc.itemsAscending = std::is_sorted(lc.items.begin(), lc.items.end());
}

void TimeIndex::select(const TimeRange& window, std::vector<std::uint32_t>& out) const {
    out.clear();
    if (window.isEmpty())
        return;
    // A window over the whole extent (all time, or a cumulative view's last frame) takes every
    // item: no search, no merge.
    if (window.begin <= m_extent.begin && window.end >= m_extent.end && m_extent.end > m_extent.begin) {
        out.resize(m_size);
        std::iota(out.begin(), out.end(), 0u);
        return;
    }
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
    if (window.begin <= m_extent.begin && window.end >= m_extent.end && m_extent.end > m_extent.begin)
        return m_size;
    forEachCandidateRun(window, [&](const LengthClass& lc, std::size_t a, std::size_t b) {
        for (std::size_t k = a; k < b; ++k)
            n += lc.ends[k] > window.begin ? 1 : 0;
    });
    return n;
}

std::size_t TimeIndex::memoryUsed() const {
    std::size_t bytes = 0;
    for (const LengthClass& lc : m_classes)
        bytes += lc.begins.capacity() * 4 + lc.ends.capacity() * 4 + lc.items.capacity() * 4;
    return bytes;
}

} // namespace borderlens
