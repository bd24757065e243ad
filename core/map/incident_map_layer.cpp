#include "map/incident_map_layer.h"

#include "map/points_near.h"
#include "render/marker.h"
#include "render/render_context.h"
#include "render/uncertainty_halo.h"

#include <QFontMetricsF>
#include <QHash>
#include <QLocale>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace borderlens {

IncidentMapLayer::IncidentMapLayer(QString id, QString name,
                                   std::shared_ptr<const IncidentStore> store,
                                   IncidentLayerOptions options)
    : MapLayer(std::move(id), std::move(name)), m_store(std::move(store)),
      m_points(std::make_shared<PointCache>(m_store->lons(), m_store->lats())),
      m_options(std::move(options)) {
    for (std::size_t i = 0; i < m_store->size(); ++i)
        m_extent.include(m_store->lons()[i], m_store->lats()[i]);
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

void IncidentMapLayer::render(RenderContext& ctx) const {
    auto projected = m_points->projected(ctx.crs());
    if (!projected)
        return;
    const std::vector<double>& xy = *projected.value();
    const std::vector<std::uint32_t> visible = m_store->select(ctx.time());
    QPainter& p = ctx.painter();
    const MapViewport& vp = ctx.viewport();
    const QRectF frame(QPointF(0, 0), vp.outputSize());

    struct Placed {
        std::uint32_t index;
        QPointF at;
    };
    std::vector<Placed> placed;
    placed.reserve(visible.size());
    const double margin = ctx.mmToPixels(40);
    for (std::uint32_t i : visible) {
        const double x = xy[2 * i], y = xy[2 * i + 1];
        if (std::isnan(x) || std::isnan(y))
            continue;
        const QPointF at = vp.toPixel(x, y);
        if (frame.adjusted(-margin, -margin, margin, margin).contains(at))
            placed.push_back({i, at});
    }

    // Clusters: where several incidents fall into one cell of about 8 mm, one badge with their
    // count replaces a pile of overlapping symbols. Selected incidents are never clustered.
    std::vector<Placed> singles;
    if (m_options.clusters && placed.size() > 1) {
        const double cell = ctx.mmToPixels(8);
        QHash<quint64, std::vector<std::size_t>> cells;
        for (std::size_t k = 0; k < placed.size(); ++k) {
            const auto cx = static_cast<qint64>(std::floor(placed[k].at.x() / cell));
            const auto cy = static_cast<qint64>(std::floor(placed[k].at.y() / cell));
            cells[(static_cast<quint64>(cx) << 32) ^ static_cast<quint32>(cy)].push_back(k);
        }
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPixelSize(std::max(6, qRound(ctx.pointsToPixels(7.5))));
        font.setBold(true);
        for (auto it = cells.cbegin(); it != cells.cend(); ++it) {
            const auto& members = it.value();
            std::vector<std::size_t> clusterable;
            for (std::size_t k : members) {
                if (m_options.selectedIds.contains(m_store->at(placed[k].index).id))
                    singles.push_back(placed[k]);
                else
                    clusterable.push_back(k);
            }
            if (clusterable.size() < 4) {
                for (std::size_t k : clusterable)
                    singles.push_back(placed[k]);
                continue;
            }
            QPointF centre;
            std::array<int, kIncidentTypeCount> byType{};
            for (std::size_t k : clusterable) {
                centre += placed[k].at;
                ++byType[static_cast<std::size_t>(m_store->types()[placed[k].index])];
            }
            centre /= static_cast<double>(clusterable.size());
            const auto dominant = static_cast<IncidentType>(
                std::max_element(byType.begin(), byType.end()) - byType.begin());
            const QString label = QString::number(clusterable.size());
            const double r = ctx.mmToPixels(3.2 + 0.5 * std::log2(double(clusterable.size())));
            p.setPen(QPen(Qt::white, ctx.mmToPixels(0.35)));
            p.setBrush(symbolFor(dominant).colour);
            p.drawEllipse(centre, r, r);
            p.setFont(font);
            p.drawText(QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r), Qt::AlignCenter,
                       label);
        }
    } else {
        singles = std::move(placed);
    }

    // Halos first, so no halo covers a symbol; then big symbols under small ones.
    for (const Placed& s : singles) {
        drawUncertaintyHalo(ctx, s.at, m_store->geoPrecisions()[s.index],
                            symbolFor(m_store->types()[s.index]).colour, Qt::DashLine,
                            ctx.mmToPixels(2.0));
    }
    std::stable_sort(singles.begin(), singles.end(), [&](const Placed& a, const Placed& b) {
        return m_store->killed()[a.index] > m_store->killed()[b.index];
    });
    QFont labelFont(QStringLiteral("DejaVu Sans"));
    labelFont.setPixelSize(std::max(6, qRound(ctx.pointsToPixels(7))));
    for (const Placed& s : singles) {
        const IncidentSymbol sym = symbolFor(m_store->types()[s.index]);
        const double size = ctx.mmToPixels(symbolSizeMm(m_store->killed()[s.index]));
        const bool exact = m_store->geoPrecisions()[s.index] == GeoPrecision::Exact;
        const Incident& inc = m_store->at(s.index);
        if (m_options.selectedIds.contains(inc.id)) {
            p.setPen(QPen(QColor(255, 215, 0), ctx.mmToPixels(1.0)));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(s.at, size * 0.85, size * 0.85);
        }
        const Marker marker(sym.shape, size);
        // Exact: filled. Approximate: hollow, in the type's colour, with a thick outline.
        if (exact)
            marker.draw(p, s.at, sym.colour, Qt::white, ctx.mmToPixels(0.3));
        else
            marker.draw(p, s.at, QColor(255, 255, 255, 200), sym.colour, ctx.mmToPixels(0.6));
        if (m_options.labels) {
            p.setFont(labelFont);
            p.setPen(QColor(0x22, 0x22, 0x22));
            const QString text = QStringLiteral("%1, %2").arg(
                inc.place, QLocale::c().toString(inc.startDate, QStringLiteral("d MMM yyyy")));
            p.drawText(s.at + QPointF(size * 0.6 + 2, size * 0.25), text);
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
    return identifyPoints(*this, *m_points, m_store->select(q.time), q,
                          [this](std::uint32_t i) { return describeIncident(m_store->at(i)); });
}

} // namespace borderlens

namespace borderlens {

std::vector<LegendEntry> IncidentMapLayer::legendEntries(const TimeRange& window) const {
    std::array<int, kIncidentTypeCount> counts{};
    bool approximate = false;
    for (std::uint32_t i : m_store->select(window)) {
        ++counts[static_cast<std::size_t>(m_store->types()[i])];
        approximate = approximate || m_store->geoPrecisions()[i] != GeoPrecision::Exact;
    }
    std::vector<LegendEntry> out;
    LegendEntry heading;
    heading.swatch = LegendEntry::Swatch::Heading;
    heading.label = name();
    heading.count = std::accumulate(counts.begin(), counts.end(), 0);
    out.push_back(heading);
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
    if (approximate) {
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
    QHash<QString, int> outlets;
    for (std::size_t i = 0; i < m_store->size(); ++i)
        for (const SourceRef& s : m_store->at(i).sources)
            if (!s.outlet.isEmpty())
                ++outlets[s.outlet];
    QStringList names = outlets.keys();
    std::sort(names.begin(), names.end(), [&](const QString& a, const QString& b) {
        return outlets[a] != outlets[b] ? outlets[a] > outlets[b] : a < b;
    });
    if (names.size() > 6)
        names = names.mid(0, 6) << QStringLiteral("others");
    return {QStringLiteral("Incidents: %1").arg(names.join(QStringLiteral(", ")))};
}

} // namespace borderlens
