#include "bundled_window_fixture.h"
#include "identify_panel.h"
#include "incident_table.h"
#include "incidents/synthetic/synthetic_incidents.h"
#include "layer_loader.h"
#include "layer_panel.h"
#include "map/incident_map_layer.h"
#include "map/vector_map_layer.h"

#include <QFile>
#include <QListWidget>
#include <QMessageBox>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace borderlens;

namespace {

using LayerManagementTest = test::BundledWindowFixture;

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

const QByteArray kAcled =
    "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,country,"
    "admin1,location,latitude,longitude,geo_precision,source,notes,fatalities\n"
    "TJK1,2025-12-24,2025,1,Battles,Armed clash,A,Tajikistan,Khatlon,Shurobod,37.84,70.05,1,"
    "src,n,2\n";

std::vector<const IncidentMapLayer*> incidentLayers(const MainWindow& w) {
    std::vector<const IncidentMapLayer*> out;
    for (const auto& e : w.layers().entries())
        if (auto* l = dynamic_cast<const IncidentMapLayer*>(e.layer.get()))
            out.push_back(l);
    return out;
}

TEST_F(LayerManagementTest, ReimportingAFileAsksAndReplacesItInPlace) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("acled.csv"));
    writeFile(path, kAcled);
    int asked = 0;
    MainWindow::ReloadChoice answer = MainWindow::ReloadChoice::Replace;
    QStringList namesAsked;
    window.setReloadQuestion([&](const QString&, const QStringList& names) {
        ++asked;
        namesAsked = names;
        return answer;
    });
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    window.importIncidents({path});
    ASSERT_TRUE(loaded.wait(20000));
    EXPECT_EQ(asked, 0); // a first import asks nothing
    ASSERT_EQ(incidentLayers(window).size(), 2u);
    const QString id = incidentLayers(window).back()->id();
    const auto orderBefore = window.layerPanel()->topFirstIds();

    // The file changed on disk: a second row. Replace: same layer, same place, new data.
    writeFile(path, kAcled + "TJK2,2025-12-25,2025,1,Battles,Armed clash,A,Tajikistan,Khatlon,"
                             "Shurobod,37.85,70.06,1,src,n,0\n");
    window.importIncidents({path});
    ASSERT_TRUE(loaded.wait(20000));
    EXPECT_EQ(asked, 1);
    EXPECT_EQ(namesAsked, QStringList{QStringLiteral("acled")});
    ASSERT_EQ(incidentLayers(window).size(), 2u);
    EXPECT_EQ(window.layerPanel()->topFirstIds(), orderBefore);
    const auto replaced = window.layers().find(id);
    ASSERT_TRUE(replaced.has_value());
    EXPECT_EQ(dynamic_cast<const IncidentMapLayer&>(*replaced->layer).store()->size(), 2u);
    EXPECT_EQ(window.incidentTable()->model()->sources().size(), 2u);

    // Add again: a second layer of the same file.
    answer = MainWindow::ReloadChoice::AddAgain;
    window.importIncidents({path});
    ASSERT_TRUE(loaded.wait(20000));
    EXPECT_EQ(incidentLayers(window).size(), 3u);

    // Cancel: nothing is loaded, nothing changes.
    answer = MainWindow::ReloadChoice::Skip;
    const auto before = window.layerPanel()->topFirstIds();
    window.importIncidents({path});
    QCoreApplication::processEvents();
    EXPECT_EQ(window.loader()->pending(), 0);
    EXPECT_EQ(window.layerPanel()->topFirstIds(), before);
}

