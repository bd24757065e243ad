#include "map/incident_map_layer.h"

#include "map/points_near.h"
#include "render/hex_density.h"
#include "render/incident_clusters.h"
#include "render/incident_symbols.h"
#include "render/marker.h"
#include "render/render_context.h"
#include "render/symbol_sprites.h"
#include "render/uncertainty_halo.h"
#include "map/symbol_obstacles.h"
#include "util/phase_timer.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace borderlens {

bool IncidentLayerOptions::isSelected(std::uint32_t index) const {
    return (selected && std::binary_search(selected->begin(), selected->end(), index)) ||
           (focused && *focused == index);
}

bool operator==(const IncidentLayerOptions& a, const IncidentLayerOptions& b) {
    auto same = [](const auto& x, const auto& y) {
        const bool xe = !x || x->empty(), ye = !y || y->empty();
        return (xe && ye) || (!xe && !ye && *x == *y);
    };
    return a.labels == b.labels && a.clusters == b.clusters && a.display == b.display &&
           a.focused == b.focused && same(a.selected, b.selected);
}

IncidentMapLayer::IncidentMapLayer(QString id, QString name,
                                   std::shared_ptr<const IncidentStore> store,
                                   IncidentLayerOptions options)
    : MapLayer(std::move(id), std::move(name)), m_store(std::move(store)),
      m_points(std::make_shared<PointCache>(m_store->lons(), m_store->lats(), m_store)),
      m_options(std::move(options)) {
    const auto lons = m_store->lons();
    const auto lats = m_store->lats();
    if (!lons.empty()) {
        const auto [x0, x1] = std::minmax_element(lons.begin(), lons.end());
        const auto [y0, y1] = std::minmax_element(lats.begin(), lats.end());
        m_extent = Extent{*x0, *y0, *x1, *y1};
    }
}

IncidentMapLayer::IncidentMapLayer(QString id, QString name,
                                   std::shared_ptr<const IncidentStore> store,
                                   std::shared_ptr<const PointCache> points, Extent extent,
                                   IncidentLayerOptions options)
    : MapLayer(std::move(id), std::move(name)), m_store(std::move(store)),
      m_points(std::move(points)), m_extent(extent), m_options(std::move(options)) {}

std::shared_ptr<IncidentMapLayer>
IncidentMapLayer::withOptions(IncidentLayerOptions options) const {
    return std::shared_ptr<IncidentMapLayer>(
        new IncidentMapLayer(id(), name(), m_store, m_points, m_extent, std::move(options)));
}

double IncidentMapLayer::symbolSizeMm(int killed) {
    return std::min(9.0, 3.0 + 1.1 * std::sqrt(std::max(0, killed)));
}

void IncidentMapLayer::collectLabels(const LabelContext& ctx, LabelInputs& out) const {
    auto projected = m_points->projected(ctx.crs);
    if (!projected)
        return;
    SymbolLabels how;
    how.radiusPx = [&](std::size_t i) {
        return ctx.mmToPixels(symbolSizeMm(m_store->killedOrZero(std::uint32_t(i)))) / 2;
    };
    if (m_options.labels) { // place and date, above the map's own names: they are the subject
        how.text = [&](std::size_t i) {
            return QStringLiteral("%1, %2").arg(
                m_store->place(i), QLocale::c().toString(QDate::fromJulianDay(m_store->spanBegins()[i]),
                                                         QStringLiteral("d MMM yyyy")));
        };
        how.when = [&](std::size_t i) { return m_store->span(i); };
        how.style.sizePt = 7;
        how.priority = 98;
    }
    addSymbolLabels(*projected.value(), ctx, how, out);
}

IncidentDisplay IncidentMapLayer::displayFor(std::size_t inView) const {
    if (m_options.display != IncidentDisplay::Auto)
        return m_options.display;
    return inView > kDensityAbove ? IncidentDisplay::Density : IncidentDisplay::Symbols;
}

