#pragma once

#include "render/map_settings.h"

#include <QImage>

#include <atomic>

namespace borderlens {

// Draws a map onto any QPaintDevice: the one drawing path for the screen and every export.
// Stateless and re-entrant: render threads each call it with their own settings.
class MapRenderer {
public:
    // Draws `settings` into the rectangle (0, 0, outputSize) of the painter's current coordinate
    // system; callers that place a map frame on a page translate and clip the painter first.
    // `cancel`, when given and set, stops between layers and features.
    static void render(QPainter& painter, const MapSettings& settings,
                       const std::atomic<bool>* cancel = nullptr);

    // Convenience: renders into a new ARGB32 image of settings.outputSize.
    static QImage renderImage(const MapSettings& settings,
                              const std::atomic<bool>* cancel = nullptr);
};

} // namespace borderlens
