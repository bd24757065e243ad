#include "map/vector_map_layer.h"

#include "labels/area_anchors.h"
#include "labels/label_field.h"
#include "labels/label_placement.h"

#include <QFontMetricsF>

#include <cmath>

namespace borderlens {
namespace {

// Label sizes by what is named: countries large in spaced capitals, areas (districts) small and
// grey so they read as a second level, water italic blue, points dark.
LabelTextStyle styleFor(PartKind kind, const LayerStyle& layer) {
    LabelTextStyle s;
    switch (kind) {
    case PartKind::Polygon:
        if (layer.labelCapitals) {
            s.sizePt = 11;
            s.capitals = true;
            s.colour = QColor(0x6b, 0x60, 0x52);
        } else {
            s.sizePt = 7;
            s.colour = QColor(0x58, 0x58, 0x58);
        }
        break;
    case PartKind::Line:
        s.sizePt = 7.5;
        s.italic = true;
        s.colour = QColor(0x1f, 0x5f, 0xa8);
        break;
    case PartKind::Point:
        s.sizePt = 7;
        break;
    }
    return s;
}

double priorityFor(PartKind kind, const LayerStyle& layer) {
    switch (kind) {
    case PartKind::Polygon:
        return layer.labelCapitals ? 100 : 57; // districts before their seats: an area has fewer places to go
    case PartKind::Line:
        return 60;
    case PartKind::Point:
        return 30;
    }
    return 0;
}

} // namespace

int VectorMapLayer::labelFieldIndex() const {
    const auto& fields = m_data->attributes().fields();
    if (m_style.labelField >= 0 && std::size_t(m_style.labelField) < fields.size())
        return m_style.labelField;
    QStringList names;
    for (const auto& f : fields)
        names << f.name;
    return guessLabelField(names);
}

void VectorMapLayer::collectLabels(const LabelContext& ctx, LabelInputs& out) const {
    auto drawable = m_data->drawable(ctx.crs);
    if (!drawable)
        return;
    const DrawableGeometry& d = *drawable.value();
    const GeometryColumns& g = *d.columns;
    const MapViewport& vp = ctx.viewport;
    const QRectF frame(QPointF(0, 0), vp.outputSize());
    const Extent visible = vp.visibleExtent();
    // Names a temporal layer's features only while they are drawn, which is per time step:
    // such layers are not named (placement is made once per view).
    const int field = m_style.labels && !m_times ? labelFieldIndex() : -1;
    const double markerRadius = ctx.mmToPixels(m_style.markerSizeMm) / 2;
    // A coarser line than the one drawn is plenty to place names along or inside.
    const float tolerance = static_cast<float>(2.0 * vp.unitsPerPixel());
    const AttributeTable& attrs = m_data->attributes();
    const FeatureClasses* classes = m_classes.get();

    auto ringPixels = [&](std::uint32_t r) {
        std::vector<QPointF> pts;
        for (std::uint32_t v = g.ringOffsets[r]; v < g.ringOffsets[r + 1]; ++v) {
            if (!(d.tolerances[v] > tolerance) && v != g.ringOffsets[r] &&
                v + 1 != g.ringOffsets[r + 1])
                continue;
            const double x = g.xy[2 * v], y = g.xy[2 * v + 1];
            if (!std::isnan(x) && !std::isnan(y))
                pts.push_back(vp.toPixel(x, y));
        }
        return pts;
    };

    for (std::size_t f = 0; f < g.featureCount(); ++f) {
        if (!g.featureExtents[f].intersects(visible))
            continue;
        if (classes) {
            const std::uint16_t c = classes->classOf(f);
            if (c == FeatureClasses::kNone || !m_style.classVisible(c))
                continue;
        }
        const QString text =
            field >= 0 ? attrs.value(f, std::size_t(field)).toString().trimmed() : QString();
        LabelRequest areaRequest;
        std::vector<AreaAnchor> bestAnchors;
        double bestClearance = 0;
        for (std::uint32_t part = g.featureOffsets[f]; part < g.featureOffsets[f + 1]; ++part) {
            const PartKind kind = g.partKinds[part];
            const std::uint32_t r0 = g.partOffsets[part], r1 = g.partOffsets[part + 1];
            if (kind == PartKind::Point) {
                const std::uint32_t v = g.ringOffsets[r0];
                const QPointF at = vp.toPixel(g.xy[2 * v], g.xy[2 * v + 1]);
                if (std::isnan(at.x()) || !frame.contains(at))
                    continue;
                out.obstacles.push_back(QRectF(at.x() - markerRadius, at.y() - markerRadius,
                                               2 * markerRadius, 2 * markerRadius));
            }
            if (text.isEmpty())
                continue;
            LabelRequest r;
            r.text = text;
            r.style = styleFor(kind, m_style);
            r.priority = priorityFor(kind, m_style);
            switch (kind) {
            case PartKind::Point:
                r.shape = LabelShape::Point;
                r.points = {vp.toPixel(g.xy[2 * g.ringOffsets[r0]], g.xy[2 * g.ringOffsets[r0] + 1])};
                r.symbolRadiusPx = markerRadius;
                out.requests.push_back(std::move(r));
                break;
            case PartKind::Line:
                r.shape = LabelShape::Line;
                r.repeatPx = ctx.mmToPixels(110);
                for (auto& run : visibleRuns(ringPixels(r0), frame)) {
                    LabelRequest piece = r;
                    piece.points = std::move(run);
                    out.requests.push_back(std::move(piece));
                }
                break;
            case PartKind::Polygon: {
                std::vector<std::vector<QPointF>> rings;
                for (std::uint32_t ring = r0; ring < r1; ++ring)
                    rings.push_back(ringPixels(ring));
                auto anchors = areaAnchors(rings, frame);
                // One name per feature: in the part of it that shows most room.
                if (!anchors.empty() && anchors.front().clearancePx > bestClearance) {
                    bestClearance = anchors.front().clearancePx;
                    bestAnchors = std::move(anchors);
                    areaRequest = std::move(r);
                }
                break;
            }
            }
        }
        if (bestAnchors.empty())
            continue;
        // Scale dependence comes from the area itself: an area too small on the output to hold
        // its name is not named (districts at a continent's scale).
        const QFontMetricsF fm(labelFont(areaRequest.style, ctx.dpi));
        if (bestClearance * 2 < fm.height() * 1.2)
            continue;
        areaRequest.shape = LabelShape::Area;
        // Larger areas first among equals: the country filling the view before a sliver.
        areaRequest.priority += std::min(1.0, bestClearance / 1000.0);
        for (const AreaAnchor& a : bestAnchors)
            areaRequest.points.push_back(a.at);
        out.requests.push_back(std::move(areaRequest));
    }
}

} // namespace borderlens
