#pragma once

#include "map/legend_entry.h"

#include <QPainter>

namespace borderlens {

// Draws the symbol of a legend entry into `box` (areas as a filled rectangle, lines as a
// stroke, markers centred), the same on screen and in exports. Headings draw nothing.
void drawLegendSwatch(QPainter& painter, const QRectF& box, const LegendEntry& entry,
                      double pixelsPerMm);

} // namespace borderlens