TEST_F(LayerManagementTest, TheWarningIconExplainsItselfInTheTooltipAndInIdentify) {
    // A GeoJSON-less case: a CSV of points with no CRS is read as lon/lat and says so. Here a
    // shapefile without its .prj, the usual case.
    QTemporaryDir dir;
    const QString shp = dir.filePath(QStringLiteral("posts.shp"));
    {
        const QString geojson = dir.filePath(QStringLiteral("posts.geojson"));
        writeFile(geojson, R"({"type":"FeatureCollection","features":[{"type":"Feature",
            "properties":{"name":"Post A"},"geometry":{"type":"Point","coordinates":[69.8,37.5]}}]})");
        ASSERT_EQ(QProcess::execute(QStringLiteral("ogr2ogr"),
                                    {QStringLiteral("-f"), QStringLiteral("ESRI Shapefile"), shp,
                                     geojson}),
                  0);
        QFile::remove(dir.filePath(QStringLiteral("posts.prj")));
    }
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    window.openFiles({shp});
    ASSERT_TRUE(loaded.wait(20000));
    settle();
    auto* list = window.layerPanel()->findChild<QListWidget*>();
    const QListWidgetItem* item = nullptr;
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->text() == QStringLiteral("posts"))
            item = list->item(i);
    ASSERT_NE(item, nullptr);
    EXPECT_FALSE(item->icon().isNull()); // the warning icon
    EXPECT_TRUE(item->toolTip().contains(QStringLiteral("has no .prj file")))
        << item->toolTip().toStdString();
    EXPECT_TRUE(item->toolTip().contains(QStringLiteral("EPSG:4326")));
    window.identifyAt(pixelOf(69.8, 37.5));
    const QString text = window.identifyPanel()->currentText();
    EXPECT_TRUE(text.contains(QStringLiteral("Post A"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("⚠"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("has no .prj file")));
}

TEST_F(LayerManagementTest, AnImportWithRejectedRowsSaysWhyOnItsIcon) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("acled bad.csv"));
    writeFile(path, kAcled + "TJK9,someday,2025,1,Battles,Armed clash,A,Tajikistan,Khatlon,"
                             "Shurobod,37.85,70.06,1,src,n,0\n");
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    window.importIncidents({path});
    ASSERT_TRUE(loaded.wait(20000));
    auto* list = window.layerPanel()->findChild<QListWidget*>();
    const QListWidgetItem* item = list->item(0); // a new layer comes on top
    ASSERT_NE(item, nullptr);
    EXPECT_EQ(item->text(), QStringLiteral("acled bad"));
    EXPECT_TRUE(item->toolTip().contains(QStringLiteral("1 row rejected")))
        << item->toolTip().toStdString();
}

QString syntheticFile(const QTemporaryDir& dir, std::uint64_t rows) {
    const QString path = dir.filePath(QStringLiteral("synthetic.csv"));
    auto geography = BorderGeography::loadBundled();
    EXPECT_TRUE(geography.ok());
    SyntheticOptions options;
    options.count = rows;
    EXPECT_TRUE(writeSyntheticIncidentsFile(path, geography.value(), options).ok());
    return path;
}

TEST(LayerLoader, ALargeImportReportsItsProgress) {
    QTemporaryDir dir;
    const QString path = syntheticFile(dir, 100000); // about 8 MB
    LayerLoader loader;
    QSignalSpy progress(&loader, &LayerLoader::progress);
    QSignalSpy done(&loader, &LayerLoader::batchLoaded);
    loader.load({{path, {}, std::nullopt, false, LoadRequest::Kind::Incidents, {}}});
    ASSERT_TRUE(done.wait(60000));
    QCoreApplication::processEvents(); // the last queued progress reports
    ASSERT_GE(progress.count(), 2);
    EXPECT_TRUE(progress.first().at(0).toString().contains(QStringLiteral("synthetic.csv")));
    EXPECT_EQ(progress.last().at(1).toInt(), 100);
    const auto outcomes = done.first().at(0).value<std::vector<LoadOutcome>>();
    ASSERT_EQ(outcomes.size(), 1u);
    EXPECT_FALSE(outcomes[0].cancelled);
    ASSERT_TRUE(outcomes[0].import && outcomes[0].import->ok());
    EXPECT_EQ(outcomes[0].import->value().store->size(), 100000u);
}

TEST(LayerLoader, ACancelledLoadComesBackCancelledWithNoLayer) {
    QTemporaryDir dir;
    const QString path = syntheticFile(dir, 100000);
    LayerLoader loader;
    QSignalSpy done(&loader, &LayerLoader::batchLoaded);
    loader.load({{path, {}, std::nullopt, false, LoadRequest::Kind::Incidents, {}},
                 {path, {}, std::nullopt, false, LoadRequest::Kind::Vector, {}}});
    loader.cancel();
    ASSERT_TRUE(done.wait(60000));
    const auto outcomes = done.first().at(0).value<std::vector<LoadOutcome>>();
    ASSERT_EQ(outcomes.size(), 2u);
    for (const LoadOutcome& o : outcomes) {
        EXPECT_TRUE(o.cancelled);
        EXPECT_TRUE(o.import ? !o.import->ok() : !o.layers.ok());
    }
}

TEST_F(LayerManagementTest, ACancelledLoadAddsNothingAndReportsNoError) {
    QTemporaryDir dir;
    const QString path = syntheticFile(dir, 100000);
    const auto before = window.layerPanel()->topFirstIds();
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    window.importIncidents({path});
    window.loader()->cancel();
    ASSERT_TRUE(loaded.wait(60000));
    EXPECT_EQ(window.layerPanel()->topFirstIds(), before);
    EXPECT_TRUE(window.findChildren<QMessageBox*>().isEmpty()); // a cancel is not an error
}

} // namespace
