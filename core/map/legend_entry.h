#pragma once

#include "render/layer_style.h"

#include <QColor>
#include <QString>

namespace borderlens {

// One line of a legend: a symbol swatch and a label, with a count where the layer has one for
// the current time window. The screen legend and the briefing layout draw the same entries.
struct LegendEntry {
    enum class Swatch { Area, Line, Marker, Heading };
    Swatch swatch = Swatch::Marker;
    QString label;
    int count = -1; // -1: no count shown
    QColor fill;
    QColor stroke;
    Qt::PenStyle penStyle = Qt::SolidLine;
    double strokeWidthMm = 0.3;
    MarkerShape shape = MarkerShape::Circle;
    bool hollow = false; // approximate locations
};

} // namespace borderlens