namespace {

// Where a projected point lands in output pixels: the viewport's affine map folded with the
// projection's origin, so the per-point work is two multiply-adds on floats.
struct PixelMap {
    double ax, ay, scale;
    PixelMap(const ProjectedPoints& pts, const MapViewport& vp)
        : ax((pts.originX - vp.centerX()) / vp.unitsPerPixel() + vp.outputSize().width() / 2.0),
          ay(vp.outputSize().height() / 2.0 - (pts.originY - vp.centerY()) / vp.unitsPerPixel()),
          scale(1.0 / vp.unitsPerPixel()) {}
    float x(const ProjectedPoints& p, std::size_t i) const {
        return static_cast<float>(ax + p.xy[2 * i] * scale);
    }
    float y(const ProjectedPoints& p, std::size_t i) const {
        return static_cast<float>(ay - p.xy[2 * i + 1] * scale);
    }
};

QFont labelFont(const RenderContext& ctx, double points, bool bold = false) {
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(std::max(6, qRound(ctx.pointsToPixels(points))));
    font.setBold(bold);
    return font;
}

void drawSymbol(RenderContext& ctx, bool stamp, QPointF at, IncidentType type, int killed,
                GeoPrecision precision) {
    const IncidentSymbol sym = symbolFor(type);
    const double size = ctx.mmToPixels(IncidentMapLayer::symbolSizeMm(killed));
    // Exact: filled. Approximate: hollow, in the type's colour, with a thick outline.
    const bool exact = precision == GeoPrecision::Exact;
    const QColor fill = exact ? sym.colour : QColor(255, 255, 255, 200);
    const QColor stroke = exact ? QColor(Qt::white) : sym.colour;
    const double width = ctx.mmToPixels(exact ? 0.3 : 0.6);
    if (stamp)
        SymbolSprites::stamp(ctx.painter(), at, sym.shape, size, fill, stroke, width);
    else
        Marker(sym.shape, size).draw(ctx.painter(), at, fill, stroke, width);
}

} // namespace

bool IncidentMapLayer::viewFor(const LegendContext& c, std::shared_ptr<const ProjectedPoints>& keep,
                               View& view) const {
    if (!c.hasView || c.outputSize.isEmpty())
        return false;
    if (c.complete) {
        auto projected = m_points->projected(c.crs);
        keep = projected ? projected.value() : nullptr;
    } else {
        keep = m_points->ready(c.crs);
    }
    const MapViewport vp = MapViewport::fitting(c.extent, c.outputSize);
    if (!keep || !vp.isValid())
        return false;
    view = View{keep.get(), vp, c.window, c.metresPerPixel, c.dpi / 25.4};
    return true;
}

std::optional<IncidentMapLayer::DensityFacts> IncidentMapLayer::recall(const View& v,
                                                                      double radiusPx) const {
    std::lock_guard lock(m_factsMutex);
    for (auto it = m_facts.rbegin(); it != m_facts.rend(); ++it) {
        if (it->points == v.points && it->cx == v.viewport.centerX() &&
            it->cy == v.viewport.centerY() && it->upp == v.viewport.unitsPerPixel() &&
            it->w == v.viewport.outputSize().width() && it->h == v.viewport.outputSize().height() &&
            it->radiusPx == radiusPx && it->window == v.window)
            return *it;
    }
    return std::nullopt;
}

void IncidentMapLayer::remember(const View& v, double radiusPx, std::size_t inView,
                                const std::vector<double>& classes) const {
    std::lock_guard lock(m_factsMutex);
    if (m_facts.size() >= 8)
        m_facts.erase(m_facts.begin());
    m_facts.push_back({v.points, v.viewport.centerX(), v.viewport.centerY(),
                       v.viewport.unitsPerPixel(), v.viewport.outputSize().width(),
                       v.viewport.outputSize().height(), radiusPx, v.window, inView, classes});
}

std::size_t IncidentMapLayer::countInView(const LegendContext& c) const {
    std::shared_ptr<const ProjectedPoints> keep;
    View view;
    return viewFor(c, keep, view) ? countInView(view) : m_store->timeIndex().count(c.window);
}

