#pragma once

#include "incidents/incident.h"

#include <vector>

namespace borderlens::bench {

// A seeded, reproducible set of `count` incidents spread over five years (2021–2025) along the
// border region, with the precision mix real data has: most dated to the day, some to the week,
// month or year, and a few with multi-day spans.
std::vector<Incident> syntheticIncidents(std::size_t count, unsigned seed = 42);

} // namespace borderlens::bench
