#pragma once

#include "export/briefing_layout.h"
#include "export/clipped_area.h"
#include "export/layout_cache.h"
#include "export/north_arrow.h"
#include "export/scale_bar.h"
#include "render/map_settings.h"
#include "render/map_viewport.h"

#include <QPainter>
#include <QRectF>
#include <QStringList>
#include <atomic>
#include <optional>

namespace borderlens {

// Where everything sits on a briefing page, in device units, and what the map frame shows.
// Computed before painting (no painter needed), so tests and world files can use it too.
struct LayoutGeometry {
    QRectF page;
    QRectF bannerTop; // empty: no banner
    QRectF bannerBottom;
    QRectF header;   // title and subtitle
    QRectF mapFrame; // whole device pixels, so the frame's pixels are the map's
    QRectF panel;    // the side (landscape) or bottom (portrait) panel
    QRectF inset;    // empty: none
    QRectF legend;
    double legendPt = 0;   // the legend's type size after fitting it in
    int legendColumns = 1; // and the columns its rows are set in
    QRectF northArrow;
    QRectF scaleBar;
    QRectF crsNote;
    QRectF attribution;
    QString subtitle;
    QString attributionText;
    // What the layout had to leave out or cut short, in words for the user ("the locator inset
    // was left out: …"): the export dialog shows them beside its preview, the CLI warns.
    QStringList notes;

    MapSettings frameSettings; // mapBase with outputSize = the frame, dpi = the page's
    MapViewport frameViewport; // map units ↔ frame pixels
    std::optional<ScaleBar> scale;
    std::optional<NorthArrow> north;
};

// Draws a briefing page: banner, title and time window, the map frame, locator inset, legend,
// north arrow, scale bar, graticule and attribution, every size in mm or pt at the page's DPI.
// The map frame is drawn by MapRenderer::render with the painter translated and clipped to the
// frame: the same drawing path as the screen.
class LayoutRenderer {
public:
    static LayoutGeometry layout(QSizeF pageSize, double dpi, const MapSettings& mapBase,
                                 const BriefingLayout& briefing);
    static void render(QPainter& painter, QSizeF pageSize, double dpi, const MapSettings& mapBase,
                       const BriefingLayout& briefing, const std::atomic<bool>* cancel = nullptr);
    // `clipped` draws the map frame and the inset (see ClippedAreaPainter). With a `cache`,
    // raster pages reuse what earlier pages of the same map drew (see LayoutCache).
    static void render(QPainter& painter, const LayoutGeometry& geometry,
                       const BriefingLayout& briefing, const std::atomic<bool>* cancel = nullptr,
                       const ClippedAreaPainter& clipped = paintClipped,
                       LayoutCache* cache = nullptr);
};

} // namespace borderlens
