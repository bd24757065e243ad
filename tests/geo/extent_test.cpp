#include "geo/extent.h"
#include "render/map_viewport.h"

#include <gtest/gtest.h>

using namespace borderlens;

TEST(Extent, StartsEmptyAndGrows) {
    Extent e;
    EXPECT_TRUE(e.isEmpty());
    e.include(1, 2);
    EXPECT_FALSE(e.isEmpty());
    EXPECT_EQ(e.width(), 0);
    e.include(3, -1);
    EXPECT_EQ(e, (Extent{1, -1, 3, 2}));
    EXPECT_TRUE(e.intersects(Extent{2.5, 1.5, 10, 10}));
    EXPECT_FALSE(e.intersects(Extent{3.5, 1.5, 10, 10}));
    EXPECT_FALSE(e.intersects(Extent{}));
}

TEST(MapViewport, FitsExtentKeepingAspectAndRoundTrips) {
    const MapViewport vp = MapViewport::fitting(Extent{0, 0, 200, 100}, QSizeF(100, 100));
    EXPECT_DOUBLE_EQ(vp.unitsPerPixel(), 2.0);
    const Extent visible = vp.visibleExtent();
    EXPECT_DOUBLE_EQ(visible.xMin, 0);
    EXPECT_DOUBLE_EQ(visible.xMax, 200);
    EXPECT_DOUBLE_EQ(visible.yMin, -50); // taller than the data: padded equally above and below
    EXPECT_DOUBLE_EQ(visible.yMax, 150);
    const QPointF px = vp.toPixel(50, 75);
    EXPECT_DOUBLE_EQ(px.x(), 25);
    EXPECT_DOUBLE_EQ(px.y(), 37.5); // y down in pixels
    const QPointF back = vp.toMap(px);
    EXPECT_DOUBLE_EQ(back.x(), 50);
    EXPECT_DOUBLE_EQ(back.y(), 75);
}
