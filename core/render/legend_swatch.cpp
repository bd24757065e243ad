#include "render/legend_swatch.h"

#include "render/marker.h"

#include <QPolygonF>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace borderlens {

void drawLegendSwatch(QPainter& p, const QRectF& box, const LegendEntry& e, double pxPerMm) {
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    const double stroke = std::max(0.5, e.strokeWidthMm * pxPerMm);
    switch (e.swatch) {
    case LegendEntry::Swatch::Heading:
    case LegendEntry::Swatch::Note:
        break;
    case LegendEntry::Swatch::Area:
        if (e.hexagon) {
            // A density class: the hexagon as the map draws it.
            const double r = std::min(box.width(), box.height()) * 0.6;
            QPolygonF hex;
            for (int k = 0; k < 6; ++k) {
                const double a = (60.0 * k - 30.0) * std::numbers::pi / 180.0;
                hex << box.center() + QPointF(r * std::cos(a), r * std::sin(a));
            }
            p.setPen(Qt::NoPen);
            p.setBrush(e.fill);
            p.drawPolygon(hex);
            break;
        }
        p.setPen(QPen(e.stroke, stroke, e.penStyle));
        p.setBrush(e.fill);
        p.drawRect(box.adjusted(stroke, stroke * 2, -stroke, -stroke * 2));
        break;
    case LegendEntry::Swatch::Line:
        p.setPen(QPen(e.stroke, stroke, e.penStyle, Qt::RoundCap));
        p.drawLine(QPointF(box.left() + 1, box.center().y()),
                   QPointF(box.right() - 1, box.center().y()));
        break;
    case LegendEntry::Swatch::Marker: {
        const Marker marker(e.shape, std::min(box.width(), box.height()) * 0.75);
        if (e.hollow)
            marker.draw(p, box.center(), e.fill, e.stroke, 0.6 * pxPerMm);
        else
            marker.draw(p, box.center(), e.fill, e.stroke, 0.3 * pxPerMm);
        break;
    }
    }
    p.restore();
}

} // namespace borderlens
