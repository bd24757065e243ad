#include "render/symbol_sprites.h"

#include "render/marker.h"

#include <QPaintDevice>

#include <cmath>
#include <unordered_map>

namespace borderlens {

namespace {

// Sprites are drawn at four sub-pixel offsets on each axis, so a stamp lands within an eighth of a
// pixel of where the vector symbol would be.
constexpr int kPhases = 4;

struct SpriteKey {
    int phase; // x phase * kPhases + y phase
    int shape;
    int size4;   // size in quarter pixels
    int stroke4; // stroke width in quarter pixels
    QRgb fill;
    QRgb stroke;
    friend bool operator==(const SpriteKey&, const SpriteKey&) = default;
};

struct SpriteKeyHash {
    std::size_t operator()(const SpriteKey& k) const {
        std::size_t h = std::size_t(k.shape) * 1000003u ^ std::size_t(k.size4) * 8191u ^
                        std::size_t(k.stroke4) * 131u ^ std::size_t(k.phase) * 7u;
        return h ^ (std::size_t(k.fill) << 1) ^ (std::size_t(k.stroke) * 31u);
    }
};

struct Sprite {
    QImage image;
    QPointF centre; // where the marker's centre lies in the image
};

} // namespace

bool SymbolSprites::canStamp(const QPainter& p) {
    const QPaintDevice* d = p.device();
    return d && d->devType() == QInternal::Image && p.transform().type() <= QTransform::TxTranslate;
}

void SymbolSprites::stamp(QPainter& p, QPointF at, MarkerShape shape, double sizePx,
                          const QColor& fill, const QColor& stroke, double strokeWidthPx) {
    thread_local std::unordered_map<SpriteKey, Sprite, SpriteKeyHash> cache;
    // Where the symbol's centre falls within its pixel, to the nearest quarter.
    const double fx = std::floor(at.x()), fy = std::floor(at.y());
    int px = static_cast<int>(std::lround((at.x() - fx) * kPhases));
    int py = static_cast<int>(std::lround((at.y() - fy) * kPhases));
    const int carryX = px / kPhases, carryY = py / kPhases; // 1.0 rounds into the next pixel
    px %= kPhases;
    py %= kPhases;
    const SpriteKey key{px * kPhases + py, static_cast<int>(shape),
                        static_cast<int>(std::lround(sizePx * 4)),
                        static_cast<int>(std::lround(strokeWidthPx * 4)), fill.rgba(),
                        stroke.rgba()};
    auto it = cache.find(key);
    if (it == cache.end()) {
        if (cache.size() > 1024)
            cache.clear(); // styles come and go (dpi, sizes); keep the cache bounded
        const double half = std::ceil(sizePx * 0.65 + strokeWidthPx + 2);
        const int side = static_cast<int>(2 * half) + 1;
        Sprite s{QImage(side, side, QImage::Format_ARGB32_Premultiplied),
                 QPointF(half + double(px) / kPhases, half + double(py) / kPhases)};
        s.image.fill(Qt::transparent);
        QPainter sp(&s.image);
        sp.setRenderHint(QPainter::Antialiasing, true);
        Marker(shape, sizePx).draw(sp, s.centre, fill, stroke, strokeWidthPx);
        sp.end();
        it = cache.emplace(key, std::move(s)).first;
    }
    // Whole pixels (a fractional offset would resample): the sub-pixel part is in the sprite.
    const int half = static_cast<int>(std::floor(it->second.centre.x()));
    p.drawImage(QPoint(static_cast<int>(fx) + carryX - half, static_cast<int>(fy) + carryY - half),
                it->second.image);
}

} // namespace borderlens
