#pragma once

#include <QColor>
#include <QPainter>
#include <QPolygonF>
#include <QSizeF>

#include <array>
#include <cstdint>
#include <vector>

namespace borderlens {

// Incidents counted in hexagons over the frame (pointy-top, of circumradius about `radiusPx`):
// the density view for more points than symbols can show. A flat array of cells, no hashing.
//
// A point known only to an area is spread evenly over the hexagons whose centres lie within its
// radius, rather than piled on its centre: its weight is first gathered in the hexagon it falls
// in (per radius; an uncertainty of kilometres makes a hexagon's offset immaterial), and each
// gathered cell is spread once in finish(). A million centroid-coded incidents then cost a
// million additions and a spread per occupied hexagon, not a disc per incident.
//
// The grid is laid on whole pixels (column spacing an even number of pixels, row spacing a whole
// number; the hexagons are regular to within a few per cent), so on raster output every hexagon
// of a class is the same image, stamped, rather than a polygon rasterised thousands of times.
class HexDensity {
public:
    HexDensity(QSizeF frame, double radiusPx);

    void add(double x, double y, double weight = 1.0);
    // `weight` spread evenly over a disc of `radiusPx`, for an incident whose place is known only
    // to within that radius. Takes effect in finish().
    void addSpread(double x, double y, double radiusPx, double weight = 1.0);
    // The same in two steps, for a loop over many points of a few radii: the bucket of a
    // radius (-1 when the disc is within one hexagon, so the point is simply added), then
    // points into it.
    int spreadBucket(double radiusPx);
    void addToBucket(int bucket, double x, double y, double weight = 1.0) {
        if (bucket < 0) {
            add(x, y, weight);
            return;
        }
        const std::ptrdiff_t cell = cellAt(x, y);
        if (cell >= 0)
            m_spreads[std::size_t(bucket)].weights[std::size_t(cell)] += weight;
    }
    // Spreads what addSpread() gathered. Call once, after the last add, before reading counts.
    void finish();

    // Classes of incidents per hexagon: breaks at the quintiles of the occupied hexagons (and
    // the 95th percentile), each rounded to a 1-2-5 number, so every class holds a share of the
    // map and the hot spots stand out; up to six classes, the first from zero (spread incidents
    // make fractions).
    struct Scale {
        std::vector<double> lowerBounds; // ascending, lowerBounds[0] == 0
        int classOf(double count) const;
        QColor colour(int k) const;
        int classes() const { return static_cast<int>(lowerBounds.size()); }
    };
    Scale scale() const;
    // The same ladder rounded from given breaks (for tests).
    static Scale scaleFromBreaks(std::vector<double> breaks);

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
    // The cell a point falls in (row-major index), or -1 outside the grid; to the pixel.
    std::ptrdiff_t cellAt(double x, double y) const;
    std::pair<int, int> exactCellAt(double x, double y) const;

    // The hexagon of every pixel of one period of the grid (a column step wide, two row steps
    // high), as offsets from the period's first cell: classifying a point is then a table
    // lookup, without the branches of cube rounding that a million points mispredict.
    std::vector<std::pair<std::int8_t, std::int8_t>> m_period;
    int m_periodW = 0, m_periodH = 0;
    double m_invPeriodW = 0, m_invPeriodH = 0;

    struct Spread {
        int radius = 0; // in whole pixels
        std::vector<double> weights; // gathered per cell
    };

    double m_radius;
    int m_colStep = 2;   // pixels between centres in a row (even)
    int m_rowStep = 1;   // pixels between rows
    int m_colMin = 0, m_rowMin = 0, m_cols = 0, m_rows = 0;
    std::vector<double> m_counts; // by (row - rowMin) * cols + (col - colMin), odd rows shifted
    std::vector<Spread> m_spreads;
};

} // namespace borderlens
