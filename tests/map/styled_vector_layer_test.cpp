#include "map/vector_map_layer.h"
#include "render/classify_field.h"
#include "render/map_renderer.h"
#include "support/image_checks.h"

#include <QPainter>

#include <gtest/gtest.h>

using namespace borderlens;

namespace {

// Three unit squares side by side at lon 70, 71, 72 (lat 38..39), with a text field "kind"
// (a, b, a) and a number "killed" (1, 50, 100).
std::shared_ptr<VectorLayer> threeSquares() {
    GeometryColumns g;
    for (double x : {70.0, 71.0, 72.0}) {
        for (auto [dx, dy] : {std::pair{0.0, 0.0}, {1.0, 0.0}, {1.0, 1.0}, {0.0, 1.0}, {0.0, 0.0}})
            g.addVertex(x + dx, 38.0 + dy);
        g.endRing();
        g.endPart(PartKind::Polygon);
        g.endFeature();
    }
    AttributeTable a;
    a.addField({QStringLiteral("kind"), QMetaType::QString});
    a.addField({QStringLiteral("killed"), QMetaType::Int});
    a.appendRow({QStringLiteral("a"), 1});
    a.appendRow({QStringLiteral("b"), 50});
    a.appendRow({QStringLiteral("a"), 100});
    return std::make_shared<VectorLayer>("squares", "mem", Crs::wgs84(), "Polygon", std::move(g),
                                         std::move(a));
}

MapSettings settingsFor(std::shared_ptr<const MapLayer> layer) {
    MapSettings s;
    s.crs = Crs::wgs84();
    s.extent = Extent{69.9, 37.9, 73.1, 39.1};
    s.outputSize = QSize(640, 240);
    s.background = Qt::white;
    s.layers.push_back(std::move(layer));
    return s;
}

// The colour drawn at the centre of square i.
QColor centreOf(const QImage& image, const MapSettings& s, int i) {
    const MapViewport vp = MapViewport::fitting(s.extent, QSizeF(s.outputSize));
    return image.pixelColor(vp.toPixel(70.5 + i, 38.5).toPoint());
}

bool close(QColor a, QColor b, int tolerance = 3) {
    return std::abs(a.red() - b.red()) <= tolerance &&
           std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}

LayerStyle opaque() {
    LayerStyle s;
    s.fill = QColor(200, 200, 200);
    s.stroke = QColor(40, 40, 40);
    s.strokeWidthMm = 0.2;
    return s;
}

} // namespace

TEST(StyledVectorLayer, APolygonLayerRanksUnderLinesAndPoints) {
    EXPECT_EQ(VectorMapLayer("l", threeSquares(), {}).drawRank(), DrawRank::Areas);
    EXPECT_EQ(threeSquares()->dominantKind(), PartKind::Polygon);
}

TEST(StyledVectorLayer, ACategorisedLayerColoursEachFeatureByItsValue) {
    LayerStyle style = opaque();
    style.renderer = RendererKind::Categorised;
    style.classField = 0;
    style.categories = categoriesFor(threeSquares()->attributes(), 0);
    ASSERT_EQ(style.categories.size(), 2u);
    style.categories[0].colour = QColor(220, 30, 30); // a
    style.categories[1].colour = QColor(30, 30, 220); // b
    const auto layer = std::make_shared<VectorMapLayer>("l", threeSquares(), style);
    const MapSettings s = settingsFor(layer);
    QImage image = MapRenderer::renderImage(s);
    EXPECT_TRUE(close(centreOf(image, s, 0), QColor(220, 30, 30)));
    EXPECT_TRUE(close(centreOf(image, s, 1), QColor(30, 30, 220)));
    EXPECT_TRUE(close(centreOf(image, s, 2), QColor(220, 30, 30)));

    // An unticked category is not drawn, nor listed in the legend.
    style.categories[1].visible = false;
    const auto hidden = layer->withStyle(style);
    image = MapRenderer::renderImage(settingsFor(hidden));
    EXPECT_TRUE(close(centreOf(image, s, 1), Qt::white));
    EXPECT_TRUE(close(centreOf(image, s, 0), QColor(220, 30, 30)));
    const auto legend = hidden->legendEntries(TimeRange::all());
    ASSERT_EQ(legend.size(), 2u);
    EXPECT_EQ(legend[0].swatch, LegendEntry::Swatch::Heading);
    EXPECT_EQ(legend[0].label, QStringLiteral("squares — kind"));
    EXPECT_EQ(legend[1].label, QStringLiteral("a"));
    EXPECT_EQ(legend[1].swatch, LegendEntry::Swatch::Area);
    EXPECT_EQ(legend[1].fill, QColor(220, 30, 30));
    EXPECT_EQ(legend[1].stroke, style.stroke);
}

