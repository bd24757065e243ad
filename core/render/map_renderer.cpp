#include "render/map_renderer.h"

#include "render/map_labels.h"

#include "render/render_cache.h"
#include "render/render_context.h"

namespace borderlens {
namespace {

using LayerIt = std::vector<std::shared_ptr<const MapLayer>>::const_iterator;

// The one place layers are drawn, onto the output or into a cached picture.
void drawLayers(QPainter& painter, const MapViewport& viewport, const MapSettings& settings,
                LayerIt first, LayerIt last, const std::atomic<bool>* cancel) {
    painter.setRenderHint(QPainter::Antialiasing, true);
    RenderContext ctx(painter, viewport, settings.crs, settings.dpi, settings.time, cancel);
    ctx.setSimplifyTolerancePx(settings.simplifyTolerancePx);
    for (LayerIt it = first; it != last; ++it) {
        if (ctx.cancelled())
            break;
        painter.save();
        (*it)->render(ctx);
        painter.restore();
    }
}

bool cancelled(const std::atomic<bool>* cancel) {
    return cancel && cancel->load(std::memory_order_relaxed);
}

// Draws the static layers [first, last) from `cache`, which draws their picture when needed.
// The bottom run's picture holds the background too, so it is copied rather than blended.
void drawStaticRun(QPainter& painter, const MapViewport& view, const MapSettings& settings,
                   LayerIt first, LayerIt last, std::size_t index, RenderCache& cache,
                   const std::atomic<bool>* cancel) {
    RenderCache::RunKey key;
    key.layers.assign(first, last);
    key.crs = settings.crs.definition();
    key.size = settings.outputSize;
    key.dpi = settings.dpi;
    key.devicePixelRatio = painter.device() ? painter.device()->devicePixelRatio() : 1.0;
    key.simplifyTolerancePx = settings.simplifyTolerancePx;
    const bool bottom = first == settings.layers.begin();
    if (bottom)
        key.background = settings.background;
    cache.paint(
        painter,
        bottom ? QPainter::CompositionMode_Source : QPainter::CompositionMode_SourceOver, index,
        key, view,
        [&](QPainter& p, const MapViewport& vp) {
            drawLayers(p, vp, settings, first, last, cancel);
        },
        cancel);
}

// The view's names, placed once per view (the cache keeps them across time steps); null when
// there are none or the frame was cancelled.
ShownNames namesFor(const MapViewport& viewport, const MapSettings& settings,
                    const std::atomic<bool>* cancel, RenderCache* cache) {
    if (!settings.labels || !viewport.isValid() || cancelled(cancel))
        return {};
    return cache ? cache->labels().placement(settings, viewport, cancel)
                 : ShownNames{placeMapLabels(settings, viewport, cancel), {}};
}

} // namespace

void MapRenderer::render(QPainter& painter, const MapSettings& settings,
                         const std::atomic<bool>* cancel, RenderCache* cache) {
    const QSizeF size(settings.outputSize);
    painter.save();
    painter.setClipRect(QRectF(QPointF(0, 0), size), Qt::IntersectClip);
    const MapViewport viewport = MapViewport::fitting(settings.extent, size);
    const auto& layers = settings.layers;
    // Placed once per view (a time step reuses it), drawn over every layer.
    const auto names = namesFor(viewport, settings, cancel, cache);
    if (!cache || !viewport.isValid() || !RenderCache::canServe(painter)) {
        painter.fillRect(QRectF(QPointF(0, 0), size), settings.background);
        if (viewport.isValid())
            drawLayers(painter, viewport, settings, layers.begin(), layers.end(), cancel);
        if (names && !cancelled(cancel)) {
            // A raster export composes the names as the screen does (from a picture), so the
            // two agree to the last bit; vector outputs draw them as text.
            if (RenderCache::canServe(painter))
                LabelCache().draw(painter, names, settings.time, settings.outputSize);
            else
                names.placed->draw(painter, settings.time);
        }
        painter.restore();
        return;
    }
    // Runs of static layers come from the cache; temporal layers are drawn over them.
    if (layers.empty() || layers.front()->isTemporal())
        painter.fillRect(QRectF(QPointF(0, 0), size), settings.background);
    std::size_t runs = 0;
    for (LayerIt it = layers.begin(); it != layers.end() && !cancelled(cancel);) {
        LayerIt end = it;
        while (end != layers.end() && !(*end)->isTemporal())
            ++end;
        if (end != it) {
            drawStaticRun(painter, viewport, settings, it, end, runs++, *cache, cancel);
        } else {
            ++end;
            drawLayers(painter, viewport, settings, it, end, cancel);
        }
        it = end;
    }
    if (!cancelled(cancel))
        cache->keepRuns(runs);
    if (names && !cancelled(cancel))
        cache->labels().draw(painter, names, settings.time, settings.outputSize);
    painter.restore();
}

QImage MapRenderer::renderImage(const MapSettings& settings, const std::atomic<bool>* cancel,
                                RenderCache* cache) {
    QImage image(settings.outputSize, QImage::Format_ARGB32_Premultiplied);
    // Keep the physical size right so that a saved PNG carries its DPI.
    const int dpm = qRound(settings.dpi / 0.0254);
    image.setDotsPerMeterX(dpm);
    image.setDotsPerMeterY(dpm);
    QPainter painter(&image);
    render(painter, settings, cancel, cache);
    return image;
}

} // namespace borderlens
