#include "map/vector_map_layer.h"

#include "render/marker.h"
#include "render/render_context.h"

#include <QPainterPath>

#include <cmath>

namespace borderlens {

VectorMapLayer::VectorMapLayer(QString id, std::shared_ptr<const VectorLayer> data,
                               LayerStyle style)
    : MapLayer(std::move(id), data->name()), m_data(std::move(data)), m_style(style) {}

std::shared_ptr<VectorMapLayer> VectorMapLayer::withStyle(LayerStyle style) const {
    return std::make_shared<VectorMapLayer>(id(), m_data, style);
}

namespace {

// Appends ring r to `path` in pixels, dropping vertices that land within half a pixel of the
// previous one: a zoomed-out country outline has thousands of vertices per pixel column.
void addRing(QPainterPath& path, const GeometryColumns& g, std::uint32_t r,
             const MapViewport& vp, bool close) {
    bool started = false;
    QPointF last;
    const std::uint32_t v0 = g.ringOffsets[r];
    const std::uint32_t v1 = g.ringOffsets[r + 1];
    for (std::uint32_t v = v0; v < v1; ++v) {
        const double x = g.xy[2 * v];
        const double y = g.xy[2 * v + 1];
        if (std::isnan(x) || std::isnan(y))
            continue;
        const QPointF p = vp.toPixel(x, y);
        if (!started) {
            path.moveTo(p);
            started = true;
            last = p;
        } else if (v + 1 == v1 || std::abs(p.x() - last.x()) + std::abs(p.y() - last.y()) >= 0.5) {
            path.lineTo(p);
            last = p;
        }
    }
    if (started && close)
        path.closeSubpath();
}

} // namespace

void VectorMapLayer::render(RenderContext& ctx) const {
    auto projected = m_data->projected(ctx.crs());
    if (!projected)
        return; // the layer cannot be shown in this CRS; the app reported it when it was added
    const GeometryColumns& g = *projected.value();
    const MapViewport& vp = ctx.viewport();
    const Extent visible = vp.visibleExtent();
    // Markers and line widths cover a few pixels beyond a feature's extent.
    const double margin = vp.unitsPerPixel() * ctx.mmToPixels(m_style.markerSizeMm + 1.0);
    const Extent cullBox{visible.xMin - margin, visible.yMin - margin, visible.xMax + margin,
                         visible.yMax + margin};

    QPainter& p = ctx.painter();
    QPen pen(m_style.stroke, std::max(0.5, ctx.mmToPixels(m_style.strokeWidthMm)),
             m_style.strokeStyle, Qt::RoundCap, Qt::RoundJoin);
    const Marker marker(m_style.marker, ctx.mmToPixels(m_style.markerSizeMm));

    for (std::size_t f = 0; f < g.featureCount(); ++f) {
        if ((f & 1023) == 0 && ctx.cancelled())
            return;
        if (!g.featureExtents[f].intersects(cullBox))
            continue;
        QPainterPath area;
        area.setFillRule(Qt::OddEvenFill);
        QPainterPath lines;
        for (std::uint32_t part = g.featureOffsets[f]; part < g.featureOffsets[f + 1]; ++part) {
            const std::uint32_t r0 = g.partOffsets[part];
            const std::uint32_t r1 = g.partOffsets[part + 1];
            switch (g.partKinds[part]) {
            case PartKind::Polygon:
                for (std::uint32_t r = r0; r < r1; ++r)
                    addRing(area, g, r, vp, true);
                break;
            case PartKind::Line:
                addRing(lines, g, r0, vp, false);
                break;
            case PartKind::Point: {
                const std::uint32_t v = g.ringOffsets[r0];
                const double x = g.xy[2 * v];
                const double y = g.xy[2 * v + 1];
                if (!std::isnan(x) && !std::isnan(y))
                    marker.draw(p, vp.toPixel(x, y), m_style.fill, m_style.stroke, pen.widthF());
                break;
            }
            }
        }
        if (!area.isEmpty()) {
            p.setPen(pen);
            p.setBrush(m_style.fill);
            p.drawPath(area);
        }
        if (!lines.isEmpty()) {
            p.setPen(pen);
            p.setBrush(Qt::NoBrush);
            p.drawPath(lines);
        }
    }
}

} // namespace borderlens
