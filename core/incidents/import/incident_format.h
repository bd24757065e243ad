#pragma once

#include "incidents/import/field_row.h"
#include "incidents/incident.h"
#include "incidents/incident_columns.h"
#include "util/result.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <string>

namespace borderlens {

enum class IncidentFormat { Auto, Native, NativeFacilities, Acled, Ucdp };

inline constexpr std::array<EnumKey<IncidentFormat>, 5> kIncidentFormatKeys{{
    {IncidentFormat::Auto, "auto"},
    {IncidentFormat::Native, "native"},
    {IncidentFormat::NativeFacilities, "native-facilities"},
    {IncidentFormat::Acled, "acled"},
    {IncidentFormat::Ucdp, "ucdp"},
}};
inline QString toString(IncidentFormat f) { return keyString(kIncidentFormatKeys, f); }
inline std::optional<IncidentFormat> incidentFormatFromString(const QString& s) {
    return enumFromKey(kIncidentFormatKeys, s);
}
// Recognises a format from a header row; Auto if none fits.
IncidentFormat detectFormat(const ColumnMap& header);

// One incident row as a parser leaves it: the values for IncidentColumns, with the storage that
// computed text (ids, joined actors) needs. Reused from row to row, so parsing allocates nothing
// once warm.
struct ParsedIncident {
    IncidentColumns::Row row;
    // The row names a place but gives no coordinates: the importer geocodes row.place.
    bool needsGeocoding = false;
    // The row has no id of its own: it gets "row-<line>".
    bool idFromLine = false;

    std::string id, actors, summary, sourceTitle;
    std::vector<IncidentColumns::Row::Source> sources;
    char countryBuffer[2] = {};
    void clear();
};

// Turns rows of one format into incidents. bind() resolves the columns once per file; parse()
// is then const and safe to call from several threads at once.
class IncidentRowParser {
public:
    virtual ~IncidentRowParser() = default;
    // Columns the format needs; a header lacking one is refused before any row is read.
    virtual QStringList requiredColumns() const = 0;
    virtual void bind(const ColumnMap& columns) = 0;
    // nullopt when `out` holds the row; else why it is rejected (no file or line: the caller adds
    // them). Views in out.row point into `row`'s fields or into `out`.
    virtual std::optional<QString> parse(const FieldRow& row, ParsedIncident& out) const = 0;
};

// Outposts and facilities (the native facilities schema): few rows, kept as values.
class FacilityRowParser {
public:
    QStringList requiredColumns() const { return {QStringLiteral("name"), QStringLiteral("kind")}; }
    void bind(const ColumnMap& columns);
    // The facility, and whether it needs geocoding (no coordinates); or why it is rejected.
    Result<std::pair<Facility, bool>> parse(const FieldRow& row) const;

private:
    struct Columns;
    std::shared_ptr<const Columns> m_columns;
};

std::unique_ptr<IncidentRowParser> makeRowParser(IncidentFormat format);

} // namespace borderlens
