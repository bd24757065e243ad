#include "map/vector_map_layer.h"

#include "geo/point_in_polygon.h"
#include "render/area_filler.h"
#include "render/layer_opacity.h"
#include "render/marker.h"
#include "render/pixel_rings.h"
#include "render/render_context.h"
#include "render/stroke_painter.h"

#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <limits>

namespace borderlens {

VectorMapLayer::VectorMapLayer(QString id, std::shared_ptr<const VectorLayer> data,
                               LayerStyle style, QString title, QStringList attributions)
    : MapLayer(std::move(id), title.isEmpty() ? data->name() : title), m_data(std::move(data)),
      m_style(std::move(style)), m_attributions(std::move(attributions)) {
    classify();
}

void VectorMapLayer::classify() {
    m_classes = m_style.renderer == RendererKind::Single
                    ? nullptr
                    : std::make_shared<const FeatureClasses>(m_style, m_data->attributes());
}

std::shared_ptr<VectorMapLayer> VectorMapLayer::withStyle(LayerStyle style) const {
    auto copy = std::make_shared<VectorMapLayer>(*this);
    copy->m_style = std::move(style);
    copy->classify();
    return copy;
}

std::shared_ptr<VectorMapLayer> VectorMapLayer::withTimeField(int field) const {
    auto copy = std::make_shared<VectorMapLayer>(*this); // shares the classes: same style
    copy->m_times = nullptr;
    if (field >= 0 && static_cast<std::size_t>(field) < m_data->attributes().fieldCount())
        copy->m_times = FeatureTimes::fromField(m_data->attributes(), field);
    return copy;
}

DrawRank VectorMapLayer::drawRank() const {
    switch (m_data->dominantKind()) {
    case PartKind::Polygon:
        return DrawRank::Areas;
    case PartKind::Line:
        return DrawRank::Lines;
    case PartKind::Point:
        break;
    }
    return DrawRank::Points;
}

namespace {

QColor faded(QColor c, double opacity) {
    c.setAlphaF(c.alphaF() * static_cast<float>(std::clamp(opacity, 0.0, 1.0)));
    return c;
}

} // namespace

std::vector<LegendEntry> VectorMapLayer::legendEntries(const LegendContext& context) const {
    const TimeRange& window = context.window;
    // What is drawn: every feature when time is off, else those in the window.
    const bool filtered = m_times && !window.isAll();
    std::vector<std::uint32_t> selected;
    if (filtered)
        m_times->index().select(window, selected);
    LegendEntry e;
    e.label = name();
    if (m_times)
        e.count = static_cast<int>(filtered ? selected.size() : m_data->featureCount());
    // The swatch follows what the layer mostly holds, faded as the layer is on the map.
    const PartKind most = m_data->dominantKind();
    e.swatch = most == PartKind::Polygon ? LegendEntry::Swatch::Area
               : most == PartKind::Line  ? LegendEntry::Swatch::Line
                                         : LegendEntry::Swatch::Marker;
    e.fill = faded(m_style.fill, m_style.opacity);
    e.stroke = faded(m_style.stroke, m_style.opacity);
    e.penStyle = m_style.strokeStyle;
    e.strokeWidthMm = m_style.strokeWidthMm;
    e.shape = m_style.marker;
    if (!m_classes)
        return {e};

    // A heading, then one line per category or range drawn, with its swatch (as QGIS's legend).
    std::vector<int> counts(static_cast<std::size_t>(m_style.rendererClasses()), 0);
    auto tally = [&](std::size_t f) {
        if (const std::uint16_t k = m_classes->classOf(f); k != FeatureClasses::kNone)
            ++counts[k];
    };
    if (filtered)
        std::for_each(selected.begin(), selected.end(), tally);
    else
        for (std::size_t f = 0; f < m_classes->featureCount(); ++f)
            tally(f);
    const auto& fields = m_data->attributes().fields();
    LegendEntry heading = e;
    heading.swatch = LegendEntry::Swatch::Heading;
    if (m_style.classField >= 0 && static_cast<std::size_t>(m_style.classField) < fields.size())
        heading.label =
            QStringLiteral("%1 — %2").arg(name(), fields[std::size_t(m_style.classField)].name);
    std::vector<LegendEntry> out{heading};
    for (int k = 0; k < m_style.rendererClasses(); ++k) {
        if (!m_style.classVisible(k))
            continue;
        LegendEntry c = e;
        c.label = m_style.classLabel(k);
        c.count = m_times ? counts[std::size_t(k)] : -1;
        const QColor colour = faded(m_style.classColour(k), m_style.opacity);
        if (e.swatch == LegendEntry::Swatch::Line)
            c.stroke = colour;
        else
            c.fill = colour;
        out.push_back(c);
    }
    return out;
}

namespace {

// Appends ring r in pixels with the vertices Douglas–Peucker needs at `tolerance` (map units; 0
// keeps every vertex). Unprojectable (NaN) vertices are skipped: they are ranked 0. A closed
// ring loses its repeated last vertex (the painter closes it).
void appendRing(PixelRings& out, const DrawableGeometry& d, double tolerance, std::uint32_t r,
                const MapViewport& vp, bool closed) {
    const GeometryColumns& g = *d.columns;
    const float* keep = d.tolerances.data();
    const double* xy = g.xy.data();
    const float t = static_cast<float>(tolerance);
    const std::size_t first = out.points.size();
    const std::uint32_t v1 = g.ringOffsets[r + 1];
    for (std::uint32_t v = g.ringOffsets[r]; v < v1; ++v) {
        if (tolerance > 0 ? !(keep[v] > t) : std::isnan(xy[2 * v]) || std::isnan(xy[2 * v + 1]))
            continue;
        out.points.push_back(vp.toPixel(xy[2 * v], xy[2 * v + 1]));
    }
    if (closed && out.points.size() > first + 1 && out.points.back() == out.points[first])
        out.points.pop_back();
    out.endRing();
}

} // namespace

void VectorMapLayer::render(RenderContext& ctx) const {
    drawWithOpacity(ctx, m_style.opacity, [this](RenderContext& c) { draw(c); });
}

void VectorMapLayer::draw(RenderContext& ctx) const {
    auto drawable = m_data->drawable(ctx.crs());
    if (!drawable)
        return; // the layer cannot be shown in this CRS; the app reported it when it was added
    const DrawableGeometry& d = *drawable.value();
    const GeometryColumns& g = *d.columns;
    const MapViewport& vp = ctx.viewport();
    const double tolerance = ctx.simplifyTolerance();
    const Extent visible = vp.visibleExtent();
    // Markers and line widths cover a few pixels beyond a feature's extent.
    const double margin = vp.unitsPerPixel() * ctx.mmToPixels(m_style.markerSizeMm + 1.0);
    const Extent cullBox{visible.xMin - margin, visible.yMin - margin, visible.xMax + margin,
                         visible.yMax + margin};

    QPainter& p = ctx.painter();
    const double penWidth = std::max(0.5, ctx.mmToPixels(m_style.strokeWidthMm));
    const QRectF output(QPointF(0, 0), vp.outputSize());
    StrokePainter stroker(p, StrokePainter::pen(m_style.stroke, penWidth, m_style.strokeStyle),
                          output);
    const Marker marker(m_style.marker, ctx.mmToPixels(m_style.markerSizeMm));
    // A categorised or graduated style: each class's colour fills areas and markers and strokes
    // lines (one pen per class, made once per frame).
    const FeatureClasses* classes = m_classes.get();
    std::vector<QColor> classFill;
    std::vector<StrokePainter> classLines;
    std::vector<char> classShown;
    for (int k = 0; classes && k < m_style.rendererClasses(); ++k) {
        classFill.push_back(m_style.classColour(k));
        classShown.push_back(m_style.classVisible(k));
        classLines.emplace_back(
            p, StrokePainter::pen(classFill.back(), penWidth, m_style.strokeStyle), output);
    }

    // A temporal layer draws only the features its window selects; others draw every feature.
    std::vector<std::uint32_t> selected;
    const bool filtered = m_times && !ctx.time().isAll();
    if (filtered)
        m_times->index().select(ctx.time(), selected);
    const std::size_t count = filtered ? selected.size() : g.featureCount();
    AreaFiller filler(p, output);
    PixelRings areas;
    PixelRings lines;
    for (std::size_t k = 0; k < count; ++k) {
        const std::size_t f = filtered ? selected[k] : k;
        if ((k & 1023) == 0 && ctx.cancelled())
            return;
        if (!g.featureExtents[f].intersects(cullBox))
            continue;
        const QColor* fill = &m_style.fill;
        StrokePainter* lineStroker = &stroker;
        if (classes) {
            const std::uint16_t c = classes->classOf(f);
            if (c == FeatureClasses::kNone || !classShown[c])
                continue; // in no class, or in one the user unticked: not drawn
            fill = &classFill[c];
            lineStroker = &classLines[c];
        }
        areas.clear();
        lines.clear();
        for (std::uint32_t part = g.featureOffsets[f]; part < g.featureOffsets[f + 1]; ++part) {
            const std::uint32_t r0 = g.partOffsets[part];
            const std::uint32_t r1 = g.partOffsets[part + 1];
            switch (g.partKinds[part]) {
            case PartKind::Polygon:
                for (std::uint32_t r = r0; r < r1; ++r)
                    appendRing(areas, d, tolerance, r, vp, true);
                break;
            case PartKind::Line:
                appendRing(lines, d, tolerance, r0, vp, false);
                break;
            case PartKind::Point: {
                const std::uint32_t v = g.ringOffsets[r0];
                const double x = g.xy[2 * v];
                const double y = g.xy[2 * v + 1];
                if (!std::isnan(x) && !std::isnan(y))
                    marker.draw(p, vp.toPixel(x, y), *fill, m_style.stroke, penWidth);
                break;
            }
            }
        }
        if (fill->alpha() > 0) // a transparent fill is no fill: Qt would rasterise it for nothing
            filler.fill(areas, *fill);
        for (int i = 0; i < areas.count(); ++i)
            stroker.strokeRing(areas.ring(i), areas.size(i));
        for (int i = 0; i < lines.count(); ++i)
            lineStroker->strokeLine(lines.ring(i), lines.size(i));
    }
}

} // namespace borderlens

