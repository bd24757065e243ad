#pragma once

#include <QRectF>

#include <algorithm>
#include <limits>

namespace borderlens {

// An axis-aligned box in some CRS's units. Starts empty (inverted), grows with include().
struct Extent {
    double xMin = std::numeric_limits<double>::infinity();
    double yMin = std::numeric_limits<double>::infinity();
    double xMax = -std::numeric_limits<double>::infinity();
    double yMax = -std::numeric_limits<double>::infinity();

    static Extent fromCorners(double x0, double y0, double x1, double y1) {
        return {std::min(x0, x1), std::min(y0, y1), std::max(x0, x1), std::max(y0, y1)};
    }

    bool isEmpty() const { return !(xMin <= xMax && yMin <= yMax); }
    double width() const { return isEmpty() ? 0.0 : xMax - xMin; }
    double height() const { return isEmpty() ? 0.0 : yMax - yMin; }
    double centerX() const { return (xMin + xMax) / 2.0; }
    double centerY() const { return (yMin + yMax) / 2.0; }

    void include(double x, double y) {
        xMin = std::min(xMin, x);
        yMin = std::min(yMin, y);
        xMax = std::max(xMax, x);
        yMax = std::max(yMax, y);
    }
    void include(const Extent& o) {
        if (o.isEmpty())
            return;
        include(o.xMin, o.yMin);
        include(o.xMax, o.yMax);
    }
    bool intersects(const Extent& o) const {
        return !isEmpty() && !o.isEmpty() && xMin <= o.xMax && o.xMin <= xMax && yMin <= o.yMax &&
               o.yMin <= yMax;
    }
    bool contains(double x, double y) const {
        return x >= xMin && x <= xMax && y >= yMin && y <= yMax;
    }
    // Grown by a fraction of its size on every side (a margin for "zoom to layer").
    Extent buffered(double fraction) const {
        if (isEmpty())
            return *this;
        const double dx = std::max(width(), 1e-9) * fraction;
        const double dy = std::max(height(), 1e-9) * fraction;
        return {xMin - dx, yMin - dy, xMax + dx, yMax + dy};
    }
    QRectF toRectF() const { return QRectF(xMin, yMin, width(), height()); }

    friend bool operator==(const Extent&, const Extent&) = default;
};

} // namespace borderlens
