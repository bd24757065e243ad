#pragma once

#include <QPaintEngine>
#include <QPainter>

#include <cmath>

namespace borderlens {

// Whether `painter` draws onto a raster device (an image, not PDF or SVG) in whole device pixels:
// no scaling or rotation, translated by whole pixels. Pixel-exact shortcuts (fills in row
// strips, cached pictures blitted) hold only there.
inline bool isPixelAlignedRaster(const QPainter& painter) {
    if (!painter.paintEngine() || painter.paintEngine()->type() != QPaintEngine::Raster)
        return false;
    const QTransform t = painter.deviceTransform();
    return t.type() <= QTransform::TxTranslate && t.dx() == std::round(t.dx()) &&
           t.dy() == std::round(t.dy());
}

} // namespace borderlens
