#pragma once

#include "incidents/incident.h"

namespace borderlens::test {

// This morning's incident as an analyst logs it: a shoot-out in Shamsiddin Shohin with one
// source, a casualty range and two actors.
Incident morningIncident();
// A new border outpost opened on 24 December 2025.
Facility newOutpost();

} // namespace borderlens::test