template <typename Visit>
bool IncidentMapLayer::scan(const View& v, const std::atomic<bool>* cancel, Visit visit) const {
    const ProjectedPoints& pts = *v.points;
    const QSizeF size = v.viewport.outputSize();
    const PixelMap pixel(pts, v.viewport);
    const double margin =
        // As far out as the widest uncertainty reaches in: a region-precision incident outside
        // the view still spreads into it.
        std::clamp(v.metresPerPixel > 0
                       ? uncertaintyRadiusMetres(GeoPrecision::Region) / v.metresPerPixel
                       : 0.0,
                   12 * v.pixelsPerMm, 4 * std::max(size.width(), size.height()));
    const float x0 = static_cast<float>(-margin), y0 = static_cast<float>(-margin);
    const float x1 = static_cast<float>(size.width() + margin);
    const float y1 = static_cast<float>(size.height() + margin);
    const float w = static_cast<float>(size.width()), h = static_cast<float>(size.height());
    std::size_t visited = 0;
    bool stopped = false;
    m_store->timeIndex().forEach(v.window, [&](std::uint32_t i) {
        if (stopped || ((++visited & 0xffff) == 0 && cancel && cancel->load(std::memory_order_relaxed))) {
            stopped = true;
            return;
        }
        const float x = pixel.x(pts, i), y = pixel.y(pts, i);
        if (!(x >= x0 && x <= x1 && y >= y0 && y <= y1)) // also false for NaN
            return;
        visit(x, y, i, x >= 0 && x <= w && y >= 0 && y <= h);
    });
    return !stopped;
}

std::size_t IncidentMapLayer::countInView(const View& v) const {
    std::size_t n = 0;
    scan(v, nullptr, [&](float, float, std::uint32_t, bool inside) { n += inside; });
    return n;
}

std::size_t IncidentMapLayer::binDensity(const View& v, HexDensity& density,
                                         const std::atomic<bool>* cancel) const {
    const auto precisions = m_store->geoPrecisions();
    const double mpp = v.metresPerPixel;
    // Each precision's disc once, not a division per point.
    std::array<int, 4> bucket{};
    for (GeoPrecision g : {GeoPrecision::Exact, GeoPrecision::Near, GeoPrecision::District,
                           GeoPrecision::Region})
        bucket[std::size_t(g)] =
            g == GeoPrecision::Exact || mpp <= 0 ? -1
                                                 : density.spreadBucket(uncertaintyRadiusMetres(g) / mpp);
    const bool hasSelection = (m_options.selected && !m_options.selected->empty()) ||
                              m_options.focused.has_value();
    std::size_t inView = 0;
    scan(v, cancel, [&](float x, float y, std::uint32_t i, bool inside) {
        inView += inside;
        if (hasSelection && m_options.isSelected(i))
            return; // drawn as itself, above the density
        density.addToBucket(bucket[std::size_t(precisions[i])], x, y);
    });
    density.finish();
    return inView;
}

