#pragma once

#include <QString>

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace borderlens {

// The strings of one column end to end in one UTF-8 buffer, addressed by row through offsets
// (Arrow's utf8 layout): a million short ids cost their bytes plus four bytes each, instead of a
// million heap strings. Offsets are 32-bit, so a column holds at most 4 GiB of text; append()
// reports the overflow rather than wrapping.
class TextColumn {
public:
    std::size_t size() const { return m_offsets.size() - 1; }
    bool empty() const { return size() == 0; }
    std::string_view view(std::size_t row) const {
        return {m_bytes.data() + m_offsets[row], m_offsets[row + 1] - m_offsets[row]};
    }
    QString text(std::size_t row) const {
        const std::string_view v = view(row);
        return QString::fromUtf8(v.data(), qsizetype(v.size()));
    }
    // False, appending nothing, when the column would pass 4 GiB.
    bool append(std::string_view s);
    bool appendColumn(const TextColumn& other);
    void reserve(std::size_t rows, std::size_t bytes);
    // The rows in `order` (order[k] is the row that becomes row k).
    TextColumn gathered(std::span<const std::uint32_t> order) const;
    std::size_t byteSize() const { return m_bytes.size(); }
    std::size_t memoryUsed() const {
        return m_bytes.capacity() + m_offsets.capacity() * sizeof(std::uint32_t);
    }
    void shrinkToFit() {
        m_bytes.shrink_to_fit();
        m_offsets.shrink_to_fit();
    }

private:
    std::vector<char> m_bytes;
    std::vector<std::uint32_t> m_offsets{0};
};

} // namespace borderlens
