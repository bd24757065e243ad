#include "render/stroke_painter.h"

#include <QPaintEngine>

#include <algorithm>
#include <cmath>

namespace borderlens {
namespace {

// Vertices per piece: measured on the bundled border and rivers at the viewer's opening view,
// 16–32 are fastest; longer pieces fall back into many raster bands.
constexpr int kPieceVertices = 32;
// Below this width Qt draws with its cosmetic stroker, which has no bands to avoid.
constexpr double kCosmeticMaxPx = 1.0;
constexpr double kThinPx = 2.0;

double length(QPointF a, QPointF b) { return std::hypot(b.x() - a.x(), b.y() - a.y()); }

} // namespace

QPen StrokePainter::pen(const QColor& colour, double widthPx, Qt::PenStyle style) {
    return QPen(colour, widthPx, style, Qt::RoundCap,
                widthPx < kThinPx ? Qt::BevelJoin : Qt::RoundJoin);
}

StrokePainter::StrokePainter(QPainter& painter, const QPen& pen, QRectF output)
    : m_painter(painter), m_pen(pen),
      m_visible(output.adjusted(-pen.widthF() - 2, -pen.widthF() - 2, pen.widthF() + 2,
                                pen.widthF() + 2)),
      // Where pieces overlap, a translucent pen would blend twice and show a darker dot; vector
      // outputs (PDF, SVG) have no bands and keep each line whole.
      m_inPieces(pen.widthF() > kCosmeticMaxPx && pen.color().alpha() == 255 &&
                 pen.style() != Qt::NoPen && painter.paintEngine() &&
                 painter.paintEngine()->type() == QPaintEngine::Raster),
      m_dashed(pen.style() != Qt::SolidLine) {}

bool StrokePainter::visible(const QPointF* points, int count) const {
    double x0 = points[0].x(), x1 = x0, y0 = points[0].y(), y1 = y0;
    for (int i = 1; i < count; ++i) {
        x0 = std::min(x0, points[i].x());
        x1 = std::max(x1, points[i].x());
        y0 = std::min(y0, points[i].y());
        y1 = std::max(y1, points[i].y());
    }
    return x1 >= m_visible.left() && x0 <= m_visible.right() && y1 >= m_visible.top() &&
           y0 <= m_visible.bottom();
}

void StrokePainter::stroke(const QPointF* points, int count, bool closed) {
    if (count < 1 || m_pen.style() == Qt::NoPen)
        return;
    m_painter.setPen(m_pen); // cheap when unchanged; the caller may have filled with no pen
    m_painter.setBrush(Qt::NoBrush);
    if (!m_inPieces || count + (closed ? 1 : 0) <= kPieceVertices) {
        if (!visible(points, count))
            return;
        if (closed)
            m_painter.drawPolygon(points, count);
        else
            m_painter.drawPolyline(points, count);
        return;
    }
    // Dash offsets are in pen widths; each piece starts the pattern where the last one stopped.
    const double width = m_pen.widthF();
    double travelled = 0;
    const int total = count + (closed ? 1 : 0); // a ring returns to its first point
    QPointF piece[kPieceVertices];
    int start = 0;
    while (start < total - 1) {
        const int n = std::min(kPieceVertices, total - start);
        for (int i = 0; i < n; ++i)
            piece[i] = points[(start + i) % count];
        const double offset = travelled;
        if (m_dashed) {
            for (int i = 1; i < n; ++i)
                travelled += length(piece[i - 1], piece[i]);
        }
        start += n - 1; // the next piece starts on this one's last point
        // Pieces off the output are skipped: a zoomed-in view or a band of a pan draws only
        // what it shows, though the line is long.
        if (!visible(piece, n))
            continue;
        if (m_dashed) {
            QPen pen = m_pen;
            pen.setDashOffset(m_pen.dashOffset() + offset / width);
            m_painter.setPen(pen);
        }
        m_painter.drawPolyline(piece, n);
    }
    if (m_dashed)
        m_painter.setPen(m_pen);
}

} // namespace borderlens
