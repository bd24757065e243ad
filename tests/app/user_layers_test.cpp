#include "layer_panel.h"
#include "layer_properties_dialog.h"
#include "layer_style_widget.h"
#include "main_window.h"
#include "map/incident_map_layer.h"
#include "map/vector_map_layer.h"
#include "render/map_renderer.h"
#include "support/ogr_fixture_writer.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTableWidget>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace borderlens;
using namespace borderlens::test;

namespace {

// One exactly placed incident at 70.5 E, 38.5 N, inside the user's polygon below.
constexpr double kLon = 70.5;
constexpr double kLat = 38.5;

const FixtureFeature kAreas[] = {
    {"POLYGON ((70.0 38.0, 71.0 38.0, 71.0 39.0, 70.0 39.0, 70.0 38.0))", "Darvoz", 1, 1},
    {"POLYGON ((71.0 38.0, 72.0 38.0, 72.0 39.0, 71.0 39.0, 71.0 38.0))", "Vanj", 2, 2},
};

// The analyst's session: incidents first, then a polygon layer of their own.
class UserLayers : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir.isValid());
        window.resize(900, 600);
        window.show();
        const QString csv = dir.filePath(QStringLiteral("incidents.csv"));
        QFile f(csv);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("id,start_date,end_date,date_precision,type,place,lon,lat,geo_precision\n"
                "T-1,2025-12-01,,day,armed_clash,Test,70.5,38.5,exact\n");
        f.close();
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        window.importIncidents({csv});
        ASSERT_TRUE(loaded.wait(20000));
        const QString areas = dir.filePath(QStringLiteral("areas.geojson"));
        ASSERT_TRUE(writeFixture(QStringLiteral("GeoJSON"), areas, kAreas, 2));
        window.openFiles({areas});
        ASSERT_TRUE(loaded.wait(20000));
    }

    std::ptrdiff_t indexOf(const std::function<bool(const MapLayer&)>& is) const {
        const auto& entries = window.layers().entries();
        for (std::size_t i = 0; i < entries.size(); ++i)
            if (is(*entries[i].layer))
                return static_cast<std::ptrdiff_t>(i);
        return -1;
    }
    std::ptrdiff_t incidentIndex() const {
        return indexOf([](const MapLayer& l) { return dynamic_cast<const IncidentMapLayer*>(&l); });
    }
    std::ptrdiff_t areaIndex() const {
        return indexOf([](const MapLayer& l) { return dynamic_cast<const VectorMapLayer*>(&l); });
    }
    const VectorMapLayer& areas() const {
        return dynamic_cast<const VectorMapLayer&>(
            *window.layers().entries()[static_cast<std::size_t>(areaIndex())].layer);
    }
    // The visible layers drawn in lon/lat around the incident, with or without the polygons.
    QImage renderAroundIncident(bool withAreas) const {
        MapSettings s;
        s.crs = Crs::wgs84();
        s.extent = Extent{kLon - 0.2, kLat - 0.2, kLon + 0.2, kLat + 0.2};
        s.outputSize = QSize(400, 400);
        for (const auto& layer : window.layers().visibleLayers())
            if (withAreas || !dynamic_cast<const VectorMapLayer*>(layer.get()))
                s.layers.push_back(layer);
        return MapRenderer::renderImage(s);
    }

    QTemporaryDir dir;
    MainWindow window;
};

TEST_F(UserLayers, APolygonLayerAddedAfterTheIncidentsDrawsBelowThem) {
    ASSERT_GE(incidentIndex(), 0);
    ASSERT_GE(areaIndex(), 0);
    EXPECT_LT(areaIndex(), incidentIndex()); // drawn first: below

    // The layer panel lists the stack top first, the polygons under the incidents.
    std::vector<QString> topFirst;
    for (auto it = window.layers().entries().rbegin(); it != window.layers().entries().rend(); ++it)
        topFirst.push_back(it->layer->id());
    EXPECT_EQ(window.layerPanel()->topFirstIds(), topFirst);

    // Where the incident sits inside the polygon, the pixel is the incident's, untinted.
    const QImage with = renderAroundIncident(true);
    const QImage without = renderAroundIncident(false);
    const QPoint centre(200, 200);
    const QColor drawn = with.pixelColor(centre), alone = without.pixelColor(centre);
    EXPECT_LE(std::abs(drawn.red() - alone.red()) + std::abs(drawn.green() - alone.green()) +
                  std::abs(drawn.blue() - alone.blue()),
              6)
        << drawn.name().toStdString() << " vs " << alone.name().toStdString();
    // The polygon is there all the same, away from the incident.
    EXPECT_NE(with.pixelColor(20, 20), without.pixelColor(20, 20));

    // The user can still put it on top from the Layers panel.
    std::vector<QString> reordered = window.layerPanel()->topFirstIds();
    std::rotate(reordered.begin(), std::find(reordered.begin(), reordered.end(), areas().id()),
                std::find(reordered.begin(), reordered.end(), areas().id()) + 1);
    emit window.layerPanel()->orderChanged(reordered);
    EXPECT_GT(areaIndex(), incidentIndex());
}

