#pragma once

#include "render/layer_style.h"

#include <QPainter>
#include <QPainterPath>

namespace borderlens {

// A point symbol of a given shape and size in pixels, built once and stamped at each point.
class Marker {
public:
    Marker(MarkerShape shape, double sizePx);
    void draw(QPainter& p, QPointF at, const QColor& fill, const QColor& stroke,
              double strokeWidthPx) const;
    const QPainterPath& path() const { return m_path; }

private:
    QPainterPath m_path; // centred on (0, 0)
    bool m_filled = true;
};

} // namespace borderlens
