// Projects in the viewer: save, reopen in a new window and get the same layers, styles, view and
// window, drawn the same; the unsaved mark; a moved layer file located; a broken project refused.
#include "geo/extent_transform.h"
#include "layer_panel.h"
#include "main_window.h"
#include "map/vector_map_layer.h"
#include "map_canvas.h"
#include "render/map_renderer.h"
#include "support/ogr_fixture_writer.h"
#include "time/time_controller.h"

#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace borderlens;
using namespace borderlens::test;

namespace {

const FixtureFeature kAreas[] = {
    {"POLYGON ((69.5 37.5, 70.5 37.5, 70.5 38.2, 69.5 38.2, 69.5 37.5))", "Watch", 1, 1},
};

void waitForLoads(MainWindow& w) {
    QSignalSpy loaded(&w, &MainWindow::loadFinished);
    while (w.loader()->pending() > 0)
        ASSERT_TRUE(loaded.wait(30000));
}

// The same map from two windows, drawn at one size and extent.
QImage render(const MainWindow& w, const Extent& extent) {
    MapSettings s = w.currentMapSettings();
    s.extent = extent;
    s.outputSize = QSize(500, 400);
    return MapRenderer::renderImage(s);
}

class ProjectSession : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir.isValid());
        QDir().mkpath(dir.filePath(QStringLiteral("data")));
        areas = dir.filePath(QStringLiteral("data/watch.geojson"));
        ASSERT_TRUE(writeFixture(QStringLiteral("GeoJSON"), areas, kAreas, 1));
        incidents = dir.filePath(QStringLiteral("data/incidents.csv"));
        QFile f(incidents);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("id,start_date,type,place,lon,lat,geo_precision,country\n"
                "P-1,2025-11-20,armed_clash,Test,70.0,37.9,exact,TJ\n"
                "P-2,2025-12-10,drug_seizure,Test,70.2,37.8,exact,TJ\n");
        f.close();
        project = dir.filePath(QStringLiteral("desk.blproj"));
    }
    // A session an analyst would save: their polygons restyled, their incidents, the schematic
    // districts hidden, December only, Web Mercator.
    void buildSession(MainWindow& w) {
        w.resize(900, 600);
        w.show();
        w.openBundledLayers();
        w.openFiles({areas});
        w.importIncidents({incidents});
        waitForLoads(w);
        for (const auto& e : w.layers().entries()) {
            if (e.layer->name().startsWith(QStringLiteral("Districts (schematic")))
                w.layerPanel()->setLayerVisible(e.layer->id(), false);
        }
        w.timeController()->setRange(
            TimeRange::fromInclusive(QDate(2025, 12, 1), QDate(2025, 12, 31)));
    }

    QTemporaryDir dir;
    QString areas, incidents, project;
};

} // namespace

TEST_F(ProjectSession, SavedAndReopenedInANewWindowItIsTheSameMap) {
    MainWindow first;
    buildSession(first);
    ASSERT_TRUE(first.saveProjectAs(project));
    EXPECT_FALSE(first.projectModified());
    EXPECT_TRUE(first.windowTitle().startsWith(QStringLiteral("desk.blproj")));
    const Project saved = first.currentProject();
    ASSERT_EQ(saved.layers.size(), 2u);
    EXPECT_EQ(saved.hiddenBundled, QStringList{QStringLiteral("districts_schematic.shp")});

    MainWindow second;
    second.resize(900, 600);
    second.show();
    second.openBundledLayers();
    ASSERT_TRUE(second.openProject(project));
    waitForLoads(second);
    QCoreApplication::processEvents();
    Project reopened = second.currentProject();
    Project expected = saved;
    reopened.lonLatExtent = expected.lonLatExtent = std::nullopt; // windows differ in size
    EXPECT_EQ(reopened, expected);
    EXPECT_EQ(second.timeWindow(), first.timeWindow());
    EXPECT_FALSE(second.projectModified());

    const Extent view = transformExtent(Extent{69.3, 37.3, 70.7, 38.4}, Crs::wgs84(),
                                        first.canvas()->crs()); // around the polygon
    const QImage a = render(first, view), b = render(second, view);
    EXPECT_EQ(a, b);
    // Not two blank pictures: the polygons' fill and the base map are both in it.
    EXPECT_NE(a.pixel(250, 200), a.pixel(5, 5));
}

TEST_F(ProjectSession, ChangesMarkTheTitleAndClosingAsksAboutThem) {
    MainWindow w;
    buildSession(w);
    ASSERT_TRUE(w.saveProjectAs(project));
    EXPECT_FALSE(w.isWindowModified());
    // Another time window is a change (it is saved); so is hiding a layer.
    const TimeRange before = w.timeWindow();
    w.timeController()->stepBackward(); // as a playback step does, without touching settings
    ASSERT_NE(w.timeWindow(), before);
    EXPECT_TRUE(w.isWindowModified());
    ASSERT_TRUE(w.saveProject());
    EXPECT_FALSE(w.isWindowModified());
    // Hiding a layer is a change; the close is cancelled when the user says so.
    w.layerPanel()->setLayerVisible(w.layers().entries().back().layer->id(), false);
    EXPECT_TRUE(w.isWindowModified());
    int asked = 0;
    w.setSaveQuestion([&] {
        ++asked;
        return MainWindow::SaveChoice::Cancel;
    });
    EXPECT_FALSE(w.close());
    EXPECT_EQ(asked, 1);
    // Saving clears the mark; the file on disk has the change.
    w.setSaveQuestion([] { return MainWindow::SaveChoice::Save; });
    EXPECT_TRUE(w.close());
    EXPECT_FALSE(w.isWindowModified());
    const auto read = readProjectFile(project);
    ASSERT_TRUE(read);
    EXPECT_EQ(read.value().project, w.currentProject());
}

TEST_F(ProjectSession, AMovedLayerFileIsLocatedAndABrokenProjectChangesNothing) {
    {
        MainWindow w;
        buildSession(w);
        ASSERT_TRUE(w.saveProjectAs(project));
    }
    const QString moved = dir.filePath(QStringLiteral("watch-moved.geojson"));
    ASSERT_TRUE(QFile::rename(areas, moved));
    MainWindow w;
    w.resize(900, 600);
    w.show();
    QStringList askedFor;
    w.setLocateQuestion([&](const QString& missing) {
        askedFor << missing;
        return moved;
    });
    ASSERT_TRUE(w.openProject(project));
    waitForLoads(w);
    ASSERT_EQ(askedFor, QStringList{QFileInfo(areas).absoluteFilePath()});
    bool found = false;
    for (const ProjectLayer& l : w.currentProject().layers)
        found = found || l.path == QFileInfo(moved).canonicalFilePath();
    EXPECT_TRUE(found);

    const auto before = w.currentProject();
    const QString broken = dir.filePath(QStringLiteral("broken.blproj"));
    QFile f(broken);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("{\"format\": \"borderlens-project\", \"version\": 1, \"layers\": [");
    f.close();
    EXPECT_FALSE(w.openProject(broken));
    EXPECT_EQ(w.currentProject(), before);
    EXPECT_EQ(w.projectPath(), QFileInfo(project).absoluteFilePath());
}
