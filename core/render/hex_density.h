#pragma once

#include <QColor>
#include <QPainter>
#include <QPolygonF>
#include <QSizeF>

#include <array>
#include <vector>

namespace borderlens {

// Incidents counted in hexagons over the frame (pointy-top, of circumradius about `radiusPx`):
// the density view for more points than symbols can show. A flat array of cells, no hashing; a
// point known only to an area is spread over it rather than piled on its centre.
//
// The grid is laid on whole pixels (column spacing an even number of pixels, row spacing a whole
// number; the hexagons are regular to within a few per cent), so on raster output every hexagon
// of a class is the same image, stamped, rather than a polygon rasterised thousands of times.
class HexDensity {
public:
    HexDensity(QSizeF frame, double radiusPx);

    void add(double x, double y, double weight = 1.0);
    // `weight` spread evenly over a disc of `radiusPx` (sampled on a sunflower spiral of up to 32
    // points), for an incident whose place is known only to within that radius.
    void addSpread(double x, double y, double radiusPx, double weight = 1.0);

    // Classes of incidents per hexagon, on a 1-3-10 ladder chosen so the top class holds the
    // frame's busiest hexagon: up to six classes, the first from zero (spread incidents make
    // fractions), each from a ladder step.
    struct Scale {
        std::vector<double> lowerBounds; // ascending, lowerBounds[0] == 0
        int classOf(double count) const;
        QColor colour(int k) const;
        int classes() const { return static_cast<int>(lowerBounds.size()); }
    };
    static Scale scaleFor(double maxCount);

    // Fills each hexagon with the colour of its class, a little inside its outline so
    // neighbours stay apart.
    void draw(QPainter& p, const Scale& scale) const;
    // The outline of the hexagon centred at the origin, as drawn (inset for the gap).
    QPolygonF hexagon() const;
    // The ground area of one hexagon in km², given metres per output pixel.
    static double hexAreaKm2(double radiusPx, double metresPerPixel);

    double maxCount() const;
    double radiusPx() const { return m_radius; }

private:
    QPointF centre(int col, int row) const;

    double m_radius;
    int m_colStep = 2;   // pixels between centres in a row (even)
    int m_rowStep = 1;   // pixels between rows
    int m_colMin = 0, m_rowMin = 0, m_cols = 0, m_rows = 0;
    std::vector<double> m_counts; // by (row - rowMin) * cols + (col - colMin), odd rows shifted
};

} // namespace borderlens
