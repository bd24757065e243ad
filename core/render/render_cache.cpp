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
        total += e ? e->image.sizeInBytes() : 0;
    return total;
}

namespace {

// Calls f(part, at) for each piece of the view rectangle `r` as it lies in a picture of `size`
// that wraps around with `origin`: `part` in view pixels, `at` its top-left in the picture.
template <class F>
void forEachWrappedPart(const QRect& r, QPoint origin, QSize size, F f) {
    const int wrapX = size.width() - origin.x();  // view column that lands on picture column 0
    const int wrapY = size.height() - origin.y();
    const int xs[3] = {r.left(), std::clamp(wrapX, r.left(), r.right() + 1), r.right() + 1};
    const int ys[3] = {r.top(), std::clamp(wrapY, r.top(), r.bottom() + 1), r.bottom() + 1};
    for (int j = 0; j < 2; ++j) {
        for (int i = 0; i < 2; ++i) {
            const QRect part(QPoint(xs[i], ys[j]), QPoint(xs[i + 1] - 1, ys[j + 1] - 1));
            if (part.isEmpty())
                continue;
            f(part, QPoint((origin.x() + part.left()) % size.width(),
                           (origin.y() + part.top()) % size.height()));
        }
    }
}

} // namespace

void RenderCache::drawRegion(Entry& entry, const QRect& region, const DrawFn& draw) {
    const MapViewport& view = entry.drawn;
    QPainter p(&entry.image);
    forEachWrappedPart(region, entry.origin, entry.image.size(), [&](QRect part, QPoint at) {
        p.save();
        p.setCompositionMode(QPainter::CompositionMode_Source);
        p.fillRect(QRect(at, part.size()),
                   entry.key.background.isValid() ? entry.key.background
                                                  : QColor(Qt::transparent));
        p.setCompositionMode(QPainter::CompositionMode_SourceOver);
        p.translate(at);
        p.setClipRect(QRect(QPoint(0, 0), part.size()));
        // The part's own viewport: layers cull and trim to it, on the view's pixel grid.
        const QPointF centre = view.toMap(QRectF(part).center());
        draw(p, MapViewport(centre.x(), centre.y(), view.unitsPerPixel(), QSizeF(part.size())));
        p.restore();
    });
}

bool RenderCache::paint(QPainter& target, QPainter::CompositionMode mode, std::size_t index,
                        const RunKey& key, const MapViewport& view, const DrawFn& draw,
                        const std::atomic<bool>* cancel) {
    if (m_entries.size() <= index)
        m_entries.resize(index + 1);
    std::optional<Entry>& slot = m_entries[index];
    const QSize size = view.outputSize().toSize();
    const std::optional<QPoint> shift =
        slot && slot->key == key ? wholePixelShift(slot->drawn, view) : std::nullopt;

    if (shift && shift->isNull()) {
        ++m_hits;
    } else if (shift && std::abs(shift->x()) < size.width() &&
               std::abs(shift->y()) < size.height()) {
        // What stays in view stays where it is in the picture; the bands that came into view
        // (a column band the full height, a row band across the rest) go where the pixels that
        // left it were.
        const int sx = shift->x();
        const int sy = shift->y();
        const int w = size.width();
        const int h = size.height();
        slot->origin = QPoint(((slot->origin.x() + sx) % w + w) % w,
                              ((slot->origin.y() + sy) % h + h) % h);
        slot->drawn = view;
        const QRect columns = sx > 0 ? QRect(w - sx, 0, sx, h) : QRect(0, 0, -sx, h);
        const int restLeft = sx < 0 ? -sx : 0;
        const int restWidth = w - std::abs(sx);
        const QRect rows =
            sy > 0 ? QRect(restLeft, h - sy, restWidth, sy) : QRect(restLeft, 0, restWidth, -sy);
        for (const QRect& band : {columns, rows}) {
            if (!band.isEmpty())
                drawRegion(*slot, band, draw);
        }
        if (cancelled(cancel)) {
            slot.reset();
            return false;
        }
        ++m_scrolls;
    } else {
        ++m_misses;
        QImage image = slot && slot->image.size() == size
                           ? std::move(slot->image)
                           : QImage(size, QImage::Format_ARGB32_Premultiplied);
        slot = Entry{key, view, std::move(image), QPoint(0, 0)};
        drawRegion(*slot, QRect(QPoint(0, 0), size), draw);
        if (cancelled(cancel)) {
            slot.reset();
            return false;
        }
    }
    target.save();
    target.setCompositionMode(mode);
    forEachWrappedPart(QRect(QPoint(0, 0), size), slot->origin, size, [&](QRect part, QPoint at) {
        target.drawImage(part.topLeft(), slot->image, QRect(at, part.size()));
    });
    target.restore();
    return true;
}

void RenderCache::keepRuns(std::size_t count) {
    if (m_entries.size() > count)
        m_entries.resize(count);
}

bool RenderCache::canServe(const QPainter& painter) { return isPixelAlignedRaster(painter); }

} // namespace borderlens
