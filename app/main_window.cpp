#include "main_window.h"

#include "data/bundled_layers.h"
#include "data/data_paths.h"
#include "layer_panel.h"
#include "map/vector_map_layer.h"
#include "map_canvas.h"

#include "borderlens_config.h"

#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>

#include <gdal.h>
#include <proj.h>

namespace borderlens {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_canvas(new MapCanvas(this)), m_panel(new LayerPanel(this)),
      m_loader(new LayerLoader(this)), m_coords(new QLabel(this)), m_scale(new QLabel(this)),
      m_crsLabel(new QLabel(this)) {
    setWindowTitle(QStringLiteral("BorderLens"));
    setCentralWidget(m_canvas);
    setAcceptDrops(true);
    resize(1280, 800);

    auto* dock = new QDockWidget(tr("Layers"), this);
    dock->setObjectName(QStringLiteral("LayersDock"));
    dock->setWidget(m_panel);
    addDockWidget(Qt::LeftDockWidgetArea, dock);

    m_coords->setMinimumWidth(220);
    m_scale->setMinimumWidth(120);
    statusBar()->addPermanentWidget(m_coords);
    statusBar()->addPermanentWidget(m_scale);
    statusBar()->addPermanentWidget(m_crsLabel);
    m_crsLabel->setText(m_canvas->crs().displayName());

    connect(m_canvas, &MapCanvas::cursorLonLat, this, [this](double lon, double lat, bool ok) {
        m_coords->setText(ok ? QStringLiteral("%1° %2  %3° %4")
                                   .arg(std::abs(lat), 0, 'f', 5)
                                   .arg(lat < 0 ? 'S' : 'N')
                                   .arg(std::abs(lon), 0, 'f', 5)
                                   .arg(lon < 0 ? 'W' : 'E')
                             : tr("outside the projection"));
    });
    connect(m_canvas, &MapCanvas::scaleChanged, this, [this](double denominator) {
        m_scale->setText(denominator > 0
                             ? QStringLiteral("1:%1").arg(QLocale().toString(
                                   static_cast<qlonglong>(std::llround(denominator))))
                             : QString());
    });
    connect(m_panel, &LayerPanel::visibilityChanged, this, [this](const QString& id, bool v) {
        m_layers.setVisible(id, v);
        layersChanged();
    });
    connect(m_panel, &LayerPanel::orderChanged, this, [this](const std::vector<QString>& ids) {
        m_layers.reorderTopFirst(ids);
        layersChanged();
    });
    connect(m_panel, &LayerPanel::removeRequested, this, [this](const QString& id) {
        m_layers.remove(id);
        m_panel->removeLayer(id);
        layersChanged();
    });
    connect(m_panel, &LayerPanel::zoomToRequested, this, &MainWindow::zoomToLayer);
    connect(m_loader, &LayerLoader::batchLoaded, this, &MainWindow::onBatchLoaded);

    createActions();
}

void MainWindow::createActions() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* add = file->addAction(tr("&Add Layer…"), this, [this] {
        const QStringList paths = QFileDialog::getOpenFileNames(
            this, tr("Add Layer"), QString(),
            tr("Vector data (*.shp *.gpkg *.geojson *.json *.kml *.kmz *.csv *.gml *.gpx "
               "*.fgb *.sqlite *.tab *.mif);;All files (*)"));
        if (!paths.isEmpty())
            openFiles(paths);
    });
    add->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* zin = view->addAction(tr("Zoom &In"), m_canvas, &MapCanvas::zoomIn);
    zin->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::Key_Plus)});
    QAction* zout = view->addAction(tr("Zoom &Out"), m_canvas, &MapCanvas::zoomOut);
    zout->setShortcuts({QKeySequence::ZoomOut, QKeySequence(Qt::Key_Minus)});
    QAction* full = view->addAction(tr("Zoom to &Full Extent"), this, &MainWindow::zoomFull);
    full->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    view->addAction(tr("Zoom to &Layer"), this, [this] { zoomToLayer(m_panel->currentId()); });
    view->addSeparator();

    QMenu* crsMenu = view->addMenu(tr("Map &Projection"));
    m_crsGroup = new QActionGroup(this);
    for (const Crs& crs : {Crs::utm42n(), Crs::webMercator(), Crs::wgs84()}) {
        QAction* a = crsMenu->addAction(QStringLiteral("%1 (%2)").arg(crs.displayName(),
                                                                      crs.definition()));
        a->setCheckable(true);
        a->setChecked(crs == m_canvas->crs());
        m_crsGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, crs] {
            m_canvas->setCrs(crs);
            m_crsLabel->setText(crs.displayName());
        });
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About BorderLens"), this, [this] {
        QMessageBox::about(
            this, tr("About BorderLens"),
            tr("<b>BorderLens %1</b><p>A viewer of incidents on the Tajik–Afghan border.</p>"
               "<p>Qt %2, GDAL %3, PROJ %4.</p><p>BorderLens works offline and makes no "
               "network connections.</p>")
                .arg(QStringLiteral(BORDERLENS_VERSION), QString::fromLatin1(qVersion()),
                     QString::fromLatin1(GDALVersionInfo("RELEASE_NAME")),
                     QString::fromLatin1(proj_info().release)));
    });
}

