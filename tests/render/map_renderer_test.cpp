#include "geo/extent_transform.h"
#include "map/vector_map_layer.h"
#include "render/map_renderer.h"
#include "render/map_viewport.h"

#include <QPaintEngine>
#include <QPainter>

#include <atomic>
#include <climits>
#include "support/image_checks.h"

#include <gtest/gtest.h>

using namespace borderlens;
using namespace borderlens::test;

namespace {

std::shared_ptr<VectorLayer> squareLayerWithHole() {
    GeometryColumns g;
    for (auto [x, y] : {std::pair{70.0, 38.0}, {71.0, 38.0}, {71.0, 39.0}, {70.0, 39.0}, {70.0, 38.0}})
        g.addVertex(x, y);
    g.endRing();
    for (auto [x, y] : {std::pair{70.4, 38.4}, {70.6, 38.4}, {70.6, 38.6}, {70.4, 38.6}, {70.4, 38.4}})
        g.addVertex(x, y);
    g.endRing();
    g.endPart(PartKind::Polygon);
    g.endFeature();
    AttributeTable attrs;
    attrs.appendRow({});
    return std::make_shared<VectorLayer>("square", "mem", Crs::wgs84(), "Polygon", std::move(g),
                                         std::move(attrs));
}

std::shared_ptr<VectorLayer> lineLayer() {
    GeometryColumns g;
    g.addVertex(69.0, 37.5);
    g.addVertex(72.0, 37.5);
    g.endRing();
    g.endPart(PartKind::Line);
    g.endFeature();
    AttributeTable attrs;
    attrs.appendRow({});
    return std::make_shared<VectorLayer>("line", "mem", Crs::wgs84(), "Line String", std::move(g),
                                         std::move(attrs));
}

MapSettings settingsFor(const Crs& crs, QSize size, double dpi) {
    MapSettings s;
    s.crs = crs;
    s.extent = transformExtent(Extent{68.5, 37.0, 72.5, 39.5}, Crs::wgs84(), crs);
    s.outputSize = size;
    s.dpi = dpi;
    s.background = Qt::white;
    return s;
}

QPoint pixelOf(const MapSettings& s, double lon, double lat) {
    const Extent e = transformExtent(Extent{lon, lat, lon, lat}, Crs::wgs84(), s.crs, 2);
    const QPointF p = MapViewport::fitting(s.extent, QSizeF(s.outputSize)).toPixel(e.xMin, e.yMin);
    return p.toPoint();
}

class Renderer : public ::testing::TestWithParam<const char*> {};

TEST_P(Renderer, PolygonFillsInsideNotInTheHoleNorOutside) {
    const Crs crs(QString::fromLatin1(GetParam()));
    LayerStyle style;
    style.fill = QColor(200, 40, 40);
    style.stroke = QColor(0, 0, 0);
    style.strokeWidthMm = 0.1;
    MapSettings s = settingsFor(crs, QSize(800, 500), 96);
    s.layers.push_back(std::make_shared<VectorMapLayer>("l1", squareLayerWithHole(), style));
    const QImage img = MapRenderer::renderImage(s);
    ASSERT_EQ(img.size(), QSize(800, 500));
    EXPECT_TRUE(hasColourNear(img, pixelOf(s, 70.2, 38.8), style.fill));
    EXPECT_TRUE(hasColourNear(img, pixelOf(s, 70.5, 38.5), Qt::white)); // the hole
    EXPECT_TRUE(hasColourNear(img, pixelOf(s, 69.0, 38.5), Qt::white)); // outside
    const double share = shareOfColour(img, style.fill);
    EXPECT_GT(share, 0.05);
    EXPECT_LT(share, 0.20);
}

INSTANTIATE_TEST_SUITE_P(Crss, Renderer, ::testing::Values("EPSG:32642", "EPSG:3857", "EPSG:4326"),
                         [](const auto& param_info) {
                             return std::string(param_info.param).substr(5);
                         });

TEST(Renderer, LineWidthIsInMillimetresSoItScalesWithDpi) {
    LayerStyle style;
    style.stroke = QColor(0, 0, 255);
    style.strokeWidthMm = 1.0; // 3.8 px at 96 DPI, 11.8 px at 300 DPI
    auto measure = [&](double dpi, QSize size) {
        MapSettings s = settingsFor(Crs::wgs84(), size, dpi);
        s.layers.push_back(std::make_shared<VectorMapLayer>("l", lineLayer(), style));
        const QImage img = MapRenderer::renderImage(s);
        const QPoint p = pixelOf(s, 70.5, 37.5);
        int thickness = 0;
        for (int y = 0; y < img.height(); ++y)
            thickness += hasColourNear(img, QPoint(p.x(), y), style.stroke, 0, 30) ? 1 : 0;
        return thickness;
    };
    const int at96 = measure(96, QSize(800, 500));
    const int at300 = measure(300, QSize(2500, 1563));
    EXPECT_GE(at96, 3);
    EXPECT_LE(at96, 5);
    EXPECT_NEAR(static_cast<double>(at300) / at96, 300.0 / 96.0, 0.8);
}

TEST(Renderer, PaintsOnlyInsideTheOutputRectOfATranslatedPainter) {
    // Export layouts translate the painter to the map frame; nothing may spill outside it.
    QImage page(400, 400, QImage::Format_ARGB32_Premultiplied);
    page.fill(Qt::black);
    MapSettings s = settingsFor(Crs::utm42n(), QSize(200, 100), 96);
    s.background = QColor(0, 255, 0);
    {
        QPainter p(&page);
        p.translate(100, 150);
        MapRenderer::render(p, s);
    }
    EXPECT_EQ(QColor(page.pixel(150, 200)), QColor(0, 255, 0));
    EXPECT_EQ(QColor(page.pixel(50, 200)), QColor(Qt::black));
    EXPECT_EQ(QColor(page.pixel(150, 260)), QColor(Qt::black));
}

// A paint device that draws nothing and counts the areas filled on it; it raises `cancel`
// after the first `cancelAfter` fills, as the GUI thread does when the view moves while a layer
// is being drawn.
class CancellingDevice : public QPaintDevice {
public:
    CancellingDevice(QSize size, std::atomic<bool>& cancel, int cancelAfter)
        : m_engine(*this), m_size(size), m_cancel(cancel), m_cancelAfter(cancelAfter) {}
    QPaintEngine* paintEngine() const override { return &m_engine; }
    int fills() const { return m_fills; }

protected:
    int metric(PaintDeviceMetric m) const override {
        switch (m) {
        case PdmWidth:
            return m_size.width();
        case PdmHeight:
            return m_size.height();
        case PdmDpiX:
        case PdmDpiY:
        case PdmPhysicalDpiX:
        case PdmPhysicalDpiY:
            return 96;
        case PdmWidthMM:
            return m_size.width() * 254 / 960;
        case PdmHeightMM:
            return m_size.height() * 254 / 960;
        case PdmDepth:
            return 32;
        case PdmNumColors:
            return INT_MAX;
        case PdmDevicePixelRatio:
            return 1;
        case PdmDevicePixelRatioScaled:
            return static_cast<int>(devicePixelRatioFScale());
        }
        return 0;
    }

private:
    class Engine : public QPaintEngine {
    public:
        explicit Engine(CancellingDevice& device) : QPaintEngine(AllFeatures), m_device(device) {}
        bool begin(QPaintDevice*) override { return true; }
        bool end() override { return true; }
        Type type() const override { return User; }
        void updateState(const QPaintEngineState& changed) override {
            if (changed.state() & DirtyBrush)
                m_filling = changed.brush().style() != Qt::NoBrush;
        }
        void drawPath(const QPainterPath&) override { filled(); }
        void drawPolygon(const QPointF*, int, PolygonDrawMode mode) override {
            if (mode != PolylineMode)
                filled();
        }
        void drawPolygon(const QPoint*, int, PolygonDrawMode mode) override {
            if (mode != PolylineMode)
                filled();
        }
        void drawRects(const QRectF*, int) override { filled(); }
        void drawRects(const QRect*, int) override { filled(); }
        void drawLines(const QLineF*, int) override {}
        void drawLines(const QLine*, int) override {}
        void drawPoints(const QPointF*, int) override {}
        void drawPoints(const QPoint*, int) override {}
        void drawEllipse(const QRectF&) override { filled(); }
        void drawPixmap(const QRectF&, const QPixmap&, const QRectF&) override {}
        void drawImage(const QRectF&, const QImage&, const QRectF&,
                       Qt::ImageConversionFlags) override {}
        void drawTextItem(const QPointF&, const QTextItem&) override {}
        void drawTiledPixmap(const QRectF&, const QPixmap&, const QPointF&) override {}

