#include "render/legend_swatch.h"

#include "render/marker.h"

#include <algorithm>

namespace borderlens {

void drawLegendSwatch(QPainter& p, const QRectF& box, const LegendEntry& e, double pxPerMm) {
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    const double stroke = std::max(0.5, e.strokeWidthMm * pxPerMm);
    switch (e.swatch) {
    case LegendEntry::Swatch::Heading:
        break;
    case LegendEntry::Swatch::Area:
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
