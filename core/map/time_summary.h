#pragma once

#include "incidents/incident_store.h"
#include "map/layer_stack.h"
#include "time/time_range.h"

#include <memory>
#include <vector>

namespace borderlens {

// What the time slider needs to know about the loaded layers.
struct TimeSummary {
    // The span to play over: the incidents' (and date-field layers') dates widened to whole
    // months; facilities count only when there are no incidents, so a base opened in 2004 does
    // not stretch a bar of 2021–2025 incidents over twenty years. Empty when nothing has time.
    TimeRange fullRange{0, 0};
    // Days on which something starts inside that span: where "next incident" steps go.
    std::vector<std::int64_t> eventDays;
    // The incident stores, for the histogram.
    std::vector<std::shared_ptr<const IncidentStore>> incidentStores;
};

TimeSummary summarizeTime(const LayerStack& layers);

} // namespace borderlens
