#include "export/locator_inset.h"

#include "export/layout_style.h"
#include "geo/coordinate_transform.h"
#include "geo/extent_transform.h"
#include "geo/point_in_polygon.h"
#include "map/vector_map_layer.h"
#include "render/map_renderer.h"
#include "render/render_cache.h"

#include <QFileInfo>
#include <QFontMetricsF>
#include <algorithm>

namespace borderlens {

namespace {

bool isCountries(const MapLayer& layer) {
    if (const auto* v = dynamic_cast<const VectorMapLayer*>(&layer)) {
        const QString base = QFileInfo(v->data()->sourcePath()).baseName().toLower();
        if (base.contains(QLatin1String("countr")))
            return true;
    }
    return layer.name().contains(QLatin1String("countr"), Qt::CaseInsensitive);
}

// A point well inside `feature` and inside `window` (lon/lat): of a grid of candidates inside
// both, the one nearest their mean. Empty when the feature barely shows in the window.
std::optional<QPointF> labelPoint(const GeometryColumns& g, std::size_t feature,
                                  const Extent& window) {
    const Extent& fe = g.featureExtents[feature];
    const Extent box{std::max(fe.xMin, window.xMin), std::max(fe.yMin, window.yMin),
                     std::min(fe.xMax, window.xMax), std::min(fe.yMax, window.yMax)};
    if (box.isEmpty())
        return std::nullopt;
    constexpr int kGrid = 14;
    std::vector<QPointF> inside;
    for (int i = 0; i < kGrid; ++i)
        for (int j = 0; j < kGrid; ++j) {
            const double x = box.xMin + (i + 0.5) / kGrid * box.width();
            const double y = box.yMin + (j + 0.5) / kGrid * box.height();
            if (featureContainsPoint(g, feature, x, y))
                inside.emplace_back(x, y);
        }
    // A sliver (a few cells of a large box) is not worth a name.
    if (inside.size() < 6 || box.width() * box.height() < window.width() * window.height() * 0.02)
        return std::nullopt;
    QPointF mean;
    for (const QPointF& p : inside)
        mean += p;
    mean /= static_cast<double>(inside.size());
    return *std::min_element(inside.begin(), inside.end(), [&](QPointF a, QPointF b) {
        return QLineF(a, mean).length() < QLineF(b, mean).length();
    });
}

// Country names in capitals, small and grey, as an overview map names its countries.
void drawCountryNames(QPainter& p, const MapLayer& layer, const MapViewport& vp, const Crs& crs,
                      double dpi) {
    const auto* v = dynamic_cast<const VectorMapLayer*>(&layer);
    if (!v)
        return;
    const AttributeTable& attrs = v->data()->attributes();
    int field = -1; // fieldIndex() ignores case
    for (const char* name : {"name_en", "name", "admin"})
        if ((field = attrs.fieldIndex(QString::fromLatin1(name))) >= 0)
            break;
    auto fromLonLat = TransformCache::get(Crs::wgs84(), crs);
    auto toLonLat = TransformCache::get(crs, Crs::wgs84());
    if (field < 0 || !fromLonLat || !toLonLat)
        return;
    const Extent window = transformExtent(vp.visibleExtent(), crs, Crs::wgs84());
    QFont font = layout::font(5.5, dpi);
    font.setLetterSpacing(QFont::PercentageSpacing, 108);
    p.setFont(font);
    const QFontMetricsF fm(font);
    const GeometryColumns& g = v->data()->lonLat();
    for (std::size_t f = 0; f < g.featureCount(); ++f) {
        const auto at = labelPoint(g, f, window);
        if (!at)
            continue;
        double x = at->x(), y = at->y();
        if (!fromLonLat.value()->transform(x, y))
            continue;
        const QString text = attrs.value(f, static_cast<std::size_t>(field)).toString().toUpper();
        const QPointF px = vp.toPixel(x, y);
        const double w = fm.horizontalAdvance(text);
        QPointF origin(px.x() - w / 2.0, px.y() + fm.ascent() / 2.0);
        // Keep names whole inside the inset.
        origin.setX(std::clamp(origin.x(), 2.0, std::max(2.0, vp.outputSize().width() - w - 2.0)));
        p.setPen(QColor(0x5a, 0x55, 0x4c));
        p.drawText(origin, text);
    }
}

} // namespace

std::vector<std::shared_ptr<const MapLayer>>
LocatorInset::insetLayers(const std::vector<std::shared_ptr<const MapLayer>>& layers) {
    std::vector<std::shared_ptr<const MapLayer>> out;
    for (const auto& l : layers)
        if (isCountries(*l))
            out.push_back(l);
    if (!out.empty())
        return out;
    for (const auto& l : layers)
        if (!l->isTemporal())
            out.push_back(l);
    return out;
}

Extent LocatorInset::insetExtent(const MapViewport& mainFrame, const MapSettings& mainSettings,
                                 const std::vector<std::shared_ptr<const MapLayer>>& insetLayers) {
    const Extent visible = mainFrame.visibleExtent();
    Extent data;
    for (const auto& l : insetLayers)
        data.include(transformExtent(l->lonLatExtent(), Crs::wgs84(), mainSettings.crs));
    const double cx = visible.centerX(), cy = visible.centerY();
    const double hw = visible.width() * 1.5, hh = visible.height() * 1.5;
    Extent grown{cx - hw, cy - hh, cx + hw, cy + hh};
    if (!data.isEmpty()) {
        grown = {std::max(grown.xMin, data.xMin), std::max(grown.yMin, data.yMin),
                 std::min(grown.xMax, data.xMax), std::min(grown.yMax, data.yMax)};
    }
    Extent out = visible.buffered(0.08);
    out.include(grown);
    return out;
}

void LocatorInset::draw(QPainter& p, const QRectF& rect, double dpi,
                        const MapSettings& mainSettings, const MapViewport& mainFrame,
                        const ClippedAreaPainter& clipped, InsetPicture* picture) {
    if (rect.width() < 4 || rect.height() < 4)
        return;
    MapSettings inset = mainSettings;
    inset.layers = insetLayers(mainSettings.layers);
    inset.extent = insetExtent(mainFrame, mainSettings, inset.layers);
    inset.outputSize = rect.size().toSize();
    // Half the DPI for the overview: its outlines come out half as thick as the main map's.
    inset.dpi = dpi * 0.5;
    inset.background = QColor(0xe6, 0xee, 0xf3);
    inset.labels = false; // the overview names its countries itself, small (drawCountryNames)

    const auto drawInset = [&](QPainter& ip) {
        MapRenderer::render(ip, inset);
        const MapViewport vp = MapViewport::fitting(inset.extent, QSizeF(inset.outputSize));
        for (const auto& layer : inset.layers)
            if (isCountries(*layer))
                drawCountryNames(ip, *layer, vp, inset.crs, dpi);
        const Extent shown = mainFrame.visibleExtent();
        const QRectF box =
            QRectF(vp.toPixel(shown.xMin, shown.yMax), vp.toPixel(shown.xMax, shown.yMin))
                .normalized();
        ip.setRenderHint(QPainter::Antialiasing, true);
        ip.setBrush(QColor(layout::kExtentRed.red(), layout::kExtentRed.green(),
                           layout::kExtentRed.blue(), 30));
        ip.setPen(QPen(layout::kExtentRed, layout::mmToPx(0.45, dpi)));
        const double minSide = layout::mmToPx(2.0, dpi);
        if (box.width() < minSide && box.height() < minSide) {
            // Too small to see as a box: a ring around where it is.
            ip.setBrush(Qt::NoBrush);
            ip.drawEllipse(box.center(), minSide, minSide);
        } else {
            ip.drawRect(box);
        }
    };
    clipped(p, rect, [&](QPainter& ip) {
        if (!picture || !RenderCache::canServe(ip)) {
            drawInset(ip);
            return;
        }
        const Extent shown = mainFrame.visibleExtent();
        const bool same = !picture->image.isNull() && picture->rect == rect &&
                          picture->mainExtent == shown && picture->layers == inset.layers &&
                          picture->crs == inset.crs.definition() && picture->dpi == dpi;
        if (!same) {
            QImage image(inset.outputSize, QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::transparent);
            QPainter onPicture(&image);
            drawInset(onPicture);
            onPicture.end();
            *picture = InsetPicture{image, rect, shown, inset.layers, inset.crs.definition(), dpi};
        }
        ip.drawImage(QPointF(0, 0), picture->image);
    });

    p.save();
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(layout::kInk, layout::mmToPx(0.25, dpi)));
    p.drawRect(rect);
    p.restore();
}

} // namespace borderlens
