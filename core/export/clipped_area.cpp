#include "export/clipped_area.h"

namespace borderlens {

void paintClipped(QPainter& page, const QRectF& area, const AreaContent& content) {
    page.save();
    page.translate(area.topLeft());
    page.setClipRect(QRectF(QPointF(0, 0), area.size()), Qt::IntersectClip);
    content(page);
    page.restore();
}

} // namespace borderlens
