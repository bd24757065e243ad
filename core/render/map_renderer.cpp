#include "render/map_renderer.h"

#include "render/render_context.h"

namespace borderlens {

void MapRenderer::render(QPainter& painter, const MapSettings& settings,
                         const std::atomic<bool>* cancel) {
    const QSizeF size(settings.outputSize);
    painter.save();
    painter.setClipRect(QRectF(QPointF(0, 0), size), Qt::IntersectClip);
    painter.fillRect(QRectF(QPointF(0, 0), size), settings.background);
    const MapViewport viewport = MapViewport::fitting(settings.extent, size);
    if (viewport.isValid()) {
        painter.setRenderHint(QPainter::Antialiasing, true);
        RenderContext ctx(painter, viewport, settings.crs, settings.dpi, settings.time, cancel);
        ctx.setSimplifyTolerancePx(settings.simplifyTolerancePx);
        for (const auto& layer : settings.layers) {
            if (ctx.cancelled())
                break;
            painter.save();
            layer->render(ctx);
            painter.restore();
        }
    }
    painter.restore();
}

QImage MapRenderer::renderImage(const MapSettings& settings, const std::atomic<bool>* cancel) {
    QImage image(settings.outputSize, QImage::Format_ARGB32_Premultiplied);
    // Keep the physical size right so that a saved PNG carries its DPI.
    const int dpm = qRound(settings.dpi / 0.0254);
    image.setDotsPerMeterX(dpm);
    image.setDotsPerMeterY(dpm);
    QPainter painter(&image);
    render(painter, settings, cancel);
    return image;
}

} // namespace borderlens
