#pragma once

#include "incidents/import/field_row.h"
#include "incidents/incident_columns.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <string_view>

namespace borderlens::rowvalues {

// Locale-independent number parsing: '.' is the decimal point whatever the user's locale, since
// data files are exchanged across locales. Empty text gives nullopt with ok = true; infinite and
// NaN values are not numbers.
std::optional<double> parseNumber(std::string_view text, bool& ok);
// A whole number; "3.0" (from spreadsheets that store everything as reals) counts as 3.
std::optional<int> parseWhole(std::string_view text, bool& ok);

// Reads a lon/lat pair of columns: both empty sets `missing`; one empty, a value that is not a
// number, or one out of range is an error message naming the column and the value.
std::optional<QString> readCoordinates(const FieldRow& row, int lonColumn, int latColumn,
                                       const char* lonName, const char* latName, double& lon,
                                       double& lat, bool& missing);

// A count column that may be empty (left at `out`'s unknown value); an error message if it is
// not a whole number >= 0.
std::optional<QString> readCount(const FieldRow& row, int column, const char* name,
                                 std::int32_t& out);

// Appends the actors of `list` to `joined` (IncidentColumns::kActorSeparator between names):
// the list split at ';' when `split`, each name trimmed, empty names dropped.
void appendActors(std::string& joined, std::string_view list, bool split);

// An incident's days as a half-open span of Julian days: [start, lastDay + 1) when the last day
// is known, else the day, week, calendar month or calendar year that `precision` says.
void setSpan(IncidentColumns::Row& row, std::int32_t start, std::optional<std::int32_t> lastDay,
             DatePrecision precision);

// Country names and ISO numeric codes of the region to ISO 3166-1 alpha-2; the text itself,
// upper-cased, if it is already two letters (written to `buffer`); empty if unknown.
std::string_view countryIso2(std::string_view nameOrCode, char (&buffer)[2]);

} // namespace borderlens::rowvalues
