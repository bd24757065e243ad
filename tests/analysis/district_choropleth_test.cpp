// The choropleth: each district drawn in its band's colour for the window being drawn, surges
// outlined, a legend of the bands with the number of districts in each, and a new window
// recolouring the same layer.
#include "analysis_fixture.h"
#include "map/district_choropleth_layer.h"
#include "render/render_context.h"

#include <QImage>
#include <QPainter>
#include <gtest/gtest.h>

using namespace borderlens;

namespace {

constexpr std::int64_t kDay = 2460000;

// The layer drawn over white, 400×100 px over lon [0, 4] × lat [0, 1] in lon/lat.
QImage draw(const DistrictChoroplethLayer& layer, const TimeRange& window) {
    QImage image(400, 100, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    const MapViewport viewport = MapViewport::fitting(Extent{0, 0, 4, 1}, QSize(400, 100));
    RenderContext ctx(painter, viewport, Crs::wgs84(), 96, window);
    layer.render(ctx);
    return image;
}

QColor over(QColor c) { // a translucent colour as it shows over white
    const double a = c.alphaF();
    return QColor::fromRgbF(float(c.redF() * a + (1 - a)), float(c.greenF() * a + (1 - a)),
                            float(c.blueF() * a + (1 - a)));
}

bool near(QColor a, QColor b) {
    return std::abs(a.red() - b.red()) <= 3 && std::abs(a.green() - b.green()) <= 3 &&
           std::abs(a.blue() - b.blue()) <= 3;
}

} // namespace

TEST(DistrictChoropleth, ColoursEachDistrictByItsBandAndRecoloursForANewWindow) {
    // D0 doubles (surge) in [kDay, kDay + 10); D1 halves; D2 is steady; D3 has too few.
    std::vector<Incident> v;
    int serial = 0;
    auto add = [&](double lon, int perBaseline, int now) {
        for (int w = 1; w <= 4; ++w)
            for (int k = 0; k < perBaseline; ++k)
                v.push_back(test::incidentAt(QString::number(++serial), kDay - 10 * w, lon, 0.5));
        for (int k = 0; k < now; ++k)
            v.push_back(test::incidentAt(QString::number(++serial), kDay, lon, 0.5));
    };
    add(0.5, 10, 20);
    add(1.5, 10, 5);
    add(2.5, 10, 10);
    add(3.5, 1, 1);
    const auto store = std::make_shared<const IncidentStore>(v);
    const auto facts = deriveFacts(*store, test::squareInputs(4, 2));
    const DistrictChoroplethLayer layer(QStringLiteral("c"), QStringLiteral("District trend"),
                                        store, facts);
    const TimeRange window{kDay, kDay + 10};
    const QImage image = draw(layer, window);
    // Away from the outline and the hatching's lines: sample a few pixels and take any match.
    auto showsColour = [&](int cx, QColor expected) {
        for (int dx = -20; dx <= 20; ++dx)
            if (near(image.pixelColor(cx + dx, 50), over(expected)))
                return true;
        return false;
    };
    EXPECT_TRUE(showsColour(50, DistrictChoroplethLayer::bandColour(TrendBand::StrongIncrease)));
    EXPECT_TRUE(showsColour(150, DistrictChoroplethLayer::bandColour(TrendBand::Decrease)));
    EXPECT_TRUE(showsColour(250, DistrictChoroplethLayer::bandColour(TrendBand::Stable)));
    EXPECT_TRUE(showsColour(350, DistrictChoroplethLayer::bandColour(TrendBand::LowBaseline)));
    // The surge is hatched: some pixels of D0 are the surge colour's.
    int dark = 0;
    for (int x = 5; x < 95; ++x)
        for (int y = 5; y < 95; ++y)
            dark += near(image.pixelColor(x, y), DistrictChoroplethLayer::surgeOutline()) ? 1 : 0;
    EXPECT_GT(dark, 50) << "no hatching in the surging district";

    // Ten days earlier D0 rises by a third (10 against 7.5): still red, but no surge to hatch.
    const QImage earlier = draw(layer, TimeRange{kDay - 10, kDay});
    EXPECT_NE(earlier, image);
    int darkBefore = 0;
    for (int x = 5; x < 95; ++x)
        for (int y = 5; y < 95; ++y)
            darkBefore +=
                near(earlier.pixelColor(x, y), DistrictChoroplethLayer::surgeOutline()) ? 1 : 0;
    EXPECT_EQ(darkBefore, 0);

    const auto legend = layer.legendEntries(LegendContext(window));
    ASSERT_GE(legend.size(), 7u);
    EXPECT_EQ(legend[0].swatch, LegendEntry::Swatch::Heading);
    std::map<QString, int> counts;
    for (const LegendEntry& e : legend)
        counts[e.label] = e.count;
    EXPECT_EQ(counts[displayName(TrendBand::StrongIncrease)], 1);
    EXPECT_EQ(counts[displayName(TrendBand::Decrease)], 1);
    EXPECT_EQ(counts[displayName(TrendBand::Stable)], 1);
    EXPECT_EQ(counts[QStringLiteral("low baseline (< 3 per window)")], 1);
    EXPECT_EQ(counts[QStringLiteral("surge (≥ +100 %), hatched")], 1);
}