TEST_F(UserLayers, AUserPolygonLayerGetsALightHalfTransparentStyle) {
    const LayerStyle& s = areas().style();
    EXPECT_GE(s.fill.alphaF(), 0.35);
    EXPECT_LE(s.fill.alphaF(), 0.5);
    EXPECT_EQ(s.stroke.alpha(), 255);
    EXPECT_LT(s.stroke.lightness(), s.fill.lightness());
    EXPECT_EQ(s.renderer, RendererKind::Single);
}

TEST_F(UserLayers, PropertiesApplyAStyleAndOkKeepsIt) {
    const QString id = areas().id();
    emit window.layerPanel()->propertiesRequested(id);
    auto* dialog = window.findChild<LayerPropertiesDialog*>();
    ASSERT_NE(dialog, nullptr);
    LayerStyleWidget* style = dialog->styleWidget();
    style->categoryFieldCombo()->setCurrentIndex(style->categoryFieldCombo()->findText("name"));
    style->rendererCombo()->setCurrentIndex(int(RendererKind::Categorised));
    style->opacitySlider()->setValue(70);
    ASSERT_EQ(style->categoryTable()->rowCount(), 2);

    dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Apply)->click();
    EXPECT_TRUE(dialog->isVisible()); // Apply keeps the dialog open
    EXPECT_EQ(areas().id(), id);
    EXPECT_EQ(areas().style().renderer, RendererKind::Categorised);
    EXPECT_DOUBLE_EQ(areas().style().opacity, 0.7);
    ASSERT_NE(areas().classes(), nullptr);
    EXPECT_NE(areas().classes()->classOf(0), areas().classes()->classOf(1));
    EXPECT_LT(areaIndex(), incidentIndex()); // restyling keeps its place

    // The two districts now draw in two colours.
    MapSettings wide;
    wide.crs = Crs::wgs84();
    wide.extent = Extent{70.0, 38.0, 72.0, 39.0};
    wide.outputSize = QSize(400, 200);
    wide.layers = window.layers().visibleLayers();
    const QImage both = MapRenderer::renderImage(wide);
    EXPECT_NE(both.pixelColor(50, 150), both.pixelColor(350, 150));

    style->opacitySlider()->setValue(40);
    dialog->accept();
    EXPECT_DOUBLE_EQ(areas().style().opacity, 0.4);
}

} // namespace

// The viewer's start with a file on the command line: the bundled map and the file load at the
// same time. The user's polygons finish first here (a tiny file against the whole base map) and
// still end up above the bundled areas, under the bundled lines and points.
TEST(UserLayersAtStart, AFileLoadedBesideTheBundledMapLandsAboveItsAreas) {
    QTemporaryDir dir;
    MainWindow window;
    window.resize(900, 600);
    window.show();
    const QString areas = dir.filePath(QStringLiteral("areas.geojson"));
    ASSERT_TRUE(writeFixture(QStringLiteral("GeoJSON"), areas, kAreas, 2));
    QSignalSpy loaded(&window, &MainWindow::loadFinished);
    window.openFiles({areas});
    ASSERT_TRUE(loaded.wait(20000)); // the file alone: nothing bundled is there yet
    ASSERT_EQ(window.layers().entries().size(), 1u);
    window.openBundledLayers();
    ASSERT_TRUE(loaded.wait(20000));

    std::vector<QString> titles; // bottom first
    std::vector<bool> base;
    for (const auto& e : window.layers().entries()) {
        titles.push_back(e.layer->name());
        base.push_back(e.base);
    }
    const auto at = [&](const QString& t) {
        return std::find(titles.begin(), titles.end(), t) - titles.begin();
    };
    const QString mine = QStringLiteral("areas");
    ASSERT_LT(at(mine), static_cast<std::ptrdiff_t>(titles.size()));
    EXPECT_GT(at(mine), at(QStringLiteral("Countries")));
    EXPECT_GT(at(mine), at(QStringLiteral("Districts (schematic, not an official boundary)")));
    EXPECT_LT(at(mine), at(QStringLiteral("Tajik–Afghan border")));
    EXPECT_LT(at(mine), at(QStringLiteral("Incidents (sample, from news reports)")));
    EXPECT_EQ(std::count(base.begin(), base.end(), false), 1);

    std::vector<QString> topFirst; // the panel lists the same order, top first
    for (auto it = window.layers().entries().rbegin(); it != window.layers().entries().rend(); ++it)
        topFirst.push_back(it->layer->id());
    EXPECT_EQ(window.layerPanel()->topFirstIds(), topFirst);
}
