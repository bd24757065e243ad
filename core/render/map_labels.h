#pragma once

#include "labels/halo_sprites.h"
#include "labels/label_placement.h"
#include "render/map_settings.h"

#include <QImage>

#include <atomic>
#include <memory>

namespace borderlens {

// The names of a view, placed: every visible layer's (those whose style has labels on) and the
// settings' place names, clear of each other, of the frame's edge and of point symbols. The
// same settings give the same placement on every output (screen, PNG, PDF, SVG, frames).
// Null when cancelled.
std::shared_ptr<const LabelPlacement> placeMapLabels(const MapSettings& settings,
                                                     const MapViewport& viewport,
                                                     const std::atomic<bool>* cancel = nullptr);

// Names to draw over a frame, and how far to move them: (0, 0) for the view they were placed
// for, the map's shift since then while it moves (MapSettings::interacting).
struct ShownNames {
    std::shared_ptr<const LabelPlacement> placed;
    QPointF offset;
    explicit operator bool() const { return placed != nullptr; }
};

// Reuses the last placement while the view and the layers stay the same: a time step (the
// slider, a playback) only changes the window, which names do not depend on. While the view
// moves at one scale (a drag), the names slide with the map; the settled frame places them
// again. One render thread at a time (as RenderCache).
class LabelCache {
public:
    ShownNames placement(const MapSettings& settings, const MapViewport& viewport,
                         const std::atomic<bool>* cancel);
    // How many placements were computed (not reused): for tests and the benchmark.
    int placements() const { return m_placements; }
    // Draws `names` over a raster frame of `size` pixels: the names shown at every time from a
    // picture made once per placement (their halos are a dozen passes of text), copied only
    // where names are; those that come and go with the time window (incidents, outposts)
    // directly.
    void draw(QPainter& painter, const ShownNames& names, const TimeRange& window, QSize size);

private:
    struct Key {
        std::vector<std::shared_ptr<const MapLayer>> layers;
        std::shared_ptr<const PlaceNames> places;
        QString crs;
        double cx = 0, cy = 0, upp = 0;
        QSizeF size;
        double dpi = 0;
        std::vector<QRectF> obstacles;
        bool operator==(const Key&) const = default;
    };
    Key m_key;
    std::shared_ptr<const LabelPlacement> m_value;
    int m_placements = 0;
    std::shared_ptr<const LabelPlacement> m_pictureOf;
    QImage m_picture;
    std::vector<QRect> m_inked; // the picture's parts that hold names, disjoint
    HaloSprites m_halos;
};

} // namespace borderlens
