#pragma once

#include <QColor>

namespace borderlens {

enum class MarkerShape { Circle, Square, Triangle, Diamond, Cross };

// How a vector layer is drawn. Sizes are in millimetres so that a 300 DPI export looks like the
// screen, only sharper (pixels would shrink symbols to a third).
struct LayerStyle {
    QColor fill{166, 206, 227, 160};
    QColor stroke{31, 120, 180};
    double strokeWidthMm = 0.35;
    Qt::PenStyle strokeStyle = Qt::SolidLine;
    double markerSizeMm = 2.2;
    MarkerShape marker = MarkerShape::Circle;

    // A distinct default per layer, cycling through a qualitative palette.
    static LayerStyle defaultForIndex(int index);

    friend bool operator==(const LayerStyle&, const LayerStyle&) = default;
};

} // namespace borderlens
