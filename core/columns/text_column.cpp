#include "columns/text_column.h"

#include <cstring>
#include <limits>

namespace borderlens {

namespace {
constexpr std::uint64_t kMaxBytes = std::numeric_limits<std::uint32_t>::max();
}

bool TextColumn::append(std::string_view s) {
    if (m_bytes.size() + s.size() > kMaxBytes)
        return false;
    m_bytes.insert(m_bytes.end(), s.begin(), s.end());
    m_offsets.push_back(static_cast<std::uint32_t>(m_bytes.size()));
    return true;
}

bool TextColumn::appendColumn(const TextColumn& other) {
    if (m_bytes.size() + other.m_bytes.size() > kMaxBytes)
        return false;
    const auto base = static_cast<std::uint32_t>(m_bytes.size());
    m_bytes.insert(m_bytes.end(), other.m_bytes.begin(), other.m_bytes.end());
    m_offsets.reserve(m_offsets.size() + other.size());
    for (std::size_t i = 1; i < other.m_offsets.size(); ++i)
        m_offsets.push_back(base + other.m_offsets[i]);
    return true;
}

void TextColumn::reserve(std::size_t rows, std::size_t bytes) {
    m_offsets.reserve(rows + 1);
    m_bytes.reserve(bytes);
}

TextColumn TextColumn::gathered(std::span<const std::uint32_t> order) const {
    TextColumn out;
    out.m_offsets.reserve(order.size() + 1);
    std::size_t bytes = 0;
    for (std::uint32_t r : order)
        bytes += m_offsets[r + 1] - m_offsets[r];
    out.m_bytes.resize(bytes);
    char* dst = out.m_bytes.data();
    std::uint32_t at = 0;
    for (std::uint32_t r : order) {
        const std::uint32_t n = m_offsets[r + 1] - m_offsets[r];
        if (n > 0)
            std::memcpy(dst + at, m_bytes.data() + m_offsets[r], n);
        at += n;
        out.m_offsets.push_back(at);
    }
    return out;
}

} // namespace borderlens