TEST(StyledVectorLayer, GraduatedLegendListsEachClassWithItsBounds) {
    LayerStyle style = opaque();
    style.renderer = RendererKind::Graduated;
    style.classField = 1;
    style.ranges = rangesFor(threeSquares()->attributes(), 1, ClassificationMethod::EqualInterval,
                             2, QColor(255, 255, 0), QColor(255, 0, 0));
    const VectorMapLayer layer("l", threeSquares(), style, QStringLiteral("Districts"));
    const auto legend = layer.legendEntries(TimeRange::all());
    ASSERT_EQ(legend.size(), 3u);
    EXPECT_EQ(legend[0].label, QStringLiteral("Districts — killed"));
    EXPECT_EQ(legend[1].label, QStringLiteral("1 – 50.5"));
    EXPECT_EQ(legend[2].label, QStringLiteral("50.5 – 100"));
    EXPECT_EQ(legend[1].fill, QColor(255, 255, 0));
    EXPECT_EQ(legend[2].fill, QColor(255, 0, 0));
    EXPECT_EQ(legend[1].count, -1); // counts are for time-filtered layers

    // And the map draws the classes: 1 and 50 in the first, 100 in the second.
    const MapSettings s = settingsFor(std::make_shared<VectorMapLayer>(layer));
    const QImage image = MapRenderer::renderImage(s);
    EXPECT_TRUE(close(centreOf(image, s, 0), QColor(255, 255, 0)));
    EXPECT_TRUE(close(centreOf(image, s, 1), QColor(255, 255, 0)));
    EXPECT_TRUE(close(centreOf(image, s, 2), QColor(255, 0, 0)));
}

TEST(StyledVectorLayer, OpacityFadesTheWholeLayerOnce) {
    LayerStyle style = opaque();
    style.fill = QColor(255, 0, 0);
    style.stroke = QColor(0, 0, 255);
    style.strokeWidthMm = 3; // wide enough to sample its middle
    style.opacity = 0.5;
    const auto layer = std::make_shared<VectorMapLayer>("l", threeSquares(), style);
    const MapSettings s = settingsFor(layer);
    const QImage image = MapRenderer::renderImage(s);
    EXPECT_TRUE(close(centreOf(image, s, 0), QColor(255, 128, 128), 2))
        << centreOf(image, s, 0).name().toStdString();
    // The outline over the fill: half blue over white, not half blue over half red (the layer is
    // one sheet, as in QGIS).
    const MapViewport vp = MapViewport::fitting(s.extent, QSizeF(s.outputSize));
    // Two pixels inside the square's south edge: under the 11 px outline and over the fill.
    const QColor edge = image.pixelColor(vp.toPixel(70.5, 38.0).toPoint() + QPoint(0, -2));
    EXPECT_TRUE(close(edge, QColor(128, 128, 255), 4)) << edge.name().toStdString();

    // A painter that is not pixel-aligned, as a PDF's or a scaled one: the opacity goes on each
    // shape, and the fill is as faded.
    QImage shifted(s.outputSize, QImage::Format_ARGB32_Premultiplied);
    {
        QPainter painter(&shifted);
        painter.translate(0.5, 0.25);
        MapRenderer::render(painter, s);
    }
    EXPECT_TRUE(close(centreOf(shifted, s, 0), QColor(255, 128, 128), 2));

    // Opaque again: pure red. Fully transparent: nothing.
    style.opacity = 1;
    EXPECT_TRUE(
        close(centreOf(MapRenderer::renderImage(settingsFor(layer->withStyle(style))), s, 0),
              QColor(255, 0, 0)));
    style.opacity = 0;
    EXPECT_EQ(test::distinctColours(MapRenderer::renderImage(settingsFor(layer->withStyle(style)))),
              1);
    // The legend shows the layer as faded as the map does.
    style.opacity = 0.5;
    EXPECT_NEAR(layer->withStyle(style)->legendEntries(TimeRange::all())[0].fill.alphaF(), 0.5,
                0.01);
}

TEST(StyledVectorLayer, RestylingKeepsTheTimeFieldAndTheClassesFollowTheStyle) {
    LayerStyle style = opaque();
    style.renderer = RendererKind::Categorised;
    style.classField = 0;
    style.categories = categoriesFor(threeSquares()->attributes(), 0);
    const auto layer = VectorMapLayer("l", threeSquares(), opaque()).withTimeField(1);
    EXPECT_EQ(layer->classes(), nullptr);
    const auto styled = layer->withStyle(style);
    EXPECT_TRUE(styled->isTemporal());
    ASSERT_NE(styled->classes(), nullptr);
    EXPECT_EQ(styled->classes()->classOf(1), 1);
    // Time changes share the classes: they were worked out once for the style.
    EXPECT_EQ(styled->withTimeField(-1)->classes(), styled->classes());
}
