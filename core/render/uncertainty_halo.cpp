#include "render/uncertainty_halo.h"

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
    p.setBrush(fill);
    p.drawEllipse(at, r, r);
}

} // namespace borderlens
