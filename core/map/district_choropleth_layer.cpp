#include "map/district_choropleth_layer.h"

#include "geo/point_in_polygon.h"
#include "render/area_filler.h"
#include "render/pixel_rings.h"
#include "render/render_context.h"
#include "render/stroke_painter.h"
#include "util/parallel.h"

#include <QPaintEngine>
#include <QPainterPath>

#include <array>
#include <cmath>

namespace borderlens {

namespace {

// Translucent, so the base map's relief of names and rivers still reads through a district.
constexpr int kFillAlpha = 200;
constexpr double kOutlineMm = 0.15;
constexpr double kSurgeOutlineMm = 0.6;

// Appends ring r of the drawable geometry in pixels, thinned to `tolerance` (map units).
void appendRing(PixelRings& out, const DrawableGeometry& d, double tolerance, std::uint32_t r,
                const MapViewport& vp) {
    const GeometryColumns& g = *d.columns;
    const float t = static_cast<float>(tolerance);
    const std::size_t first = out.points.size();
    for (std::uint32_t v = g.ringOffsets[r]; v < g.ringOffsets[r + 1]; ++v) {
        const double x = g.xy[2 * v], y = g.xy[2 * v + 1];
        if (tolerance > 0 ? !(d.tolerances[v] > t) : std::isnan(x) || std::isnan(y))
            continue;
        out.points.push_back(vp.toPixel(x, y));
    }
    if (out.points.size() > first + 1 && out.points.back() == out.points[first])
        out.points.pop_back();
    out.endRing();
}

QString changeText(const TrendRow& r) {
    if (!r.changePct)
        return displayName(TrendBand::LowBaseline);
    return QStringLiteral("%1%2 %").arg(*r.changePct >= 0 ? QStringLiteral("+") : QString())
        .arg(*r.changePct, 0, 'f', 0);
}

} // namespace

DistrictChoroplethLayer::DistrictChoroplethLayer(QString id, QString name,
                                                 std::shared_ptr<const IncidentStore> store,
                                                 std::shared_ptr<const DerivedFacts> facts,
                                                 TrendOptions options)
    : MapLayer(std::move(id), std::move(name)), m_store(std::move(store)),
      m_facts(std::move(facts)), m_options(options) {
    if (m_facts && m_facts->inputs().areas)
        m_districts = m_facts->inputs().areas->districts().layer();
}

QColor DistrictChoroplethLayer::bandColour(TrendBand band) {
    // ColorBrewer RdBu-like: blue for fewer, a neutral near-white for no change, orange and red
    // for more; a low baseline is a plain mid grey, read as "no verdict".
    static const std::array<QColor, kTrendBandCount> colours = {
        QColor(0x21, 0x66, 0xac, kFillAlpha), // Decrease
        QColor(0xf7, 0xf7, 0xf7, kFillAlpha), // Stable
        QColor(0xf4, 0xa5, 0x82, kFillAlpha), // Increase
        QColor(0xca, 0x00, 0x20, kFillAlpha), // StrongIncrease
        QColor(0xbd, 0xbd, 0xbd, kFillAlpha), // LowBaseline
    };
    return colours[static_cast<std::size_t>(band)];
}

std::shared_ptr<const TrendTable> DistrictChoroplethLayer::table(const TimeRange& window) const {
    {
        std::lock_guard lock(m_cacheMutex);
        if (m_cached && m_cached->window == window)
            return m_cached;
    }
    auto t = std::make_shared<const TrendTable>(
        m_store && m_facts ? districtTrends(*m_store, *m_facts, window, m_options)
                           : TrendTable{window, m_options, {}, {}});
    std::lock_guard lock(m_cacheMutex);
    m_cached = t;
    return t;
}

Extent DistrictChoroplethLayer::lonLatExtent() const {
    return m_districts ? m_districts->lonLatExtent() : Extent{};
}

namespace {

// Feature f's rings in pixels (thinned to the context's tolerance).
void featureRings(PixelRings& rings, const DrawableGeometry& d, std::size_t f,
                  const RenderContext& ctx) {
    const GeometryColumns& g = *d.columns;
    rings.clear();
    for (std::uint32_t part = g.featureOffsets[f]; part < g.featureOffsets[f + 1]; ++part)
        if (g.partKinds[part] == PartKind::Polygon)
            for (std::uint32_t r = g.partOffsets[part]; r < g.partOffsets[part + 1]; ++r)
                appendRing(rings, d, ctx.simplifyTolerance(), r, ctx.viewport());
}

QPainterPath pathOf(const PixelRings& rings) {
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    for (int i = 0; i < rings.count(); ++i) {
        path.moveTo(rings.ring(i)[0]);
        for (int k = 1; k < rings.size(i); ++k)
            path.lineTo(rings.ring(i)[k]);
        path.closeSubpath();
    }
    return path;
}

StrokePainter outlinePainter(RenderContext& ctx, QPainter& p, bool surge) {
    const QRectF output(QPointF(0, 0), ctx.viewport().outputSize());
    return surge ? StrokePainter(p,
                                 StrokePainter::pen(DistrictChoroplethLayer::surgeOutline(),
                                                    std::max(1.0, ctx.mmToPixels(kSurgeOutlineMm)),
                                                    Qt::SolidLine),
                                 output)
                 : StrokePainter(p,
                                 StrokePainter::pen(QColor(0x60, 0x60, 0x60),
                                                    std::max(0.5, ctx.mmToPixels(kOutlineMm)),
                                                    Qt::SolidLine),
                                 output);
}

} // namespace

struct DistrictChoroplethLayer::RasterView {
    QString crs;
    double cx = 0, cy = 0, upp = 0, dpi = 0, tolerance = 0;
    QSize size;
    std::vector<std::uint16_t> district; // per pixel, row by row; kNoDistrict outside them all
    // Every district's outline, antialiased, as the pixels it touches (a few percent of them)
    // and their premultiplied colours: blended into the fill in the same pass.
    std::vector<std::uint32_t> outlinePixels;
    std::vector<QRgb> outlineColours;

