#pragma once

#include "geo/crs.h"
#include "map/map_layer.h"
#include "render/map_settings.h"
#include "render/map_viewport.h"
#include "time/time_range.h"

#include <QImage>
#include <QPoint>
#include <QWidget>

class QTimer;

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace borderlens {

class RenderScheduler;

// The map widget: pan by dragging, zoom with the wheel about the cursor, keyboard + / − and
// arrows. It owns the view (CRS, centre, resolution), hands a snapshot of the visible layers to
// a RenderScheduler, and until the new frame arrives keeps drawing the last one, shifted and
// scaled to the current view, so the map never flashes blank.
class MapCanvas : public QWidget {
    Q_OBJECT
public:
    explicit MapCanvas(QWidget* parent = nullptr);
    ~MapCanvas() override;

    void setLayers(std::vector<std::shared_ptr<const MapLayer>> layers);
    void setCrs(const Crs& crs);
    // The gazetteer's places named on the map (null: none).
    void setPlaceNames(std::shared_ptr<const PlaceNames> names);
    const std::shared_ptr<const PlaceNames>& placeNames() const { return m_placeNames; }
    const Crs& crs() const { return m_crs; }
    void setAttribution(const QString& text);
    // The time window temporal layers show (all time by default).
    void setTimeWindow(const TimeRange& window);
    const TimeRange& timeWindow() const { return m_time; }

    void zoomToLonLatExtent(const Extent& lonLat);
    // Centres the view on lon/lat, zooming in to `closestScale` (1:N) when further out.
    void centerOnLonLat(double lon, double lat, double closestScale = 0);
    // Drawn over the frame on every paint (measure lines, the found place's mark): transient
    // marks of the viewer, not part of the map or its exports.
    using Overlay = std::function<void(QPainter&, const MapViewport&, const Crs&)>;
    void addOverlay(Overlay overlay);
    void zoomBy(double factor, QPointF aboutPixel);
    void zoomIn() { zoomBy(1.5, rect().center()); }
    void zoomOut() { zoomBy(1.0 / 1.5, rect().center()); }
    void panByPixels(QPointF delta);

    // The view in logical pixels.
    MapViewport viewport() const;
    // The last completed frame (device pixels); null before the first.
    const QImage& lastFrame() const { return m_frame; }
    // What that frame was drawn from: its layers, time window and view. The legend and the table
    // follow it, so everything on screen shows the same frame.
    const MapSettings& frameSettings() const;
    // A frame is being drawn or waits to be: lastFrame() may not show the latest settings yet.
    bool isRendering() const;
    // The scale denominator at the centre, or 0 when unknown.
    double scaleDenominator() const;
    // Longitude/latitude (x, y) of a pixel of the view, or nothing outside the CRS's domain.
    std::optional<QPointF> lonLatAt(QPointF pixel) const;

signals:
    void cursorLonLat(double lon, double lat, bool valid);
    // A click that was not a drag, and the cursor resting over the map (for tooltips).
    void clicked(QPointF pixel);
    void hovered(QPointF pixel);
    // A drag with Alt held (moving a record of a store), from press to release; it does not pan.
    void modifierDragged(QPointF from, QPointF to);
    // Esc pressed on the map: whatever tool is active stops.
    void escapePressed();
    void scaleChanged(double denominator);
    void frameRendered();

protected:
    void paintEvent(QPaintEvent*) override;
    void resizeEvent(QResizeEvent*) override;
    void mousePressEvent(QMouseEvent*) override;
    void mouseMoveEvent(QMouseEvent*) override;
    void mouseReleaseEvent(QMouseEvent*) override;
    void wheelEvent(QWheelEvent*) override;
    void keyPressEvent(QKeyEvent*) override;

private:
    void requestRender();
    void viewChanged();
    void onFrameReady(const QImage& image, const MapViewport& vp, const Crs& crs,
                      const TimeRange& time);

    RenderScheduler* m_scheduler;
    std::vector<std::shared_ptr<const MapLayer>> m_layers;
    std::shared_ptr<const PlaceNames> m_placeNames;
    Crs m_crs = Crs::utm42n();
    double m_cx = 0;
    double m_cy = 0;
    double m_upp = 0; // map units per logical pixel; 0 until a first zoom
    QString m_attribution;
    QRect m_attributionBox;                   // its text's box, as last laid out
    std::pair<QString, int> m_attributionBoxFor; // for this text and width
    TimeRange m_time = TimeRange::all();

    QImage m_frame;
    Extent m_frameExtent; // what m_frame shows, in m_frameCrs
    Crs m_frameCrs;
    TimeRange m_frameTime = TimeRange::all(); // the window m_frame shows: drawn as its caption

    std::vector<Overlay> m_overlays;
    // Shift+drag: the rectangle to zoom to, in widget pixels, while it is drawn.
    std::optional<QRect> m_zoomBand;
    QPoint m_bandStart;
    bool m_dragging = false;
    bool m_moved = false;
    bool m_altDrag = false; // this drag moves a record (Alt held at the press), it does not pan
    QPoint m_pressPos;
    QPoint m_lastMouse;
    QTimer* m_hoverTimer;
    // While the view moves under the hand (a drag, arrow keys) frames slide the names placed
    // before; when it rests (mouse released, or a quarter second without a move) they are
    // placed for the view it ended on.
    bool m_interacting = false;
    QTimer* m_settleTimer;
    void settle();
};

} // namespace borderlens
