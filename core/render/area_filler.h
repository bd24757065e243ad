#pragma once

#include "render/pixel_rings.h"

#include <QPainter>
#include <QPainterPath>

#include <utility>
#include <vector>

namespace borderlens {

// Fills polygons (rings, odd-even, so holes stay holes) as QPainter::drawPath would, faster on
// raster outputs.
//
// Qt's antialiasing rasteriser walks a path's whole outline once per horizontal band of its
// small memory pool, so a country polygon crossing the whole map costs its vertex count times
// dozens of bands. Cut into strips of whole pixel rows (and trimmed to the output's width), each
// piece has only its own edges. Coverage is computed per pixel from the area inside, so strips
// that meet on a pixel-row boundary give the very same pixels as the whole polygon. Vector
// outputs (PDF, SVG) and painters that scale or rotate get the whole path.
class AreaFiller {
public:
    // `output`: the rectangle being drawn, in the painter's coordinates.
    AreaFiller(QPainter& painter, QRectF output);

    void fill(const PixelRings& rings, const QColor& colour);

private:
    void fillWhole(const PixelRings& rings);
    void fillInStrips(const PixelRings& rings);

    QPainter& m_painter;
    QRectF m_clip; // the output with a margin, so clipped edges fall outside it
    bool m_strips;
    QPainterPath m_path;
    std::vector<QPointF> m_a; // Sutherland–Hodgman scratch
    std::vector<QPointF> m_b;
    PixelRings m_trimmed;
    std::vector<std::pair<double, double>> m_rows; // each trimmed ring's top and bottom
};

} // namespace borderlens