void MainWindow::openBundledLayers() {
    const QString dir = bundledGeodataDir();
    if (dir.isEmpty()) {
        statusBar()->showMessage(tr("Bundled geodata not found (set BORDERLENS_DATA_DIR)"));
        emit loadFinished();
        return;
    }
    std::vector<LoadRequest> requests;
    for (const BundledLayer& b : bundledBaseLayers()) {
        const QString path = dir + QLatin1Char('/') + b.fileName;
        if (QFileInfo::exists(path))
            requests.push_back({path, b.title, b.style, false});
    }
    if (requests.empty()) {
        emit loadFinished();
        return;
    }
    m_loader->load(std::move(requests));
}

void MainWindow::openFiles(const QStringList& paths) {
    std::vector<LoadRequest> requests;
    for (const QString& p : paths)
        requests.push_back({p, {}, std::nullopt, true});
    m_loader->load(std::move(requests));
}

void MainWindow::onBatchLoaded(const std::vector<LoadOutcome>& outcomes) {
    QStringList errors;
    QStringList warnings;
    Extent added;
    for (const LoadOutcome& o : outcomes) {
        if (!o.result) {
            errors << o.result.error().toString();
            continue;
        }
        for (const auto& layer : o.result.value()) {
            const QString id = QStringLiteral("layer-%1").arg(m_nextId++);
            const LayerStyle style =
                o.request.style.value_or(LayerStyle::defaultForIndex(m_nextId - 2));
            auto mapLayer = std::make_shared<VectorMapLayer>(id, layer, style);
            m_layers.add(mapLayer);
            const QString title = o.request.title.isEmpty() ? layer->name() : o.request.title;
            QString tip = QStringLiteral("%1\n%2 · %3 features · %4")
                              .arg(layer->sourcePath(), layer->geometryTypeName())
                              .arg(layer->featureCount())
                              .arg(layer->sourceCrs().displayName());
            if (!layer->warnings().isEmpty())
                tip += QStringLiteral("\n⚠ ") + layer->warnings().join(QStringLiteral("\n⚠ "));
            m_panel->addLayer(id, title, tip, !layer->warnings().isEmpty());
            warnings << layer->warnings();
            if (o.request.zoomTo)
                added.include(layer->lonLatExtent());
        }
    }
    layersChanged();
    if (!m_zoomedOnce && !m_layers.isEmpty()) {
        zoomFull();
        m_zoomedOnce = true;
    } else if (!added.isEmpty()) {
        m_canvas->zoomToLonLatExtent(added);
    }
    if (!warnings.isEmpty())
        statusBar()->showMessage(warnings.join(QStringLiteral("  ·  ")), 15000);
    if (!errors.isEmpty())
        reportError(tr("Could not open %n file(s)", nullptr, static_cast<int>(errors.size())),
                    errors.join(QStringLiteral("\n\n")));
    emit loadFinished();
}

void MainWindow::reportError(const QString& title, const QString& text) {
    // Window-modal but not blocking: the session (and any running load) carries on.
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    statusBar()->showMessage(title, 10000);
}

void MainWindow::layersChanged() { m_canvas->setLayers(m_layers.visibleLayers()); }

void MainWindow::zoomToLayer(const QString& id) {
    if (const auto entry = m_layers.find(id))
        m_canvas->zoomToLonLatExtent(entry->layer->lonLatExtent());
}

void MainWindow::zoomFull() { m_canvas->zoomToLonLatExtent(m_layers.lonLatExtent()); }

void MainWindow::dragEnterEvent(QDragEnterEvent* e) {
    if (e->mimeData()->hasUrls())
        e->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* e) {
    QStringList paths;
    for (const QUrl& url : e->mimeData()->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    if (!paths.isEmpty()) {
        openFiles(paths);
        e->acceptProposedAction();
    }
}

} // namespace borderlens
