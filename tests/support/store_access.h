#pragma once

#include "incidents/import/import_report.h"

#include <gtest/gtest.h>

#include <vector>

namespace borderlens::test {

// The incident with this id in the report's store (a failed expectation and an empty incident
// when there is none).
inline Incident incidentById(const ImportReport& report, const QString& id) {
    const int i = report.store->indexOf(id);
    EXPECT_GE(i, 0) << "no incident " << id.toStdString();
    return i >= 0 ? report.store->incident(static_cast<std::size_t>(i)) : Incident{};
}

// Every incident of a store, in store order (by start, then id).
inline std::vector<Incident> allIncidents(const IncidentStore& store) {
    std::vector<Incident> out;
    for (std::size_t i = 0; i < store.size(); ++i)
        out.push_back(store.incident(i));
    return out;
}

} // namespace borderlens::test
