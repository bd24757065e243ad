#include "render/map_labels.h"

#include "geo/geodesy.h"
#include "labels/label_placer.h"
#include "labels/place_names.h"

namespace borderlens {

std::shared_ptr<const LabelPlacement> placeMapLabels(const MapSettings& settings,
                                                     const MapViewport& viewport,
                                                     const std::atomic<bool>* cancel) {
    LabelContext ctx;
    ctx.viewport = viewport;
    ctx.crs = settings.crs;
    ctx.dpi = settings.dpi;
    ctx.scale = scaleDenominator(viewport, settings.crs, settings.dpi).value_or(0.0);
    LabelInputs inputs;
    inputs.obstacles = settings.labelObstacles;
    if (settings.labels) {
        for (const auto& layer : settings.layers)
            layer->collectLabels(ctx, inputs);
        if (settings.placeNames)
            settings.placeNames->collect(ctx, inputs);
    }
    if (cancel && cancel->load(std::memory_order_relaxed))
        return nullptr;
    auto placed = std::make_shared<LabelPlacement>(placeLabels(
        std::move(inputs), QRectF(QPointF(0, 0), viewport.outputSize()), settings.dpi, cancel));
    if (cancel && cancel->load(std::memory_order_relaxed))
        return nullptr;
    return placed;
}

std::shared_ptr<const LabelPlacement> LabelCache::placement(const MapSettings& settings,
                                                            const MapViewport& viewport,
                                                            const std::atomic<bool>* cancel) {
    Key key{settings.labels ? settings.layers : decltype(settings.layers){},
            settings.labels ? settings.placeNames : nullptr,
            settings.crs.definition(),
            viewport.centerX(),
            viewport.centerY(),
            viewport.unitsPerPixel(),
            viewport.outputSize(),
            settings.dpi,
            settings.labelObstacles};
    if (m_value && key == m_key)
        return m_value;
    auto placed = placeMapLabels(settings, viewport, cancel);
    if (!placed)
        return nullptr;
    ++m_placements;
    m_key = std::move(key);
    m_value = placed;
    return placed;
}

void LabelCache::draw(QPainter& painter, const std::shared_ptr<const LabelPlacement>& placed,
                      const TimeRange& window, QSize size) {
    if (!placed)
        return;
    if (m_pictureOf != placed || m_picture.size() != size) {
        m_picture = QImage(size, QImage::Format_ARGB32_Premultiplied);
        m_picture.fill(Qt::transparent);
        QPainter p(&m_picture);
        placed->draw(p, TimeRange::all(), LabelPlacement::Which::Timeless);
        m_pictureOf = placed;
    }
    painter.drawImage(QPointF(0, 0), m_picture);
    placed->draw(painter, window, LabelPlacement::Which::TimeBound);
}

} // namespace borderlens
