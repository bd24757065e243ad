#include "render/render_cache.h"

#include "render/raster_target.h"

#include <QPainter>

#include <cmath>

namespace borderlens {
namespace {

// Pans keep the resolution, but the canvas recomputes it from an extent, so it may differ in
// the last bits; and a shift is exact only by whole pixels.
bool sameScale(double a, double b) { return std::abs(a - b) <= 1e-9 * std::max(a, b); }
constexpr double kPixelSlack = 1e-3;

// How many whole pixels `view` is shifted from `drawn`, if it is shifted by whole pixels.
std::optional<QPoint> wholePixelShift(const MapViewport& drawn, const MapViewport& view) {
    if (!sameScale(drawn.unitsPerPixel(), view.unitsPerPixel()))
        return std::nullopt;
    const QPointF topLeft = view.toMap(QPointF(0, 0));
    const QPointF at = drawn.toPixel(topLeft.x(), topLeft.y());
    const QPoint whole(qRound(at.x()), qRound(at.y()));
    if (std::abs(at.x() - whole.x()) > kPixelSlack || std::abs(at.y() - whole.y()) > kPixelSlack)
        return std::nullopt;
    return whole;
}

bool cancelled(const std::atomic<bool>* cancel) {
    return cancel && cancel->load(std::memory_order_relaxed);
}

} // namespace

bool RenderCache::RunKey::operator==(const RunKey& o) const {
    return layers == o.layers && crs == o.crs && size == o.size && dpi == o.dpi &&
           devicePixelRatio == o.devicePixelRatio && simplifyTolerancePx == o.simplifyTolerancePx &&
           background == o.background;
}

qint64 RenderCache::bytes() const {
    qint64 total = 0;
    for (const auto& e : m_entries)
        total += e ? e->image.sizeInBytes() + e->spare.sizeInBytes() : 0;
    return total;
}

void RenderCache::drawRegion(QImage& image, const QRect& region, const RunKey& key,
                             const MapViewport& view, const DrawFn& draw) {
    QPainter p(&image);
    p.setCompositionMode(QPainter::CompositionMode_Source);
    p.fillRect(region, key.background.isValid() ? key.background : QColor(Qt::transparent));
    p.setCompositionMode(QPainter::CompositionMode_SourceOver);
    p.translate(region.topLeft());
    p.setClipRect(QRect(QPoint(0, 0), region.size()));
    // The band's own viewport: layers cull and trim to it, on the view's pixel grid.
    const QPointF centre = view.toMap(QRectF(region).center());
    draw(p, MapViewport(centre.x(), centre.y(), view.unitsPerPixel(), QSizeF(region.size())));
}

const QImage* RenderCache::picture(std::size_t index, const RunKey& key, const MapViewport& view,
                                   const DrawFn& draw, const std::atomic<bool>* cancel) {
    if (m_entries.size() <= index)
        m_entries.resize(index + 1);
    std::optional<Entry>& slot = m_entries[index];
    const QSize size = view.outputSize().toSize();
    const std::optional<QPoint> shift =
        slot && slot->key == key ? wholePixelShift(slot->drawn, view) : std::nullopt;

    if (shift && shift->isNull()) {
        ++m_hits;
        return &slot->image;
    }
    if (shift && std::abs(shift->x()) < size.width() && std::abs(shift->y()) < size.height()) {
        // Move what stays in view, then draw the bands that came into view: a column band the
        // full height, and a row band across the rest.
        const int sx = shift->x();
        const int sy = shift->y();
        QImage next = std::move(slot->spare);
        if (next.size() != size || next.format() != slot->image.format())
            next = QImage(size, slot->image.format());
        {
            QPainter p(&next);
            p.setCompositionMode(QPainter::CompositionMode_Source);
            p.drawImage(QPoint(-sx, -sy), slot->image);
        }
        const int w = size.width();
        const int h = size.height();
        const QRect columns = sx > 0 ? QRect(w - sx, 0, sx, h) : QRect(0, 0, -sx, h);
        const int restLeft = sx < 0 ? -sx : 0;
        const int restWidth = w - std::abs(sx);
        const QRect rows =
            sy > 0 ? QRect(restLeft, h - sy, restWidth, sy) : QRect(restLeft, 0, restWidth, -sy);
        for (const QRect& band : {columns, rows}) {
            if (!band.isEmpty())
                drawRegion(next, band, key, view, draw);
        }
        if (cancelled(cancel)) {
            slot.reset();
            return nullptr;
        }
        slot->spare = std::move(slot->image);
        slot->image = std::move(next);
        slot->drawn = view;
        ++m_scrolls;
        return &slot->image;
    }

    ++m_misses;
    QImage image = slot && slot->spare.size() == size
                       ? std::move(slot->spare)
                       : QImage(size, QImage::Format_ARGB32_Premultiplied);
    drawRegion(image, QRect(QPoint(0, 0), size), key, view, draw);
    if (cancelled(cancel)) {
        slot.reset();
        return nullptr;
    }
    // The next pan shifts into a second picture: make it now, while this frame is slow anyway,
    // so that the first pan frame does not wait for 8 MB of fresh pages.
    QImage spare(size, image.format());
    spare.fill(Qt::transparent);
    slot = Entry{key, view, std::move(image), std::move(spare)};
    return &slot->image;
}

void RenderCache::keepRuns(std::size_t count) {
    if (m_entries.size() > count)
        m_entries.resize(count);
}

bool RenderCache::canServe(const QPainter& painter) { return isPixelAlignedRaster(painter); }

} // namespace borderlens
