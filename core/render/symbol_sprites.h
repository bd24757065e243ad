#pragma once

#include "render/layer_style.h"

#include <QColor>
#include <QImage>
#include <QPainter>

namespace borderlens {

// Point symbols drawn once into small images and stamped: a frame with thousands of incident
// symbols costs an image copy each instead of an antialiased path fill. Only for raster output
// drawn without scaling; vector output (PDF, SVG) and scaled painters get the vector Marker,
// which the sprites are drawn from, so both look the same. Sprites are cached per thread.
class SymbolSprites {
public:
    // Whether stamping is equivalent to drawing on this painter.
    static bool canStamp(const QPainter& p);
    // Draws the marker centred at `at`, from a cached sprite.
    static void stamp(QPainter& p, QPointF at, MarkerShape shape, double sizePx, const QColor& fill,
                      const QColor& stroke, double strokeWidthPx);
};

} // namespace borderlens
