// The analysis side of the main window: the one incident filter, the facts derived per
// incident (district, province, bank, border distance, nearest outpost), the district trend
// table and its choropleth, and the chart panel. The filtered store of each incident layer is
// what the layer holds, so the map, table, histogram, legend, charts and exports follow it.
#include "main_window.h"

#include "analysis_session.h"
#include "chart_panel.h"

#include <QChartView>
#include "district_trends_panel.h"
#include "filter_panel.h"
#include "incident_table.h"
#include "layer_panel.h"
#include "map/district_choropleth_layer.h"
#include "map/facility_map_layer.h"
#include "map/incident_map_layer.h"
#include "map/vector_map_layer.h"
#include "map_canvas.h"
#include "time/time_controller.h"

#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QScopedValueRollback>
#include <QLocale>
#include <QStatusBar>

#include <cmath>

namespace borderlens {
namespace {

const QString kChoroplethId = QStringLiteral("district-trends");

} // namespace

void MainWindow::createAnalysisPanels() {
    m_analysis = new AnalysisSession(this);
    m_filterPanel = new FilterPanel(this);
    m_trendsPanel = new DistrictTrendsPanel(this);
    m_chartPanel = new ChartPanel(this);
    // As small as the other docks allow: the window must still fit a 1366×768 laptop and an
    // 800×600 screenshot (the chart and table scroll or shrink, they do not widen the window).
    m_chartPanel->view()->setMinimumSize(160, 80);
    QDockWidget* filterDock = addDock(tr("Filter"), m_filterPanel, Qt::RightDockWidgetArea);
    QDockWidget* trendsDock = addDock(tr("District Trends"), m_trendsPanel, Qt::RightDockWidgetArea);
    QDockWidget* chartDock = addDock(tr("Chart"), m_chartPanel, Qt::BottomDockWidgetArea);
    // Tabs behind Identify (each gets the column's height) and behind the table: at hand, and
    // the map keeps its room on a laptop. The Analysis menu brings each to the front.
    if (!m_docks.empty()) {
        tabifyDockWidget(m_docks[2], filterDock); // Identify
        tabifyDockWidget(filterDock, trendsDock);
        tabifyDockWidget(m_docks[3], chartDock); // Incidents
        m_docks[2]->raise();
        m_docks[3]->raise();
    }
    for (QDockWidget* dock : {filterDock, trendsDock, chartDock})
        m_docks.push_back(dock);
    m_analysisDocks = {filterDock, trendsDock, chartDock};

    connect(m_analysis, &AnalysisSession::shownChanged, this, &MainWindow::showAnalysed);
    connect(m_analysis, &AnalysisSession::busyChanged, this, [this](bool) { updateFilterStatus(); });
    connect(m_analysis, &AnalysisSession::districtNamesChanged, m_filterPanel,
            &FilterPanel::setDistrictNames);
    connect(m_filterPanel, &FilterPanel::filterChanged, this, [this](const IncidentFilter& f) {
        m_analysis->setFilter(f);
        updateFilterStatus();
        updateProjectState();
    });
    connect(m_filterPanel, &FilterPanel::pickPointRequested, this, [this] {
        m_canvas->setCursor(Qt::CrossCursor);
        statusBar()->showMessage(tr("Click the point to measure from (Esc cancels)"), 10000);
        m_pickHandler = [this](double lon, double lat) {
            m_filterPanel->setPickedPoint(LonLat{lon, lat});
        };
    });
    connect(m_trendsPanel, &DistrictTrendsPanel::optionsChanged, this, [this] {
        updateChoropleth();
        updateProjectState();
    });
    connect(m_trendsPanel, &DistrictTrendsPanel::mapShownChanged, this, [this](bool shown) {
        m_choroplethShown = shown;
        if (m_choroplethAction)
            m_choroplethAction->setChecked(shown);
        updateChoropleth();
    });
    connect(m_trendsPanel, &DistrictTrendsPanel::districtsSelected, this,
            [this](const std::vector<std::uint16_t>& codes, const QString& names) {
                m_chartPanel->setDistrictSelection(codes, names);
            });
    connect(m_chartPanel, &ChartPanel::windowRequested, this, [this](const TimeRange& window) {
        m_time->setRange(window);
    });
}

void MainWindow::createAnalysisActions() {
    QMenu* menu = menuBar()->addMenu(tr("&Analysis"));
    auto open = [](QDockWidget* dock) {
        dock->show();
        dock->raise();
        dock->widget()->setFocus();
    };
    QAction* filter = menu->addAction(tr("&Filter Incidents…"), this,
                                      [this, open] { open(m_analysisDocks[0]); });
    filter->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    menu->addAction(tr("C&lear Filter"), this, [this] {
        m_filterPanel->setFilter({});
        emit m_filterPanel->filterChanged({});
    });
    menu->addSeparator();
    QAction* trends = menu->addAction(tr("District &Trends"), this,
                                      [this, open] { open(m_analysisDocks[1]); });
    trends->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    m_choroplethAction = menu->addAction(tr("C&olour Districts by Trend"));
    m_choroplethAction->setCheckable(true);
    connect(m_choroplethAction, &QAction::toggled, this, [this](bool on) {
        if (on == m_choroplethShown)
            return;
        m_trendsPanel->setMapShown(on);
        emit m_trendsPanel->mapShownChanged(on);
    });
    QAction* chart = menu->addAction(tr("C&hart"), this, [this, open] {
        open(m_analysisDocks[2]);
        // Bars need more height than the table's strip: give them some, the user can drag it.
        if (m_analysisDocks[2]->height() < 260)
            resizeDocks({m_analysisDocks[2]}, {260}, Qt::Vertical);
    });
    chart->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
}

QString MainWindow::primaryIncidentLayer() const {
    // The top visible incident layer: the one a desk analyses (one store at a time).
    for (const QString& id : m_panel->topFirstIds()) {
        const auto entry = m_layers.find(id);
        if (entry && entry->visible && dynamic_cast<const IncidentMapLayer*>(entry->layer.get()))
            return id;
    }
    return {};
}

void MainWindow::syncAnalysisSources() {
    if (!m_analysis || m_syncingAnalysis)
        return;
    // Showing a result replaces layers, which comes back here: once is enough.
    const QScopedValueRollback<bool> guard(m_syncingAnalysis, true);
    // Incident layers: a store the session has not seen (a load, a reload, an edit) is a source.
    std::vector<QString> present;
    std::shared_ptr<const FacilityStore> facilities;
    for (const LayerStack::Entry& e : m_layers.entries()) {
        if (const auto* l = dynamic_cast<const IncidentMapLayer*>(e.layer.get())) {
            present.push_back(l->id());
            const FilteredIncidents* shown = m_analysis->shown(l->id());
            if (l->store() != m_analysis->source(l->id()) && (!shown || shown->store != l->store()))
                m_analysis->setSource(l->id(), l->store());
        } else if (const auto* f = dynamic_cast<const FacilityMapLayer*>(e.layer.get())) {
            if (!facilities)
                facilities = f->store();
        }
    }
    for (const QString& id : m_analysis->layerIds())
        if (std::find(present.begin(), present.end(), id) == present.end())
            m_analysis->removeSource(id);
    m_analysis->setFacilities(facilities);
    std::vector<std::pair<QString, LonLat>> outposts;
    if (facilities)
        for (std::size_t i = 0; i < facilities->size(); ++i)
            outposts.emplace_back(facilities->at(i).name,
                                  LonLat{facilities->at(i).lon, facilities->at(i).lat});
    m_filterPanel->setOutposts(std::move(outposts));
    // The district layer: official boundaries when loaded, else the bundled schematic ones.
    std::shared_ptr<const VectorLayer> districts;
    for (const LayerStack::Entry& e : m_layers.entries())
        if (m_officialDistrictIds.contains(e.layer->id()))
            if (const auto* v = dynamic_cast<const VectorMapLayer*>(e.layer.get()))
                districts = v->data();
    m_analysis->setDistricts(districts);
    refreshAnalysisViews();
}

void MainWindow::showAnalysed(const QString& layerId) {
    const FilteredIncidents* shown = m_analysis->shown(layerId);
    const IncidentMapLayer* layer = incidentLayer(layerId);
    if (!shown || !layer || !shown->store)
        return;
    if (layer->store() != shown->store) {
        // A new store: selection and focus were its rows, so they go.
        IncidentLayerOptions options = layer->options();
        options.selected = nullptr;
        options.focused.reset();
        m_layers.replace(std::make_shared<IncidentMapLayer>(layerId, layer->name(), shown->store,
                                                            options));
        layersChanged();
        updateTimeData();
    }
    refreshTable();
    refreshAnalysisViews();
    updateFilterStatus();
}

std::shared_ptr<const DerivedFacts> MainWindow::factsOf(const QString& layerId) const {
    const FilteredIncidents* shown = m_analysis ? m_analysis->shown(layerId) : nullptr;
    const IncidentMapLayer* layer = incidentLayer(layerId);
    // Facts are only good for the rows they were derived for.
    return shown && layer && shown->store == layer->store() ? shown->facts : nullptr;
}

void MainWindow::refreshAnalysisViews() {
    if (!m_trendsPanel)
        return;
    const QString id = primaryIncidentLayer();
    const IncidentMapLayer* layer = incidentLayer(id);
    const auto facts = factsOf(id);
    const auto store = layer ? layer->store() : nullptr;
    m_trendsPanel->setData(facts ? store : nullptr, facts);
    if (facts && facts->districtNames() != m_chartDistrictNames) {
        // Another district layer: the chart's selected codes would name other districts.
        m_chartDistrictNames = facts->districtNames();
        m_chartPanel->setDistrictSelection({}, {});
    }
    m_chartPanel->setData(store, facts ? facts->districts() : std::span<const std::uint16_t>{});
    updateChoropleth();
}

void MainWindow::updateChoropleth() {
    const QString id = primaryIncidentLayer();
    const IncidentMapLayer* layer = incidentLayer(id);
    const auto facts = factsOf(id);
    const bool exists = m_layers.find(kChoroplethId).has_value();
    if (!m_choroplethShown || !layer || !facts) {
        // Off, or nothing to count yet (facts being derived, the incident layer gone or
        // hidden): no stale colours. It comes back with the facts while still switched on.
        if (exists) {
            m_layers.remove(kChoroplethId);
            m_panel->removeLayer(kChoroplethId);
            m_choroplethFacts.reset();
            layersChanged();
        }
        return;
    }
    auto choropleth = std::make_shared<DistrictChoroplethLayer>(
        kChoroplethId, tr("District trends"), layer->store(), facts, m_trendsPanel->options());
    if (exists) {
        if (m_choroplethFacts == facts && m_choroplethOptions == m_trendsPanel->options())
            return; // the same incidents and rules: nothing to redraw
        m_layers.replace(std::move(choropleth));
    } else {
        // Over the district areas, under lines and points, as any area layer.
        const std::size_t at = m_layers.addByKind(choropleth, true, false);
        m_panel->addLayer(kChoroplethId, tr("District trends"),
                          tr("Districts coloured by the change of their incidents in the time "
                             "window against the windows before (District Trends panel)"),
                          false, true, static_cast<int>(m_layers.entries().size() - 1 - at));
    }
    m_choroplethFacts = facts;
    m_choroplethOptions = m_trendsPanel->options();
    m_canvas->setLayers(m_layers.visibleLayers());
}

bool MainWindow::isChoropleth(const QString& layerId) { return layerId == kChoroplethId; }

void MainWindow::updateFilterStatus() {
    if (!m_filterPanel)
        return;
    qint64 shownRows = 0, total = 0;
    for (const QString& id : m_analysis->layerIds()) {
        const FilteredIncidents* shown = m_analysis->shown(id);
        if (const auto source = m_analysis->source(id))
            total += qint64(source->size());
        if (shown && shown->store)
            shownRows += qint64(shown->store->size());
    }
    const QLocale locale;
    QString text = m_analysis->filter().isEmpty()
                       ? tr("No filter: all %1 incidents").arg(locale.toString(total))
                       : tr("%1 of %2 incidents pass").arg(locale.toString(shownRows),
                                                           locale.toString(total));
    if (m_analysis->busy())
        text += tr(" · computing districts and distances…");
    if (!m_analysis->inputError().isEmpty())
        text += QStringLiteral("\n⚠ ") + m_analysis->inputError();
    m_filterPanel->setStatus(text);
}

void MainWindow::addAnalysisFields(std::vector<IdentifyResult>& hits) const {
    for (IdentifyResult& r : hits) {
        if (!r.featureIndex)
            continue;
        const auto facts = factsOf(r.layerId);
        if (!facts || *r.featureIndex >= facts->size())
            continue;
        const std::size_t i = *r.featureIndex;
        const float km = facts->borderKm()[i];
        QString bank = displayCode(facts->sides()[i]);
        if (facts->sideDisagrees()[i])
            bank += tr(" (the record says otherwise)");
        r.fields.emplace_back(tr("District (by map)"), facts->districtName(i));
        r.fields.emplace_back(tr("Province (by map)"), facts->provinceName(i));
        r.fields.emplace_back(tr("Bank"), bank);
        if (!std::isnan(km))
            r.fields.emplace_back(tr("To the border"), tr("%1 km").arg(double(km), 0, 'f', 1));
        if (facts->nearestOutposts()[i] != DerivedFacts::kNoOutpost)
            r.fields.emplace_back(tr("Nearest outpost"),
                                  tr("%1, %2 km")
                                      .arg(facts->nearestOutpostName(i))
                                      .arg(double(facts->nearestOutpostKm()[i]), 0, 'f', 1));
    }
}

} // namespace borderlens
