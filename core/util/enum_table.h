#pragma once

#include <QString>

#include <array>
#include <optional>
#include <string_view>

namespace borderlens {

// One row of an enum's table: the value and its key in files ("armed_clash"). Each enum keeps
// one constexpr table and looks up both ways through it, as GDAL and PROJ keep their code
// tables, instead of a switch for each direction.
template <typename E> struct EnumKey {
    E value;
    std::string_view key;
};

namespace detail {
constexpr char asciiLower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }
constexpr bool isAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}
} // namespace detail

// The value whose key equals `text`, ignoring ASCII case and surrounding ASCII blanks.
template <typename E, std::size_t N>
constexpr std::optional<E> enumFromKey(const std::array<EnumKey<E>, N>& table,
                                       std::string_view text) {
    while (!text.empty() && detail::isAsciiSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && detail::isAsciiSpace(text.back()))
        text.remove_suffix(1);
    for (const EnumKey<E>& row : table) {
        if (row.key.size() != text.size())
            continue;
        bool same = true;
        for (std::size_t i = 0; i < text.size() && same; ++i)
            same = detail::asciiLower(text[i]) == row.key[i];
        if (same)
            return row.value;
    }
    return std::nullopt;
}

template <typename E, std::size_t N>
std::optional<E> enumFromKey(const std::array<EnumKey<E>, N>& table, const QString& text) {
    const QByteArray utf8 = text.toUtf8();
    return enumFromKey(table, std::string_view(utf8.constData(), std::size_t(utf8.size())));
}

template <typename E, std::size_t N>
constexpr std::string_view keyOf(const std::array<EnumKey<E>, N>& table, E value) {
    for (const EnumKey<E>& row : table) {
        if (row.value == value)
            return row.key;
    }
    return {};
}

template <typename E, std::size_t N>
QString keyString(const std::array<EnumKey<E>, N>& table, E value) {
    const std::string_view k = keyOf(table, value);
    return QString::fromLatin1(k.data(), qsizetype(k.size()));
}

} // namespace borderlens
