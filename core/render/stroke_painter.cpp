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

bool StrokePainter::visible(QPointF a, QPointF b) const {
    return std::max(a.x(), b.x()) >= m_visible.left() &&
           std::min(a.x(), b.x()) <= m_visible.right() &&
           std::max(a.y(), b.y()) >= m_visible.top() &&
           std::min(a.y(), b.y()) <= m_visible.bottom();
}

void StrokePainter::stroke(const QPointF* points, int count, bool closed) {
    if (count < 1 || m_pen.style() == Qt::NoPen)
        return;
    m_painter.setPen(m_pen); // cheap when unchanged; the caller may have filled with no pen
    m_painter.setBrush(Qt::NoBrush);
    if (!m_inPieces) {
        if (!visible(points, count))
            return;
        if (closed)
            m_painter.drawPolygon(points, count);
        else
            m_painter.drawPolyline(points, count);
        return;
    }
    // Pieces start every kPieceVertices - 1 vertices from the line's start, wherever the output
    // is, so that a band drawn during a pan puts their joints where a full redraw does. Within
    // a piece only the runs of segments that reach the output are drawn: where a run is cut,
    // the cut lies beyond the pen's reach of the output. Dash offsets are in pen widths; each
    // run starts the pattern where the line has got to.
    const double width = m_pen.widthF();
    double travelled = 0;
    const int total = count + (closed ? 1 : 0); // a ring returns to its first point
    QPointF piece[kPieceVertices];
    for (int start = 0; start < total - 1; start += kPieceVertices - 1) {
        const int n = std::min(kPieceVertices, total - start);
        for (int i = 0; i < n; ++i)
            piece[i] = points[(start + i) % count];
        int i = 0;
        while (i < n - 1) {
            for (; i < n - 1 && !visible(piece[i], piece[i + 1]); ++i) {
                if (m_dashed)
                    travelled += length(piece[i], piece[i + 1]);
            }
            if (i == n - 1)
                break;
            const int first = i;
            const double offset = travelled;
            for (; i < n - 1 && visible(piece[i], piece[i + 1]); ++i) {
                if (m_dashed)
                    travelled += length(piece[i], piece[i + 1]);
            }
            if (m_dashed) {
                QPen pen = m_pen;
                pen.setDashOffset(m_pen.dashOffset() + offset / width);
                m_painter.setPen(pen);
            }
            m_painter.drawPolyline(piece + first, i - first + 1);
        }
    }
    if (m_dashed)
        m_painter.setPen(m_pen);
}

} // namespace borderlens
