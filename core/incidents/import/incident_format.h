#pragma once

#include "incidents/import/import_report.h"
#include "incidents/import/table_row.h"
#include "util/result.h"

#include <QString>

#include <memory>
#include <optional>

namespace borderlens {

enum class IncidentFormat { Auto, Native, NativeFacilities, Acled, Ucdp };

QString toString(IncidentFormat f);
std::optional<IncidentFormat> incidentFormatFromString(const QString& s);
// Recognises a format from a header row; Auto if none fits.
IncidentFormat detectFormat(const ColumnMap& header);

// Turns one row into an incident (or a facility for NativeFacilities). A row that names a place
// but has no coordinates comes back with `needsGeocoding` set and the place in `incident.place`.
struct ParsedRow {
    std::optional<Incident> incident;
    std::optional<Facility> facility;
    bool needsGeocoding = false;
};

class RowParser {
public:
    virtual ~RowParser() = default;
    // An error message (no file or line: the caller adds them) or the parsed row.
    virtual Result<ParsedRow> parse(const TableRow& row) const = 0;
    // Columns the format needs; a header lacking one is refused before any row is read.
    virtual QStringList requiredColumns() const = 0;
};

std::unique_ptr<RowParser> makeRowParser(IncidentFormat format);

} // namespace borderlens
