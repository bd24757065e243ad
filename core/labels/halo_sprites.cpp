#include "labels/halo_sprites.h"

#include <QFontMetricsF>

#include <cmath>

namespace borderlens {

int haloSteps(double radiusPx) { return radiusPx > 2.5 ? 16 : 8; }

void drawHaloPasses(QPainter& painter, const QString& text, QPointF origin, double radiusPx) {
    const int steps = haloSteps(radiusPx);
    for (int k = 0; k < steps; ++k) {
        const double a = 2 * 3.14159265358979 * k / steps;
        painter.drawText(origin + QPointF(std::cos(a), std::sin(a)) * radiusPx, text);
    }
}

void HaloSprites::draw(QPainter& painter, const QString& text, const QFont& font, QPointF origin,
                       const QColor& colour, double radiusPx) {
    // The origin as a whole pixel and a quarter-pixel step within it.
    const QPointF quarters(std::round(origin.x() * 4), std::round(origin.y() * 4));
    const QPoint whole(static_cast<int>(std::floor(quarters.x() / 4)),
                       static_cast<int>(std::floor(quarters.y() / 4)));
    const QPointF within = quarters / 4 - QPointF(whole);
    const QString key = text + QChar(0x1f) + font.key() + QChar(0x1f) +
                        QString::number(colour.rgba(), 16) + QChar(0x1f) +
                        QString::number(radiusPx, 'g', 6) + QChar(0x1f) +
                        QString::number(within.x()) + QChar(0x1f) + QString::number(within.y());
    auto it = m_sprites.find(key);
    if (it == m_sprites.end()) {
        if (m_sprites.size() > 4000) // a long session's worth of views; beyond, start afresh
            m_sprites.clear();
        const QRectF ink = QFontMetricsF(font).boundingRect(text);
        const int pad = static_cast<int>(std::ceil(radiusPx)) + 2;
        const QPoint topLeft(static_cast<int>(std::floor(ink.left())) - pad,
                             static_cast<int>(std::floor(ink.top())) - pad);
        const QSize size(static_cast<int>(std::ceil(ink.right())) + pad - topLeft.x() + 1,
                         static_cast<int>(std::ceil(ink.bottom())) + pad - topLeft.y() + 1);
        Sprite sprite{QImage(size, QImage::Format_ARGB32_Premultiplied), topLeft};
        sprite.image.fill(Qt::transparent);
        QPainter p(&sprite.image);
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setRenderHint(QPainter::TextAntialiasing, true);
        p.setFont(font);
        p.setPen(colour);
        drawHaloPasses(p, text, within - QPointF(topLeft), radiusPx);
        p.end();
        it = m_sprites.insert(key, std::move(sprite));
    }
    painter.drawImage(whole + it->topLeft, it->image);
}

} // namespace borderlens
