#pragma once

#include <QColor>
#include <QPainter>
#include <QSizeF>

#include <array>
#include <vector>

namespace borderlens {

// Incidents counted in hexagons over the frame (pointy-top, of circumradius `radiusPx`): the
// density view for more points than symbols can show. A flat array of cells, no hashing; a point
// known only to an area is spread over it rather than piled on its centre.
class HexDensity {
public:
    HexDensity(QSizeF frame, double radiusPx);

    void add(double x, double y, double weight = 1.0);
    // `weight` spread evenly over a disc of `radiusPx` (sampled on a sunflower spiral of up to 32
    // points), for an incident whose place is known only to within that radius.
    void addSpread(double x, double y, double radiusPx, double weight = 1.0);

    // Fills each hexagon with the colour of its class, a little inside its outline so
    // neighbours stay apart.
    void draw(QPainter& p) const;

    // Classes by incidents per hexagon: [1, 3), [3, 10), [10, 30), [30, 100), [100, 300), 300+
    // (fractions below 1, from spread incidents, count in the first).
    static constexpr int kClasses = 6;
    static constexpr std::array<double, kClasses> kLowerBounds = {0, 3, 10, 30, 100, 300};
    static QColor classColour(int k);
    static int classOf(double count);
    // The ground area of one hexagon in km², given metres per output pixel.
    static double hexAreaKm2(double radiusPx, double metresPerPixel);

    double maxCount() const;
    double radiusPx() const { return m_radius; }

private:
    double m_radius;
    int m_qMin = 0, m_rMin = 0, m_cols = 0, m_rows = 0;
    std::vector<double> m_counts; // by (r - rMin) * cols + (q - qMin) in axial coordinates
};

} // namespace borderlens
