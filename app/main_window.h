#pragma once

#include "incident_table_model.h"
#include "layer_loader.h"
#include "map/identify.h"
#include "map/incident_map_layer.h"
#include "map/layer_stack.h"
#include "project/project_file.h"
#include "store/incident_database.h"
#include "render/map_settings.h"

#include <QSet>

#include <functional>
#include <map>

#include <QMainWindow>

class QLabel;
class QMenu;
class QActionGroup;
class QDialog;
class QDockWidget;
class QProgressBar;
class QToolButton;

namespace borderlens {

class MapReadingTools;

class MapCanvas;
class LayerPanel;
class IdentifyPanel;
class IncidentTablePanel;
class LegendPanel;
class TimeController;
class TimePanel;
class FrameExportRunner;
class StoreEditor;
class IncidentForm;
class FacilityForm;
class PlaceField;
class AnalysisSession;
class FilterPanel;
class DistrictTrendsPanel;
class ChartPanel;

// Wires actions, panels and the canvas to core. Holds the LayerStack; everything else lives in
// its own class.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

    // What to do with a file that is already loaded.
    enum class ReloadChoice { Replace, AddAgain, Skip };
    // Tests answer the question instead of a user (the default asks with a message box).
    void setReloadQuestion(std::function<ReloadChoice(const QString& path,
                                                      const QStringList& layerNames)> ask) {
        m_askReload = std::move(ask);
    }

    // The area the map opens on, instead of the border line's (the --extent option).
    void setStartExtent(const Extent& lonLat) { m_startExtent = lonLat; }
    // Opens the bundled base layers (countries, border, rivers, districts, seats).
    void openBundledLayers();
    // Opens user files on a worker thread; failures are reported, the session continues.
    void openFiles(const QStringList& paths);

    // Imports incidents or outposts (native, ACLED, UCDP, GeoPackage) as a new layer, with a
    // summary of what was rejected.
    void importIncidents(const QStringList& paths);
    // Loads official district polygons and hides the bundled schematic districts.
    void openOfficialDistricts(const QString& path);

    MapCanvas* canvas() const { return m_canvas; }
    MapReadingTools* readingTools() const { return m_reading; }
    LayerPanel* layerPanel() const { return m_panel; }
    IdentifyPanel* identifyPanel() const { return m_identify; }
    IncidentTablePanel* incidentTable() const { return m_table; }
    LegendPanel* legendPanel() const { return m_legend; }
    TimeController* timeController() const { return m_time; }
    TimePanel* timePanel() const { return m_timePanel; }
    AnalysisSession* analysis() const { return m_analysis; }
    FilterPanel* filterPanel() const { return m_filterPanel; }
    DistrictTrendsPanel* trendsPanel() const { return m_trendsPanel; }
    ChartPanel* chartPanel() const { return m_chartPanel; }
    // Identifies what is under `pixel` on the canvas, shows it and selects a clicked incident.
    void identifyAt(QPointF pixel);
    // The time window every temporal layer, the table and the legend show.
    const TimeRange& timeWindow() const { return m_window; }
    void setTimeWindow(const TimeRange& window);
    // Makes a vector layer temporal on attribute `field` (or not, for -1): Layer Properties.
    void setLayerTimeField(const QString& id, int field);
    // What the canvas shows now, as one value: extent, CRS, size, time window, visible layers.
    // Every export and the clipboard start from it, so they draw what the user sees.
    MapSettings currentMapSettings() const;
    const LayerStack& layers() const { return m_layers; }
    LayerLoader* loader() const { return m_loader; }
    // Window size, docks and table columns as the user left them (QSettings, group "window");
    // after this call they are also saved on close. Tests and screenshots do not call it.
    void restoreLayout();
    void saveLayout() const;
    const std::vector<QDockWidget*>& docks() const { return m_docks; }

    // The session as a Project (core/project): the user's layers with their styles and
    // visibility, the bundled map's hidden layers, the view, the time and the briefing.
    Project currentProject() const;
    // Opens a .blproj: the user's layers are replaced by the project's, the view and time set
    // once they have loaded (loadFinished). Missing files are offered for locating; an error
    // (malformed, unreadable) is shown and the session is left as it was. Returns false then.
    bool openProject(const QString& path);
    bool saveProject();
    // Saves to `path`, or asks for one when empty. Atomic (writeProjectFile).
    bool saveProjectAs(const QString& path = {});
    // Back to the bundled map alone, after asking about unsaved changes.
    void newProject();
    const QString& projectPath() const { return m_projectPath; }
    bool projectModified() const { return isWindowModified(); }
    bool projectReadOnly() const { return m_projectReadOnly; }
    // Tests answer instead of a user: where a missing layer file went (empty: skip it), and
    // whether to save unsaved changes (Save, Discard, or Cancel the close).
    enum class SaveChoice { Save, Discard, Cancel };
    void setLocateQuestion(std::function<QString(const QString& missing)> ask) {
        m_askLocate = std::move(ask);
    }
    void setSaveQuestion(std::function<SaveChoice()> ask) { m_askSave = std::move(ask); }

