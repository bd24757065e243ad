#pragma once

#include "render/map_settings.h"

#include <QImage>

#include <atomic>

namespace borderlens {

class RenderCache;

// Draws a map onto any QPaintDevice: the one drawing path for the screen and every export.
// Stateless and re-entrant: render threads each call it with their own settings (and their own
// RenderCache, if any).
class MapRenderer {
public:
    // Draws `settings` into the rectangle (0, 0, outputSize) of the painter's current coordinate
    // system; callers that place a map frame on a page translate and clip the painter first.
    // `cancel`, when given and set, stops between layers and features. With a `cache`, runs of
    // static layers come from pictures drawn in earlier frames when the view and layers allow
    // (see RenderCache): the same picture, drawn faster. Vector and scaled painters ignore it.
    static void render(QPainter& painter, const MapSettings& settings,
                       const std::atomic<bool>* cancel = nullptr, RenderCache* cache = nullptr);

    // Convenience: renders into a new ARGB32 image of settings.outputSize.
    static QImage renderImage(const MapSettings& settings,
                              const std::atomic<bool>* cancel = nullptr,
                              RenderCache* cache = nullptr);
};

} // namespace borderlens
