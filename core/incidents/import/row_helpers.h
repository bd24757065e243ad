#pragma once

#include "incidents/import/incident_format.h"

#include <QDate>

namespace borderlens::rowhelpers {

// Reads lon/lat columns into the incident; a missing pair sets needsGeocoding, a bad or
// out-of-range value is an error.
std::optional<QString> readCoordinates(const TableRow& row, const QString& lonColumn,
                                       const QString& latColumn, double& lon, double& lat,
                                       bool& missing);

// An integer column that may be empty; an error message if it is not a whole number >= 0.
std::optional<QString> readCount(const TableRow& row, const QString& column,
                                 std::optional<int>& out);

// Dates as data sources write them: ISO 8601 (with or without a time), "24 December 2025",
// "24-December-2025", "24 Dec 2025", "December 24, 2025". English month names whatever the
// locale. Never numeric day/month orders (07/05/2021), which are ambiguous.
std::optional<QDate> parseFlexibleDate(const QString& text);

// Country names and ISO numeric codes of the region to ISO 3166-1 alpha-2; the text itself if
// it is already two letters; empty if unknown.
QString countryToIso2(const QString& nameOrCode);

} // namespace borderlens::rowhelpers
