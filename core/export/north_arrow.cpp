#include "export/north_arrow.h"

#include "export/layout_style.h"
#include "geo/coordinate_transform.h"

#include <QFontMetricsF>
#include <QPainterPath>
#include <cmath>
#include <numbers>

namespace borderlens {

namespace {
constexpr double kArrowMm = 11.0; // tip to tail
constexpr double kLabelGapMm = 1.5;
} // namespace

std::optional<NorthArrow> NorthArrow::compute(const MapViewport& frame, const Crs& crs) {
    if (!frame.isValid())
        return std::nullopt;
    auto toLonLat = TransformCache::get(crs, Crs::wgs84());
    auto fromLonLat = TransformCache::get(Crs::wgs84(), crs);
    if (!toLonLat || !fromLonLat)
        return std::nullopt;
    double lon = frame.centerX(), lat = frame.centerY();
    if (!toLonLat.value()->transform(lon, lat))
        return std::nullopt;
    // Step north, or south near the pole (and flip the result).
    const double step = lat < 89.8 ? 0.1 : -0.1;
    double x0 = lon, y0 = lat, x1 = lon, y1 = lat + step;
    if (!fromLonLat.value()->transform(x0, y0) || !fromLonLat.value()->transform(x1, y1))
        return std::nullopt;
    double dx = x1 - x0, dy = y1 - y0;
    if (step < 0) {
        dx = -dx;
        dy = -dy;
    }
    if (dx == 0 && dy == 0)
        return std::nullopt;
    NorthArrow arrow;
    // Map y grows up, like the page's "up" after the viewport's flip, and x grows right on both:
    // atan2(dx, dy) is the clockwise angle from up.
    arrow.rotationDeg = std::atan2(dx, dy) * 180.0 / std::numbers::pi;
    arrow.convergenceDeg = -arrow.rotationDeg;
    arrow.projected = !crs.isGeographic();
    return arrow;
}

QStringList NorthArrow::labelLines() const {
    QStringList lines{QStringLiteral("True north")};
    if (projected && std::abs(convergenceDeg) >= 0.05)
        lines << QStringLiteral("grid convergence %1°").arg(convergenceDeg, 0, 'f', 1);
    return lines;
}

double NorthArrow::heightPx(double dpi) {
    const QFontMetricsF letter(layout::font(layout::kLegendPt, dpi, true));
    const QFontMetricsF small(layout::font(layout::kSmallPt, dpi));
    return letter.height() + layout::mmToPx(kArrowMm + kLabelGapMm, dpi) + 2 * small.lineSpacing();
}

void NorthArrow::draw(QPainter& p, const QRectF& area, double dpi) const {
    p.save();
    const QFont letterFont = layout::font(layout::kLegendPt, dpi, true);
    const QFontMetricsF letter(letterFont, p.device());
    const double len = layout::mmToPx(kArrowMm, dpi);
    const double halfW = len * 0.28;
    // The arrow turns about its middle; the "N" turns with it, so it stays at the true north end.
    const QPointF centre(area.center().x(), area.top() + letter.height() + len / 2.0);
    p.translate(centre);
    p.rotate(rotationDeg);
    QPainterPath left, right;
    left.moveTo(0, -len / 2.0);
    left.lineTo(-halfW, len / 2.0);
    left.lineTo(0, len * 0.28);
    left.closeSubpath();
    right.moveTo(0, -len / 2.0);
    right.lineTo(halfW, len / 2.0);
    right.lineTo(0, len * 0.28);
    right.closeSubpath();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(
        QPen(layout::kInk, layout::mmToPx(0.2, dpi), Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
    p.setBrush(layout::kInk);
    p.drawPath(left);
    p.setBrush(Qt::white);
    p.drawPath(right);
    p.setFont(letterFont);
    p.setPen(layout::kInk);
    const QString n = QStringLiteral("N");
    p.drawText(QPointF(-letter.horizontalAdvance(n) / 2.0,
                       -len / 2.0 - layout::mmToPx(0.6, dpi) - letter.descent()),
               n);
    p.restore();

    p.save();
    const QFont small = layout::font(layout::kSmallPt, dpi);
    p.setFont(small);
    p.setPen(layout::kInk);
    const QFontMetricsF fm(small, p.device());
    double y = centre.y() + len / 2.0 + layout::mmToPx(kLabelGapMm, dpi) + fm.ascent();
    for (const QString& line : labelLines()) {
        p.drawText(QPointF(area.center().x() - fm.horizontalAdvance(line) / 2.0, y), line);
        y += fm.lineSpacing();
    }
    p.restore();
}

} // namespace borderlens
