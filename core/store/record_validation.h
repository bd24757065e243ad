#pragma once

#include "incidents/incident.h"

#include <QString>

#include <vector>

namespace borderlens {

// One thing wrong with a record about to be saved, named by its field so a form can put the
// message beside the field and the CLI can name the flag.
struct FieldProblem {
    QString field;   // the store's field name ("start_date", "killed_high", …)
    QString message; // a sentence for the user
};

// What would make `incident` wrong to save: a missing or future date, an end before the start,
// a position off the globe, casualty figures that contradict each other, a source without a
// title or outlet. Empty when it can be saved. `today` is the day it is checked on (tests pass
// their own).
std::vector<FieldProblem> validateIncident(const Incident& incident, const QDate& today);
std::vector<FieldProblem> validateFacility(const Facility& facility, const QDate& today);

} // namespace borderlens
