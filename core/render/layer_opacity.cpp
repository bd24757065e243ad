#include "render/layer_opacity.h"

#include "render/raster_target.h"

#include <QImage>

#include <cmath>

namespace borderlens {

void drawWithOpacity(RenderContext& ctx, double opacity,
                     const std::function<void(RenderContext&)>& draw) {
    QPainter& p = ctx.painter();
    if (!(opacity > 0))
        return;
    if (opacity >= 1) {
        draw(ctx);
        return;
    }
    if (!isPixelAlignedRaster(p)) {
        p.save();
        p.setOpacity(p.opacity() * opacity);
        draw(ctx);
        p.restore();
        return;
    }
    // Painter coordinates are device pixels here (translation only), and the viewport covers
    // what is drawn: the whole output, or the band a cached picture needs.
    const QSizeF size = ctx.viewport().outputSize();
    QImage sheet(static_cast<int>(std::ceil(size.width())),
                 static_cast<int>(std::ceil(size.height())), QImage::Format_ARGB32_Premultiplied);
    if (sheet.isNull())
        return;
    sheet.fill(Qt::transparent);
    {
        QPainter sp(&sheet);
        sp.setRenderHints(p.renderHints());
        RenderContext sheetCtx = ctx.withPainter(sp);
        draw(sheetCtx);
    }
    if (ctx.cancelled())
        return;
    p.save();
    p.setOpacity(p.opacity() * opacity);
    p.drawImage(QPointF(0, 0), sheet);
    p.restore();
}

} // namespace borderlens