    // The incident store (main_window_store.cpp).
    StoreEditor* storeEditor() const { return m_storeEditor; }
    // Creates a store (a new GeoPackage) and opens it as a layer; errors are shown.
    bool newIncidentStore(const QString& path);
    // Opens a store (a GeoPackage path, or a PG: connection kept without its password and
    // `openWith` holding it) as incident and outpost layers that can be edited.
    void openIncidentStore(const QString& location, const QString& openWith = {});
    // The store new records go into: the selected layer's, else the last opened; empty if none.
    QString activeStore();
    // The add/edit forms (not modal: the map stays clickable to place the record). With
    // `existing`, edits it in `location`; otherwise adds to the active store. Null if no store.
    IncidentForm* openIncidentForm(const std::optional<StoredIncident>& existing = std::nullopt,
                                   const QString& location = {});
    FacilityForm* openFacilityForm(const std::optional<StoredFacility>& existing = std::nullopt,
                                   const QString& location = {});
    // The record identified last (map click or table), if it is in a store.
    struct StoreTarget {
        QString location;
        RecordKind kind = RecordKind::Incident;
        QString id;
    };
    const std::optional<StoreTarget>& editTarget() const { return m_editTarget; }
    void setEditTarget(std::optional<StoreTarget> target);
    QDialog* editSelected();
    bool deleteSelected(bool ask = true);
    bool moveRecord(const StoreTarget& target, double lon, double lat);
    // The store record under a canvas pixel, if any.
    std::optional<StoreTarget> storeRecordAt(QPointF pixel) const;
    // Tests answer instead of a user: where to make a store when none is open.
    void setNewStoreQuestion(std::function<QString()> ask) { m_askNewStorePath = std::move(ask); }
    // Tests answer instead of a user: whether a project may connect to these database servers.
    void setConnectQuestion(std::function<bool(const QStringList&)> ask) { m_askConnect = std::move(ask); }
    // The file (canonical path) or connection a layer was loaded from.
    QString layerSource(const QString& layerId) const;

signals:
    // Emitted after each batch of files has been added (or failed): tests and --screenshot wait on it.
    void loadFinished();

protected:
    void dragEnterEvent(QDragEnterEvent* e) override;
    void dropEvent(QDropEvent* e) override;
    void closeEvent(QCloseEvent* e) override;
    void showEvent(QShowEvent* e) override;

private:
    void createActions();
    void createTimeActions();
    void exportFrameSeries();
    void exportAnimation();
    void onBatchLoaded(const std::vector<LoadOutcome>& outcomes);
    void reportError(const QString& title, const QString& text);
    void layersChanged();
    void frameShown();
    void setIncidentDisplay(IncidentDisplay mode);
    void zoomToLayer(const QString& id);
    void zoomFull();
    void addIncidentReport(const LoadOutcome& outcome, std::vector<QString>& replaceable,
                           QStringList& errors);
    // The id for a new layer: that of a replaced layer of the same kind (reused = true), or new.
    QString takeLayerId(std::vector<QString>& replaceable,
                        const std::function<bool(const MapLayer&)>& sameKind, bool& reused);
    // Puts a new layer in the stack and the panel (by kind, or in the replaced layer's place;
    // a layer of the bundled base map under the user's layers of its kind).
    void installLayer(std::shared_ptr<const MapLayer> layer, bool reused, const QString& title,
                      const QString& tooltip, const QStringList& warnings,
                      const QString& sourcePath, bool baseMap);
    void removeLayer(const QString& id);
    // Loads requests, asking first about files that are already loaded.
    void loadAsked(std::vector<LoadRequest> requests);
    ReloadChoice askReload(const QString& path, const QStringList& layers);
    void showLoadProgress(const QString& text, int percent);
    // The time bar's span, histogram and events follow the temporal layers.
    void updateTimeData();
    std::vector<IdentifyResult> identifyAll(QPointF pixel, double radius) const;
    void selectIncidents(const IncidentSelection& selection);
    // The one incident drawn on top of everything (the last clicked), or none.
    void focusIncident(const std::optional<std::pair<QString, std::uint32_t>>& focused);
    void zoomToIncident(const QString& layerId, std::uint32_t index);
    const IncidentMapLayer* incidentLayer(const QString& id) const;
    // The table lists every incident layer; called when they are added, removed or renamed.
    void refreshTable();
    QDockWidget* addDock(const QString& title, QWidget* widget, Qt::DockWidgetArea area);
    // The incident store (main_window_store.cpp).
    void createStoreActions(QMenu* file, QAction* fileBefore, QMenu* edit);
    QString storeForNewRecord();
    void wirePlacePicking(PlaceField* place);
    void reloadStore(const QString& location);
    // Analysis (main_window_analysis.cpp): the filter, derived facts, trends, charts.
    void createAnalysisPanels();
    void createAnalysisActions(); // the Analysis menu
    QAction* m_choroplethAction = nullptr;
    // The session learns of new, reloaded and removed incident layers, the outposts and the
    // active district layer; called whenever the layers change.
    void syncAnalysisSources();
    // Layer `layerId` shows what the analysis session now gives it (filtered store, facts).
    void showAnalysed(const QString& layerId);
    std::shared_ptr<const DerivedFacts> factsOf(const QString& layerId) const;
    QString primaryIncidentLayer() const;
    void refreshAnalysisViews();
    void updateChoropleth();
    void updateFilterStatus();
    void addAnalysisFields(std::vector<IdentifyResult>& hits) const;
    static bool isChoropleth(const QString& layerId);
    // Projects (main_window_project.cpp).
    void createProjectActions(QMenu* file);
    void updateProjectState();
    // Asks whether to save unsaved changes; false means the user cancelled.
    bool maybeSaveChanges();
    void rememberRecent(const QString& path);
    void fillRecentMenu();

