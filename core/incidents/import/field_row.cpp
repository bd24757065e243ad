#include "incidents/import/field_row.h"

namespace borderlens {

ColumnMap::ColumnMap(const std::vector<QString>& header) : m_names(header) {
    for (std::size_t i = 0; i < header.size(); ++i) {
        const QString key = header[i].trimmed().toLower();
        if (!m_index.contains(key))
            m_index.insert(key, static_cast<int>(i));
    }
}

namespace {

// Length of a UTF-8 space character at the start of `s` (QChar::isSpace: ASCII blanks, U+0085,
// U+00A0, U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000), or 0.
std::size_t spaceAtStart(std::string_view s) {
    if (s.empty())
        return 0;
    const auto c0 = static_cast<unsigned char>(s[0]);
    if (c0 == ' ' || (c0 >= '\t' && c0 <= '\r'))
        return 1;
    if (c0 == 0xC2 && s.size() >= 2) {
        const auto c1 = static_cast<unsigned char>(s[1]);
        return c1 == 0x85 || c1 == 0xA0 ? 2 : 0;
    }
    if (s.size() >= 3 && (c0 == 0xE1 || c0 == 0xE2 || c0 == 0xE3)) {
        const auto c1 = static_cast<unsigned char>(s[1]);
        const auto c2 = static_cast<unsigned char>(s[2]);
        const std::uint32_t cp = (std::uint32_t(c0 & 0x0F) << 12) | (std::uint32_t(c1 & 0x3F) << 6) |
                                 (c2 & 0x3F);
        if (cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
            cp == 0x202F || cp == 0x205F || cp == 0x3000)
            return 3;
    }
    return 0;
}

// The same at the end of `s`.
std::size_t spaceAtEnd(std::string_view s) {
    if (s.empty())
        return 0;
    const auto last = static_cast<unsigned char>(s.back());
    if (last < 0x80)
        return last == ' ' || (last >= '\t' && last <= '\r') ? 1 : 0;
    for (std::size_t len : {std::size_t(2), std::size_t(3)}) {
        if (s.size() >= len && spaceAtStart(s.substr(s.size() - len)) == len)
            return len;
    }
    return 0;
}

} // namespace

std::string_view trimmedUtf8(std::string_view s) {
    // Most values start and end with a printable ASCII character: nothing to strip.
    if (s.empty() || (static_cast<unsigned char>(s.front()) - 0x21u < 0x5Eu &&
                      static_cast<unsigned char>(s.back()) - 0x21u < 0x5Eu))
        return s;
    while (std::size_t n = spaceAtStart(s))
        s.remove_prefix(n);
    while (std::size_t n = spaceAtEnd(s))
        s.remove_suffix(n);
    return s;
}

} // namespace borderlens
