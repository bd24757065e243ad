#include "labels/label_placement.h"

#include "labels/halo_sprites.h"

#include <QPaintEngine>
#include <QTransform>

#include <algorithm>
#include <cmath>

namespace borderlens {

QFont labelFont(const LabelTextStyle& style, double dpi) {
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(std::max(5, qRound(style.sizePt * dpi / 72.0)));
    font.setBold(style.bold);
    font.setItalic(style.italic);
    // Hinting would snap letters to the screen's pixels, and a PDF's would then differ from it.
    font.setHintingPreference(QFont::PreferNoHinting);
    // Spaced capitals, spaced little enough that a PDF reader still takes the name for one word
    // (at 118 % pdftotext read "TA JIK IS TA N", and a search for the country failed).
    if (style.capitals)
        font.setLetterSpacing(QFont::PercentageSpacing, 110);
    return font;
}

namespace {

void drawGlyphs(QPainter& painter, const PlacedLabel& l, QPointF offset = {}) {
    for (const PlacedGlyph& g : l.glyphs) {
        if (g.angleDeg == 0) {
            painter.drawText(g.origin + offset, g.text);
            continue;
        }
        painter.save();
        painter.translate(g.origin + offset);
        painter.rotate(g.angleDeg);
        painter.drawText(QPointF(0, 0), g.text);
        painter.restore();
    }
}

// The halo: on a raster, the text itself drawn around its place in the halo colour (glyphs
// come from Qt's cache: a hundredth of the cost of stroking their outlines); on PDF and SVG, the
// letters' outlines stroked wide, a drawing, so the page's text is each name once.
void drawHalo(QPainter& painter, const PlacedLabel& l, bool raster, HaloSprites* sprites) {
    if (raster) {
        const bool straight = l.glyphs.size() == 1 && l.glyphs.front().angleDeg == 0;
        if (sprites && straight) {
            sprites->draw(painter, l.glyphs.front().text, l.font, l.glyphs.front().origin,
                          l.haloColour, l.haloPx);
            return;
        }
        painter.setPen(l.haloColour);
        const int steps = haloSteps(l.haloPx);
        for (int k = 0; k < steps; ++k) {
            const double a = 2 * 3.14159265358979 * k / steps;
            drawGlyphs(painter, l, QPointF(std::cos(a), std::sin(a)) * l.haloPx);
        }
        return;
    }
    QPainterPath halo;
    for (const PlacedGlyph& g : l.glyphs) {
        QPainterPath path;
        path.addText(QPointF(0, 0), l.font, g.text);
        halo.addPath(QTransform().translate(g.origin.x(), g.origin.y()).rotate(g.angleDeg).map(path));
    }
    painter.setPen(QPen(l.haloColour, 2 * l.haloPx, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawPath(halo);
}

} // namespace

void LabelPlacement::draw(QPainter& painter, const TimeRange& window, Which which,
                          HaloSprites* sprites) const {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    const bool raster =
        painter.paintEngine() && painter.paintEngine()->type() == QPaintEngine::Raster;
    auto shown = [&](const PlacedLabel& l) {
        const bool timeless = l.when.isAll();
        if ((which == Which::Timeless && !timeless) || (which == Which::TimeBound && timeless))
            return false;
        return window.overlaps(l.when);
    };
    // Every halo under every text: a halo never eats into a neighbour's letters.
    painter.setBrush(Qt::NoBrush);
    for (const PlacedLabel& l : labels) {
        if (!shown(l) || l.haloPx <= 0 || l.haloColour.alpha() == 0)
            continue;
        painter.setFont(l.font);
        drawHalo(painter, l, raster, sprites);
    }
    for (const PlacedLabel& l : labels) {
        if (!shown(l))
            continue;
        if (l.dot) {
            painter.setPen(QPen(Qt::white, std::max(0.5, l.dotRadiusPx * 0.4)));
            painter.setBrush(l.colour);
            painter.drawEllipse(*l.dot, l.dotRadiusPx, l.dotRadiusPx);
            painter.setBrush(Qt::NoBrush);
        }
        painter.setFont(l.font);
        painter.setPen(l.colour);
        drawGlyphs(painter, l);
    }
    painter.restore();
}

} // namespace borderlens
