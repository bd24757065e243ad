#pragma once

#include "columns/text_column.h"

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace borderlens {

// The distinct strings of a column, each stored once and numbered in order of first appearance.
// The lookup table (open addressing over codes, hashed by content) exists only while strings are
// being added; release it with freeze() once the column is complete.
class StringDictionary {
public:
    StringDictionary();
    // The code of `s`, adding it when new. Code 0 is always the empty string.
    std::uint32_t intern(std::string_view s);
    std::string_view value(std::uint32_t code) const { return m_values.view(code); }
    std::size_t size() const { return m_values.size(); }
    void freeze();
    std::size_t memoryUsed() const {
        return m_values.memoryUsed() + m_slots.capacity() * sizeof(std::uint32_t) +
               m_hashes.capacity() * sizeof(std::uint64_t);
    }

private:
    void grow();

    TextColumn m_values;
    std::vector<std::uint32_t> m_slots; // code + 1; 0 = free
    std::vector<std::uint64_t> m_hashes; // per code, to rehash without reading the text
};

// A text column with few distinct values (places, provinces, actors, countries): each row holds
// a code into a StringDictionary. Codes take 1, 2 or 4 bytes, whichever the dictionary's size
// needs, so a million rows naming two countries cost 1 MB and naming 500 places 2 MB.
class DictColumn {
public:
    std::size_t size() const { return m_rows; }
    std::uint32_t code(std::size_t row) const {
        switch (m_width) {
        case 1:
            return m_codes[row];
        case 2:
            return std::uint32_t(m_codes[2 * row]) | std::uint32_t(m_codes[2 * row + 1]) << 8;
        default: {
            const std::uint8_t* p = &m_codes[4 * row];
            return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 |
                   std::uint32_t(p[3]) << 24;
        }
        }
    }
    std::string_view view(std::size_t row) const { return m_dict.value(code(row)); }
    QString text(std::size_t row) const {
        const std::string_view v = view(row);
        return QString::fromUtf8(v.data(), qsizetype(v.size()));
    }
    const StringDictionary& dictionary() const { return m_dict; }

    void append(std::string_view s) { appendCode(m_dict.intern(s)); }
    // Appends another column's rows, translating its codes into this dictionary.
    void appendColumn(const DictColumn& other);
    // The rows in `order`, sharing nothing with this column.
    DictColumn gathered(std::span<const std::uint32_t> order) const;
    void reserve(std::size_t rows) { m_codes.reserve(rows * m_width); }
    void freeze() {
        m_dict.freeze();
        m_codes.shrink_to_fit();
    }
    std::size_t memoryUsed() const { return m_codes.capacity() + m_dict.memoryUsed(); }

private:
    void appendCode(std::uint32_t code);
    void widen(int width);

    StringDictionary m_dict;
    std::vector<std::uint8_t> m_codes; // little-endian, m_width bytes per row
    std::size_t m_rows = 0;
    int m_width = 1;
};

} // namespace borderlens
