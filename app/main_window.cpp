#include "main_window.h"
#include "store_editor.h"

#include "borderlens_config.h"
#include "data/bundled_layers.h"
#include "data/data_paths.h"
#include "export/page_setup.h"
#include "export_dialog.h"
#include "analysis_session.h"
#include "animation_dialog.h"
#include "chart_panel.h"
#include "district_trends_panel.h"
#include "frame_export_runner.h"
#include "help_dialog.h"
#include "identify_panel.h"
#include "import_summary_dialog.h"
#include "incident_table.h"
#include "layer_panel.h"
#include "layer_properties_dialog.h"
#include "legend_panel.h"
#include "map/facility_map_layer.h"
#include "map/incident_map_layer.h"
#include "map/layer_labels.h"
#include "map/legend_entry.h"
#include "map/time_summary.h"
#include "map/vector_map_layer.h"
#include "map_canvas.h"
#include "map_reading_tools.h"
#include "labels/place_names.h"
#include "map_clipboard.h"
#include "render/legend_context.h"
#include "shortcuts_dialog.h"
#include "time/time_controller.h"
#include "time_bar.h"
#include "time_panel.h"

#include <QActionGroup>
#include <QSignalBlocker>
#include <QApplication>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <gdal.h>
#include <proj.h>

namespace borderlens {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_canvas(new MapCanvas(this)), m_panel(new LayerPanel(this)),
      m_loader(new LayerLoader(this)), m_coords(new QLabel(this)), m_scale(new QLabel(this)),
      m_crsLabel(new QLabel(this)), m_identify(new IdentifyPanel(this)),
      m_table(new IncidentTablePanel(this)), m_legend(new LegendPanel(this)),
      m_time(new TimeController(this)), m_timePanel(new TimePanel(m_time, this)) {
    updateProjectState();
    // The time bar sits under the map, as wide as it: the two are read together.
    auto* central = new QWidget(this);
    auto* column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(m_canvas, 1);
    column->addWidget(m_timePanel);
    m_timePanel->setMaximumHeight(150);
    setCentralWidget(central);
    setAcceptDrops(true);
    resize(1280, 800);

    // Docks can be tabbed together, stacked, floated, closed and reopened from View ▸ Panels:
    // on a 1366-pixel laptop the user decides what shares the width with the map.
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowNestedDocks |
                   QMainWindow::AllowTabbedDocks);
    QDockWidget* layersDock = addDock(tr("Layers"), m_panel, Qt::LeftDockWidgetArea);
    QDockWidget* legendDock = addDock(tr("Legend"), m_legend, Qt::LeftDockWidgetArea);
    QDockWidget* identifyDock = addDock(tr("Identify"), m_identify, Qt::RightDockWidgetArea);
    QDockWidget* tableDock = addDock(tr("Incidents"), m_table, Qt::BottomDockWidgetArea);
    // Narrow enough that both side docks and the map fit 1366 pixels; long names elide (with
    // the whole name in a tooltip) and content scrolls rather than widening the window.
    for (QWidget* panel : std::initializer_list<QWidget*>{m_panel, m_legend, m_identify})
        panel->setMinimumWidth(170);
    resizeDocks({layersDock, legendDock}, {190, 330}, Qt::Vertical);
    resizeDocks({tableDock}, {170}, Qt::Vertical);
    m_docks = {layersDock, legendDock, identifyDock, tableDock};
    connect(m_time, &TimeController::rangeChanged, this, &MainWindow::setTimeWindow);
    connect(m_time, &TimeController::settingsChanged, this, &MainWindow::updateProjectState);
    connect(m_timePanel, &TimePanel::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 10000); });

    m_coords->setMinimumWidth(220);
    m_scale->setMinimumWidth(120);
    // What a long load is doing, how far it is, and a way to stop it.
    m_loadText = new QLabel(this);
    m_loadBar = new QProgressBar(this);
    m_loadBar->setMaximumWidth(140);
    m_loadBar->setTextVisible(true);
    m_loadCancel = new QToolButton(this);
    m_loadCancel->setText(tr("Cancel"));
    m_loadCancel->setToolTip(tr("Stop loading (an import stops at its next block of rows)"));
    statusBar()->addPermanentWidget(m_loadText);
    statusBar()->addPermanentWidget(m_loadBar);
    statusBar()->addPermanentWidget(m_loadCancel);
    showLoadProgress(QString(), -2);
    connect(m_loader, &LayerLoader::progress, this, &MainWindow::showLoadProgress);
    connect(m_loadCancel, &QToolButton::clicked, this, [this] {
        m_loader->cancel();
        m_loadText->setText(tr("Cancelling…"));
    });
    m_askReload = [this](const QString& path, const QStringList& layers) {
        return askReload(path, layers);
    };
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
    connect(m_canvas, &MapCanvas::frameRendered, this, &MainWindow::frameShown);
    connect(m_canvas, &MapCanvas::scaleChanged, this, [this](double denominator) {
        m_scale->setText(denominator > 0 ? QStringLiteral("1:%1").arg(QLocale().toString(
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
        removeLayer(id);
        refreshTable();
        layersChanged();
        updateTimeData();
    });
    connect(m_panel, &LayerPanel::zoomToRequested, this, &MainWindow::zoomToLayer);
    connect(m_panel, &LayerPanel::propertiesRequested, this, [this](const QString& id) {
        const auto entry = m_layers.find(id);
        const auto* layer =
            entry ? dynamic_cast<const VectorMapLayer*>(entry->layer.get()) : nullptr;
        if (!layer)
            return; // incidents and outposts are always time-aware
        auto* dialog = new LayerPropertiesDialog(*layer, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        // OK and Apply: a restyled copy replaces the layer, then the time field follows (and
        // redraws).
        const auto apply = [this, id, dialog] {
            const auto now = m_layers.find(id);
            const auto* l = now ? dynamic_cast<const VectorMapLayer*>(now->layer.get()) : nullptr;
            if (l && !(l->style() == dialog->style()))
                m_layers.replace(l->withStyle(dialog->style()));
            setLayerTimeField(id, dialog->timeField());
        };
        connect(dialog, &QDialog::accepted, this, apply);
        connect(dialog, &LayerPropertiesDialog::applied, this, apply);
        dialog->open();
    });
    connect(m_loader, &LayerLoader::batchLoaded, this, &MainWindow::onBatchLoaded);
    m_reading = new MapReadingTools(this, m_canvas, [this] { return m_layers.visibleLayers(); });
    addToolBar(Qt::TopToolBarArea, m_reading->toolBar());
    connect(m_reading, &MapReadingTools::message, this,
            [this](const QString& text, int ms) { statusBar()->showMessage(text, ms); });
    connect(m_canvas, &MapCanvas::clicked, this, [this](QPointF pixel) {
        if (!m_reading->takeClick(pixel))
            identifyAt(pixel);
    });
    connect(m_canvas, &MapCanvas::hovered, this, [this](QPointF pixel) {
        const auto hits = identifyAll(pixel, 6);
        if (hits.empty())
            QToolTip::hideText();
        else
            QToolTip::showText(m_canvas->mapToGlobal(pixel.toPoint()),
                               IdentifyPanel::tooltipHtml(hits.front()), m_canvas);
    });
    connect(m_table, &IncidentTablePanel::selectionChanged, this,
            [this](const IncidentSelection& selection) {
                selectIncidents(selection);
                // The first incident selected in the table is what Edit ▸ Edit Selected opens.
                std::optional<StoreTarget> target;
                for (const auto& [layerId, indices] : selection) {
                    const IncidentMapLayer* layer = incidentLayer(layerId);
                    if (!layer || indices.empty() || !m_storeEditor->isStore(layerSource(layerId)))
                        continue;
                    target = StoreTarget{layerSource(layerId), RecordKind::Incident,
                                         layer->store()->id(indices.front())};
                    break;
                }
                setEditTarget(target);
            });
    connect(m_table, &IncidentTablePanel::zoomToIncident, this, &MainWindow::zoomToIncident);

    createAnalysisPanels();
    createActions();
}

void MainWindow::createActions() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    createProjectActions(file);
    QAction* add = file->addAction(tr("&Add Layer…"), this, [this] {
        const QStringList paths = QFileDialog::getOpenFileNames(
            this, tr("Add Layer"), QString(),
            tr("Vector data (*.shp *.gpkg *.geojson *.json *.kml *.kmz *.csv *.gml *.gpx "
               "*.fgb *.sqlite *.tab *.mif);;All files (*)"));
        if (!paths.isEmpty())
            openFiles(paths);
    });
    add->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    QAction* import = file->addAction(tr("&Import Incidents…"), this, [this] {
        const QStringList paths = QFileDialog::getOpenFileNames(
            this, tr("Import Incidents"), QString(),
            tr("Incident data (*.csv *.gpkg *.geojson *.json);;All files (*)"));
        if (!paths.isEmpty())
            importIncidents(paths);
    });
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    file->addAction(tr("Load &Official District Boundaries…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Official district boundaries (geoBoundaries, OCHA COD-AB, GADM)"), QString(),
            tr("Vector data (*.shp *.gpkg *.geojson *.json *.zip);;All files (*)"));
        if (!path.isEmpty())
            openOfficialDistricts(path);
    });
    file->addSeparator();
    QAction* exportMap = file->addAction(tr("&Export Map…"), this, [this] {
        auto* dialog =
            new ExportDialog([this] { return currentMapSettings(); },
                             m_time->windowSpec().mode == WindowSpec::Mode::Cumulative, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        // A project's briefing wins over the dialog's last settings; an export updates it.
        if (m_briefing)
            dialog->setBriefing(*m_briefing);
        connect(dialog, &ExportDialog::exportFinished, this, [this, dialog](bool ok, const QString& msg) {
            statusBar()->showMessage(ok ? tr("Exported %1").arg(msg) : msg, 15000);
            if (ok) {
                m_briefing = dialog->briefing();
                updateProjectState();
            }
        });
        dialog->open();
    });
    exportMap->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addAction(tr("Export &Frame Series…"), this, &MainWindow::exportFrameSeries);
    file->addAction(tr("Export &Animation…"), this, &MainWindow::exportAnimation);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    createStoreActions(file, quit, edit);
    QAction* copy = edit->addAction(tr("&Copy Map"), this, [this] {
        copyMapToClipboard(currentMapSettings());
        statusBar()->showMessage(tr("Map copied to the clipboard"), 5000);
    });
    copy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* zin = view->addAction(tr("Zoom &In"), m_canvas, &MapCanvas::zoomIn);
    zin->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::Key_Plus)});
    QAction* zout = view->addAction(tr("Zoom &Out"), m_canvas, &MapCanvas::zoomOut);
    zout->setShortcuts({QKeySequence::ZoomOut, QKeySequence(Qt::Key_Minus)});
    QAction* full = view->addAction(tr("Zoom to &Full Extent"), this, &MainWindow::zoomFull);
    full->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    view->addAction(tr("Zoom to &Layer"), this, [this] { zoomToLayer(m_panel->currentId()); });
    view->addSeparator();

    // How incidents are drawn: symbols with count badges, or a density surface of hexagons
    // (incidents per km²), or whichever suits the number in view.
    QMenu* display = view->addMenu(tr("&Incidents As"));
    auto* displayGroup = new QActionGroup(this);
    for (const auto& [mode, label] :
         {std::pair{IncidentDisplay::Auto, tr("&Automatic (density when crowded)")},
          std::pair{IncidentDisplay::Symbols, tr("&Symbols and Count Badges")},
          std::pair{IncidentDisplay::Density, tr("&Density (Hexagons per km²)")}}) {
        QAction* a = display->addAction(label);
        a->setCheckable(true);
        a->setChecked(mode == IncidentDisplay::Auto);
        displayGroup->addAction(a);
        // A copy: Clang 14 (the sanitizer build) cannot capture a structured binding.
        const IncidentDisplay chosen = mode;
        connect(a, &QAction::triggered, this, [this, chosen] { setIncidentDisplay(chosen); });
    }

    // Names of the records themselves; the base map's names are each layer's (Layer Properties).
    QAction* nameIncidents = view->addAction(tr("Name &Incidents (Place, Date)"));
    nameIncidents->setCheckable(true);
    nameIncidents->setChecked(m_nameIncidents);
    connect(nameIncidents, &QAction::toggled, this,
            [this](bool on) { setEventNames(on, m_nameFacilities); });
    QAction* nameFacilities = view->addAction(tr("Name &Outposts and Facilities"));
    nameFacilities->setCheckable(true);
    nameFacilities->setChecked(m_nameFacilities);
    connect(nameFacilities, &QAction::toggled, this,
            [this](bool on) { setEventNames(m_nameIncidents, on); });

    // Closed panels come back from here (QGIS's View ▸ Panels).
    QMenu* panels = view->addMenu(tr("&Panels"));
    for (QDockWidget* dock : m_docks)
        panels->addAction(dock->toggleViewAction());

    QMenu* crsMenu = view->addMenu(tr("Map &Projection"));
    m_crsGroup = new QActionGroup(this);
    for (const Crs& crs : {Crs::utm42n(), Crs::webMercator(), Crs::wgs84()}) {
        QAction* a =
            crsMenu->addAction(QStringLiteral("%1 (%2)").arg(crs.displayName(), crs.definition()));
        a->setCheckable(true);
        a->setChecked(crs == m_canvas->crs());
        m_crsGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, crs] {
            m_canvas->setCrs(crs);
            m_crsLabel->setText(crs.displayName());
        });
    }

    createAnalysisActions();
    createTimeActions();

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    // The bundled manual and the shortcut list (their own classes; nothing here but the wiring).
    QAction* guide = help->addAction(tr("&User Guide"), this, [this] {
        auto* dialog = new HelpDialog(bundledManualDir(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    guide->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&Keyboard Shortcuts"), this, [this] {
        auto* dialog = new ShortcutsDialog(menuBar(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    help->addSeparator();
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

void MainWindow::createTimeActions() {
    // One set of time keys, live whenever the map or the time bar (or any of its controls) has
    // the focus, and listed in the Time menu. A date field being typed in keeps its own arrows
    // and Home/End: a line edit claims them first (ShortcutOverride).
    QMenu* time = menuBar()->addMenu(tr("&Time"));
    const auto add = [this, time](const QString& text, QKeySequence key, auto slot) {
        QAction* a = time->addAction(text, m_time, slot);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_canvas->addAction(a);
        m_timePanel->addAction(a);
        return a;
    };
    add(tr("&Play / Pause"), QKeySequence(Qt::Key_Space), &TimeController::togglePlay);
    add(tr("Step &Forward"), QKeySequence(Qt::Key_Right), &TimeController::stepForward);
    add(tr("Step &Back"), QKeySequence(Qt::Key_Left), &TimeController::stepBackward);
    add(tr("Go to &Start"), QKeySequence(Qt::Key_Home), &TimeController::goToStart);
    add(tr("Go to &End"), QKeySequence(Qt::Key_End), &TimeController::goToEnd);
    time->addSeparator();
    time->addAction(tr("&Reset to the Whole Span"), m_time, &TimeController::reset);
}

void MainWindow::restoreLayout() {
    m_rememberLayout = true;
    QSettings s;
    s.beginGroup(QStringLiteral("window"));
    if (const QByteArray g = s.value(QStringLiteral("geometry")).toByteArray(); !g.isEmpty())
        restoreGeometry(g);
    if (const QByteArray st = s.value(QStringLiteral("state")).toByteArray(); !st.isEmpty())
        m_layoutRestored = restoreState(st, kLayoutVersion);
    if (const QByteArray h = s.value(QStringLiteral("tableHeader")).toByteArray(); !h.isEmpty())
        m_table->view()->horizontalHeader()->restoreState(h);
}

void MainWindow::saveLayout() const {
    QSettings s;
    s.beginGroup(QStringLiteral("window"));
    s.setValue(QStringLiteral("geometry"), saveGeometry());
    s.setValue(QStringLiteral("state"), saveState(kLayoutVersion));
    s.setValue(QStringLiteral("tableHeader"), m_table->view()->horizontalHeader()->saveState());
}

void MainWindow::showEvent(QShowEvent* e) {
    QMainWindow::showEvent(e);
    if (m_shownOnce)
        return;
    m_shownOnce = true;
    if (m_layoutRestored)
        return;
    // Widths only take once the window is shown (before, Qt lays the docks out at their
    // minimum): side panels get about a sixth of the width each, the map the rest.
    const int side = std::clamp(width() / 6, 190, 320);
    resizeDocks({m_docks[0], m_docks[2]}, {side, side}, Qt::Horizontal);
}

void MainWindow::closeEvent(QCloseEvent* e) {
    if (!maybeSaveChanges()) {
        e->ignore();
        return;
    }
    if (m_rememberLayout)
        saveLayout();
    QMainWindow::closeEvent(e);
}

void MainWindow::openBundledLayers() {
    const QString dir = bundledGeodataDir();
    if (dir.isEmpty()) {
        statusBar()->showMessage(tr("Bundled geodata not found (set BORDERLENS_DATA_DIR)"));
        emit loadFinished();
        return;
    }
    // The bundled map names towns and seats on both banks from the bundled gazetteer.
    m_canvas->setPlaceNames(PlaceNames::bundled());
    std::vector<LoadRequest> requests;
    // Base layers, so that a user's file loaded at the same time lands above them.
    for (const BundledLayer& b : bundledBaseLayers()) {
        const QString path = dir + QLatin1Char('/') + b.fileName;
        if (QFileInfo::exists(path))
            requests.push_back(
                {path, b.title, b.style, false, LoadRequest::Kind::Vector, b.attributions});
    }
    for (const auto& [file, title] :
         {std::pair{bundledFacilitiesFile(), tr("Outposts and facilities (sample)")},
          std::pair{bundledIncidentsFile(), tr("Incidents (sample, from news reports)")}}) {
        const QString path = dir + QLatin1Char('/') + file;
        if (QFileInfo::exists(path))
            requests.push_back(
                {path, title, std::nullopt, false, LoadRequest::Kind::Incidents, {}});
    }
    if (requests.empty()) {
        emit loadFinished();
        return;
    }
    for (LoadRequest& r : requests)
        r.base = true;
    m_loader->load(std::move(requests));
}

void MainWindow::openFiles(const QStringList& paths) {
    std::vector<LoadRequest> requests;
    for (const QString& p : paths)
        requests.push_back({p, {}, std::nullopt, true, LoadRequest::Kind::Auto, {}});
    loadAsked(std::move(requests));
}

void MainWindow::loadAsked(std::vector<LoadRequest> requests) {
    // A file that is already loaded: replace it, load it again beside it, or leave it.
    std::vector<LoadRequest> go;
    for (LoadRequest& r : requests) {
        const QString path = QFileInfo(r.path).canonicalFilePath();
        std::vector<QString> loaded;
        QStringList names;
        for (const QString& id : m_panel->topFirstIds()) {
            const auto it = m_layerSource.find(id);
            if (it != m_layerSource.end() && !path.isEmpty() && it->second == path) {
                loaded.push_back(id);
                if (const auto e = m_layers.find(id))
                    names << e->layer->name();
            }
        }
        if (loaded.empty()) {
            go.push_back(std::move(r));
            continue;
        }
        switch (m_askReload(r.path, names)) {
        case ReloadChoice::Replace:
            r.replaces = loaded;
            go.push_back(std::move(r));
            break;
        case ReloadChoice::AddAgain:
            go.push_back(std::move(r));
            break;
        case ReloadChoice::Skip:
            break;
        }
    }
    if (!go.empty())
        m_loader->load(std::move(go));
}

MainWindow::ReloadChoice MainWindow::askReload(const QString& path, const QStringList& layers) {
    QMessageBox box(QMessageBox::Question, tr("Already loaded"),
                    tr("%1 is already loaded as %2.")
                        .arg(QFileInfo(path).fileName(), layers.join(QStringLiteral(", "))),
                    QMessageBox::NoButton, this);
    box.setInformativeText(tr("Replace the loaded layer with the file as it is now, or add it "
                              "again as another layer?"));
    QPushButton* replace = box.addButton(tr("&Replace"), QMessageBox::AcceptRole);
    QPushButton* again = box.addButton(tr("&Add Again"), QMessageBox::ActionRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(replace);
    box.exec();
    if (box.clickedButton() == replace)
        return ReloadChoice::Replace;
    if (box.clickedButton() == again)
        return ReloadChoice::AddAgain;
    return ReloadChoice::Skip;
}

void MainWindow::openOfficialDistricts(const QString& path) {
    LoadRequest r{path,
                  tr("Districts (official: %1)").arg(QFileInfo(path).fileName()),
                  officialDistrictsStyle(),
                  false,
                  LoadRequest::Kind::Vector,
                  {}};
    r.officialDistricts = true;
    m_loader->load({r});
}

void MainWindow::importIncidents(const QStringList& paths) {
    std::vector<LoadRequest> requests;
    for (const QString& p : paths)
        requests.push_back({p, {}, std::nullopt, true, LoadRequest::Kind::Incidents, {}});
    loadAsked(std::move(requests));
}

void MainWindow::showLoadProgress(const QString& text, int percent) {
    // percent: 0–100, -1 busy without a measure, -2 done (hide).
    const bool done = percent == -2;
    m_loadText->setVisible(!done);
    m_loadBar->setVisible(!done);
    m_loadCancel->setVisible(!done);
    if (done)
        return;
    m_loadText->setText(text);
    if (percent < 0) {
        m_loadBar->setRange(0, 0);
    } else {
        m_loadBar->setRange(0, 100);
        m_loadBar->setValue(percent);
    }
}

namespace {

// Why rows of an import were rejected, most frequent reasons first, in a line for a tooltip.
QString rejectionSummary(const ImportReport& report) {
    std::map<QString, int> byReason;
    for (const RejectedRow& r : report.rejected) {
        // "unparseable date 'Dec 24'" and "unparseable date 'Nov 3'" are one reason.
        const qsizetype quote = r.reason.indexOf(QLatin1Char('\''));
        byReason[quote > 0 ? r.reason.left(quote).trimmed() : r.reason]++;
    }
    std::vector<std::pair<int, QString>> ranked;
    for (const auto& [reason, n] : byReason)
        ranked.emplace_back(n, reason);
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    QStringList parts;
    for (std::size_t k = 0; k < ranked.size() && k < 3; ++k)
        parts << QStringLiteral("%1 × %2").arg(ranked[k].first).arg(ranked[k].second);
    if (ranked.size() > 3)
        parts << QObject::tr("…");
    const std::size_t n = report.rejected.size();
    return (n == 1 ? QObject::tr("1 row rejected")
                   : QObject::tr("%1 rows rejected").arg(groupedNumber(qint64(n)))) +
           QStringLiteral(" (") + parts.join(QStringLiteral("; ")) + QStringLiteral(")");
}

} // namespace

QString MainWindow::takeLayerId(std::vector<QString>& replaceable,
                                const std::function<bool(const MapLayer&)>& sameKind,
                                bool& reused) {
    for (auto it = replaceable.begin(); it != replaceable.end(); ++it) {
        const auto entry = m_layers.find(*it);
        if (entry && sameKind(*entry->layer)) {
            const QString id = *it;
            replaceable.erase(it);
            reused = true;
            return id;
        }
    }
    reused = false;
    return QStringLiteral("layer-%1").arg(m_nextId++);
}

void MainWindow::installLayer(std::shared_ptr<const MapLayer> layer, bool reused,
                              const QString& title, const QString& tooltip,
                              const QStringList& warnings, const QString& sourcePath,
                              bool baseMap) {
    layer = withEventNames(std::move(layer));
    const QString id = layer->id();
    m_layerWarnings[id] = warnings;
    m_layerSource[id] = IncidentDatabase::isConnectionString(sourcePath)
                            ? sourcePath
                            : QFileInfo(sourcePath).canonicalFilePath();
    QString tip = tooltip;
    if (!warnings.isEmpty())
        tip += QStringLiteral("\n⚠ ") + warnings.join(QStringLiteral("\n⚠ "));
    if (reused) {
        // In the replaced layer's place, with its visibility: only the data is new.
        m_layers.replace(std::move(layer));
        m_panel->updateLayer(id, title, tip, !warnings.isEmpty());
    } else {
        // Areas under lines under points: a user's polygons never hide the incidents.
        const std::size_t at = m_layers.addByKind(std::move(layer), true, baseMap);
        m_panel->addLayer(id, title, tip, !warnings.isEmpty(), true,
                          static_cast<int>(m_layers.entries().size() - 1 - at));
    }
}

void MainWindow::removeLayer(const QString& id) {
    if (isChoropleth(id) && m_choroplethShown) {
        // Removed from the Layers panel: the District Trends panel's box follows.
        m_choroplethShown = false;
        m_trendsPanel->setMapShown(false);
        const QSignalBlocker quiet(m_choroplethAction);
        m_choroplethAction->setChecked(false);
    }
    m_layers.remove(id);
    m_panel->removeLayer(id);
    m_layerWarnings.erase(id);
    m_layerSource.erase(id);
    m_officialDistrictIds.remove(id);
}

void MainWindow::addIncidentReport(const LoadOutcome& o, std::vector<QString>& replaceable,
                                   QStringList& errors) {
    if (!o.import->ok()) {
        errors << o.import->error().toString();
        return;
    }
    const ImportReport& report = o.import->value();
    const QString base =
        o.request.title.isEmpty() ? QFileInfo(report.path).completeBaseName() : o.request.title;
    QStringList warnings = report.warnings;
    if (!report.rejected.empty())
        warnings << rejectionSummary(report);
    bool reused = false;
    // A store keeps its incident layer even while empty: it is where new incidents appear.
    const bool store = m_storeEditor->isStore(o.request.path);
    const bool withIncidents = !report.store->empty() || (store && report.facilities.empty());
    // One file, two layers: say which is which.
    const bool both = withIncidents && !report.facilities.empty();
    const QString facilityTitle = both ? tr("%1 — outposts and facilities").arg(base) : base;
    const QString incidentTitle = both ? tr("%1 — incidents").arg(base) : base;
    if (!report.facilities.empty()) {
        const QString id = takeLayerId(
            replaceable,
            [](const MapLayer& l) { return dynamic_cast<const FacilityMapLayer*>(&l) != nullptr; },
            reused);
        installLayer(std::make_shared<FacilityMapLayer>(
                         id, facilityTitle, std::make_shared<const FacilityStore>(report.facilities)),
                     reused, facilityTitle, report.path, warnings, o.request.path, o.request.base);
    }
    if (withIncidents) {
        const QString id = takeLayerId(
            replaceable,
            [](const MapLayer& l) { return dynamic_cast<const IncidentMapLayer*>(&l) != nullptr; },
            reused);
        const auto& incidents = report.store;
        IncidentLayerOptions options;
        options.display = m_incidentDisplay;
        installLayer(std::make_shared<IncidentMapLayer>(id, incidentTitle, incidents, options), reused,
                     incidentTitle,
                     QStringLiteral("%1\n%2 %3")
                         .arg(report.path, groupedNumber(qint64(incidents->size())),
                              incidents->size() == 1 ? tr("incident") : tr("incidents")),
                     warnings, o.request.path, o.request.base);
    }
    refreshTable();
    updateTimeData();
    // A user's import always gets its summary; the bundled samples only if something is wrong.
    if (o.request.zoomTo || !report.rejected.empty()) {
        auto* dialog = new ImportSummaryDialog(report, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    }
    statusBar()->showMessage(ImportSummaryDialog::summaryText(report), 15000);
}

void MainWindow::onBatchLoaded(const std::vector<LoadOutcome>& outcomes) {
    QStringList errors;
    QStringList warnings;
    Extent added;
    QStringList cancelled;
    for (const LoadOutcome& o : outcomes) {
        if (o.cancelled) {
            cancelled << QFileInfo(o.request.path).fileName();
            continue;
        }
        // The layers this file replaces (the user said so when it was asked for again): the
        // new ones take their ids and places; any left over go.
        std::vector<QString> replaceable = o.request.replaces;
        const bool failed = o.import ? !o.import->ok() : !o.layers.ok();
        if (failed)
            replaceable.clear(); // a failed reload leaves the loaded layers alone
        if (o.import) {
            addIncidentReport(o, replaceable, errors);
            if (o.request.zoomTo && o.import->ok()) {
                const IncidentStore& store = *o.import->value().store;
                const auto lons = store.lons(), lats = store.lats();
                if (!lons.empty()) {
                    const auto [x0, x1] = std::minmax_element(lons.begin(), lons.end());
                    const auto [y0, y1] = std::minmax_element(lats.begin(), lats.end());
                    added.include(Extent{*x0, *y0, *x1, *y1});
                }
            }
        } else if (!o.layers) {
            errors << o.layers.error().toString();
        } else {
            for (const auto& layer : o.layers.value()) {
                bool reused = false;
                const QString id = takeLayerId(
                    replaceable,
                    [](const MapLayer& l) {
                        return dynamic_cast<const VectorMapLayer*>(&l) != nullptr;
                    },
                    reused);
                const LayerStyle style = o.request.style.value_or(
                    LayerStyle::defaultFor(layer->dominantKind(), m_nextId - 2));
                auto mapLayer = std::make_shared<VectorMapLayer>(id, layer, style, o.request.title,
                                                                 o.request.attributions);
                const QString title = o.request.title.isEmpty() ? layer->name() : o.request.title;
                const QString tip = QStringLiteral("%1\n%2 · %3 features · %4")
                                        .arg(layer->sourcePath(), layer->geometryTypeName())
                                        .arg(layer->featureCount())
                                        .arg(layer->sourceCrs().displayName());
                installLayer(mapLayer, reused, title, tip, layer->warnings(), o.request.path,
                             o.request.base);
                if (o.request.fileNameIs(QStringLiteral("districts_schematic.shp")))
                    m_schematicLayerId = id;
                if (o.request.officialDistricts)
                    m_officialDistrictIds.insert(id);
                if (o.request.officialDistricts && !m_schematicLayerId.isEmpty()) {
                    m_panel->setLayerVisible(m_schematicLayerId, false);
                    statusBar()->showMessage(
                        tr("Official districts loaded; the schematic districts are hidden."),
                        15000);
                }
                warnings << layer->warnings();
                if (o.request.zoomTo)
                    added.include(layer->lonLatExtent());
            }
        }
        for (const QString& id : replaceable)
            removeLayer(id);
        if (!o.request.replaces.empty()) {
            refreshTable();
            updateTimeData();
        }
    }
    layersChanged();
    if (!m_zoomedOnce && !m_layers.isEmpty()) {
        // Open on the border, not on the whole clip box of the base data.
        Extent start;
        for (const auto& e : m_layers.entries()) {
            if (e.layer->name() == QStringLiteral("Tajik–Afghan border"))
                start = e.layer->lonLatExtent().buffered(0.12);
        }
        if (!m_startExtent.isEmpty())
            start = m_startExtent;
        if (start.isEmpty())
            zoomFull();
        else
            m_canvas->zoomToLonLatExtent(start);
        m_zoomedOnce = true;
    } else if (!added.isEmpty() && m_startExtent.isEmpty()) {
        m_canvas->zoomToLonLatExtent(added);
    }
    if (!warnings.isEmpty())
        statusBar()->showMessage(warnings.join(QStringLiteral("  ·  ")), 15000);
    if (!cancelled.isEmpty())
        statusBar()->showMessage(tr("Cancelled: %1 not loaded").arg(cancelled.join(", ")), 15000);
    if (m_loader->pending() == 0)
        showLoadProgress(QString(), -2);
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

void MainWindow::layersChanged() {
    const auto visible = m_layers.visibleLayers();
    m_canvas->setLayers(visible);
    QStringList credits;
    for (const auto& layer : visible) {
        for (const QString& a : layer->attributions()) {
            if (!credits.contains(a))
                credits << a;
        }
    }
    m_canvas->setAttribution(credits.join(QStringLiteral(" · ")));
    syncAnalysisSources();
    updateProjectState();
}

MapSettings MainWindow::currentMapSettings() const {
    MapSettings s;
    s.crs = m_canvas->crs();
    s.extent = m_canvas->viewport().visibleExtent();
    s.outputSize = m_canvas->size();
    s.dpi = m_canvas->logicalDpiX();
    s.time = m_window;
    s.layers = m_layers.visibleLayers();
    s.placeNames = m_canvas->placeNames();
    return s;
}

void MainWindow::exportFrameSeries() {
    if (m_frameRunner && m_frameRunner->isRunning())
        return;
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Export frames (one PNG per step) into an empty folder"));
    if (dir.isEmpty())
        return;
    if (!m_frameRunner) {
        m_frameRunner = new FrameExportRunner(this);
        connect(m_frameRunner, &FrameExportRunner::finished, this,
                [this](bool ok, const FrameSeries::Report&, const QString& error) {
                    statusBar()->showMessage(ok ? tr("Frames exported") : error, 15000);
                });
    }
    // The slider's frames (range, step, window), 1920×1080 each: the same windows as playback.
    const PageSetup page = PageSetup::pixelSize(QSize(1920, 1080));
    BriefingLayout layout;
    layout.title = tr("Tajik–Afghan border");
    layout.cumulative = m_time->windowSpec().mode == WindowSpec::Mode::Cumulative;
    m_frameRunner->start(dir, FrameExportRunner::optionsFrom(*m_time, page), currentMapSettings(),
                         layout);
}

void MainWindow::exportAnimation() {
    // The slider's playback as it is set now (range, step, window), on the frame series' page.
    AnimationExporter::Options initial;
    initial.frames =
        FrameExportRunner::optionsFrom(*m_time, PageSetup::pixelSize(QSize(1920, 1080)));
    BriefingLayout layout;
    layout.title = tr("Tajik–Afghan border");
    auto* dialog = new AnimationDialog(currentMapSettings(), layout, initial, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AnimationDialog::exportFinished, this, [this](bool ok, const QString& msg) {
        statusBar()->showMessage(ok ? tr("Exported %1").arg(msg) : msg, 15000);
    });
    dialog->open();
}

void MainWindow::setLayerTimeField(const QString& id, int field) {
    const auto entry = m_layers.find(id);
    const auto* layer = entry ? dynamic_cast<const VectorMapLayer*>(entry->layer.get()) : nullptr;
    if (!layer)
        return;
    m_layers.replace(layer->withTimeField(field));
    layersChanged();
    updateTimeData();
}

void MainWindow::updateTimeData() {
    TimeSummary summary = summarizeTime(m_layers);
    // The filter narrows what the layers hold, not the span the time bar covers: the span comes
    // from the incidents as loaded, so filtering never moves the user's window (nor does a
    // filter that leaves nothing).
    for (const QString& id : m_analysis ? m_analysis->layerIds() : std::vector<QString>{}) {
        const auto source = m_analysis->source(id);
        if (!source || source->empty() || !incidentLayer(id))
            continue;
        // In whole months, as summarizeTime gives the span.
        const TimeRange raw = source->timeExtent();
        const TimeRange extent = TimeRange::fromHalfOpen(
            QDate(raw.beginDate().year(), raw.beginDate().month(), 1),
            QDate(raw.lastDate().year(), raw.lastDate().month(), 1).addMonths(1));
        summary.fullRange = summary.fullRange.isEmpty()
                                ? extent
                                : TimeRange{std::min(summary.fullRange.begin, extent.begin),
                                            std::max(summary.fullRange.end, extent.end)};
    }
    m_timePanel->bar()->setIncidents(summary.incidentStores);
    if (summary.fullRange.isEmpty()) {
        // Nothing time-aware left: no span, no window, every layer shown whole.
        m_time->setFullRange(TimeRange{0, 0});
        setTimeWindow(TimeRange::all());
        return;
    }
    m_time->setEventDays(std::move(summary.eventDays));
    if (summary.fullRange != m_time->fullRange())
        m_time->setFullRange(summary.fullRange);
    m_timePanel->bar()->setIncidents(std::move(summary.incidentStores));
}

void MainWindow::setTimeWindow(const TimeRange& window) {
    // Only the map is asked for the new window here; the table and the legend follow when its
    // frame is shown (frameShown), so at any playback speed they never run ahead of the map
    // (frames that cannot keep up are skipped, never shown out of step).
    m_window = window;
    m_canvas->setTimeWindow(window);
    // The window is part of the project. Compared once, until it differs: not at every step of
    // a playback (coming back to the saved window does not clear the mark; saving does).
    if (!isWindowModified())
        updateProjectState();
}

void MainWindow::setIncidentDisplay(IncidentDisplay mode) {
    m_incidentDisplay = mode;
    for (const auto& e : std::vector(m_layers.entries())) {
        if (const auto* l = dynamic_cast<const IncidentMapLayer*>(e.layer.get());
            l && l->options().display != mode) {
            IncidentLayerOptions options = l->options();
            options.display = mode;
            m_layers.replace(l->withOptions(options));
        }
    }
    m_canvas->setLayers(m_layers.visibleLayers());
}

std::shared_ptr<const MapLayer>
MainWindow::withEventNames(std::shared_ptr<const MapLayer> layer) const {
    if (dynamic_cast<const IncidentMapLayer*>(layer.get()))
        return withLabels({layer}, m_nameIncidents).front();
    if (dynamic_cast<const FacilityMapLayer*>(layer.get()))
        return withLabels({layer}, m_nameFacilities).front();
    return layer;
}

void MainWindow::setEventNames(bool incidents, bool facilities) {
    m_nameIncidents = incidents;
    m_nameFacilities = facilities;
    for (const auto& e : std::vector(m_layers.entries())) {
        auto named = withEventNames(e.layer);
        if (named != e.layer)
            m_layers.replace(std::move(named));
    }
    m_canvas->setLayers(m_layers.visibleLayers());
}

void MainWindow::frameShown() {
    const MapSettings& frame = m_canvas->frameSettings();
    m_timePanel->showFrame(frame.time);
    m_table->setWindow(frame.time);
    m_trendsPanel->setWindow(frame.time);
    m_chartPanel->setWindow(frame.time);
    // As the map drew it: a view crowded with incidents shows, and so lists, density; the layer
    // remembers what it binned, so this costs a count.
    const LegendContext context = legendContextFor(frame);
    m_legend->update(frame.layers, context);
    // Say when Automatic chose density, and how to change it: the symbols are gone from view.
    for (const auto& layer : frame.layers) {
        const auto* l = dynamic_cast<const IncidentMapLayer*>(layer.get());
        if (!l || l->options().display != IncidentDisplay::Auto)
            continue;
        const std::size_t inView = l->countInView(context);
        if (l->displayFor(inView) == IncidentDisplay::Density && !m_densityNoted) {
            statusBar()->showMessage(
                tr("%1 incidents in view: shown as density (View ▸ Incidents As ▸ Symbols to "
                   "see each one)")
                    .arg(groupedNumber(static_cast<qint64>(inView))),
                10000);
            m_densityNoted = true;
        }
    }
}

std::vector<IdentifyResult> MainWindow::identifyAll(QPointF pixel, double radius) const {
    IdentifyQuery q{m_canvas->viewport(), m_canvas->crs(), m_window, pixel, radius};
    std::vector<IdentifyResult> out;
    const auto visible = m_layers.visibleLayers();
    // Top layer first: what the user sees on top is what they meant.
    for (auto it = visible.rbegin(); it != visible.rend(); ++it) {
        auto hits = (*it)->identify(q);
        if (const auto w = m_layerWarnings.find((*it)->id()); w != m_layerWarnings.end())
            for (IdentifyResult& h : hits)
                h.layerWarnings = w->second;
        out.insert(out.end(), std::make_move_iterator(hits.begin()),
                   std::make_move_iterator(hits.end()));
    }
    addAnalysisFields(out);
    return out;
}

void MainWindow::identifyAt(QPointF pixel) {
    if (m_pickHandler) {
        // A form asked for a place: this click is it.
        auto handler = std::exchange(m_pickHandler, nullptr);
        m_canvas->unsetCursor();
        if (const auto lonLat = m_canvas->lonLatAt(pixel))
            handler(lonLat->x(), lonLat->y());
        return;
    }
    setEditTarget(storeRecordAt(pixel));
    std::vector<IdentifyResult> hits = identifyAll(pixel, 7);
    // Points within reach come before the areas they lie in.
    std::stable_sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) {
        return (a.distancePixels > 0) > (b.distancePixels > 0);
    });
    if (hits.size() > 8)
        hits.resize(8);
    m_identify->showResults(hits);
    IncidentSelection selection;
    std::optional<std::pair<QString, std::uint32_t>> clicked;
    for (const IdentifyResult& r : hits) {
        if (!r.featureIndex || !incidentLayer(r.layerId))
            continue;
        selection[r.layerId].push_back(*r.featureIndex);
        if (!clicked)
            clicked = std::pair{r.layerId, *r.featureIndex};
    }
    for (auto& [layer, indices] : selection)
        std::sort(indices.begin(), indices.end());
    selectIncidents(selection);
    m_table->selectIncidents(selection);
    // The incident clicked stays on top of any badge or density, until the next click.
    focusIncident(clicked);
}

const IncidentMapLayer* MainWindow::incidentLayer(const QString& id) const {
    const auto entry = m_layers.find(id);
    return entry ? dynamic_cast<const IncidentMapLayer*>(entry->layer.get()) : nullptr;
}

void MainWindow::refreshTable() {
    // Every incident layer, in the Layers panel's order (top first), as the user sees them.
    std::vector<IncidentTableSource> sources;
    for (const QString& id : m_panel->topFirstIds()) {
        if (const IncidentMapLayer* layer = incidentLayer(id))
            sources.push_back({id, layer->name(), layer->store(), factsOf(id)});
    }
    m_table->setSources(std::move(sources), m_window);
}

void MainWindow::focusIncident(const std::optional<std::pair<QString, std::uint32_t>>& focused) {
    bool changed = false;
    for (const auto& e : std::vector(m_layers.entries())) {
        const auto* layer = dynamic_cast<const IncidentMapLayer*>(e.layer.get());
        if (!layer)
            continue;
        const std::optional<std::uint32_t> want = focused && focused->first == layer->id()
                                                      ? std::optional(focused->second)
                                                      : std::nullopt;
        if (layer->options().focused == want)
            continue;
        IncidentLayerOptions options = layer->options();
        options.focused = want;
        m_layers.replace(layer->withOptions(options));
        changed = true;
    }
    if (changed)
        m_canvas->setLayers(m_layers.visibleLayers());
}

void MainWindow::selectIncidents(const IncidentSelection& selection) {
    bool changed = false;
    for (const auto& e : std::vector(m_layers.entries())) {
        const auto* layer = dynamic_cast<const IncidentMapLayer*>(e.layer.get());
        if (!layer)
            continue;
        const auto it = selection.find(layer->id());
        IncidentLayerOptions options = layer->options();
        options.selected = it == selection.end() || it->second.empty()
                               ? nullptr
                               : std::make_shared<const std::vector<std::uint32_t>>(it->second);
        const bool same = (options.selected == nullptr && layer->options().selected == nullptr) ||
                          (options.selected && layer->options().selected &&
                           *options.selected == *layer->options().selected);
        if (same)
            continue;
        m_layers.replace(layer->withOptions(options));
        changed = true;
    }
    if (changed)
        m_canvas->setLayers(m_layers.visibleLayers());
}

void MainWindow::zoomToIncident(const QString& layerId, std::uint32_t index) {
    const IncidentMapLayer* layer = incidentLayer(layerId);
    if (!layer || index >= layer->store()->size())
        return;
    const double lon = layer->store()->lons()[index];
    const double lat = layer->store()->lats()[index];
    // About 60 km across: the incident with its district around it.
    const double d = 0.3;
    m_canvas->zoomToLonLatExtent(Extent{lon - d, lat - d, lon + d, lat + d});
    selectIncidents({{layerId, {index}}});
}

QDockWidget* MainWindow::addDock(const QString& title, QWidget* widget, Qt::DockWidgetArea area) {
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(title + QStringLiteral("Dock"));
    dock->setWidget(widget);
    addDockWidget(area, dock);
    return dock;
}

void MainWindow::zoomToLayer(const QString& id) {
    if (const auto entry = m_layers.find(id))
        m_canvas->zoomToLonLatExtent(entry->layer->lonLatExtent());
}

void MainWindow::zoomFull() {
    m_canvas->zoomToLonLatExtent(m_layers.lonLatExtent());
}

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
