// Analysis in the viewer (issue 15): one filter for the map, table, time bar, legend and exports;
// the derived facts in the table and identify panel; the district trend table and its choropleth
// following the time window; the filter kept in a project.
#include "analysis_session.h"
#include "bundled_window_fixture.h"
#include "district_trends_panel.h"
#include "filter_panel.h"
#include "identify_panel.h"
#include "incident_table.h"
#include "legend_panel.h"
#include "map/district_choropleth_layer.h"
#include "time/time_controller.h"

#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace borderlens;
using namespace borderlens::test;

namespace {

class AnalysisPanels : public BundledWindowFixture {
protected:
    // Until facts and filters are computed and every frame they cause is drawn.
    void waitForAnalysis() {
        QSignalSpy busy(window.analysis(), &AnalysisSession::busyChanged);
        for (int i = 0; i < 200 && window.analysis()->busy(); ++i)
            busy.wait(200);
        ASSERT_FALSE(window.analysis()->busy());
        settle();
    }
    const IncidentMapLayer* incidents() {
        for (const auto& layer : window.currentMapSettings().layers)
            if (const auto* l = dynamic_cast<const IncidentMapLayer*>(layer.get()))
                return l;
        return nullptr;
    }
    std::shared_ptr<const DerivedFacts> facts() {
        const IncidentMapLayer* l = incidents();
        const FilteredIncidents* shown = l ? window.analysis()->shown(l->id()) : nullptr;
        return shown && shown->store == l->store() ? shown->facts : nullptr;
    }
};

} // namespace

TEST_F(AnalysisPanels, TheFilterIsOneForTheMapTableTimeBarAndExports) {
    waitForAnalysis();
    const IncidentMapLayer* before = incidents();
    ASSERT_NE(before, nullptr);
    const std::size_t all = before->store()->size();
    std::size_t clashes = 0;
    for (IncidentType t : before->store()->types())
        clashes += t == IncidentType::ArmedClash;
    ASSERT_GT(clashes, 0u);
    ASSERT_LT(clashes, all);

    IncidentFilter f;
    f.types = {IncidentType::ArmedClash};
    window.filterPanel()->setFilter(f);
    emit window.filterPanel()->filterChanged(f);
    waitForAnalysis();

    const IncidentMapLayer* after = incidents();
    ASSERT_NE(after, nullptr);
    EXPECT_EQ(after->store()->size(), clashes);
    for (IncidentType t : after->store()->types())
        EXPECT_EQ(t, IncidentType::ArmedClash);
    // The table lists the same incidents (all time), and an export draws the same layer.
    window.timeController()->setRange(TimeRange::all());
    settle();
    EXPECT_EQ(window.incidentTable()->model()->rowCount(), int(clashes));
    EXPECT_EQ(window.currentMapSettings().layers, window.canvas()->frameSettings().layers);
    // The legend counts what passes.
    bool counted = false;
    for (const QString& label : window.legendPanel()->labels())
        counted = counted || label.contains(QStringLiteral("(%1)").arg(clashes));
    EXPECT_TRUE(counted) << window.legendPanel()->labels().join(QStringLiteral(" | ")).toStdString();

    // Filtering never moves the window the user set, even to a filter that leaves nothing.
    const TimeRange december = TimeRange::fromInclusive(QDate(2025, 12, 1), QDate(2025, 12, 31));
    window.timeController()->setRange(december);
    settle();
    f.actor = QStringLiteral("no such actor anywhere");
    window.filterPanel()->setFilter(f);
    emit window.filterPanel()->filterChanged(f);
    waitForAnalysis();
    EXPECT_EQ(incidents()->store()->size(), 0u);
    EXPECT_EQ(window.timeWindow(), december);

    // The panel's Clear Filter button brings every incident back.
    QPushButton* clear = nullptr;
    for (QPushButton* b : window.filterPanel()->findChildren<QPushButton*>())
        if (b->text() == QStringLiteral("Clear Filter"))
            clear = b;
    ASSERT_NE(clear, nullptr);
    clear->click();
    waitForAnalysis();
    EXPECT_TRUE(window.analysis()->filter().isEmpty());
    EXPECT_EQ(incidents()->store()->size(), all);
    EXPECT_EQ(window.timeWindow(), december);
}

TEST_F(AnalysisPanels, TheTableAndIdentifyShowWhereEachIncidentLies) {
    waitForAnalysis();
    const auto derived = facts();
    ASSERT_NE(derived, nullptr) << "facts were not derived for the bundled samples";
    const IncidentMapLayer* layer = incidents();
    window.timeController()->setRange(TimeRange::all());
    settle();
    const IncidentTableModel* model = window.incidentTable()->model();
    ASSERT_GT(model->rowCount(), 0);
    int withBorder = 0;
    for (int r = 0; r < model->rowCount(); ++r) {
        const std::uint32_t i = model->storeIndex(r);
        EXPECT_EQ(model->index(r, IncidentTableModel::District).data().toString(),
                  derived->districtName(i));
        const QString km = model->index(r, IncidentTableModel::Border).data().toString();
        withBorder += !km.isEmpty();
        if (!km.isEmpty()) {
            EXPECT_NEAR(km.toDouble(), derived->borderKm()[i], 0.051);
        }
        EXPECT_EQ(model->index(r, IncidentTableModel::Bank).data().toString().left(2),
                  displayCode(derived->sides()[i]).left(2));
    }
    EXPECT_EQ(withBorder, model->rowCount());
    // A click on an incident names its district, bank and distance to the border.
    const std::uint32_t first = 0;
    const QPointF at = pixelOf(layer->store()->lons()[first], layer->store()->lats()[first]);
    window.identifyAt(at);
    const QString shown = window.identifyPanel()->currentText();
    EXPECT_TRUE(shown.contains(QStringLiteral("To the border"))) << shown.toStdString();
    EXPECT_TRUE(shown.contains(QStringLiteral("Bank"))) << shown.toStdString();
}