namespace borderlens {
namespace {

double distanceToSegment(QPointF p, QPointF a, QPointF b) {
    const QPointF ab = b - a;
    const double len2 = QPointF::dotProduct(ab, ab);
    const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / len2, 0.0, 1.0) : 0.0;
    const QPointF c = a + t * ab;
    return std::hypot(p.x() - c.x(), p.y() - c.y());
}

// Pixel distance from the click to feature f: 0 inside a polygon, else to its nearest vertex or
// segment; infinity when it has no geometry.
double pixelDistance(const GeometryColumns& g, std::size_t f, const MapViewport& vp,
                     QPointF click) {
    const QPointF m = vp.toMap(click);
    double best = std::numeric_limits<double>::infinity();
    for (std::uint32_t part = g.featureOffsets[f]; part < g.featureOffsets[f + 1]; ++part) {
        const PartKind kind = g.partKinds[part];
        for (std::uint32_t r = g.partOffsets[part]; r < g.partOffsets[part + 1]; ++r) {
            const std::uint32_t v0 = g.ringOffsets[r], v1 = g.ringOffsets[r + 1];
            QPointF prev;
            for (std::uint32_t v = v0; v < v1; ++v) {
                const QPointF p = vp.toPixel(g.xy[2 * v], g.xy[2 * v + 1]);
                if (kind == PartKind::Point || v == v0)
                    best = std::min(best, std::hypot(p.x() - click.x(), p.y() - click.y()));
                else
                    best = std::min(best, distanceToSegment(click, prev, p));
                prev = p;
            }
        }
    }
    if (featureContainsPoint(g, f, m.x(), m.y()))
        return 0.0;
    return best;
}

QString featureTitle(const AttributeTable& attrs, std::size_t row) {
    for (const char* field : {"name", "shapeName", "NAME", "district", "title", "label", "id"}) {
        const int i = attrs.fieldIndex(QString::fromLatin1(field));
        if (i >= 0 && !attrs.value(row, static_cast<std::size_t>(i)).toString().isEmpty())
            return attrs.value(row, static_cast<std::size_t>(i)).toString();
    }
    return QStringLiteral("Feature %1").arg(row + 1);
}

} // namespace

