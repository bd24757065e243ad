#include "labels/label_placement.h"

#include <algorithm>

namespace borderlens {

QFont labelFont(const LabelTextStyle& style, double dpi) {
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(std::max(5, qRound(style.sizePt * dpi / 72.0)));
    font.setBold(style.bold);
    font.setItalic(style.italic);
    // Hinting would snap letters to the screen's pixels, and a PDF's would then differ from it.
    font.setHintingPreference(QFont::PreferNoHinting);
    if (style.capitals)
        font.setLetterSpacing(QFont::PercentageSpacing, 118);
    return font;
}

void LabelPlacement::draw(QPainter& painter, const TimeRange& window) const {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    // Every halo under every text: a halo never eats into a neighbour's letters.
    painter.setBrush(Qt::NoBrush);
    auto shown = [&](const PlacedLabel& l) { return window.overlaps(l.when); };
    for (const PlacedLabel& l : labels) {
        if (shown(l) && l.haloPx > 0 && l.haloColour.alpha() > 0) {
            painter.setPen(QPen(l.haloColour, 2 * l.haloPx, Qt::SolidLine, Qt::RoundCap,
                                Qt::RoundJoin));
            painter.drawPath(l.halo);
        }
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
        for (const PlacedGlyph& g : l.glyphs) {
            if (g.angleDeg == 0) {
                painter.drawText(g.origin, g.text);
                continue;
            }
            painter.save();
            painter.translate(g.origin);
            painter.rotate(g.angleDeg);
            painter.drawText(QPointF(0, 0), g.text);
            painter.restore();
        }
    }
    painter.restore();
}

} // namespace borderlens
