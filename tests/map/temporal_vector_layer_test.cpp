#include "map/vector_map_layer.h"
#include "render/map_renderer.h"
#include "support/image_checks.h"

#include <QDate>

#include <gtest/gtest.h>

using namespace borderlens;

namespace {

// Three points with an "event_date" text field (one a month), and a "name".
std::shared_ptr<VectorLayer> datedPoints() {
    GeometryColumns g;
    for (double x : {70.0, 71.0, 72.0}) {
        g.addVertex(x, 38.0);
        g.endRing();
        g.endPart(PartKind::Point);
        g.endFeature();
    }
    AttributeTable a;
    a.addField({QStringLiteral("name"), QMetaType::QString});
    a.addField({QStringLiteral("event_date"), QMetaType::QString});
    a.appendRow({QStringLiteral("a"), QStringLiteral("2025-12-24")});
    a.appendRow({QStringLiteral("b"), QStringLiteral("2025-11")});
    a.appendRow({QStringLiteral("c"), QString()});
    return std::make_shared<VectorLayer>("pts", "mem", Crs::wgs84(), "Point", std::move(g),
                                         std::move(a));
}

TEST(TemporalVectorLayer, TheDateFieldIsGuessedButTimeIsOffUntilTheUserTurnsItOn) {
    const auto data = datedPoints();
    EXPECT_EQ(guessDateField(data->attributes()), 1);
    VectorMapLayer layer("l", data, LayerStyle{});
    EXPECT_FALSE(layer.isTemporal());
    const auto temporal = layer.withTimeField(1);
    ASSERT_TRUE(temporal->isTemporal());
    EXPECT_EQ(temporal->times()->undated(), 1u);
    EXPECT_FALSE(temporal->withTimeField(-1)->isTemporal());
}

TEST(TemporalVectorLayer, RenderingAndIdentifyFollowTheWindow) {
    const auto data = datedPoints();
    LayerStyle style;
    style.fill = QColor(200, 0, 0);
    style.stroke = QColor(200, 0, 0);
    style.markerSizeMm = 3;
    const auto layer = VectorMapLayer("l", data, style).withTimeField(1);
    MapSettings s;
    s.crs = Crs::wgs84();
    s.extent = Extent{69.5, 37.5, 72.5, 38.5};
    s.outputSize = QSize(600, 200);
    s.background = Qt::white;
    s.layers.push_back(layer);
    const MapViewport vp = MapViewport::fitting(s.extent, QSizeF(s.outputSize));
    auto drawnAt = [&](double lon) {
        return test::hasColourNear(MapRenderer::renderImage(s), vp.toPixel(lon, 38.0).toPoint(),
                                   style.fill, 2, 20);
    };
    s.time = TimeRange::fromInclusive(QDate(2025, 12, 24), QDate(2025, 12, 24));
    EXPECT_TRUE(drawnAt(70.0));
    EXPECT_FALSE(drawnAt(71.0)); // November only
    EXPECT_FALSE(drawnAt(72.0)); // no date: not in any window
    s.time = TimeRange::fromInclusive(QDate(2025, 11, 30), QDate(2025, 12, 1));
    EXPECT_FALSE(drawnAt(70.0));
    EXPECT_TRUE(drawnAt(71.0)); // a month-precision date touches any window in November
    s.time = TimeRange::all();
    EXPECT_TRUE(drawnAt(72.0)); // time off: everything

    IdentifyQuery q{vp, Crs::wgs84(), TimeRange::fromInclusive(QDate(2025, 12, 1), QDate(2025, 12, 31)),
                    vp.toPixel(71.0, 38.0), 6};
    EXPECT_TRUE(layer->identify(q).empty());
    q.pixel = vp.toPixel(70.0, 38.0);
    ASSERT_EQ(layer->identify(q).size(), 1u);
    EXPECT_EQ(layer->legendEntries(q.time).front().count, 1);
}

} // namespace
