#include "export/graticule.h"

#include "export/layout_style.h"
#include "geo/coordinate_transform.h"
#include "geo/extent_transform.h"

#include <QFontMetricsF>
#include <cmath>
#include <optional>

namespace borderlens {

namespace {

constexpr int kSamplesPerLine = 96; // enough for UTM's curvature over a region

// Where the polyline first crosses x = value (vertical edge) or y = value (horizontal edge).
std::optional<QPointF> crossing(const QPolygonF& line, double value, bool vertical) {
    for (qsizetype i = 1; i < line.size(); ++i) {
        const QPointF a = line[i - 1], b = line[i];
        const double va = vertical ? a.x() : a.y();
        const double vb = vertical ? b.x() : b.y();
        if ((va - value) * (vb - value) > 0 || va == vb)
            continue;
        const double t = (value - va) / (vb - va);
        return a + (b - a) * t;
    }
    return std::nullopt;
}

} // namespace

QString Graticule::formatDegrees(double degrees, bool meridian, double interval) {
    const int decimals = interval >= 1 ? 0 : interval >= 0.1 ? 1 : 2;
    const double rounded = std::abs(degrees) < 1e-9 ? 0.0 : degrees;
    QString text = QString::number(std::abs(rounded), 'f', decimals) + QStringLiteral("°");
    if (rounded > 0)
        text += meridian ? QStringLiteral("E") : QStringLiteral("N");
    else if (rounded < 0)
        text += meridian ? QStringLiteral("W") : QStringLiteral("S");
    return text;
}

Graticule Graticule::compute(const MapViewport& frame, const Crs& crs) {
    Graticule g;
    g.m_size = frame.outputSize();
    if (!frame.isValid())
        return g;
    const Extent lonLat = transformExtent(frame.visibleExtent(), crs, Crs::wgs84());
    auto toMap = TransformCache::get(Crs::wgs84(), crs);
    if (lonLat.isEmpty() || !toMap)
        return g;
    // A little beyond the frame, so lines cross its edges (where the labels go) even when the
    // projection maps the extent's edges exactly onto the frame's (Web Mercator, lon/lat).
    const double padLon = lonLat.width() * 0.02, padLat = lonLat.height() * 0.02;
    const double minLon = std::max(-180.0, lonLat.xMin - padLon);
    const double maxLon = std::min(180.0, lonLat.xMax + padLon);
    const double minLat = std::max(-89.9, lonLat.yMin - padLat);
    const double maxLat = std::min(89.9, lonLat.yMax + padLat);
    const double span = std::max(maxLon - minLon, maxLat - minLat);
    static const double steps[] = {0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 15, 30};
    g.m_interval = steps[std::size(steps) - 1];
    for (double s : steps) {
        if (span / s <= 10.0) {
            g.m_interval = s;
            break;
        }
    }
    const double iv = g.m_interval;
    auto project = [&](double lon, double lat) -> std::optional<QPointF> {
        double x = lon, y = lat;
        if (!toMap.value()->transform(x, y))
            return std::nullopt;
        return frame.toPixel(x, y);
    };
    auto addLine = [&](double degrees, bool meridian) {
        Line line{degrees, meridian, {}};
        for (int i = 0; i <= kSamplesPerLine; ++i) {
            const double t = static_cast<double>(i) / kSamplesPerLine;
            const auto p = meridian ? project(degrees, minLat + t * (maxLat - minLat))
                                    : project(minLon + t * (maxLon - minLon), degrees);
            if (p)
                line.pixels << *p;
        }
        if (line.pixels.size() < 2)
            return;
        // Label where it leaves the frame: meridians at the bottom edge, parallels at the left.
        const auto at = meridian ? crossing(line.pixels, g.m_size.height(), false)
                                 : crossing(line.pixels, 0.0, true);
        if (at && at->x() >= 0 && at->x() <= g.m_size.width() && at->y() >= 0 &&
            at->y() <= g.m_size.height())
            g.m_labels.push_back({formatDegrees(degrees, meridian, iv), *at, meridian});
        g.m_lines.push_back(std::move(line));
    };
    // Integer multiples of the interval, so the lines fall on round values.
    for (auto k = static_cast<long long>(std::ceil(minLon / iv - 1e-9)); k * iv <= maxLon + 1e-9;
         ++k)
        addLine(static_cast<double>(k) * iv, true);
    for (auto k = static_cast<long long>(std::ceil(minLat / iv - 1e-9)); k * iv <= maxLat + 1e-9;
         ++k)
        addLine(static_cast<double>(k) * iv, false);
    return g;
}

std::optional<QRectF> Graticule::labelBox(const Label& label, const QFontMetricsF& fm,
                                          double pad) const {
    const double w = fm.horizontalAdvance(label.text);
    // Inside the frame, against the edge the line leaves by, on a pale box for legibility.
    const QRectF box = label.meridian ? QRectF(label.at.x() - w / 2.0 - pad,
                                               m_size.height() - fm.height() - 2 * pad,
                                               w + 2 * pad, fm.height() + pad)
                                      : QRectF(pad, label.at.y() - fm.height() / 2.0 - pad / 2.0,
                                               w + 2 * pad, fm.height() + pad);
    if (label.meridian && (box.left() < 0 || box.right() > m_size.width()))
        return std::nullopt;
    if (!label.meridian && (box.top() < 0 || box.bottom() > m_size.height()))
        return std::nullopt;
    return box;
}

std::vector<QRectF> Graticule::labelBoxes(double dpi) const {
    const QFontMetricsF fm(layout::font(layout::kSmallPt, dpi));
    std::vector<QRectF> out;
    for (const Label& label : m_labels)
        if (const auto box = labelBox(label, fm, layout::mmToPx(0.6, dpi)))
            out.push_back(*box);
    return out;
}

void Graticule::draw(QPainter& p, double dpi) const {
    p.save();
    p.setClipRect(QRectF(QPointF(0, 0), m_size), Qt::IntersectClip);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(QColor(0x40, 0x40, 0x60, 120), layout::mmToPx(0.15, dpi)));
    for (const Line& line : m_lines)
        p.drawPolyline(line.pixels);

    const QFont font = layout::font(layout::kSmallPt, dpi);
    p.setFont(font);
    const QFontMetricsF fm(font, p.device());
    const double pad = layout::mmToPx(0.6, dpi);
    for (const Label& label : m_labels) {
        const auto box = labelBox(label, fm, pad);
        if (!box)
            continue;
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(255, 255, 255, 200));
        p.drawRect(*box);
        p.setPen(layout::kInk);
        p.drawText(QPointF(box->left() + pad, box->top() + pad / 2.0 + fm.ascent()), label.text);
    }
    p.restore();
}

} // namespace borderlens
