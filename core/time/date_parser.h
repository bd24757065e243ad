#pragma once

#include "time/date_precision.h"

#include <QDate>

#include <cstdint>
#include <optional>
#include <string_view>

namespace borderlens {

// Dates as data files write them, parsed from UTF-8 bytes without the locale and without
// allocating: the importer calls these once per row, a million times for a large file.

// An ISO 8601 calendar date: YYYY-MM-DD, optionally with a time ("T12:00:00", " 00:00:00.000",
// "Z"), or YYYY-MM / YYYY, which imply month and year precision. Surrounding blanks are ignored.
struct IsoDay {
    std::int32_t day = 0; // Julian day
    std::optional<DatePrecision> impliedPrecision;
};
std::optional<IsoDay> parseIsoDay(std::string_view text);

// Dates as sources write them: ISO 8601 (a full date, with or without a time), "24 December
// 2025", "24-December-2025", "24 Dec 2025", "24-Dec-2025", "December 24, 2025". English month
// names, whatever the locale. Never numeric day/month orders (07/05/2021), which are ambiguous.
std::optional<std::int32_t> parseFlexibleDay(std::string_view text);

inline QDate dateOfDay(std::int32_t day) { return QDate::fromJulianDay(day); }

} // namespace borderlens
