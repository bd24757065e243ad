#include "support/ogr_fixture_writer.h"
#include "layer_panel.h"
#include "main_window.h"
#include "map_canvas.h"
#include "support/image_checks.h"

#include <QApplication>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace borderlens;
using namespace borderlens::test;

namespace {

const FixtureFeature kDistrict[] = {
    {"POLYGON ((70.0 38.0, 71.5 38.0, 71.5 39.0, 70.0 39.0, 70.0 38.0))", "Darvoz", 1, 1},
};

bool waitFor(QObject* sender, const char* signal, int ms = 10000) {
    QSignalSpy spy(sender, signal);
    return spy.wait(ms);
}

class MainWindowTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir.isValid());
        window.resize(900, 600);
        window.show();
    }
    QTemporaryDir dir;
    MainWindow window;
};

TEST_F(MainWindowTest, AddingALayerDrawsIt) {
    const QString shp = dir.filePath(QStringLiteral("darvoz.shp"));
    ASSERT_TRUE(writeFixture(QStringLiteral("ESRI Shapefile"), shp, kDistrict, 1));
    QSignalSpy frames(window.canvas(), &MapCanvas::frameRendered);
    window.openFiles({shp});
    ASSERT_TRUE(waitFor(&window, SIGNAL(loadFinished())));
    EXPECT_EQ(window.layerPanel()->count(), 1);
    EXPECT_EQ(window.layers().visibleLayers().size(), 1u);
    ASSERT_TRUE(frames.count() > 0 || frames.wait(10000));
    // The zoom to the new layer asks for another frame: wait until the canvas has drawn the
    // last one asked for, then look at the picture.
    while (window.canvas()->isRendering())
        ASSERT_TRUE(frames.wait(10000));
    const QImage frame = window.canvas()->lastFrame();
    ASSERT_FALSE(frame.isNull());
    EXPECT_GT(distinctColours(frame), 2); // background, fill, outline (and antialiasing)
    EXPECT_GT(window.canvas()->scaleDenominator(), 1000.0);

    // Hiding the only layer gives an empty (single-colour) map.
    window.layers(); // const access only; use the panel path the user takes:
    const QString id = window.layerPanel()->topFirstIds().front();
    emit window.layerPanel()->visibilityChanged(id, false);
    ASSERT_TRUE(waitFor(window.canvas(), SIGNAL(frameRendered())));
    EXPECT_EQ(distinctColours(window.canvas()->lastFrame()), 1);
}

TEST_F(MainWindowTest, ABadFileIsReportedAndTheSessionContinues) {
    const QString shp = dir.filePath(QStringLiteral("good.shp"));
    ASSERT_TRUE(writeFixture(QStringLiteral("ESRI Shapefile"), shp, kDistrict, 1));
    const QString bad = dir.filePath(QStringLiteral("broken.geojson"));
    QFile f(bad);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("{ not json");
    f.close();

    window.openFiles({bad, shp});
    ASSERT_TRUE(waitFor(&window, SIGNAL(loadFinished())));
    EXPECT_EQ(window.layerPanel()->count(), 1); // the good one loaded
    const auto boxes = window.findChildren<QMessageBox*>();
    ASSERT_EQ(boxes.size(), 1);
    EXPECT_TRUE(boxes[0]->text().contains(QStringLiteral("broken.geojson")));
    boxes[0]->close();
}

TEST_F(MainWindowTest, RemoveAndReorderFollowThePanel) {
    const QString a = dir.filePath(QStringLiteral("a.shp"));
    const QString b = dir.filePath(QStringLiteral("b.shp"));
    ASSERT_TRUE(writeFixture(QStringLiteral("ESRI Shapefile"), a, kDistrict, 1));
    ASSERT_TRUE(writeFixture(QStringLiteral("ESRI Shapefile"), b, kDistrict, 1));
    window.openFiles({a, b});
    ASSERT_TRUE(waitFor(&window, SIGNAL(loadFinished())));
    ASSERT_EQ(window.layerPanel()->count(), 2);
    const auto topFirst = window.layerPanel()->topFirstIds();
    // b was added last, so it is on top of the list and drawn last.
    EXPECT_EQ(window.layers().visibleLayers().back()->id(), topFirst.front());
    emit window.layerPanel()->orderChanged({topFirst[1], topFirst[0]});
    EXPECT_EQ(window.layers().visibleLayers().back()->id(), topFirst[1]);
    emit window.layerPanel()->removeRequested(topFirst[1]);
    EXPECT_EQ(window.layerPanel()->count(), 1);
    EXPECT_EQ(window.layers().entries().size(), 1u);
}

} // namespace
