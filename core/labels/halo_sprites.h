#pragma once

#include <QColor>
#include <QFont>
#include <QHash>
#include <QImage>
#include <QPainter>
#include <QPointF>
#include <QString>

namespace borderlens {

// Raster halos of straight names, drawn once and stamped after: a halo is the text drawn 8 or
// 16 times around its place, and a view's names are mostly the names of the view before (a pan
// that settles, a zoom back), so keeping each halo as a small picture makes placing them again
// one copy each. A picture is made at the name's position within a pixel, to a quarter pixel,
// so stamping it is exact to that quarter; its pixels depend only on what the key holds, so the
// screen and a PNG export of one view agree to the last bit whichever drew a halo first.
// Not thread-safe: one render thread at a time (as LabelCache).
class HaloSprites {
public:
    // Draws the halo of `text` in `font` whose baseline starts at `origin` (device pixels; the
    // painter must not scale or rotate), `radiusPx` wide in `colour`.
    void draw(QPainter& painter, const QString& text, const QFont& font, QPointF origin,
              const QColor& colour, double radiusPx);
    std::size_t size() const { return static_cast<std::size_t>(m_sprites.size()); }

private:
    struct Sprite {
        QImage image;
        QPoint topLeft; // where the image goes, from the whole pixel of the origin
    };
    QHash<QString, Sprite> m_sprites;
};

// How many copies of the text around its place make a halo of this radius look round.
int haloSteps(double radiusPx);
// The halo passes themselves: `text` drawn around `origin` in the pen's colour.
void drawHaloPasses(QPainter& painter, const QString& text, QPointF origin, double radiusPx);

} // namespace borderlens