void IncidentMapLayer::render(RenderContext& ctx) const {
    PhaseTimer timer("incidents.render");
    auto projected = m_points->projected(ctx.crs());
    if (!projected)
        return;
    const View view{projected.value().get(), ctx.viewport(), ctx.time(), ctx.metresPerPixel(),
                    ctx.pixelsPerMm()};
    // How many are in view decides how they are drawn, and counting them is a pass over the
    // window; when the window alone is enough for density, that pass bins too, so a frame of a
    // million makes one pass, with no list of points.
    std::optional<HexDensity> density;
    std::size_t inView = 0;
    if (m_options.display != IncidentDisplay::Symbols &&
        (m_options.display == IncidentDisplay::Density ||
         m_store->timeIndex().count(ctx.time()) > kDensityAbove)) {
        density.emplace(ctx.viewport().outputSize(), ctx.mmToPixels(kHexRadiusMm));
        inView = binDensity(view, *density, ctx.cancelFlag());
    } else {
        inView = countInView(view);
    }
    if (ctx.cancelled())
        return;
    QPainter& p = ctx.painter();
    const auto types = m_store->types();
    const auto precisions = m_store->geoPrecisions();
    const bool hasSelection = (m_options.selected && !m_options.selected->empty()) ||
                              m_options.focused.has_value();
    const bool stamp = SymbolSprites::canStamp(p);

    if (displayFor(inView) == IncidentDisplay::Density) {
        if (!density) {
            density.emplace(ctx.viewport().outputSize(), ctx.mmToPixels(kHexRadiusMm));
            binDensity(view, *density, ctx.cancelFlag());
        }
        if (ctx.cancelled())
            return;
        const HexDensity::Scale scale = density->scale();
        remember(view, ctx.mmToPixels(kHexRadiusMm), inView, scale.lowerBounds);
        density->draw(p, scale);
    } else {
        thread_local std::vector<FramePoint> inFrame;
        inFrame.clear();
        if (!scan(view, ctx.cancelFlag(), [&](float x, float y, std::uint32_t i, bool) {
                inFrame.push_back({x, y, i});
            }))
            return;
        // Chronological, whatever order the index visits in: ties (equal sizes) then draw the
        // same way every time.
        std::sort(inFrame.begin(), inFrame.end(),
                  [](const FramePoint& a, const FramePoint& b) { return a.index < b.index; });
        std::vector<std::uint32_t> singles; // positions in inFrame
        if (m_options.clusters && inFrame.size() > 1) {
            std::vector<ClusterPoint> cp(inFrame.size());
            for (std::size_t k = 0; k < inFrame.size(); ++k)
                cp[k] = {inFrame[k].x, inFrame[k].y, types[inFrame[k].index],
                         !(hasSelection && m_options.isSelected(inFrame[k].index))};
            const Clustering clusters = clusterPoints(cp, ctx.mmToPixels(8), 4, [&](int count) {
                return ctx.mmToPixels(std::min(6.0, 3.2 + 0.5 * std::log2(double(count))));
            });
            singles = clusters.singles;
            const QFont font = labelFont(ctx, 7.5, true);
            for (const ClusterBadge& b : clusters.badges)
                drawClusterBadge(p, b, font, ctx.mmToPixels(0.35));
        } else {
            singles.resize(inFrame.size());
            std::iota(singles.begin(), singles.end(), 0u);
        }
        // Halos first, so no halo covers a symbol; then big symbols under small ones.
        for (std::uint32_t k : singles) {
            const FramePoint& f = inFrame[k];
            drawUncertaintyHalo(ctx, QPointF(f.x, f.y), precisions[f.index],
                                symbolFor(types[f.index]).colour, Qt::DashLine,
                                ctx.mmToPixels(2.0));
        }
        std::stable_sort(singles.begin(), singles.end(), [&](std::uint32_t a, std::uint32_t b) {
            return m_store->killedOrZero(inFrame[a].index) > m_store->killedOrZero(inFrame[b].index);
        });
        // Their place and date, with the labels option, are the labelling engine's (see
        // collectLabels), placed with the map's names.
        for (std::uint32_t k : singles) {
            const FramePoint& f = inFrame[k];
            const int killed = m_store->killedOrZero(f.index);
            const QPointF at(f.x, f.y);
            drawSymbol(ctx, stamp, at, types[f.index], killed, precisions[f.index]);
        }
    }

    // The selection and the last click, above whatever aggregation is drawn.
    if (hasSelection) {
        std::vector<std::uint32_t> highlighted;
        if (m_options.selected)
            highlighted = *m_options.selected;
        if (m_options.focused)
            highlighted.push_back(*m_options.focused);
        const PixelMap pixel(*view.points, view.viewport);
        for (std::uint32_t i : highlighted) {
            if (i >= m_store->size() || !ctx.time().overlaps(m_store->span(i)))
                continue;
            const QPointF at(pixel.x(*view.points, i), pixel.y(*view.points, i));
            if (std::isnan(at.x()) || std::isnan(at.y()))
                continue;
            const int killed = m_store->killedOrZero(i);
            const double sizePx = ctx.mmToPixels(symbolSizeMm(killed));
            p.setPen(QPen(QColor(255, 215, 0), ctx.mmToPixels(1.0)));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(at, sizePx * 0.85, sizePx * 0.85);
            drawSymbol(ctx, false, at, types[i], killed, precisions[i]);
        }
    }
}

