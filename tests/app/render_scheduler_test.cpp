#include "map/vector_map_layer.h"
#include "render/map_settings.h"
#include "render_scheduler.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace borderlens;

TEST(RenderScheduler, BurstsOfRequestsCollapseToTheLatest) {
    RenderScheduler scheduler;
    QSignalSpy spy(&scheduler, &RenderScheduler::frameReady);
    MapSettings s;
    s.outputSize = QSize(400, 300);
    for (int i = 0; i < 50; ++i) {
        s.extent = Extent{double(i), 0, double(i) + 100, 75};
        scheduler.request(s, 1.0);
    }
    // Until the frame of the last request arrives; the scheduler is then idle, so no stale
    // frame can follow it (frameReady is sent after the next pending render has started).
    auto lastExtentShown = [&] {
        return !spy.isEmpty() &&
               spy.last().at(1).value<MapViewport>().visibleExtent().xMin == 49.0;
    };
    while (!lastExtentShown())
        ASSERT_TRUE(spy.wait(5000));
    EXPECT_FALSE(scheduler.isBusy());
    // No queue of stale frames: far fewer frames than requests, and the last one shows the
    // last requested extent.
    EXPECT_LT(spy.count(), 50);
    const auto last = spy.takeLast();
    const auto vp = last.at(1).value<MapViewport>();
    EXPECT_DOUBLE_EQ(vp.visibleExtent().xMin, 49.0);
    EXPECT_EQ(last.at(0).value<QImage>().size(), QSize(400, 300));
}

TEST(RenderScheduler, TimeStepsReuseTheStaticLayersPicture) {
    GeometryColumns g;
    for (auto [x, y] : {std::pair{10.0, 10.0}, {60.0, 10.0}, {60.0, 60.0}, {10.0, 10.0}})
        g.addVertex(x, y);
    g.endRing();
    g.endPart(PartKind::Polygon);
    g.endFeature();
    AttributeTable attrs;
    attrs.appendRow({});
    auto data = std::make_shared<VectorLayer>("t", "mem", Crs::wgs84(), "Polygon", std::move(g),
                                              std::move(attrs));
    RenderScheduler scheduler;
    QSignalSpy spy(&scheduler, &RenderScheduler::frameReady);
    MapSettings s;
    s.crs = Crs::wgs84();
    s.outputSize = QSize(400, 300);
    s.extent = Extent{0, 0, 100, 75};
    s.layers.push_back(std::make_shared<VectorMapLayer>("v", data, LayerStyle{}));
    for (int day = 0; day < 3; ++day) {
        s.time = TimeRange{day, day + 30};
        scheduler.request(s, 1.0);
        ASSERT_TRUE(spy.wait(5000));
    }
    EXPECT_EQ(scheduler.cache().misses(), 1);
    EXPECT_EQ(scheduler.cache().hits(), 2);
}
