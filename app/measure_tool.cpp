#include "measure_tool.h"

#include "geo/coordinate_transform.h"

#include <QPainterPath>

#include <cmath>

namespace borderlens {
namespace {

std::optional<LonLat> toLonLat(QPointF pixel, const MapViewport& view, const Crs& crs) {
    const QPointF m = view.toMap(pixel);
    double x = m.x(), y = m.y();
    auto t = TransformCache::get(crs, Crs::wgs84());
    if (!t || !t.value()->transform(x, y))
        return std::nullopt;
    return LonLat{x, y};
}

std::optional<QPointF> toPixel(LonLat p, const MapViewport& view, const Crs& crs) {
    double x = p.lon, y = p.lat;
    auto t = TransformCache::get(Crs::wgs84(), crs);
    if (!t || !t.value()->transform(x, y))
        return std::nullopt;
    return view.toPixel(x, y);
}

QString formatArea(double m2) {
    return m2 >= 1e6 ? QStringLiteral("%1 km²").arg(m2 / 1e6, 0, 'f', m2 >= 1e8 ? 0 : 1)
                     : QStringLiteral("%1 ha").arg(m2 / 1e4, 0, 'f', 1);
}

} // namespace

QString formatDistance(double metres) {
    return metres >= 1000 ? QStringLiteral("%1 km").arg(metres / 1000, 0, 'f', metres >= 1e5 ? 0 : 1)
                          : QStringLiteral("%1 m").arg(std::round(metres), 0, 'f', 0);
}

MeasureTool::MeasureTool(std::shared_ptr<const BorderReference> border, QObject* parent)
    : QObject(parent), m_reference(std::move(border)) {}

void MeasureTool::start(Mode mode) {
    m_mode = mode;
    m_points.clear();
    m_closed = false;
    m_measure = {};
    m_clicked.reset();
    m_border.reset();
    emit changed();
}

void MeasureTool::stop() { start(Mode::Off); }

bool MeasureTool::click(QPointF pixel, const MapViewport& view, const Crs& crs) {
    if (m_mode == Mode::Off)
        return false;
    const auto at = toLonLat(pixel, view, crs);
    if (!at)
        return true;
    if (m_mode == Mode::Border) {
        m_clicked = at;
        if (m_reference)
            m_border = m_reference->locate(*at);
        emit changed();
        return true;
    }
    if (m_closed) { // a click after a closed shape begins a new path
        m_points.clear();
        m_closed = false;
    }
    // Clicking the first point again (within a few pixels) closes the shape.
    if (m_points.size() >= 3) {
        const auto first = toPixel(m_points.front(), view, crs);
        if (first && std::hypot(first->x() - pixel.x(), first->y() - pixel.y()) < 8)
            m_closed = true;
    }
    if (!m_closed)
        m_points.push_back(*at);
    m_measure = measurePath(m_points, m_closed);
    emit changed();
    return true;
}

void MeasureTool::paint(QPainter& p, const MapViewport& view, const Crs& crs) const {
    if (m_mode == Mode::Off)
        return;
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    const QColor ink(0xd3, 0x2f, 0x7f);
    p.setPen(QPen(ink, 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    if (m_mode == Mode::Path) {
        QPolygonF line;
        for (const LonLat& q : m_points)
            if (const auto px = toPixel(q, view, crs))
                line << *px;
        if (m_closed && !line.isEmpty()) {
            p.setBrush(QColor(ink.red(), ink.green(), ink.blue(), 40));
            p.drawPolygon(line);
        } else {
            p.drawPolyline(line);
        }
        p.setBrush(Qt::white);
        for (const QPointF& q : line)
            p.drawEllipse(q, 3.5, 3.5);
    } else if (m_clicked) {
        const auto from = toPixel(*m_clicked, view, crs);
        const auto to = m_border ? toPixel(m_border->nearest.at, view, crs) : std::nullopt;
        if (from && to) {
            p.setPen(QPen(ink, 2, Qt::DashLine));
            p.drawLine(*from, *to);
            p.setPen(QPen(ink, 2));
            p.setBrush(ink);
            p.drawEllipse(*to, 5, 5); // the nearest border point
        }
        if (from) {
            p.setBrush(Qt::white);
            p.drawEllipse(*from, 4, 4);
        }
    }
    p.restore();
}

QString MeasureTool::summary() const {
    switch (m_mode) {
    case Mode::Off:
        return {};
    case Mode::Path:
        if (m_points.size() < 2)
            return tr("Measure: click points on the map; click the first point again to close the "
                      "shape; Esc ends");
        return m_closed ? tr("Perimeter %1, area %2")
                              .arg(formatDistance(m_measure.lengthMetres),
                                   formatArea(m_measure.areaSquareMetres))
                        : tr("Length %1 over %n leg(s)", nullptr, int(m_measure.legMetres.size()))
                              .arg(formatDistance(m_measure.lengthMetres));
    case Mode::Border:
        if (!m_border)
            return tr("Distance to the border: click a point on the map; Esc ends");
        if (m_border->nearest.distanceMetres < 0)
            return tr("The border line is not loaded");
        return tr("%1 from the Tajik–Afghan border (nearest point %2° N %3° E); %4")
            .arg(formatDistance(m_border->nearest.distanceMetres))
            .arg(m_border->nearest.at.lat, 0, 'f', 4)
            .arg(m_border->nearest.at.lon, 0, 'f', 4)
            .arg(m_border->country.isEmpty() ? tr("outside the countries layer")
                                             : tr("in %1").arg(m_border->country));
    }
    return {};
}

QString MeasureTool::details() const {
    if (m_mode != Mode::Path || m_measure.legMetres.empty())
        return summary();
    QStringList lines{summary()};
    for (std::size_t i = 0; i < m_measure.legMetres.size(); ++i)
        lines << tr("Leg %1: %2, bearing %3°")
                     .arg(i + 1)
                     .arg(formatDistance(m_measure.legMetres[i]))
                     .arg(m_measure.bearingsDeg[i], 0, 'f', 1);
    return lines.join(QLatin1Char('\n'));
}

} // namespace borderlens
