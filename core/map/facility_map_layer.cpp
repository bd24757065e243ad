#include "map/facility_map_layer.h"

#include "map/symbol_obstacles.h"

#include "map/points_near.h"
#include "render/marker.h"
#include "render/render_context.h"
#include "render/uncertainty_halo.h"

#include <QFontMetricsF>
#include <QLocale>
#include <algorithm>
#include <cmath>
#include <map>

namespace borderlens {

namespace {
std::vector<double> column(const FacilityStore& s, bool lon) {
    std::vector<double> out;
    for (std::size_t i = 0; i < s.size(); ++i)
        out.push_back(lon ? s.at(i).lon : s.at(i).lat);
    return out;
}
} // namespace

FacilityMapLayer::FacilityMapLayer(QString id, QString name,
                                   std::shared_ptr<const FacilityStore> store, bool labels)
    : MapLayer(std::move(id), std::move(name)), m_store(std::move(store)), m_labels(labels) {
    std::vector<double> lons = column(*m_store, true);
    std::vector<double> lats = column(*m_store, false);
    for (std::size_t i = 0; i < lons.size(); ++i)
        m_extent.include(lons[i], lats[i]);
    m_points = std::make_shared<PointCache>(std::move(lons), std::move(lats));
}

std::shared_ptr<FacilityMapLayer> FacilityMapLayer::withLabels(bool labels) const {
    auto copy = std::make_shared<FacilityMapLayer>(*this);
    copy->m_labels = labels;
    return copy;
}

FacilityMapLayer::KindSymbol FacilityMapLayer::symbolFor(FacilityKind kind) {
    switch (kind) {
    case FacilityKind::BorderOutpost:
        return {QColor(0x1b, 0x5e, 0x20), MarkerShape::Triangle};
    case FacilityKind::Base:
        return {QColor(0x1a, 0x23, 0x7e), MarkerShape::Square};
    case FacilityKind::TrainingGround:
        return {QColor(0x6d, 0x4c, 0x41), MarkerShape::Diamond};
    case FacilityKind::Crossing:
        return {QColor(0x37, 0x47, 0x4f), MarkerShape::Cross};
    case FacilityKind::Bridge:
        return {QColor(0x37, 0x47, 0x4f), MarkerShape::Square};
    }
    return {Qt::black, MarkerShape::Circle};
}

void FacilityMapLayer::collectLabels(const LabelContext& ctx, LabelInputs& out) const {
    auto projected = m_points->projected(ctx.crs);
    if (!projected)
        return;
    const double radius = ctx.mmToPixels(3.4) / 2; // the size render() draws
    SymbolLabels how;
    how.radiusPx = [radius](std::size_t) { return radius; };
    if (m_labels) { // named while they exist, placed with the map's names
        how.text = [this](std::size_t i) { return m_store->at(std::uint32_t(i)).name; };
        how.when = [this](std::size_t i) { return m_store->at(std::uint32_t(i)).presence(); };
        how.style.sizePt = 7;
        how.style.colour = QColor(0x1b, 0x3d, 0x22);
        how.priority = 90;
    }
    addSymbolLabels(*projected.value(), ctx, how, out);
}

void FacilityMapLayer::render(RenderContext& ctx) const {
    auto projected = m_points->projected(ctx.crs());
    if (!projected)
        return;
    const ProjectedPoints& xy = *projected.value();
    QPainter& p = ctx.painter();
    const double size = ctx.mmToPixels(3.4);
    for (std::uint32_t i : m_store->select(ctx.time())) {
        const Facility& f = m_store->at(i);
        if (!xy.valid(i))
            continue;
        const QPointF at = ctx.viewport().toPixel(xy.x(i), xy.y(i));
        const KindSymbol sym = symbolFor(f.kind);
        const bool exact = f.geoPrecision == GeoPrecision::Exact;
        drawUncertaintyHalo(ctx, at, f.geoPrecision, sym.colour, Qt::DotLine, size);
        const Marker marker(sym.shape, size);
        if (exact)
            marker.draw(p, at, sym.colour, Qt::white, ctx.mmToPixels(0.3));
        else
            marker.draw(p, at, QColor(255, 255, 255, 210), sym.colour, ctx.mmToPixels(0.55));
    }
}

IdentifyResult describeFacility(const Facility& f) {
    IdentifyResult r;
    r.featureKey = f.id;
    r.title = QStringLiteral("%1 — %2").arg(displayName(f.kind), f.name);
    const QLocale c = QLocale::c();
    r.fields = {
        {QStringLiteral("Id"), f.id},
        {QStringLiteral("Kind"), displayName(f.kind)},
        {QStringLiteral("Opened"),
         f.opened
             ? c.toString(*f.opened, QStringLiteral("d MMMM yyyy")) +
                   (f.openedPrecision == DatePrecision::Day
                        ? QString()
                        : QStringLiteral(" (known to the %1)").arg(toString(f.openedPrecision)))
             : QStringLiteral("unknown (shown at all times)")},
        {QStringLiteral("Closed"),
         f.closed ? c.toString(*f.closed, QStringLiteral("d MMMM yyyy")) : QStringLiteral("—")},
    };
    for (auto& field : whereFields(f.lon, f.lat, f.geoPrecision, f.country, f.province, f.district))
        r.fields.push_back(std::move(field));
    r.fields.emplace_back(QStringLiteral("Notes"), f.notes);
    r.sources = f.sources;
    return r;
}

std::vector<IdentifyResult> FacilityMapLayer::identify(const IdentifyQuery& q) const {
    return identifyPoints(*this, *m_points, m_store->select(q.time), q,
                          [this](std::uint32_t i) { return describeFacility(m_store->at(i)); });
}

} // namespace borderlens

namespace borderlens {

std::vector<LegendEntry> FacilityMapLayer::legendEntries(const LegendContext& context) const {
    const TimeRange& window = context.window;
    std::map<FacilityKind, int> counts;
    bool approximate = false;
    for (std::uint32_t i : m_store->select(window)) {
        ++counts[m_store->at(i).kind];
        approximate = approximate || m_store->at(i).geoPrecision != GeoPrecision::Exact;
    }
    std::vector<LegendEntry> out;
    LegendEntry heading;
    heading.swatch = LegendEntry::Swatch::Heading;
    heading.label = name();
    out.push_back(heading);
    for (const auto& [kind, n] : counts) {
        const KindSymbol sym = symbolFor(kind);
        LegendEntry e;
        e.label = displayName(kind);
        e.count = n;
        e.fill = sym.colour;
        e.stroke = Qt::white;
        e.shape = sym.shape;
        out.push_back(e);
    }
    if (approximate) {
        LegendEntry e;
        e.label = QStringLiteral("Site not public / approximate (hollow)");
        e.fill = QColor(255, 255, 255, 210);
        e.stroke = QColor(0x1b, 0x5e, 0x20);
        e.shape = MarkerShape::Triangle;
        e.hollow = true;
        out.push_back(e);
    }
    return out;
}

} // namespace borderlens
