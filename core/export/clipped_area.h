#pragma once

#include <QPainter>
#include <QRectF>
#include <functional>

namespace borderlens {

// Something drawn in an area's own coordinates (0, 0 at its top-left).
using AreaContent = std::function<void(QPainter&)>;

// Draws `content` into `area` of the page, clipped to it. The layout draws its map frame and
// inset through one of these: the default translates and clips the painter; the SVG exporter
// supplies its own, because QSvgGenerator (Qt 6.4) ignores clipping (see SvgClipComposer).
using ClippedAreaPainter =
    std::function<void(QPainter& page, const QRectF& area, const AreaContent& content)>;

// The default: translate to the area and clip to it.
void paintClipped(QPainter& page, const QRectF& area, const AreaContent& content);

} // namespace borderlens
