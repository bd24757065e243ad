#pragma once

#include "util/enum_table.h"

#include <QString>

#include <array>
#include <cstdint>
#include <optional>

namespace borderlens {

// Which bank of the border an incident lies on, by the countries layer (not by what the record
// says): Tajikistan, Afghanistan, or neither (a third country, or outside every country).
enum class BankSide : std::uint8_t { None, TJ, AF };

inline constexpr std::array<EnumKey<BankSide>, 3> kBankSideKeys{{
    {BankSide::None, "none"},
    {BankSide::TJ, "tj"},
    {BankSide::AF, "af"},
}};
// "tj", "af", "none": the key in JSON (read back ignoring case, so "TJ" on a command line too).
inline QString toKey(BankSide s) { return keyString(kBankSideKeys, s); }
inline std::optional<BankSide> bankSideFromKey(const QString& key) {
    return enumFromKey(kBankSideKeys, key);
}
// As tables and CSV print it: "TJ", "AF", or empty for neither.
inline QString displayCode(BankSide s) {
    return s == BankSide::None ? QString() : toKey(s).toUpper();
}

} // namespace borderlens