    bool sameView(const RenderContext& ctx) const {
        const MapViewport& vp = ctx.viewport();
        return crs == ctx.crs().definition() && cx == vp.centerX() && cy == vp.centerY() &&
               upp == vp.unitsPerPixel() && dpi == ctx.dpi() &&
               tolerance == ctx.simplifyTolerance() && size == vp.outputSize().toSize();
    }
};

std::shared_ptr<const DistrictChoroplethLayer::RasterView>
DistrictChoroplethLayer::rasterView(RenderContext& ctx, const DrawableGeometry& d) const {
    {
        std::lock_guard lock(m_cacheMutex);
        if (m_raster && m_raster->sameView(ctx))
            return m_raster;
    }
    auto view = std::make_shared<RasterView>();
    const MapViewport& vp = ctx.viewport();
    view->crs = ctx.crs().definition();
    view->cx = vp.centerX();
    view->cy = vp.centerY();
    view->upp = vp.unitsPerPixel();
    view->dpi = ctx.dpi();
    view->tolerance = ctx.simplifyTolerance();
    view->size = vp.outputSize().toSize();
    // District numbers as colours (number + 1; black is none), filled without antialiasing so
    // each pixel belongs to one district; the antialiased outlines drawn over hide the steps.
    QImage ids(view->size, QImage::Format_RGB32);
    ids.fill(0);
    QImage outlines(view->size, QImage::Format_ARGB32_Premultiplied);
    outlines.fill(Qt::transparent);
    {
        QPainter idPainter(&ids);
        idPainter.setPen(Qt::NoPen);
        QPainter linePainter(&outlines);
        linePainter.setRenderHint(QPainter::Antialiasing);
        StrokePainter outline = outlinePainter(ctx, linePainter, false);
        const GeometryColumns& g = *d.columns;
        const Extent visible = vp.visibleExtent();
        PixelRings rings;
        for (std::size_t f = 0; f < g.featureCount() && f < DerivedFacts::kProvinceLevel; ++f) {
            if (!g.featureExtents[f].intersects(visible))
                continue;
            featureRings(rings, d, f, ctx);
            idPainter.setBrush(QColor::fromRgb(static_cast<QRgb>(f + 1)));
            idPainter.drawPath(pathOf(rings));
            for (int i = 0; i < rings.count(); ++i)
                outline.strokeRing(rings.ring(i), rings.size(i));
        }
    }
    view->district.resize(std::size_t(view->size.width()) * std::size_t(view->size.height()));
    for (int y = 0; y < view->size.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(ids.constScanLine(y));
        std::uint16_t* out = view->district.data() + std::size_t(y) * std::size_t(view->size.width());
        for (int x = 0; x < view->size.width(); ++x) {
            const QRgb v = line[x] & 0xFFFFFF;
            out[x] = v == 0 ? DerivedFacts::kNoDistrict : static_cast<std::uint16_t>(v - 1);
        }
        const auto* stroke = reinterpret_cast<const QRgb*>(outlines.constScanLine(y));
        for (int x = 0; x < view->size.width(); ++x)
            if (qAlpha(stroke[x]) != 0) {
                view->outlinePixels.push_back(
                    static_cast<std::uint32_t>(y * view->size.width() + x));
                view->outlineColours.push_back(stroke[x]);
            }
    }
    std::lock_guard lock(m_cacheMutex);
    m_raster = view;
    return view;
}

void DistrictChoroplethLayer::render(RenderContext& ctx) const {
    if (!m_districts)
        return;
    auto drawable = m_districts->drawable(ctx.crs());
    if (!drawable)
        return;
    const DrawableGeometry& d = *drawable.value();
    const std::shared_ptr<const TrendTable> t = table(ctx.time());
    QPainter& p = ctx.painter();
    // The picture path on raster outputs drawn pixel for pixel (the screen, PNG, video frames);
    // PDF and SVG, and painters that scale, get the districts as vector areas.
    const bool raster = p.paintEngine() && p.paintEngine()->type() == QPaintEngine::Raster &&
                        p.transform().type() <= QTransform::TxTranslate &&
                        p.transform().dx() == std::floor(p.transform().dx()) &&
                        p.transform().dy() == std::floor(p.transform().dy());
    if (!raster) {
        drawVector(ctx, d, *t);
        drawSurges(ctx, d, *t, true);
        return;
    }
    const std::shared_ptr<const RasterView> view = rasterView(ctx, d);
    if (ctx.cancelled() || view->size.isEmpty())
        return;
    // Each district's band colour, premultiplied, looked up per pixel; surging districts are
    // hatched here too (a diagonal line every few pixels), not filled again as paths.
    std::vector<QRgb> colours(m_districts->featureCount() + 1, 0);
    std::vector<char> surging(colours.size(), 0);
    for (std::size_t f = 0; f < m_districts->featureCount(); ++f) {
        const TrendRow* row = t->rowOf(static_cast<std::uint16_t>(f));
        colours[f] = qPremultiply(bandColour(row ? row->band : TrendBand::LowBaseline).rgba());
        surging[f] = row && row->surge;
    }
    const std::size_t none = colours.size() - 1;
    const QRgb hatch = qPremultiply(surgeOutline().rgba());
    const int spacing = std::max(4, static_cast<int>(std::lround(8 * ctx.dpi() / 96.0)));
    // One picture per render thread, reused from frame to frame (no 6 MB allocation a step).
    thread_local QImage fill;
    if (fill.size() != view->size)
        fill = QImage(view->size, QImage::Format_ARGB32_Premultiplied);
    auto* pixels = reinterpret_cast<QRgb*>(fill.bits());
    const std::uint16_t* ids = view->district.data();
    const QRgb* lut = colours.data();
    const int width = view->size.width();
    // Both cores: a pass over 1.6 million pixels is the whole cost of a step.
    parallelSlices(std::size_t(view->size.height()), workerCount(), [&](std::size_t y0, std::size_t y1) {
        for (std::size_t y = y0; y < y1; ++y) {
            const std::size_t row = y * std::size_t(width);
            for (int x = 0; x < width; ++x) {
                const std::size_t id = std::min<std::size_t>(ids[row + x], none);
                pixels[row + x] =
                    surging[id] && (x + int(y)) % spacing == 0 ? hatch : lut[id];
            }
        }
    });
    // The outlines over it, premultiplied "source over" on the few pixels they touch.
    for (std::size_t k = 0; k < view->outlinePixels.size(); ++k) {
        QRgb& dst = pixels[view->outlinePixels[k]];
        const QRgb src = view->outlineColours[k];
        const int keep = 255 - qAlpha(src);
        auto channel = [&](int shift) {
            const int v = int((src >> shift) & 0xFF) + (int((dst >> shift) & 0xFF) * keep + 127) / 255;
            return static_cast<QRgb>(std::min(v, 255)) << shift;
        };
        dst = channel(24) | channel(16) | channel(8) | channel(0);
    }
    p.drawImage(QPointF(0, 0), fill);
    drawSurges(ctx, d, *t, false);
}

void DistrictChoroplethLayer::drawVector(RenderContext& ctx, const DrawableGeometry& d,
                                         const TrendTable& t) const {
    const GeometryColumns& g = *d.columns;
    const MapViewport& vp = ctx.viewport();
    const Extent visible = vp.visibleExtent();
    QPainter& p = ctx.painter();
    AreaFiller filler(p, QRectF(QPointF(0, 0), vp.outputSize()));
    StrokePainter outline = outlinePainter(ctx, p, false);
    PixelRings rings;
    for (std::size_t f = 0; f < g.featureCount(); ++f) {
        if (ctx.cancelled())
            return;
        if (!g.featureExtents[f].intersects(visible))
            continue;
        const TrendRow* row = t.rowOf(static_cast<std::uint16_t>(f));
        featureRings(rings, d, f, ctx);
        filler.fill(rings, bandColour(row ? row->band : TrendBand::LowBaseline));
        for (int i = 0; i < rings.count(); ++i)
            outline.strokeRing(rings.ring(i), rings.size(i));
    }
}

void DistrictChoroplethLayer::drawSurges(RenderContext& ctx, const DrawableGeometry& d,
                                         const TrendTable& t, bool hatched) const {
    const GeometryColumns& g = *d.columns;
    const Extent visible = ctx.viewport().visibleExtent();
    QPainter& p = ctx.painter();
    StrokePainter surgeLine = outlinePainter(ctx, p, true);
    PixelRings rings;
    for (const TrendRow& row : t.districts) {
        const std::size_t f = row.code;
        if (!row.surge || f >= g.featureCount() || !g.featureExtents[f].intersects(visible))
            continue;
        featureRings(rings, d, f, ctx);
        // Hatched as well as outlined, so a surge reads in greyscale print too; the hatch scales
        // with the output's resolution, as a briefing's lines do.
        if (hatched) {
            QBrush hatch(surgeOutline(), Qt::BDiagPattern);
            hatch.setTransform(QTransform::fromScale(ctx.dpi() / 96.0, ctx.dpi() / 96.0));
            p.fillPath(pathOf(rings), hatch);
        }
        for (int i = 0; i < rings.count(); ++i)
            surgeLine.strokeRing(rings.ring(i), rings.size(i));
    }
}

std::vector<LegendEntry> DistrictChoroplethLayer::legendEntries(const LegendContext& c) const {
    const std::shared_ptr<const TrendTable> t = table(c.window);
    std::array<int, kTrendBandCount> districts{};
    int surges = 0;
    int outside = 0;
    int provinceLevel = 0;
    for (const TrendRow& r : t->districts) {
        if (r.code == DerivedFacts::kNoDistrict) {
            outside = r.incidents;
            continue;
        }
        ++districts[static_cast<std::size_t>(r.band)];
        surges += r.surge ? 1 : 0;
    }
    for (const TrendRow& r : t->provinceLevel)
        provinceLevel += r.incidents;

    std::vector<LegendEntry> out;
    LegendEntry heading;
    heading.swatch = LegendEntry::Swatch::Heading;
    heading.label = c.window.isAll()
                        ? QStringLiteral("%1 — choose a time window to compare").arg(name())
                        : QStringLiteral("%1 — change vs. mean of previous %2 windows (districts)")
                              .arg(name())
                              .arg(m_options.baselineWindows);
    out.push_back(heading);
    for (TrendBand band : {TrendBand::StrongIncrease, TrendBand::Increase, TrendBand::Stable,
                           TrendBand::Decrease, TrendBand::LowBaseline}) {
        LegendEntry e;
        e.swatch = LegendEntry::Swatch::Area;
        e.label = band == TrendBand::LowBaseline
                      ? QStringLiteral("low baseline (< %1 per window)").arg(m_options.lowBaseline)
                      : displayName(band);
        e.count = districts[static_cast<std::size_t>(band)];
        e.fill = bandColour(band);
        e.stroke = QColor(0x60, 0x60, 0x60);
        e.strokeWidthMm = kOutlineMm;
        out.push_back(e);
    }
    LegendEntry surge;
    surge.swatch = LegendEntry::Swatch::Area;
    surge.label = QStringLiteral("surge (≥ +%1 %), hatched").arg(m_options.surgePct);
    surge.count = surges;
    surge.fill = bandColour(TrendBand::StrongIncrease);
    surge.stroke = surgeOutline();
    surge.strokeWidthMm = kSurgeOutlineMm;
    out.push_back(surge);
    if (outside > 0 || provinceLevel > 0) {
        LegendEntry note;
        note.swatch = LegendEntry::Swatch::Note;
        note.label = QStringLiteral("Not in a district: %1 outside all, %2 province-level")
                         .arg(groupedNumber(outside), groupedNumber(provinceLevel));
        out.push_back(note);
    }
    return out;
}

std::vector<IdentifyResult> DistrictChoroplethLayer::identify(const IdentifyQuery& q) const {
    std::vector<IdentifyResult> out;
    if (!m_districts)
        return out;
    auto projected = m_districts->projected(q.crs);
    if (!projected)
        return out;
    const QPointF m = q.viewport.toMap(q.pixel);
    const GeometryColumns& g = *projected.value();
    const std::shared_ptr<const TrendTable> t = table(q.time);
    for (std::size_t f = 0; f < g.featureCount(); ++f) {
        if (!featureContainsPoint(g, f, m.x(), m.y()))
            continue;
        const TrendRow* row = t->rowOf(static_cast<std::uint16_t>(f));
        if (!row)
            continue;
        IdentifyResult r;
        r.layerId = id();
        r.layerName = name();
        r.title = row->district;
        r.featureKey = QString::number(f);
        r.featureIndex = static_cast<std::uint32_t>(f);
        r.fields = {{QStringLiteral("Province"), row->province},
                    {QStringLiteral("Incidents"), groupedNumber(row->incidents)},
                    {QStringLiteral("Killed"), groupedNumber(row->killed)},
                    {QStringLiteral("Baseline"), QString::number(row->baseline, 'f', 1)},
                    {QStringLiteral("Change"), changeText(*row)},
                    {QStringLiteral("Band"), displayName(row->band)},
                    {QStringLiteral("Surge"), row->surge ? QStringLiteral("yes")
                                                         : QStringLiteral("no")}};
        out.push_back(std::move(r));
        break;
    }
    return out;
}

} // namespace borderlens
