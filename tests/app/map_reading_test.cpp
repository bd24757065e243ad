// The viewer's map-reading tools: find a place (Ctrl+F), measure, distance to the border,
// Shift+drag zoom, on the window as it opens with the bundled map.
#include "bundled_window_fixture.h"
#include "map_reading_tools.h"
#include "measure_tool.h"
#include "place_search_box.h"

#include "map/facility_map_layer.h"
#include "map/incident_map_layer.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QTest>

using namespace borderlens;
using namespace borderlens::test;

namespace {

class MapReading : public BundledWindowFixture {
protected:
    MapReadingTools& tools() { return *window.readingTools(); }
    QPointF centre() { return QPointF(window.canvas()->width() / 2.0, window.canvas()->height() / 2.0); }
};

} // namespace

TEST_F(MapReading, CtrlFFindsAPlaceCentresMarksAndSaysWhatItIs) {
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    QCoreApplication::processEvents();
    EXPECT_TRUE(tools().searchBox()->hasFocus());
    // Russian spelling of Khorugh.
    const auto hits = tools().searchBox()->answers(QStringLiteral("Хорог"));
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(hits.front().name, QStringLiteral("Khorugh"));
    emit tools().searchBox()->chosen(hits.front());
    settle();
    const QPointF at = pixelOf(71.55337, 37.49039);
    EXPECT_NEAR(at.x(), centre().x(), 2);
    EXPECT_NEAR(at.y(), centre().y(), 2);
    EXPECT_TRUE(window.statusBar()->currentMessage().contains(QStringLiteral("seat of Shughnon")))
        << window.statusBar()->currentMessage().toStdString();
    // Zoomed in to at least 1:1,000,000.
    EXPECT_LE(window.canvas()->scaleDenominator(), 1.001e6);
}

TEST_F(MapReading, CoordinatesAndLayerNamesAreFoundToo) {
    const auto coords = tools().searchBox()->answers(QStringLiteral("38°03′N 71°18′E"));
    ASSERT_EQ(coords.size(), 1u);
    EXPECT_NEAR(coords.front().lat, 38.05, 1e-9);
    const auto utm = tools().searchBox()->answers(QStringLiteral("42S 544195 4150458"));
    ASSERT_EQ(utm.size(), 1u);
    EXPECT_NEAR(utm.front().lon, 69.5, 0.01);
    // A district of the schematic districts layer, by its name field.
    bool layerHit = false;
    for (const PlaceHit& h : tools().searchBox()->answers(QStringLiteral("Ishkoshim")))
        layerHit = layerHit || h.description.contains(QStringLiteral("Districts (schematic"));
    EXPECT_TRUE(layerHit);
}

TEST_F(MapReading, MeasureAPathThenEscEndsIt) {
    MeasureTool& m = *tools().measureTool();
    m.start(MeasureTool::Mode::Path);
    const QPointF dushanbe = pixelOf(68.77905, 38.53575), khorugh = pixelOf(71.55337, 37.49039);
    QTest::mouseClick(window.canvas(), Qt::LeftButton, {}, dushanbe.toPoint());
    QTest::mouseClick(window.canvas(), Qt::LeftButton, {}, khorugh.toPoint());
    ASSERT_EQ(m.measure().legMetres.size(), 1u);
    // Clicked to the nearest pixel: within a few pixels' worth of the true 269.8 km.
    EXPECT_NEAR(m.measure().lengthMetres / 1000, 269.8, 3);
    EXPECT_TRUE(window.statusBar()->currentMessage().contains(QStringLiteral("km")));
    QTest::keyClick(window.canvas(), Qt::Key_Escape);
    EXPECT_EQ(m.mode(), MeasureTool::Mode::Off);
}

TEST_F(MapReading, OneClickGivesTheDistanceToTheBorderAndTheSide) {
    MeasureTool& m = *tools().measureTool();
    m.start(MeasureTool::Mode::Border);
    QTest::mouseClick(window.canvas(), Qt::LeftButton, {}, pixelOf(70.58, 37.12).toPoint());
    ASSERT_TRUE(m.borderAnswer());
    EXPECT_EQ(m.borderAnswer()->country, QStringLiteral("Afghanistan"));
    EXPECT_GT(m.borderAnswer()->nearest.distanceMetres, 1000);
    EXPECT_TRUE(window.statusBar()->currentMessage().contains(QStringLiteral("in Afghanistan")));
}

TEST_F(MapReading, ShiftDragZoomsToTheRectangle) {
    const double before = window.canvas()->scaleDenominator();
    QWidget* c = window.canvas();
    const QPoint a = centre().toPoint() - QPoint(100, 60), b = centre().toPoint() + QPoint(100, 60);
    QTest::mousePress(c, Qt::LeftButton, Qt::ShiftModifier, a);
    QMouseEvent move(QEvent::MouseMove, QPointF(b), c->mapToGlobal(QPointF(b)), Qt::NoButton,
                     Qt::LeftButton, Qt::ShiftModifier);
    QCoreApplication::sendEvent(c, &move);
    QTest::mouseRelease(c, Qt::LeftButton, Qt::ShiftModifier, b);
    EXPECT_LT(window.canvas()->scaleDenominator(), before / 3);
}

// While the map is dragged its frames are drawn as a drag's (names slide with the map); the
// frame after the release places them for the view it ended on.
TEST_F(MapReading, ADragSlidesTheNamesUntilTheMouseIsReleased) {
    MapCanvas* canvas = window.canvas();
    const QPoint from = centre().toPoint();
    QTest::mousePress(canvas, Qt::LeftButton, {}, from);
    for (int step = 1; step <= 5; ++step)
        QTest::mouseMove(canvas, from + QPoint(12 * step, 5 * step));
    settle();
    EXPECT_TRUE(canvas->frameSettings().interacting);
    QTest::mouseRelease(canvas, Qt::LeftButton, {}, from + QPoint(60, 25));
    settle();
    EXPECT_FALSE(canvas->frameSettings().interacting);
}

// View ▸ Name Incidents puts the incidents' place and date on the map (off at first); outposts
// are named until View ▸ Name Outposts is unticked.
TEST_F(MapReading, TheViewMenuNamesIncidentsAndOutposts) {
    auto action = [&](const QString& text) -> QAction* {
        for (QAction* top : window.menuBar()->actions())
            if (top->menu())
                for (QAction* a : top->menu()->actions())
                    if (a->text() == text)
                        return a;
        return nullptr;
    };
    QAction* incidents = action(QStringLiteral("Name &Incidents (Place, Date)"));
    QAction* outposts = action(QStringLiteral("Name &Outposts and Facilities"));
    ASSERT_TRUE(incidents && outposts);
    auto named = [&] {
        std::pair<int, int> n{0, 0}; // incident layers, facility layers with names on
        for (const auto& layer : window.canvas()->frameSettings().layers) {
            if (const auto* i = dynamic_cast<const IncidentMapLayer*>(layer.get()))
                n.first += i->options().labels;
            if (const auto* f = dynamic_cast<const FacilityMapLayer*>(layer.get()))
                n.second += f->labels();
        }
        return n;
    };
    EXPECT_EQ(named(), std::make_pair(0, 1));
    incidents->trigger();
    outposts->trigger();
    settle();
    EXPECT_EQ(named(), std::make_pair(1, 0));
}
