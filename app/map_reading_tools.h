#pragma once

#include "gazetteer/place_search.h"
#include "map/map_layer.h"

#include <QObject>

#include <functional>
#include <vector>

#include <memory>
#include <optional>

class QLabel;
class QMainWindow;
class QTimer;
class QToolBar;

namespace borderlens {

class MapCanvas;
using PlaceSearchBoxLayers = std::function<std::vector<std::shared_ptr<const MapLayer>>()>;
class MeasureTool;
class PlaceSearchBox;

// The viewer's map-reading tools, on a toolbar: the find-a-place box (Ctrl+F), the measure
// tool (M) and the distance-to-border tool (B), with the found place's mark and the measure
// panel drawn over the canvas. Thin: the search, parsing and geodesy are core's.
class MapReadingTools : public QObject {
    Q_OBJECT
public:
    MapReadingTools(QMainWindow* window, MapCanvas* canvas, PlaceSearchBoxLayers layers);

    QToolBar* toolBar() const { return m_toolBar; }
    PlaceSearchBox* searchBox() const { return m_search; }
    MeasureTool* measureTool() const { return m_measure; }
    // A click on the map while a tool is on is the tool's; false otherwise (identify it).
    bool takeClick(QPointF pixel);
    // Centres the map on `hit`, marks it for a few seconds and says what it is.
    void goTo(const PlaceHit& hit);

signals:
    void message(const QString& text, int timeoutMs);

private:
    void showMeasure();

    MapCanvas* m_canvas;
    QToolBar* m_toolBar;
    PlaceSearchBox* m_search;
    MeasureTool* m_measure;
    QLabel* m_panel;
    QTimer* m_markTimer;
    std::optional<std::pair<double, double>> m_mark; // lon, lat
};

} // namespace borderlens
