#pragma once

#include "time/time_range.h"
#include "util/enum_table.h"

#include <QDate>
#include <QString>

#include <cstdint>
#include <optional>

namespace borderlens {

// How exactly a source dates an event. An incident known only to "December 2025" covers the
// whole month, so it is shown in any window that touches December.
enum class DatePrecision : std::uint8_t { Day, Week, Month, Year };

inline constexpr std::array<EnumKey<DatePrecision>, 4> kDatePrecisionKeys{{
    {DatePrecision::Day, "day"},
    {DatePrecision::Week, "week"},
    {DatePrecision::Month, "month"},
    {DatePrecision::Year, "year"},
}};

inline QString toString(DatePrecision p) { return keyString(kDatePrecisionKeys, p); }
// An empty text means day precision, the common case files leave blank.
std::optional<DatePrecision> datePrecisionFromString(const QString& s);
std::optional<DatePrecision> datePrecisionFromKey(std::string_view s);

// The days an event may have happened on, as a half-open range:
// - `end` given (last day, inclusive): [start, end + 1);
// - otherwise by precision: Day [start, start+1); Week [start, start+7);
//   Month: the calendar month containing start; Year: the calendar year containing start.
TimeRange eventSpan(QDate start, std::optional<QDate> lastDay, DatePrecision precision);

// Parses an ISO 8601 date (YYYY-MM-DD, also YYYY-MM and YYYY, which imply month and year
// precision) without looking at the locale. Empty on failure.
struct ParsedDate {
    QDate date;
    std::optional<DatePrecision> impliedPrecision;
};
std::optional<ParsedDate> parseIsoDate(const QString& text);

} // namespace borderlens
