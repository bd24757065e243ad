#pragma once

#include "map/map_layer.h"
#include "render/map_labels.h"
#include "render/map_viewport.h"

#include <QColor>
#include <QImage>
#include <QPainter>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace borderlens {

// Pictures of the map's static layers kept from one frame to the next, as QGIS keeps its
// QgsMapRendererCache: MapRenderer draws each run of consecutive non-temporal layers
// (MapLayer::isTemporal() false) once into an image and reuses it while the view (CRS, extent,
// output size, dpi, device pixel ratio, simplification) and those layers (the same immutable
// snapshots, in the same order; hidden layers are not in the snapshot) stay the same. Temporal
// layers are drawn on top every frame, so a time step redraws only incidents and facilities.
//
// A pan keeps everything but the extent: only the band that came into view is drawn. The picture
// wraps around (a torus, as tile-less map canvases scroll): a pan moves its origin, nothing is
// copied, and the band is drawn where the pixels that left the view were. A frame then costs the
// band and one copy out. Layers draw each pixel from the geometry alone, wherever a band's edges
// fall, so the picture is the one a full redraw gives, to within a few levels at scattered
// pixels; only dashed lines thinner than a pixel may show another dash phase, since Qt restarts
// their pattern where it clips them (as it does at the view's edges without a cache). See
// tests/render/render_cache_test.cpp.
//
// Raster targets only: PDF and SVG must stay vector, so MapRenderer ignores the cache for them
// and for painters that scale or rotate. Not thread-safe: one render thread uses it at a time
// (RenderScheduler runs one frame at a time).
class RenderCache {
public:
    RenderCache() = default;

    // Since construction or resetCounters(), per run of static layers: pictures reused as they
    // were, pictures shifted with a band drawn (pans), pictures drawn whole.
    int hits() const { return m_hits; }
    int scrolls() const { return m_scrolls; }
    int misses() const { return m_misses; }
    void resetCounters() { m_hits = m_scrolls = m_misses = 0; }
    void clear() { m_entries.clear(); }
    // The names of the last view, reused while only the time changes.
    LabelCache& labels() { return m_labels; }
    // Memory the pictures hold, in bytes.
    qint64 bytes() const;

    // What a run's picture depends on besides where the view is.
    struct RunKey {
        std::vector<std::shared_ptr<const MapLayer>> layers; // held, so the pointers stay unique
        QString crs;
        QSize size; // a resize starts afresh
        double dpi = 0;
        double devicePixelRatio = 1;
        double simplifyTolerancePx = 0;
        QColor background; // what the picture starts as: the map's, or transparent above it
        bool operator==(const RunKey& o) const;
    };

    // Draws the run's layers onto `painter` for `viewport` (a whole view or a band of it).
    using DrawFn = std::function<void(QPainter& painter, const MapViewport& viewport)>;

    // For MapRenderer: paints the picture of run `index` for `view` onto `target` at (0, 0) in
    // `mode`, reusing, scrolling or drawing it with `draw`. False if `cancel` was set meanwhile
    // (nothing is painted and nothing partial is kept).
    bool paint(QPainter& target, QPainter::CompositionMode mode, std::size_t index,
               const RunKey& key, const MapViewport& view, const DrawFn& draw,
               const std::atomic<bool>* cancel);
    // Forgets runs from `count` on (the map now has fewer).
    void keepRuns(std::size_t count);

    // Whether MapRenderer may use a cache with this painter: a raster device drawn without
    // scaling or rotation, at whole-pixel offsets.
    static bool canServe(const QPainter& painter);

private:
    struct Entry {
        RunKey key;
        MapViewport drawn; // the view the picture shows
        QImage image;      // wraps around: view pixel (x, y) is at (origin + (x, y)) mod size
        QPoint origin;
    };
    // Draws the part `region` of `entry`'s view where it lies in the wrapped picture.
    static void drawRegion(Entry& entry, const QRect& region, const DrawFn& draw);

    std::vector<std::optional<Entry>> m_entries;
    LabelCache m_labels;
    int m_hits = 0;
    int m_scrolls = 0;
    int m_misses = 0;
};

} // namespace borderlens