std::vector<IdentifyResult> VectorMapLayer::identify(const IdentifyQuery& q) const {
    std::vector<IdentifyResult> out;
    auto projected = m_data->projected(q.crs);
    if (!projected)
        return out;
    const GeometryColumns& g = *projected.value();
    const double r = q.radiusPixels * q.viewport.unitsPerPixel();
    const QPointF m = q.viewport.toMap(q.pixel);
    const Extent box{m.x() - r, m.y() - r, m.x() + r, m.y() + r};
    const AttributeTable& attrs = m_data->attributes();
    const bool filtered = m_times && !q.time.isAll();
    const std::vector<std::uint32_t> inWindow =
        filtered ? m_times->index().select(q.time) : std::vector<std::uint32_t>{};
    for (std::size_t f = 0; f < g.featureCount(); ++f) {
        if (!g.featureExtents[f].intersects(box))
            continue;
        if (filtered && !std::binary_search(inWindow.begin(), inWindow.end(),
                                            static_cast<std::uint32_t>(f)))
            continue; // not drawn in this window, so not there to click
        const double d = pixelDistance(g, f, q.viewport, q.pixel);
        if (d > q.radiusPixels)
            continue;
        IdentifyResult res;
        res.layerId = id();
        res.layerName = name();
        res.title = featureTitle(attrs, f);
        res.featureKey = QString::number(f);
        res.distancePixels = d;
        for (std::size_t c = 0; c < attrs.fieldCount(); ++c)
            res.fields.emplace_back(attrs.fields()[c].name, attrs.value(f, c).toString());
        out.push_back(std::move(res));
    }
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.distancePixels < b.distancePixels; });
    return out;
}

} // namespace borderlens