    LayerStack m_layers;
    MapCanvas* m_canvas;
    LayerPanel* m_panel;
    LayerLoader* m_loader;
    QString m_schematicLayerId; // the bundled schematic districts, hidden by official ones
    TimeRange m_window = TimeRange::all();
    MapReadingTools* m_reading = nullptr;
    QLabel* m_coords;
    QLabel* m_scale;
    QLabel* m_crsLabel;
    IdentifyPanel* m_identify;
    IncidentTablePanel* m_table;
    LegendPanel* m_legend;
    TimeController* m_time;
    TimePanel* m_timePanel;
    FrameExportRunner* m_frameRunner = nullptr;
    QActionGroup* m_crsGroup = nullptr;
    int m_nextId = 1;
    bool m_zoomedOnce = false;
    Extent m_startExtent;
    IncidentDisplay m_incidentDisplay = IncidentDisplay::Auto;
    // View ▸ Name Incidents / Name Outposts: whether those layers put their names on the map
    // (incidents by place and date, off at first as in a briefing; outposts by name).
    bool m_nameIncidents = false;
    bool m_nameFacilities = true;
    void setEventNames(bool incidents, bool facilities);
    std::shared_ptr<const MapLayer> withEventNames(std::shared_ptr<const MapLayer> layer) const;
    std::vector<QDockWidget*> m_docks;
    std::map<QString, QStringList> m_layerWarnings; // layer id → what is doubtful about it
    std::map<QString, QString> m_layerSource;       // layer id → canonical path of its file
    std::function<ReloadChoice(const QString&, const QStringList&)> m_askReload;
    QLabel* m_loadText = nullptr;
    QProgressBar* m_loadBar = nullptr;
    QToolButton* m_loadCancel = nullptr;
    bool m_rememberLayout = false;
    bool m_layoutRestored = false; // the docks are as the user left them: do not resize them
    bool m_shownOnce = false;
    // Bump when the docks change so that an old saved layout is not applied to new panels.
    static constexpr int kLayoutVersion = 3;
    bool m_densityNoted = false; // the status bar said once that Automatic chose density
    QSet<QString> m_officialDistrictIds; // layers loaded as official district boundaries
    QString m_projectPath;               // empty: not saved yet
    bool m_projectReadOnly = false;      // from a newer format: Save goes to Save As
    std::optional<Project> m_savedProject; // as last opened or saved, to tell what changed
    std::function<QString(const QString&)> m_askLocate;
    std::function<SaveChoice()> m_askSave;
    QMenu* m_recentMenu = nullptr;
    StoreEditor* m_storeEditor = nullptr;
    QString m_activeStore;
    std::map<QString, QString> m_storeTitles; // store location → the name its layers carry
    std::optional<StoreTarget> m_editTarget;
    // The briefing page as last exported, or as the open project keeps it.
    std::optional<ProjectExport> m_briefing;
    QAction* m_editRecord = nullptr;
    QAction* m_deleteRecord = nullptr;
    // The next map click goes here instead of identifying (placing a record from its form).
    std::function<void(double lon, double lat)> m_pickHandler;
    std::function<QString()> m_askNewStorePath;
    std::function<bool(const QStringList&)> m_askConnect;
    AnalysisSession* m_analysis = nullptr;
    FilterPanel* m_filterPanel = nullptr;
    DistrictTrendsPanel* m_trendsPanel = nullptr;
    ChartPanel* m_chartPanel = nullptr;
    std::vector<QDockWidget*> m_analysisDocks; // Filter, District Trends, Chart
    bool m_choroplethShown = false;
    std::shared_ptr<const DerivedFacts> m_choroplethFacts; // what the choropleth layer counts
    TrendOptions m_choroplethOptions;
    bool m_syncingAnalysis = false;
    QStringList m_chartDistrictNames; // the district layer the chart's selection was made on
};

} // namespace borderlens