    private:
        void filled() {
            if (!m_filling)
                return;
            if (++m_device.m_fills == m_device.m_cancelAfter)
                m_device.m_cancel.store(true);
        }
        CancellingDevice& m_device;
        bool m_filling = false;
    };

    mutable Engine m_engine;
    QSize m_size;
    std::atomic<bool>& m_cancel;
    int m_cancelAfter;
    int m_fills = 0;
};

// `n` × `n` small squares covering the map's extent, one feature each.
std::shared_ptr<VectorLayer> gridOfSquares(int n) {
    GeometryColumns g;
    AttributeTable attrs;
    const double size = 4.0 / n;
    for (int row = 0; row < n; ++row) {
        for (int col = 0; col < n; ++col) {
            const double x = 68.5 + col * size;
            const double y = 37.0 + row * size * 0.6;
            for (auto [dx, dy] : {std::pair{0.0, 0.0}, {0.8, 0.0}, {0.8, 0.5}, {0.0, 0.5}, {0.0, 0.0}})
                g.addVertex(x + dx * size, y + dy * size);
            g.endRing();
            g.endPart(PartKind::Polygon);
            g.endFeature();
            attrs.appendRow({});
        }
    }
    return std::make_shared<VectorLayer>("grid", "mem", Crs::wgs84(), "Polygon", std::move(g),
                                         std::move(attrs));
}

TEST(Renderer, CancelledRenderStopsEarly) {
    // Cancelled while the layer is being drawn (after its 100th square), the layer stops within
    // its next check instead of drawing all 10,000.
    LayerStyle style;
    style.fill = QColor(200, 40, 40);
    MapSettings s = settingsFor(Crs::wgs84(), QSize(800, 500), 96);
    const auto grid = gridOfSquares(100);
    s.layers.push_back(std::make_shared<VectorMapLayer>("l1", grid, style));
    s.layers.push_back(std::make_shared<VectorMapLayer>("l2", grid, style));

    std::atomic<bool> uncancelled{false};
    CancellingDevice whole(s.outputSize, uncancelled, -1);
    {
        QPainter p(&whole);
        MapRenderer::render(p, s, &uncancelled);
    }
    // Not cancelled: the background, then every square of both layers.
    ASSERT_EQ(whole.fills(), 1 + 2 * 100 * 100);

    std::atomic<bool> cancel{false};
    CancellingDevice device(s.outputSize, cancel, 100);
    {
        QPainter p(&device);
        MapRenderer::render(p, s, &cancel);
    }
    EXPECT_TRUE(cancel.load());
    EXPECT_GE(device.fills(), 100);
    EXPECT_LE(device.fills(), 1 + 1024); // the background; the layer looks every 1,024 features
}

} // namespace