IdentifyResult describeIncident(const Incident& inc) {
    IdentifyResult r;
    r.featureKey = inc.id;
    r.title = QStringLiteral("%1 — %2").arg(displayName(inc.type), inc.place);
    const QLocale c = QLocale::c();
    const TimeRange span = inc.span();
    QString when = c.toString(inc.startDate, QStringLiteral("d MMMM yyyy"));
    if (inc.endDate)
        when += QStringLiteral(" – ") + c.toString(*inc.endDate, QStringLiteral("d MMMM yyyy"));
    else if (inc.datePrecision != DatePrecision::Day)
        when = QStringLiteral("%1 – %2 (known to the %3)")
                   .arg(c.toString(span.beginDate(), QStringLiteral("d MMM yyyy")),
                        c.toString(span.lastDate(), QStringLiteral("d MMM yyyy")),
                        toString(inc.datePrecision));
    auto casualties = [](const Casualties& k) {
        if (!k.best && !k.low && !k.high)
            return QStringLiteral("unknown");
        QString s = k.best ? QString::number(*k.best) : QStringLiteral("?");
        if (k.low || k.high)
            s += QStringLiteral(" (range %1–%2)")
                     .arg(k.low ? QString::number(*k.low) : QStringLiteral("?"),
                          k.high ? QString::number(*k.high) : QStringLiteral("?"));
        return s;
    };
    r.fields = {
        {QStringLiteral("Id"), inc.id},
        {QStringLiteral("Type"), displayName(inc.type)},
        {QStringLiteral("Date"), when},
        {QStringLiteral("Date precision"), toString(inc.datePrecision)},
        {QStringLiteral("Place"), inc.place},
    };
    for (auto& field :
         whereFields(inc.lon, inc.lat, inc.geoPrecision, inc.country, inc.province, inc.district))
        r.fields.push_back(std::move(field));
    r.fields.insert(r.fields.end(),
                    {
                        {QStringLiteral("Killed"), casualties(inc.killed)},
                        {QStringLiteral("Injured"),
                         inc.injured ? QString::number(*inc.injured) : QStringLiteral("unknown")},
                        {QStringLiteral("Actors"), inc.actors.join(QStringLiteral("; "))},
                        {QStringLiteral("Summary"), inc.summary},
                    });
    r.sources = inc.sources;
    return r;
}

std::vector<IdentifyResult> IncidentMapLayer::identify(const IdentifyQuery& q) const {
    return identifyPoints(*this, *m_points, m_store->select(q.time), q, [this](std::uint32_t i) {
        IdentifyResult r = describeIncident(m_store->incident(i));
        r.featureIndex = i;
        return r;
    });
}

