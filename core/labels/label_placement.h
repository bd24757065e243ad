#pragma once

#include "labels/label_request.h"

#include <QFont>
#include <QPainter>
#include <QPainterPath>

#include <optional>
#include <vector>

namespace borderlens {

class HaloSprites;

// One letter (or the whole text of a straight label) at its baseline origin, turned by angle.
struct PlacedGlyph {
    QPointF origin;
    double angleDeg = 0;
    QString text;
};

struct PlacedLabel {
    QString text; // as drawn (capitals already applied)
    LabelShape shape = LabelShape::Point;
    QFont font;
    QColor colour;
    QColor haloColour;
    double haloPx = 0;
    std::vector<PlacedGlyph> glyphs;
    std::vector<QRectF> boxes; // what it covers: one box, or one per letter along a line
    QRectF bounds;
    std::optional<QPointF> dot;
    double dotRadiusPx = 0;
    TimeRange when = TimeRange::all(); // drawn in frames whose window overlaps it
};

// The names of one view, placed: what MapRenderer draws on top of every layer. Immutable once
// built, so frames that differ only in time share it.
struct LabelPlacement {
    std::vector<PlacedLabel> labels;
    int omitted = 0; // requests that found no free place

    // Draws the labels of `window`: halos (paths), then the text itself with
    // QPainter::drawText, so PDF and SVG keep it as selectable, searchable text in the embedded
    // font.
    // `which` draws only the labels shown at every time, or only those that come and go.
    enum class Which { All, Timeless, TimeBound };
    // `sprites`, for a raster painter that neither scales nor rotates, stamps straight names'
    // halos from pictures kept across placements instead of drawing them.
    void draw(QPainter& painter, const TimeRange& window = TimeRange::all(),
              Which which = Which::All, HaloSprites* sprites = nullptr) const;
};

// The label font of `style` at `dpi`: DejaVu Sans (bundled with the packages the app needs and
// in every export, so PDFs embed one font), sized in points.
QFont labelFont(const LabelTextStyle& style, double dpi);

} // namespace borderlens
