#include "bundled_window_fixture.h"
#include "identify_panel.h"
#include "incident_table.h"
#include "layer_panel.h"
#include "legend_panel.h"
#include "main_window.h"
#include "map/incident_map_layer.h"
#include "map_canvas.h"
#include "support/test_paths.h"
#include "time/time_controller.h"
#include "time_bar.h"
#include "time_panel.h"

#include <QComboBox>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTableView>

#include <gtest/gtest.h>

using namespace borderlens;

namespace {

using BundledWindow = test::BundledWindowFixture;

TEST_F(BundledWindow, OpensWithSampleIncidentsOutpostsLegendAndAttribution) {
    // Base layers (5), outposts, incidents.
    EXPECT_EQ(window.layerPanel()->count(), 7);
    EXPECT_EQ(window.incidentTable()->visibleRowCount(), 15);
    const QStringList legend = window.legendPanel()->labels();
    EXPECT_TRUE(legend.contains(QStringLiteral("Armed clash / infiltration (4)")))
        << legend.join(" | ").toStdString();
    EXPECT_TRUE(legend.filter(QStringLiteral("schematic, not an official boundary")).size() == 1);
    EXPECT_TRUE(legend.contains(QStringLiteral("Border outpost (4)")));
}

TEST_F(BundledWindow, ClickingTheDecember2025IncidentShowsItsDetailsAndSource) {
    // Zoom in on it, as a user would, so nothing else is within the click radius.
    const int row = [&] {
        for (int r = 0; r < window.incidentTable()->view()->model()->rowCount(); ++r) {
            const QString id = window.incidentTable()
                                   ->view()
                                   ->model()
                                   ->index(r, 0)
                                   .data(IncidentTableModel::IdRole)
                                   .toString();
            if (id == QLatin1String("BL-2025-0003"))
                return r;
        }
        return -1;
    }();
    ASSERT_GE(row, 0);
    const auto* layer = [&]() -> const IncidentMapLayer* {
        for (const auto& e : window.layers().entries())
            if (auto* l = dynamic_cast<const IncidentMapLayer*>(e.layer.get()))
                return l;
        return nullptr;
    }();
    ASSERT_NE(layer, nullptr);
    // Selecting replaces the layer with a restyled copy: hold the store, not the layer.
    const auto store = layer->store();
    const int index = store->indexOf(QStringLiteral("BL-2025-0003"));
    ASSERT_GE(index, 0);
    emit window.incidentTable()->zoomToIncident(layer->id(), static_cast<std::uint32_t>(index));
    settle();
    const Incident inc = store->incident(static_cast<std::size_t>(index));
    window.identifyAt(pixelOf(inc.lon, inc.lat));
    const QString text = window.identifyPanel()->currentText();
    EXPECT_TRUE(text.contains(QStringLiteral("Armed clash / infiltration"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Shamsiddin Shohin")));
    EXPECT_TRUE(text.contains(QStringLiteral("Sources")));
    EXPECT_TRUE(text.contains(QStringLiteral("Vladimir Putin Discuss Border Security")));
    // The click selected it in the table and on the map.
    const auto selected = window.incidentTable()->view()->selectionModel()->selectedRows();
    ASSERT_EQ(selected.size(), 1);
    EXPECT_EQ(selected[0].data(IncidentTableModel::IdRole).toString(),
              QStringLiteral("BL-2025-0003"));
}

TEST_F(BundledWindow, TableSelectionHighlightsOnTheMap) {
    const QImage before = window.canvas()->lastFrame();
    std::uint32_t index = 0;
    QString layerId;
    for (const auto& e : window.layers().entries())
        if (auto* l = dynamic_cast<const IncidentMapLayer*>(e.layer.get())) {
            index = static_cast<std::uint32_t>(l->store()->indexOf(QStringLiteral("BL-2023-0002")));
            layerId = l->id();
        }
    emit window.incidentTable()->selectionChanged({{layerId, {index}}});
    settle();
    const QImage after = window.canvas()->lastFrame();
    ASSERT_EQ(before.size(), after.size());
    EXPECT_NE(before, after); // the selection ring was drawn
    for (const auto& e : window.layers().entries()) {
        if (auto* l = dynamic_cast<const IncidentMapLayer*>(e.layer.get())) {
            EXPECT_TRUE(l->options().isSelected(index));
        }
    }
}

TEST_F(BundledWindow, OfficialDistrictsMakeTheSchematicOnesStepAside) {
    BORDERLENS_REQUIRE_REALDATA();
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    window.openOfficialDistricts(test::realData(
        QStringLiteral("boundaries/tjk_geoboundaries_adm2/geoBoundaries-TJK-ADM2.shp")));
    ASSERT_TRUE(loaded.wait(20000));
    EXPECT_EQ(window.layerPanel()->count(), 8);
    bool schematicVisible = true;
    bool officialVisible = false;
    for (const auto& e : window.layers().entries()) {
        if (e.layer->name().contains(QStringLiteral("schematic")))
            schematicVisible = e.visible;
        if (e.layer->name().contains(QStringLiteral("official:")))
            officialVisible = e.visible;
    }
    EXPECT_FALSE(schematicVisible);
    EXPECT_TRUE(officialVisible);
}

TEST_F(BundledWindow, ADroppedAcledFileBecomesAnIncidentLayer) {
    // Files opened as layers (a drop, Add Layer, the command line) are recognised from their
    // header: an ACLED export gets the table, the time slider and identify, not plain points.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("acled export.csv"));
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,"
                "country,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities\n"
                "TJK1,2025-12-24,2025,1,Battles,Armed clash,A,Tajikistan,Khatlon,Shurobod,"
                "37.84,70.05,1,src,n,2\n"
                "TJK2,2025-12-25,2025,1,Battles,Armed clash,A,Tajikistan,Khatlon,Shurobod,"
                "37.85,70.06,1,src,n,0\n");
    }
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    window.openFiles({path});
    ASSERT_TRUE(loaded.wait(20000));
    settle();
    const IncidentMapLayer* added = nullptr;
    for (const auto& e : window.layers().entries())
        if (auto* l = dynamic_cast<const IncidentMapLayer*>(e.layer.get()); l && l->store()->size() == 2)
            added = l;
    ASSERT_NE(added, nullptr) << "the ACLED file did not become an incident layer";
    const auto& sources = window.incidentTable()->model()->sources();
    EXPECT_TRUE(std::any_of(sources.begin(), sources.end(),
                            [&](const auto& s) { return s.store == added->store(); }));
}

TEST_F(BundledWindow, TwoIncidentLayersShareTheTableAndTheHistogram) {
    // Issue 11: the table and the histogram showed only the last import.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("acled.csv"));
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,"
                "country,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities\n"
                "TJK1,2022-03-24,2022,1,Battles,Armed clash,A,Tajikistan,Khatlon,Shurobod,"
                "37.84,70.05,1,src,n,2\n"
                "TJK2,2025-12-25,2025,1,Battles,Armed clash,A,Tajikistan,Khatlon,Shurobod,"
                "37.85,70.06,1,src,n,0\n");
    }
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    window.importIncidents({path});
    ASSERT_TRUE(loaded.wait(20000));
    window.timeController()->reset();
    settle();
    IncidentTablePanel* table = window.incidentTable();
    ASSERT_EQ(table->model()->sources().size(), 2u);
    EXPECT_EQ(table->visibleRowCount(), 15 + 2);
    EXPECT_FALSE(table->view()->isColumnHidden(IncidentTableModel::Layer));
    // Rows of both layers, in date order across them; the layer column names each row's layer.
    QStringList layers;
    QDate last;
    for (int r = 0; r < table->visibleRowCount(); ++r) {
        const QModelIndex layerCell = table->model()->index(r, IncidentTableModel::Layer);
        layers << layerCell.data().toString();
        const QDate d = QDate::fromString(
            table->model()->index(r, IncidentTableModel::Date).data().toString().left(10),
            Qt::ISODate);
        EXPECT_GE(d, last);
        last = d;
    }
    EXPECT_EQ(layers.count(QStringLiteral("acled")), 2);
    EXPECT_EQ(layers.count(QStringLiteral("Incidents (sample, from news reports)")), 15);
    // The layer filter shows one layer.
    QComboBox* combo = table->layerCombo();
    combo->setCurrentIndex(combo->findText(QStringLiteral("acled")));
    EXPECT_EQ(table->visibleRowCount(), 2);
    combo->setCurrentIndex(0); // all layers
    EXPECT_EQ(table->visibleRowCount(), 17);
    // The histogram counts both.
    int total = 0;
    for (int n : window.timePanel()->bar()->binCounts())
        total += n;
    EXPECT_EQ(total, 17);
    // Selecting an ACLED row selects it on the ACLED layer only.
    const int row = [&] {
        for (int r = 0; r < table->visibleRowCount(); ++r)
            if (table->model()->index(r, 0).data(IncidentTableModel::IdRole).toString() ==
                QLatin1String("TJK2"))
                return r;
        return -1;
    }();
    ASSERT_GE(row, 0);
    table->view()->selectRow(row);
    for (const auto& e : window.layers().entries())
        if (auto* l = dynamic_cast<const IncidentMapLayer*>(e.layer.get())) {
            const bool isAcled = l->store()->size() == 2;
            EXPECT_EQ(l->options().selected != nullptr, isAcled) << l->name().toStdString();
        }
}

} // namespace
