#pragma once

#include "map/legend_entry.h"
#include "render/map_settings.h"

namespace borderlens {

// The legend context for what `settings` draws: its window and its view (CRS, visible extent,
// size, dpi and ground scale), so a legend names exactly what the map shows.
// `complete`: see LegendContext::complete.
LegendContext legendContextFor(const MapSettings& settings, bool complete = false);

} // namespace borderlens
