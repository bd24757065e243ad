#pragma once

#include "geo/crs.h"
#include "geo/extent.h"

#include <QDate>
#include <QString>
#include <optional>

namespace borderlens::cli {

// Option values as the commands take them, parsed in one place so `export`, `frames` and
// `project create` accept exactly the same text.

// Splits "--name=value" into its name and value (true); leaves other arguments alone (false).
bool splitInlineValue(QString& name, QString& value);

// YYYY-MM-DD.
std::optional<QDate> parseDate(const QString& text);
// "minlon,minlat,maxlon,maxlat" in degrees; `why` says what is wrong.
std::optional<Extent> parseExtent(const QString& text, QString& why);
// "EPSG:NNNN" (or the bare number) naming a 2D geographic or projected CRS PROJ knows.
std::optional<Crs> resolveCrs(const QString& text);

} // namespace borderlens::cli
