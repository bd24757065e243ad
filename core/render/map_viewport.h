#pragma once

#include "geo/extent.h"

#include <QPointF>
#include <QSizeF>

namespace borderlens {

// The affine map between map units (of the display CRS) and output pixels: a centre, a
// resolution (map units per pixel, the same on both axes) and the output size. y grows up on
// the map and down in pixels.
class MapViewport {
public:
    MapViewport() = default;
    MapViewport(double centerX, double centerY, double unitsPerPixel, QSizeF outputSize);
    // The smallest viewport of this output size that shows all of `extent`, centred on it.
    static MapViewport fitting(const Extent& extent, QSizeF outputSize);

    QPointF toPixel(double x, double y) const {
        return {(x - m_cx) / m_upp + m_size.width() / 2.0,
                m_size.height() / 2.0 - (y - m_cy) / m_upp};
    }
    QPointF toMap(QPointF pixel) const {
        return {m_cx + (pixel.x() - m_size.width() / 2.0) * m_upp,
                m_cy - (pixel.y() - m_size.height() / 2.0) * m_upp};
    }
    Extent visibleExtent() const;
    double centerX() const { return m_cx; }
    double centerY() const { return m_cy; }
    double unitsPerPixel() const { return m_upp; }
    QSizeF outputSize() const { return m_size; }
    bool isValid() const { return m_upp > 0 && !m_size.isEmpty(); }

private:
    double m_cx = 0;
    double m_cy = 0;
    double m_upp = 0;
    QSizeF m_size;
};

} // namespace borderlens
