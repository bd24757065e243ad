#pragma once

#include <QPainter>
#include <QPen>

namespace borderlens {

// Strokes lines and rings so that they look as a single QPainter::drawPolyline would, faster.
//
// Qt's antialiasing rasteriser works in horizontal bands sized by how many cells fit in its
// small memory pool, and walks the whole outline once per band: a long stroked line costs
// roughly its length times its band count. So a wide (non-cosmetic), opaque pen strokes long
// lines in pieces of a few dozen vertices, where pieces meet their round caps make a round join,
// and draws only the segments that reach the output. Dashed pens carry their dash phase from
// piece to piece. Pens thinner than 2 px join with bevels (a round join differs by under a third
// of a pixel there, and costs an arc per vertex).
class StrokePainter {
public:
    // The pen for a line `widthPx` device pixels wide.
    static QPen pen(const QColor& colour, double widthPx, Qt::PenStyle style);

    // `output`: the rectangle being drawn, in the painter's coordinates; lines and pieces wholly
    // outside it are skipped.
    StrokePainter(QPainter& painter, const QPen& pen, QRectF output);

    void strokeLine(const QPointF* points, int count) { stroke(points, count, false); }
    // A closed ring; the points need not repeat the first at the end.
    void strokeRing(const QPointF* points, int count) { stroke(points, count, true); }

private:
    void stroke(const QPointF* points, int count, bool closed);

    bool visible(const QPointF* points, int count) const;
    bool visible(QPointF a, QPointF b) const;

    QPainter& m_painter;
    QPen m_pen;
    QRectF m_visible; // the output grown by the pen's reach
    bool m_inPieces;
    bool m_dashed;
};

} // namespace borderlens
