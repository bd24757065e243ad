#include "columns/dict_column.h"

#include <functional>

namespace borderlens {

namespace {
std::uint64_t hashOf(std::string_view s) { return std::hash<std::string_view>{}(s); }
} // namespace

StringDictionary::StringDictionary() {
    m_values.append({});
    m_hashes.push_back(hashOf({}));
}

std::uint32_t StringDictionary::intern(std::string_view s) {
    if (s.empty())
        return 0;
    if ((m_values.size() + 1) * 2 > m_slots.size())
        grow();
    const std::uint64_t h = hashOf(s);
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
        const std::uint32_t slot = m_slots[i];
        if (slot == 0) {
            const auto code = static_cast<std::uint32_t>(m_values.size());
            if (!m_values.append(s))
                return 0; // over 4 GiB of distinct text: keep the row, lose the value
            m_hashes.push_back(h);
            m_slots[i] = code + 1;
            return code;
        }
        if (m_hashes[slot - 1] == h && m_values.view(slot - 1) == s)
            return slot - 1;
    }
}

void StringDictionary::grow() {
    std::size_t n = m_slots.empty() ? 64 : m_slots.size() * 2;
    while (n < (m_values.size() + 1) * 2)
        n *= 2;
    m_slots.assign(n, 0);
    const std::size_t mask = n - 1;
    for (std::uint32_t code = 1; code < m_values.size(); ++code) {
        std::size_t i = m_hashes[code] & mask;
        while (m_slots[i] != 0)
            i = (i + 1) & mask;
        m_slots[i] = code + 1;
    }
}

void StringDictionary::freeze() {
    m_slots = {};
    m_hashes = {};
    m_values.shrinkToFit();
}

void DictColumn::widen(int width) {
    std::vector<std::uint8_t> wider;
    wider.reserve(std::max(m_codes.capacity() / std::size_t(m_width), m_rows) * width);
    for (std::size_t r = 0; r < m_rows; ++r) {
        const std::uint32_t c = code(r);
        for (int b = 0; b < width; ++b)
            wider.push_back(static_cast<std::uint8_t>(c >> (8 * b)));
    }
    m_codes = std::move(wider);
    m_width = width;
}

void DictColumn::appendCode(std::uint32_t c) {
    if (m_width == 1 && c > 0xff)
        widen(c > 0xffff ? 4 : 2);
    else if (m_width == 2 && c > 0xffff)
        widen(4);
    for (int b = 0; b < m_width; ++b)
        m_codes.push_back(static_cast<std::uint8_t>(c >> (8 * b)));
    ++m_rows;
}

void DictColumn::appendColumn(const DictColumn& other) {
    std::vector<std::uint32_t> map(other.m_dict.size());
    for (std::uint32_t c = 0; c < map.size(); ++c)
        map[c] = m_dict.intern(other.m_dict.value(c));
    m_codes.reserve(m_codes.size() + other.m_rows * std::size_t(m_width));
    for (std::size_t r = 0; r < other.m_rows; ++r)
        appendCode(map.empty() ? 0 : map[other.code(r)]);
}

DictColumn DictColumn::gathered(std::span<const std::uint32_t> order) const {
    DictColumn out;
    out.m_dict = m_dict;
    out.m_width = m_width;
    out.m_rows = order.size();
    out.m_codes.resize(order.size() * std::size_t(m_width));
    std::uint8_t* dst = out.m_codes.data();
    const std::uint8_t* src = m_codes.data();
    const auto w = std::size_t(m_width);
    for (std::size_t k = 0; k < order.size(); ++k)
        for (std::size_t b = 0; b < w; ++b)
            dst[k * w + b] = src[order[k] * w + b];
    return out;
}

} // namespace borderlens
