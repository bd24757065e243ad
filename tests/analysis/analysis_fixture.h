#pragma once

#include "analysis/derived_facts.h"
#include "incidents/incident.h"
#include "layer/vector_layer.h"

#include <memory>
#include <vector>

namespace borderlens::test {

// A row of `count` unit squares [i, i + 1] × [0, 1] (lon/lat degrees near the equator), named
// "D0", "D1", … with a "province" field: "P1" for the first `firstProvince` of them, "P2" after.
std::shared_ptr<const VectorLayer> squareDistricts(int count, int firstProvince);
// Two countries side by side: TJK over lon [−1, 4], AFG over lon [4, 9], lat [−1, 2].
std::shared_ptr<const VectorLayer> twoCountries();
// The inputs of those: the squares, the two countries, and a border along lon 4.
AnalysisInputs squareInputs(int count, int firstProvince);

// An incident on `day` (Julian) at (lon, lat), killed `killed`, of `type`.
Incident incidentAt(const QString& id, std::int64_t day, double lon, double lat, int killed = 0,
                    IncidentType type = IncidentType::ArmedClash);

} // namespace borderlens::test
