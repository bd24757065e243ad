#include "export/scale_bar.h"

#include "export/layout_style.h"
#include "geo/coordinate_transform.h"
#include "geo/geodesy.h"

#include <QFontMetricsF>
#include <cmath>

namespace borderlens {

std::optional<double> centreRowDistance(const MapViewport& frame, const Crs& crs, double lengthPx) {
    auto toLonLat = TransformCache::get(crs, Crs::wgs84());
    if (!toLonLat || !frame.isValid() || lengthPx <= 0)
        return std::nullopt;
    const QSizeF size = frame.outputSize();
    const QPointF a = frame.toMap({size.width() / 2.0 - lengthPx / 2.0, size.height() / 2.0});
    const QPointF b = frame.toMap({size.width() / 2.0 + lengthPx / 2.0, size.height() / 2.0});
    double ax = a.x(), ay = a.y(), bx = b.x(), by = b.y();
    if (!toLonLat.value()->transform(ax, ay) || !toLonLat.value()->transform(bx, by))
        return std::nullopt;
    return geodesicDistance(ax, ay, bx, by);
}

std::optional<ScaleBar> ScaleBar::compute(const MapViewport& frame, const Crs& crs,
                                          double maxLengthPx) {
    const auto spanned = centreRowDistance(frame, crs, maxLengthPx);
    if (!spanned || *spanned <= 0)
        return std::nullopt;
    // The largest 1-2-5 number not above what the longest allowed bar spans.
    const double decade = std::pow(10.0, std::floor(std::log10(*spanned)));
    double nice = decade;
    int segments = 4;
    for (const auto& [factor, segs] : {std::pair{5.0, 5}, std::pair{2.0, 4}, std::pair{1.0, 4}}) {
        if (factor * decade <= *spanned * (1.0 + 1e-9)) {
            nice = factor * decade;
            segments = segs;
            break;
        }
    }
    // Pixels per metre varies across a projected frame; refine on the bar's own span, which
    // converges in a step or two because the distance is nearly linear in the span.
    double length = maxLengthPx * nice / *spanned;
    for (int i = 0; i < 3; ++i) {
        const auto d = centreRowDistance(frame, crs, length);
        if (!d || *d <= 0)
            return std::nullopt;
        length *= nice / *d;
    }
    ScaleBar bar;
    bar.lengthPx = length;
    bar.lengthMetres = nice;
    bar.measuredMetres = centreRowDistance(frame, crs, length).value_or(0.0);
    bar.segments = segments;
    return bar;
}

QString ScaleBar::formatLength(double metres) {
    if (metres >= 1000.0)
        return QString::number(metres / 1000.0, 'g', 6) + QStringLiteral(" km");
    return QString::number(metres, 'g', 6) + QStringLiteral(" m");
}

double ScaleBar::heightPx(double dpi) {
    const QFontMetricsF fm(layout::font(layout::kSmallPt, dpi));
    return fm.height() + layout::mmToPx(0.8 + 1.8, dpi);
}

void ScaleBar::draw(QPainter& p, const QRectF& area, double dpi) const {
    p.save();
    const QFont font = layout::font(layout::kSmallPt, dpi);
    p.setFont(font);
    const QFontMetricsF fm(font, p.device());
    const double barH = layout::mmToPx(1.8, dpi);
    const double x0 = area.left() + fm.horizontalAdvance(QStringLiteral("0")) / 2.0;
    const double y0 = area.top() + fm.height() + layout::mmToPx(0.8, dpi);
    const double seg = lengthPx / segments;
    const double pen = layout::mmToPx(0.2, dpi);
    p.setPen(QPen(layout::kInk, pen));
    for (int i = 0; i < segments; ++i) {
        p.setBrush(i % 2 == 0 ? QBrush(layout::kInk) : QBrush(Qt::white));
        p.drawRect(QRectF(x0 + i * seg, y0, seg, barH));
    }
    // Labels at 0, the middle (when it falls on a segment boundary) and the end.
    p.setPen(layout::kInk);
    auto label = [&](double metres, double x, bool withUnit) {
        QString text =
            withUnit ? formatLength(metres) : formatLength(metres).section(QLatin1Char(' '), 0, 0);
        const double w = fm.horizontalAdvance(text);
        // The unit hangs to the right of the end tick so the number sits on it.
        const double left =
            withUnit ? x - fm.horizontalAdvance(text.section(QLatin1Char(' '), 0, 0)) / 2.0
                     : x - w / 2.0;
        p.drawText(QPointF(left, y0 - layout::mmToPx(0.8, dpi) - fm.descent()), text);
    };
    label(0, x0, false);
    if (segments % 2 == 0)
        label(lengthMetres / 2.0, x0 + lengthPx / 2.0, false);
    label(lengthMetres, x0 + lengthPx, true);
    p.restore();
}

} // namespace borderlens
