#pragma once

#include "incidents/import/import_report.h"
#include "util/result.h"

#include <QString>

namespace borderlens::test {

// An import's outcome as text, field by field: counts, warnings, rejected rows (line and reason),
// then every incident in store order and every facility. Two imports that dump alike loaded the
// same thing.
QString dump(const Result<ImportReport>& result);

} // namespace borderlens::test
