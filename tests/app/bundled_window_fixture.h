#pragma once

#include "geo/coordinate_transform.h"
#include "main_window.h"
#include "map_canvas.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

namespace borderlens::test {

// A main window shown offscreen with the bundled layers and sample data loaded and drawn, as the
// viewer starts. settle() waits until every requested frame has been drawn and shown.
class BundledWindowFixture : public ::testing::Test {
protected:
    void SetUp() override {
        window.resize(1400, 900);
        window.show();
        QSignalSpy loaded(&window, &MainWindow::loadFinished);
        window.openBundledLayers();
        ASSERT_TRUE(loaded.wait(20000));
        settle();
    }
    void settle() {
        QSignalSpy frames(window.canvas(), &MapCanvas::frameRendered);
        for (int i = 0; i < 100; ++i) {
            QCoreApplication::processEvents(); // deliver queued requests and finished frames
            if (!window.canvas()->isRendering())
                return;
            frames.wait(10000);
        }
        FAIL() << "the canvas never finished rendering";
    }
    QPointF pixelOf(double lon, double lat) {
        auto t = TransformCache::get(Crs::wgs84(), window.canvas()->crs());
        double x = lon, y = lat;
        t.value()->transform(x, y);
        return window.canvas()->viewport().toPixel(x, y);
    }
    MainWindow window;
};

} // namespace borderlens::test
