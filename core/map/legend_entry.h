#pragma once

#include "geo/crs.h"
#include "geo/extent.h"
#include "render/layer_style.h"
#include "time/time_range.h"

#include <QColor>
#include <QSizeF>
#include <QString>

namespace borderlens {

// One line of a legend: a symbol swatch and a label, with a count where the layer has one for
// the current time window. The screen legend and the briefing layout draw the same entries.
struct LegendEntry {
    enum class Swatch { Area, Line, Marker, Heading, Note }; // Note: text only
    Swatch swatch = Swatch::Marker;
    QString label;
    int count = -1; // -1: no count shown
    QColor fill;
    QColor stroke;
    Qt::PenStyle penStyle = Qt::SolidLine;
    double strokeWidthMm = 0.3;
    MarkerShape shape = MarkerShape::Circle;
    bool hollow = false; // approximate locations
    bool hexagon = false; // a density class (drawn as a hexagon swatch)

    // "label (1,234)", or the label alone when the entry has no count: briefings are in English,
    // so counts are grouped the English way whatever the user's locale.
    QString text() const;
};

// A number as briefings print it: 1,000,000.
QString groupedNumber(qint64 n);
// A measured quantity to two significant figures, never in exponent form: 0.013, 4.4, 130,
// 1,300.
QString roundedNumber(double v);

// What a legend describes: the time window, and when known the view, for layers whose drawing
// depends on it (incidents become a density surface when too many are in view, whose classes
// are given per km² at the view's scale).
struct LegendContext {
    LegendContext(TimeRange w = TimeRange::all()) : window(w) {} // NOLINT: a window is a context
    TimeRange window;
    bool hasView = false;
    Crs crs;
    Extent extent; // visible, in crs units
    QSizeF outputSize;
    double dpi = 96;
    double metresPerPixel = 0; // at the centre; 0 when unknown
    // Compute what the view needs (project the data) rather than describe it without the view
    // until the map has drawn it: exports, which must be right the first time.
    bool complete = false;
};

} // namespace borderlens