TEST_F(AnalysisPanels, TrendsFollowTheWindowAndColourTheMap) {
    waitForAnalysis();
    const TimeRange december = TimeRange::fromInclusive(QDate(2025, 12, 1), QDate(2025, 12, 31));
    window.timeController()->setRange(december);
    settle();
    const TrendTable* table = window.trendsPanel()->table();
    ASSERT_NE(table, nullptr);
    EXPECT_EQ(table->window, december);
    int counted = 0;
    for (const TrendRow& r : table->districts)
        counted += r.incidents;
    for (const TrendRow& r : table->provinceLevel)
        counted += r.incidents;
    EXPECT_GT(counted, 0);

    // "Colour the map": the choropleth is a layer of the map (so of every export) with a legend.
    window.trendsPanel()->setMapShown(true);
    emit window.trendsPanel()->mapShownChanged(true);
    settle();
    const DistrictChoroplethLayer* choropleth = nullptr;
    for (const auto& layer : window.canvas()->frameSettings().layers)
        if (const auto* c = dynamic_cast<const DistrictChoroplethLayer*>(layer.get()))
            choropleth = c;
    ASSERT_NE(choropleth, nullptr);
    EXPECT_EQ(choropleth->table(december)->districts.size(), table->districts.size());
    bool legend = false;
    for (const QString& label : window.legendPanel()->labels())
        legend = legend || label.contains(QStringLiteral("low baseline"), Qt::CaseInsensitive);
    EXPECT_TRUE(legend) << window.legendPanel()->labels().join(QStringLiteral(" | ")).toStdString();

    // A month on: the table is the new window's.
    const TimeRange november = TimeRange::fromInclusive(QDate(2025, 11, 1), QDate(2025, 11, 30));
    window.timeController()->setRange(november);
    settle();
    ASSERT_NE(window.trendsPanel()->table(), nullptr);
    EXPECT_EQ(window.trendsPanel()->table()->window, november);

    // Off again: gone from the map.
    emit window.trendsPanel()->mapShownChanged(false);
    settle();
    for (const auto& layer : window.canvas()->frameSettings().layers)
        EXPECT_EQ(dynamic_cast<const DistrictChoroplethLayer*>(layer.get()), nullptr);
}

TEST_F(AnalysisPanels, APointPickedOnTheMapFiltersByDistance) {
    waitForAnalysis();
    const IncidentMapLayer* layer = incidents();
    const QString id = layer->id(); // the layer is replaced by its filtered self below
    const double lon = layer->store()->lons()[0], lat = layer->store()->lats()[0];
    emit window.filterPanel()->pickPointRequested();
    QTest::mouseClick(window.canvas(), Qt::LeftButton, {}, pixelOf(lon, lat).toPoint());
    const IncidentFilter f = window.filterPanel()->filter();
    ASSERT_TRUE(f.near.has_value());
    EXPECT_NEAR(f.near->lon, lon, 0.05);
    EXPECT_NEAR(f.near->lat, lat, 0.05);
    waitForAnalysis();
    EXPECT_EQ(window.analysis()->filter(), f);
    EXPECT_LT(incidents()->store()->size(), window.analysis()->source(id)->size());
    EXPECT_GE(incidents()->store()->size(), 1u);
}

TEST_F(AnalysisPanels, AProjectKeepsTheFilterAndTheTrendRules) {
    waitForAnalysis();
    IncidentFilter f;
    f.borderKmMax = 5;
    f.killedMin = 1;
    window.filterPanel()->setFilter(f);
    emit window.filterPanel()->filterChanged(f);
    TrendOptions options;
    options.baselineWindows = 6;
    window.trendsPanel()->setOptions(options);
    emit window.trendsPanel()->optionsChanged(options);
    waitForAnalysis();
    const std::size_t passing = incidents()->store()->size();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("desk.blproj"));
    ASSERT_TRUE(window.saveProjectAs(path));

    MainWindow second;
    second.resize(1000, 700);
    second.show();
    QSignalSpy loaded(&second, &MainWindow::loadFinished);
    second.openBundledLayers();
    ASSERT_TRUE(loaded.wait(20000));
    ASSERT_TRUE(second.openProject(path));
    QSignalSpy busy(second.analysis(), &AnalysisSession::busyChanged);
    for (int i = 0; i < 200 && second.analysis()->busy(); ++i)
        busy.wait(200);
    QCoreApplication::processEvents();
    EXPECT_EQ(second.filterPanel()->filter(), f);
    EXPECT_EQ(second.analysis()->filter(), f);
    EXPECT_EQ(second.trendsPanel()->options().baselineWindows, 6);
    std::size_t shown = 0;
    for (const auto& e : second.layers().entries())
        if (const auto* l = dynamic_cast<const IncidentMapLayer*>(e.layer.get()))
            shown += l->store()->size();
    EXPECT_EQ(shown, passing);
    EXPECT_FALSE(second.projectModified());
}
