#pragma once

#include "incidents/incident.h"
#include "util/result.h"

#include <QString>

#include <utility>
#include <vector>

namespace borderlens {

// A record as named text fields, in a fixed order: the one form the store writes to its
// tables, compares to log what an edit changed, and shows as before/after values in the edit
// log. Dates are ISO 8601, enums their keys, numbers in C locale, a missing value empty.
using RecordFields = std::vector<std::pair<QString, QString>>;

// The incident's own columns (sources are rows of their own table; see sourcesText()).
RecordFields incidentFields(const Incident& incident);
RecordFields facilityFields(const Facility& facility);

// Back from the text: an Error names the first field that does not parse.
Result<Incident> incidentFromFields(const RecordFields& fields);
Result<Facility> facilityFromFields(const RecordFields& fields);

// The sources in one line, for the edit log: "title | outlet | date | url" joined by " ;; ".
QString sourcesText(const std::vector<SourceRef>& sources);

// The value of `name` in `fields`, or an empty string.
QString fieldValue(const RecordFields& fields, const QString& name);

// What changed from `before` to `after`: (field, old, new) for each field whose text differs.
struct FieldChange {
    QString field;
    QString before;
    QString after;
};
std::vector<FieldChange> changedFields(const RecordFields& before, const RecordFields& after);

// A whole record as compact JSON, for the log of an addition or a deletion (so a deleted
// incident can be read back from the log).
QString fieldsJson(const RecordFields& fields);

} // namespace borderlens
