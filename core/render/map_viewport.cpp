#include "render/map_viewport.h"

#include <algorithm>

namespace borderlens {

MapViewport::MapViewport(double centerX, double centerY, double unitsPerPixel, QSizeF outputSize)
    : m_cx(centerX), m_cy(centerY), m_upp(unitsPerPixel), m_size(outputSize) {}

MapViewport MapViewport::fitting(const Extent& extent, QSizeF outputSize) {
    if (extent.isEmpty() || outputSize.isEmpty())
        return {};
    const double upp = std::max(extent.width() / outputSize.width(),
                                extent.height() / outputSize.height());
    return {extent.centerX(), extent.centerY(), upp > 0 ? upp : 1.0, outputSize};
}

Extent MapViewport::visibleExtent() const {
    const QPointF a = toMap({0, 0});
    const QPointF b = toMap({m_size.width(), m_size.height()});
    return Extent::fromCorners(a.x(), a.y(), b.x(), b.y());
}

} // namespace borderlens
