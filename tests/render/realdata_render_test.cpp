#include "geo/extent_transform.h"
#include "io/reader_registry.h"
#include "map/vector_map_layer.h"
#include "render/map_renderer.h"
#include "render/map_viewport.h"

#include <QPainter>
#include "support/image_checks.h"
#include "support/test_paths.h"

#include <QFileInfo>

#include <gtest/gtest.h>

using namespace borderlens;
using namespace borderlens::test;

TEST(RealDataRender, TajikDistrictsFillDarvozButNotAfghanistan) {
    BORDERLENS_REQUIRE_REALDATA();
    const QString path =
        realData(QStringLiteral("boundaries/tjk_geoboundaries_adm2/geoBoundaries-TJK-ADM2.shp"));
    ASSERT_TRUE(QFileInfo::exists(path)) << path.toStdString();
    auto read = ReaderRegistry::withDefaultReaders().read(path);
    ASSERT_TRUE(read) << read.error().toString().toStdString();
    const auto layer = read.value()[0];
    EXPECT_EQ(layer->featureCount(), 58u);

    LayerStyle style;
    style.fill = QColor(230, 120, 30);
    style.stroke = QColor(60, 60, 60);
    style.strokeWidthMm = 0.1;
    style.labels = false; // fill shares are measured; district names would cover some of it
    MapSettings s;
    s.crs = Crs::utm42n();
    s.extent = transformExtent(layer->lonLatExtent(), Crs::wgs84(), s.crs);
    s.outputSize = QSize(1200, 800);
    s.background = Qt::white;
    s.layers.push_back(std::make_shared<VectorMapLayer>("tjk", layer, style));
    const QImage img = MapRenderer::renderImage(s);

    // Tajikistan fills roughly half of its own bounding box in UTM (measured: ~0.47 with these
    // settings); far below would mean holes or missing districts, far above a filled bbox.
    const double share = shareOfColour(img, style.fill);
    EXPECT_GT(share, 0.35);
    EXPECT_LT(share, 0.60);

    const MapViewport vp = MapViewport::fitting(s.extent, QSizeF(s.outputSize));
    auto pixel = [&](double lon, double lat) {
        const Extent e = transformExtent(Extent{lon, lat, lon, lat}, Crs::wgs84(), s.crs, 2);
        return vp.toPixel(e.xMin, e.yMin).toPoint();
    };
    EXPECT_TRUE(hasColourNear(img, pixel(70.7, 38.5), style.fill, 0)) << "Darvoz not filled";
    EXPECT_FALSE(hasColourNear(img, pixel(70.0, 37.0), style.fill, 3)) << "Afghanistan filled";
}
