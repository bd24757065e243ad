#pragma once

#include "geo/crs.h"
#include "render/map_viewport.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPolygonF>
#include <QString>
#include <optional>
#include <vector>

namespace borderlens {

// Lines of longitude and latitude at a round interval over a map frame, projected through the
// display CRS point by point (densified), so they curve where the projection curves them, with
// labels where they leave the frame (meridians at the bottom, parallels at the left).
class Graticule {
public:
    struct Line {
        double degrees = 0;
        bool meridian = true;
        QPolygonF pixels; // in the frame's device units
    };
    struct Label {
        QString text;
        QPointF at; // where the line crosses the frame edge
        bool meridian = true;
    };

    // For a frame; empty if its extent cannot be transformed to lon/lat.
    static Graticule compute(const MapViewport& frame, const Crs& crs);

    // The spacing of the lines in degrees: the smallest of 0.01 … 30 that gives at most ~10
    // lines across the frame's longer lon/lat span.
    double intervalDegrees() const { return m_interval; }
    const std::vector<Line>& lines() const { return m_lines; }
    const std::vector<Label>& labels() const { return m_labels; }

    // Where draw() puts the labels: map names keep clear of them.
    std::vector<QRectF> labelBoxes(double dpi) const;
    // Draws into (0, 0, frame size) of the painter's coordinate system.
    void draw(QPainter& painter, double dpi) const;

    // "70°E", "37.5°N", "0°".
    static QString formatDegrees(double degrees, bool meridian, double interval);

private:
    std::optional<QRectF> labelBox(const Label& label, const QFontMetricsF& fm, double pad) const;

    double m_interval = 0;
    QSizeF m_size;
    std::vector<Line> m_lines;
    std::vector<Label> m_labels;
};

} // namespace borderlens
