#include "render/uncertainty_halo.h"

#include <algorithm>

namespace borderlens {

void drawUncertaintyHalo(RenderContext& ctx, QPointF at, GeoPrecision precision, QColor colour,
                         Qt::PenStyle style, double minRadiusPx) {
    const double mpp = ctx.metresPerPixel();
    if (precision == GeoPrecision::Exact || mpp <= 0)
        return;
    const double r = uncertaintyRadiusMetres(precision) / mpp;
    if (r <= minRadiusPx)
        return;
    QColor fill = colour;
    fill.setAlpha(24);
    QColor edge = colour;
    edge.setAlpha(140);
    QPainter& p = ctx.painter();
    p.setPen(QPen(edge, ctx.mmToPixels(0.25), style));
    // A halo wider than a fraction of the view is drawn as its outline alone: zoomed in, a few
    // overlapping 25–75 km tints would otherwise fill the map and hide what is under them.
    const QSizeF view = ctx.viewport().outputSize();
    p.setBrush(2 * r > kHaloOutlineOnlyFraction * std::min(view.width(), view.height())
                   ? QBrush(Qt::NoBrush)
                   : QBrush(fill));
    p.drawEllipse(at, r, r);
}

} // namespace borderlens