std::vector<LegendEntry> IncidentMapLayer::legendEntries(const LegendContext& context) const {
    std::array<int, kIncidentTypeCount> counts{};
    int approximate = 0;
    int areaOnly = 0;
    const auto types = m_store->types();
    const auto precisions = m_store->geoPrecisions();
    const std::vector<std::uint32_t> window = m_store->select(context.window);
    for (std::uint32_t i : window) {
        ++counts[static_cast<std::size_t>(types[i])];
        approximate += precisions[i] != GeoPrecision::Exact;
        areaOnly += precisions[i] >= GeoPrecision::District;
    }
    std::vector<LegendEntry> out;
    LegendEntry heading;
    heading.swatch = LegendEntry::Swatch::Heading;
    heading.label = name();
    heading.count = static_cast<int>(window.size());
    out.push_back(heading);
    auto note = [&](QString text) {
        LegendEntry e;
        e.swatch = LegendEntry::Swatch::Note;
        e.label = std::move(text);
        out.push_back(std::move(e));
    };

    // The frame as the map draws it, when the context has a view: the same points, the same
    // decision, the same density classes.
    std::shared_ptr<const ProjectedPoints> keep;
    View view;
    const bool framed = viewFor(context, keep, view);
    const double radiusPx = kHexRadiusMm * context.dpi / 25.4;
    const std::optional<DensityFacts> known = framed ? recall(view, radiusPx) : std::nullopt;
    const std::size_t inView = known ? known->inView : framed ? countInView(view) : window.size();
    if (!window.empty() && displayFor(inView) == IncidentDisplay::Density) {
        const double area = context.metresPerPixel > 0
                                ? HexDensity::hexAreaKm2(radiusPx, context.metresPerPixel)
                                : 0.0;
        // The frame's classes; with no view, a ladder up to the window's count.
        HexDensity::Scale scale = HexDensity::scaleFromBreaks(
            {double(window.size()) / 1000, double(window.size()) / 100, double(window.size()) / 10});
        if (known) {
            scale.lowerBounds = known->classes;
        } else if (framed) {
            HexDensity density(context.outputSize, radiusPx);
            binDensity(view, density, nullptr);
            scale = density.scale();
            remember(view, radiusPx, inView, scale.lowerBounds);
        }
        const QLocale c = QLocale::c();
        auto perKm2 = [&](double perHex) { return roundedNumber(perHex / area); };
        for (int k = 0; k < scale.classes(); ++k) {
            const double lo = scale.lowerBounds[std::size_t(k)];
            const bool last = k + 1 == scale.classes();
            const double hi = last ? 0 : scale.lowerBounds[std::size_t(k) + 1];
            LegendEntry e;
            e.swatch = LegendEntry::Swatch::Area;
            e.hexagon = true;
            e.fill = scale.colour(k);
            e.stroke = Qt::transparent;
            const QString low = groupedNumber(qint64(lo)), high = groupedNumber(qint64(hi) - 1);
            e.label = last ? (k == 0 ? QStringLiteral("up to 1") : QStringLiteral("%1 or more").arg(low))
                      : k == 0 ? QStringLiteral("fewer than %1").arg(groupedNumber(qint64(hi)))
                               : QStringLiteral("%1–%2").arg(low, high);
            if (area > 0)
                e.label += k == 0 ? QStringLiteral(" (< %1 per km²)").arg(perKm2(hi))
                           : last ? QStringLiteral(" (≥ %1 per km²)").arg(perKm2(lo))
                                  : QStringLiteral(" (%1–%2 per km²)").arg(perKm2(lo), perKm2(hi));
            out.push_back(e);
        }
        note(area > 0 ? QStringLiteral("Density: incidents per hexagon of %1 km²")
                            .arg(roundedNumber(area))
                      : QStringLiteral("Density: incidents per hexagon"));
        if (approximate > 0)
            note(QStringLiteral("%1 approximate place(s) (%2 known only to a district or "
                                "region) spread over their area of uncertainty")
                     .arg(groupedNumber(approximate), groupedNumber(areaOnly)));
        return out;
    }

    for (IncidentType t : kAllIncidentTypes) {
        const int n = counts[static_cast<std::size_t>(t)];
        if (n == 0)
            continue;
        const IncidentSymbol sym = symbolFor(t);
        LegendEntry e;
        e.label = displayName(t);
        e.count = n;
        e.fill = sym.colour;
        e.stroke = Qt::white;
        e.shape = sym.shape;
        out.push_back(e);
    }
    if (approximate > 0) {
        LegendEntry e;
        e.label = QStringLiteral("Approximate location (hollow; halo = uncertainty)");
        e.fill = QColor(255, 255, 255, 200);
        e.stroke = QColor(0x55, 0x55, 0x55);
        e.hollow = true;
        out.push_back(e);
    }
    return out;
}

QStringList IncidentMapLayer::attributions() const {
    // The outlets cited, most cited first, so a briefing credits its sources.
    QStringList names = m_store->outletsByCitations();
    if (names.isEmpty())
        return {};
    if (names.size() > 6)
        names = names.mid(0, 6) << QStringLiteral("others");
    return {QStringLiteral("Incidents: %1").arg(names.join(QStringLiteral(", ")))};
}

} // namespace borderlens
