#pragma once

#include "util/enum_table.h"

#include <QString>

#include <array>
#include <cstdint>
#include <optional>

namespace borderlens {

// Which bank of the border an incident lies on, by the countries layer (not by what the record
// says): Tajikistan, Afghanistan, or neither (a third country, or outside every country).
enum class BorderSide : std::uint8_t { None, TJ, AF };

inline constexpr std::array<EnumKey<BorderSide>, 3> kBorderSideKeys{{
    {BorderSide::None, "none"},
    {BorderSide::TJ, "tj"},
    {BorderSide::AF, "af"},
}};
// "tj", "af", "none": the key in JSON (read back ignoring case, so "TJ" on a command line too).
inline QString toKey(BorderSide s) { return keyString(kBorderSideKeys, s); }
inline std::optional<BorderSide> borderSideFromKey(const QString& key) {
    return enumFromKey(kBorderSideKeys, key);
}
// As tables and CSV print it: "TJ", "AF", or empty for neither.
inline QString displayCode(BorderSide s) {
    return s == BorderSide::None ? QString() : toKey(s).toUpper();
}

} // namespace borderlens
