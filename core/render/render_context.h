#pragma once

#include "geo/crs.h"
#include "render/map_viewport.h"
#include "time/time_range.h"

#include <QPainter>

#include <atomic>

namespace borderlens {

// What a layer needs while it draws: the painter, where map units land in pixels, and how big a
// millimetre is on this output.
class RenderContext {
public:
    RenderContext(QPainter& painter, MapViewport viewport, Crs crs, double dpi,
                  TimeRange time = TimeRange::all(), const std::atomic<bool>* cancel = nullptr)
        : m_painter(painter), m_viewport(viewport), m_crs(std::move(crs)), m_dpi(dpi),
          m_time(time), m_cancel(cancel) {}

    QPainter& painter() { return m_painter; }
    // The same context drawing onto another painter (a layer drawn into an image of its own).
    RenderContext withPainter(QPainter& painter) const {
        RenderContext c(painter, m_viewport, m_crs, m_dpi, m_time, m_cancel);
        c.m_simplifyTolerancePx = m_simplifyTolerancePx;
        c.m_metresPerPixel = m_metresPerPixel;
        return c;
    }
    const MapViewport& viewport() const { return m_viewport; }
    const Crs& crs() const { return m_crs; }
    double dpi() const { return m_dpi; }
    double pixelsPerMm() const { return m_dpi / 25.4; }
    double pointsToPixels(double pt) const { return pt * m_dpi / 72.0; }
    const TimeRange& time() const { return m_time; }
    // Ground metres per output pixel at the map centre (measured geodesically; 0 if unknown).
    double metresPerPixel() const;
    double mmToPixels(double mm) const { return mm * pixelsPerMm(); }
    // How far, in map units, a simplified line may stray from the true one (0: not at all).
    double simplifyTolerance() const { return m_simplifyTolerancePx * m_viewport.unitsPerPixel(); }
    void setSimplifyTolerancePx(double px) { m_simplifyTolerancePx = px; }
    // A newer frame is wanted: layers may stop early.
    bool cancelled() const { return m_cancel && m_cancel->load(std::memory_order_relaxed); }
    const std::atomic<bool>* cancelFlag() const { return m_cancel; }

private:
    QPainter& m_painter;
    MapViewport m_viewport;
    Crs m_crs;
    double m_dpi;
    TimeRange m_time;
    const std::atomic<bool>* m_cancel;
    double m_simplifyTolerancePx = 0;
    mutable double m_metresPerPixel = -1;
};

} // namespace borderlens
