#pragma once

#include "layer_loader.h"
#include "map/layer_stack.h"

#include <QMainWindow>

class QLabel;
class QActionGroup;

namespace borderlens {

class MapCanvas;
class LayerPanel;

// Wires actions, panels and the canvas to core. Holds the LayerStack; everything else lives in
// its own class.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

    // Opens the bundled base layers (countries, border, rivers, districts, seats).
    void openBundledLayers();
    // Opens user files on a worker thread; failures are reported, the session continues.
    void openFiles(const QStringList& paths);

    MapCanvas* canvas() const { return m_canvas; }
    LayerPanel* layerPanel() const { return m_panel; }
    const LayerStack& layers() const { return m_layers; }
    LayerLoader* loader() const { return m_loader; }

signals:
    // Emitted after each batch of files has been added (or failed): tests and --screenshot wait on it.
    void loadFinished();

protected:
    void dragEnterEvent(QDragEnterEvent* e) override;
    void dropEvent(QDropEvent* e) override;

private:
    void createActions();
    void onBatchLoaded(const std::vector<LoadOutcome>& outcomes);
    void reportError(const QString& title, const QString& text);
    void layersChanged();
    void zoomToLayer(const QString& id);
    void zoomFull();

    LayerStack m_layers;
    MapCanvas* m_canvas;
    LayerPanel* m_panel;
    LayerLoader* m_loader;
    QLabel* m_coords;
    QLabel* m_scale;
    QLabel* m_crsLabel;
    QActionGroup* m_crsGroup = nullptr;
    int m_nextId = 1;
    bool m_zoomedOnce = false;
};

} // namespace borderlens
