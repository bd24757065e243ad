#include "render/map_labels.h"

#include "geo/geodesy.h"
#include "labels/label_placer.h"
#include "labels/place_names.h"

#include <QRegion>

#include <cmath>

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

ShownNames LabelCache::placement(const MapSettings& settings, const MapViewport& viewport,
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
        return {m_value, {}};
    if (m_value && settings.interacting) {
        // The same names, moved with the map: a map point drawn at pixel p in the placed view
        // is now at p + offset (pixel y runs south).
        // The canvas recomputes the resolution from an extent, so a pan may change its last bits.
        Key moved = key;
        moved.cx = m_key.cx;
        moved.cy = m_key.cy;
        if (std::abs(key.upp - m_key.upp) <= 1e-9 * m_key.upp)
            moved.upp = m_key.upp;
        if (moved == m_key)
            return {m_value, QPointF((m_key.cx - key.cx) / key.upp, (key.cy - m_key.cy) / key.upp)};
    }
    auto placed = placeMapLabels(settings, viewport, cancel);
    if (!placed)
        return {};
    ++m_placements;
    m_key = std::move(key);
    m_value = placed;
    return {placed, {}};
}

void LabelCache::draw(QPainter& painter, const ShownNames& names, const TimeRange& window,
                      QSize size) {
    if (!names)
        return;
    const auto& placed = names.placed;
    if (m_pictureOf != placed || m_picture.size() != size) {
        m_picture = QImage(size, QImage::Format_ARGB32_Premultiplied);
        m_picture.fill(Qt::transparent);
        QPainter p(&m_picture);
        placed->draw(p, TimeRange::all(), LabelPlacement::Which::Timeless, &m_halos);
        m_pictureOf = placed;
        // Names cover a few per cent of a view: blending just their boxes (halos and
        // antialiasing included) instead of the whole picture is most of a time step's saving.
        QRegion inked;
        for (const PlacedLabel& l : placed->labels) {
            if (!l.when.isAll())
                continue;
            const double margin = l.haloPx + 2;
            inked += l.bounds.adjusted(-margin, -margin, margin, margin).toAlignedRect();
            if (l.dot) {
                const double r = l.dotRadiusPx * 1.2 + 2; // the dot and its white ring
                inked += QRectF(*l.dot - QPointF(r, r), QSizeF(2 * r, 2 * r)).toAlignedRect();
            }
        }
        inked &= m_picture.rect();
        m_inked.assign(inked.begin(), inked.end());
    }
    const QPoint shift = names.offset.toPoint();
    for (const QRect& r : m_inked)
        painter.drawImage(r.topLeft() + shift, m_picture, r);
    if (names.offset.isNull()) {
        placed->draw(painter, window, LabelPlacement::Which::TimeBound);
        return;
    }
    painter.save();
    painter.translate(shift);
    placed->draw(painter, window, LabelPlacement::Which::TimeBound);
    painter.restore();
}

} // namespace borderlens
