#pragma once

#include "data/border_reference.h"
#include "geo/crs.h"
#include "geo/geodesic_measure.h"
#include "render/map_viewport.h"

#include <QObject>
#include <QPainter>

#include <memory>
#include <optional>
#include <vector>

namespace borderlens {

// The map's measuring tools, as overlays on the canvas: a path whose geodesic length and leg
// bearings are measured as points are clicked (clicking its first point again closes it and
// gives its area), and the distance from one click to the Tajik–Afghan border with the side it
// lies on. The numbers come from core (measurePath, BorderReference).
class MeasureTool : public QObject {
    Q_OBJECT
public:
    enum class Mode { Off, Path, Border };

    explicit MeasureTool(std::shared_ptr<const BorderReference> border, QObject* parent = nullptr);

    Mode mode() const { return m_mode; }
    void start(Mode mode);
    void stop();
    // A click at `pixel` of `view`; false when no tool is on.
    bool click(QPointF pixel, const MapViewport& view, const Crs& crs);
    void paint(QPainter& painter, const MapViewport& view, const Crs& crs) const;

    // One line for the status bar, and the legs for the panel.
    QString summary() const;
    QString details() const;
    const PathMeasure& measure() const { return m_measure; }
    bool closed() const { return m_closed; }
    const std::optional<BorderReference::Answer>& borderAnswer() const { return m_border; }

signals:
    void changed();

private:
    std::shared_ptr<const BorderReference> m_reference;
    Mode m_mode = Mode::Off;
    std::vector<LonLat> m_points;
    bool m_closed = false;
    PathMeasure m_measure;
    std::optional<LonLat> m_clicked;
    std::optional<BorderReference::Answer> m_border;
};

// "12.3 km", "850 m".
QString formatDistance(double metres);

} // namespace borderlens
