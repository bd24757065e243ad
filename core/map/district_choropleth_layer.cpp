#include "map/district_choropleth_layer.h"

#include "geo/point_in_polygon.h"
#include "render/area_filler.h"
#include "render/pixel_rings.h"
#include "render/render_context.h"
#include "render/stroke_painter.h"

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

void DistrictChoroplethLayer::render(RenderContext& ctx) const {
    if (!m_districts)
        return;
    auto drawable = m_districts->drawable(ctx.crs());
    if (!drawable)
        return;
    const DrawableGeometry& d = *drawable.value();
    const GeometryColumns& g = *d.columns;
    const std::shared_ptr<const TrendTable> t = table(ctx.time());
    const MapViewport& vp = ctx.viewport();
    const Extent visible = vp.visibleExtent();
    QPainter& p = ctx.painter();
    const QRectF output(QPointF(0, 0), vp.outputSize());
    AreaFiller filler(p, output);
    StrokePainter outline(p, StrokePainter::pen(QColor(0x60, 0x60, 0x60),
                                                std::max(0.5, ctx.mmToPixels(kOutlineMm)),
                                                Qt::SolidLine),
                          output);
    StrokePainter surgeLine(p, StrokePainter::pen(surgeOutline(),
                                                  std::max(1.0, ctx.mmToPixels(kSurgeOutlineMm)),
                                                  Qt::SolidLine),
                            output);
    const double tolerance = ctx.simplifyTolerance();
    PixelRings rings;
    for (std::size_t f = 0; f < g.featureCount(); ++f) {
        if (ctx.cancelled())
            return;
        if (!g.featureExtents[f].intersects(visible))
            continue;
        const TrendRow* row = t->rowOf(static_cast<std::uint16_t>(f));
        const TrendBand band = row ? row->band : TrendBand::LowBaseline;
        rings.clear();
        for (std::uint32_t part = g.featureOffsets[f]; part < g.featureOffsets[f + 1]; ++part)
            if (g.partKinds[part] == PartKind::Polygon)
                for (std::uint32_t r = g.partOffsets[part]; r < g.partOffsets[part + 1]; ++r)
                    appendRing(rings, d, tolerance, r, vp);
        filler.fill(rings, bandColour(band));
        const bool surge = row && row->surge;
        if (surge) {
            // Hatched as well as red, so a surge reads in greyscale print too.
            QPainterPath path;
            path.setFillRule(Qt::OddEvenFill);
            for (int i = 0; i < rings.count(); ++i) {
                path.moveTo(rings.ring(i)[0]);
                for (int k = 1; k < rings.size(i); ++k)
                    path.lineTo(rings.ring(i)[k]);
                path.closeSubpath();
            }
            QBrush hatch(surgeOutline(), Qt::BDiagPattern);
            // Scale the hatch with the output's resolution, as a briefing's lines are.
            hatch.setTransform(QTransform::fromScale(ctx.dpi() / 96.0, ctx.dpi() / 96.0));
            p.fillPath(path, hatch);
        }
        for (int i = 0; i < rings.count(); ++i)
            (surge ? surgeLine : outline).strokeRing(rings.ring(i), rings.size(i));
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
