#include "render/marker.h"

#include <QPolygonF>

#include <cmath>

namespace borderlens {

Marker::Marker(MarkerShape shape, double sizePx) {
    const double r = sizePx / 2.0;
    switch (shape) {
    case MarkerShape::Circle:
        m_path.addEllipse(QPointF(0, 0), r, r);
        break;
    case MarkerShape::Square:
        m_path.addRect(QRectF(-r, -r, 2 * r, 2 * r));
        break;
    case MarkerShape::Triangle: {
        // Equilateral, centred on its centroid so it sits on the point.
        const double h = r * std::sqrt(3.0);
        m_path.addPolygon(QPolygonF({{0, -r * 1.15}, {h * 0.66, r * 0.85}, {-h * 0.66, r * 0.85}}));
        m_path.closeSubpath();
        break;
    }
    case MarkerShape::Diamond:
        m_path.addPolygon(QPolygonF({{0, -r * 1.2}, {r, 0}, {0, r * 1.2}, {-r, 0}}));
        m_path.closeSubpath();
        break;
    case MarkerShape::Cross:
        m_path.moveTo(-r, -r);
        m_path.lineTo(r, r);
        m_path.moveTo(-r, r);
        m_path.lineTo(r, -r);
        m_filled = false;
        break;
    }
}

void Marker::draw(QPainter& p, QPointF at, const QColor& fill, const QColor& stroke,
                  double strokeWidthPx) const {
    p.save();
    p.translate(at);
    p.setPen(QPen(m_filled ? stroke : fill, m_filled ? strokeWidthPx : strokeWidthPx * 2.0));
    p.setBrush(m_filled ? QBrush(fill) : Qt::NoBrush);
    p.drawPath(m_path);
    p.restore();
}

} // namespace borderlens
