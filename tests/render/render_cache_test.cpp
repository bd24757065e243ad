// RenderCache: the same picture as drawing everything, faster. A time step reuses the static
// layers' pictures; a pan shifts them and draws only what came into view; a zoom, a resize or a
// change of layers draws them again; vector outputs never use them.
#include "data/data_paths.h"
#include "geo/extent_transform.h"
#include "incidents/import/incident_importer.h"
#include "map/incident_map_layer.h"
#include "map/vector_map_layer.h"
#include "render/map_renderer.h"
#include "render/render_cache.h"
#include "support/bundled_scene.h"
#include "support/image_checks.h"

#include <QBuffer>
#include <QDir>
#include <QPainter>
#include <QSvgGenerator>

#include <gtest/gtest.h>

using namespace borderlens;
using namespace borderlens::test;

namespace {

// Base layers, the sample incidents (temporal) and the schematic districts again above them,
// restyled: two runs of static layers with a temporal layer between, at 800×450. `solid` draws
// the schematic districts' dashes solid (see ThinDashedLinesDifferOnlyInDashPhase).
MapSettings layeredMap(bool solid = true) {
    MapSettings s = bundledOpeningView();
    for (auto& layer : s.layers) {
        const auto* v = dynamic_cast<const VectorMapLayer*>(layer.get());
        if (solid && v && v->style().strokeStyle != Qt::SolidLine) {
            LayerStyle style = v->style();
            style.strokeStyle = Qt::SolidLine;
            layer = v->withStyle(style);
        }
    }
    s.outputSize = QSize(800, 450);
    s.extent = MapViewport::fitting(s.extent, QSizeF(s.outputSize)).visibleExtent();
    // The cache keeps pictures of layers; names are drawn over them every frame from one
    // placement, and blending them over a composed picture moves a few halo-edge pixels by more
    // than these exact comparisons allow (labels_tests: MapLabels.CachedFramesShowTheSameNames).
    s.labels = false;
    auto report = importIncidents(bundledGeodataDir() + QStringLiteral("/sample_incidents.csv"));
    if (report)
        s.layers.push_back(std::make_shared<IncidentMapLayer>(
            "i", "incidents", report.value().store));
    for (const auto& layer : std::vector(s.layers)) {
        if (const auto* v = dynamic_cast<const VectorMapLayer*>(layer.get());
            v && v->data()->name().contains(QStringLiteral("districts"))) {
            LayerStyle style = v->style();
            style.stroke = QColor(120, 0, 120);
            s.layers.push_back(v->withStyle(style));
        }
    }
    s.time = TimeRange::fromInclusive(QDate(2025, 11, 1), QDate(2025, 12, 31));
    return s;
}

void keep(const QString& name, const QImage& direct, const QImage& cached) {
    const QString dir = qEnvironmentVariable("BORDERLENS_TEST_OUTPUT");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    direct.save(dir + QStringLiteral("/%1-direct.png").arg(name));
    cached.save(dir + QStringLiteral("/%1-cached.png").arg(name));
    differenceImage(direct, cached).save(dir + QStringLiteral("/%1-difference.png").arg(name));
}

// Cached pictures are composed where direct drawing blends layer by layer: premultiplied
// rounding may differ by a level or two. After pans, the picture was drawn at other offsets and
// in bands: where Qt's thin-line stroker clips at a band's edge, a pixel may round differently
// (measured: 0.02 % of pixels, by up to 8 levels of 255, scattered, no seam).
void expectSameAsDirect(const MapSettings& s, const QImage& cached, const char* what,
                        int tolerance = 3) {
    const QImage direct = MapRenderer::renderImage(s);
    keep(QString::fromLatin1(what), direct, cached);
    const ImageDifference d = compareImages(direct, cached, tolerance, 0);
    EXPECT_EQ(d.differing, 0.0) << what << ": largest difference " << d.maxDelta;
}

void pan(MapSettings& s, double dxPixels, double dyPixels) {
    const double upp = MapViewport::fitting(s.extent, QSizeF(s.outputSize)).unitsPerPixel();
    s.extent = Extent{s.extent.xMin + dxPixels * upp, s.extent.yMin - dyPixels * upp,
                      s.extent.xMax + dxPixels * upp, s.extent.yMax - dyPixels * upp};
}

} // namespace

TEST(RenderCache, FirstFrameDrawsEachRunOfStaticLayersOnceAndLooksTheSame) {
    const MapSettings s = layeredMap();
    ASSERT_GE(s.layers.size(), 7u);
    RenderCache cache;
    const QImage cached = MapRenderer::renderImage(s, nullptr, &cache);
    EXPECT_EQ(cache.misses(), 2) << "base layers below the incidents, districts above";
    EXPECT_EQ(cache.hits(), 0);
    expectSameAsDirect(s, cached, "cache-first-frame");
}

TEST(RenderCache, TimeStepReusesThePicturesAndRedrawsOnlyTemporalLayers) {
    MapSettings s = layeredMap();
    RenderCache cache;
    MapRenderer::renderImage(s, nullptr, &cache);
    for (int step = 0; step < 3; ++step) {
        s.time = TimeRange{s.time.begin - 30, s.time.end - 30};
        const QImage cached = MapRenderer::renderImage(s, nullptr, &cache);
        expectSameAsDirect(s, cached, "cache-time-step");
    }
    EXPECT_EQ(cache.misses(), 2);
    EXPECT_EQ(cache.hits(), 6);
}

TEST(RenderCache, PanShiftsThePicturesAndDrawsWhatCameIntoView) {
    MapSettings s = layeredMap();
    RenderCache cache;
    MapRenderer::renderImage(s, nullptr, &cache);
    // Sideways, diagonally both ways, and a long run of steps whose errors must not build up.
    const QPoint moves[] = {{40, 0}, {-17, 23}, {31, -9}, {0, -40}};
    for (QPoint m : moves) {
        pan(s, m.x(), m.y());
        expectSameAsDirect(s, MapRenderer::renderImage(s, nullptr, &cache), "cache-pan", 10);
    }
    for (int i = 0; i < 25; ++i)
        pan(s, -40, 0);
    QImage cached;
    for (int i = 0; i < 20; ++i) {
        pan(s, 40, 3);
        cached = MapRenderer::renderImage(s, nullptr, &cache);
    }
    expectSameAsDirect(s, cached, "cache-long-pan", 10);
    EXPECT_EQ(cache.misses(), 2 + 2) << "a jump of 960 px, more than the view is wide";
    EXPECT_EQ(cache.scrolls(), 2 * (4 + 19));
}

// Qt's cosmetic stroker (lines up to 1 px) restarts a dash pattern where it clips a line, so
// the phase of thin dashed lines depends on where the clip falls: at the view's edges without a
// cache (why dashes crawl as any Qt map pans), at a band's edges with one. Only that may differ:
// dashes shifted along their line, never a line moved or lost.
TEST(RenderCache, ThinDashedLinesDifferOnlyInDashPhase) {
    MapSettings s = layeredMap(false);
    RenderCache cache;
    MapRenderer::renderImage(s, nullptr, &cache);
    QImage cached;
    for (int i = 0; i < 10; ++i) {
        pan(s, 40, 7);
        cached = MapRenderer::renderImage(s, nullptr, &cache);
    }
    const QImage direct = MapRenderer::renderImage(s);
    keep(QStringLiteral("cache-dashes"), direct, cached);
    const ImageDifference d = compareImages(direct, cached, 40, 1);
    EXPECT_LT(d.unmatched, 0.005);
    EXPECT_LE(d.largestUnmatchedBlob, 12) << "a dash is 4 px long, a gap 2";
}

TEST(RenderCache, ZoomResizeAndLayerChangesDrawAfresh) {
    MapSettings s = layeredMap();
    RenderCache cache;
    MapRenderer::renderImage(s, nullptr, &cache);
    cache.resetCounters();

    MapSettings zoomed = s;
    zoomed.extent = s.extent.buffered(-0.1);
    MapRenderer::renderImage(zoomed, nullptr, &cache);
    EXPECT_EQ(cache.misses(), 2) << "zoom";

    MapSettings resized = s;
    resized.outputSize = QSize(640, 450);
    expectSameAsDirect(resized, MapRenderer::renderImage(resized, nullptr, &cache),
                       "cache-resize");
    EXPECT_EQ(cache.misses(), 4) << "resize";

    MapSettings hidden = s; // the rivers unticked: not in the snapshot
    hidden.layers.erase(hidden.layers.begin() + 2);
    MapRenderer::renderImage(s, nullptr, &cache);
    cache.resetCounters();
    MapRenderer::renderImage(hidden, nullptr, &cache);
    EXPECT_EQ(cache.misses(), 1) << "hiding a base layer redraws the base run only";
    EXPECT_EQ(cache.hits(), 1);

    MapSettings restyled = s; // a new snapshot of the countries
    const auto* countries = dynamic_cast<const VectorMapLayer*>(s.layers[0].get());
    LayerStyle style = countries->style();
    style.fill = QColor(250, 240, 200);
    restyled.layers[0] = countries->withStyle(style);
    cache.resetCounters();
    expectSameAsDirect(restyled, MapRenderer::renderImage(restyled, nullptr, &cache),
                       "cache-restyle");
    EXPECT_EQ(cache.misses(), 1);

    MapSettings reordered = s;
    std::swap(reordered.layers[1], reordered.layers[2]);
    cache.resetCounters();
    MapRenderer::renderImage(reordered, nullptr, &cache);
    EXPECT_EQ(cache.misses(), 1);

    MapSettings otherCrs = s;
    otherCrs.crs = Crs::webMercator();
    otherCrs.extent = transformExtent(transformExtent(s.extent, s.crs, Crs::wgs84()),
                                      Crs::wgs84(), otherCrs.crs);
    cache.resetCounters();
    MapRenderer::renderImage(otherCrs, nullptr, &cache);
    EXPECT_EQ(cache.misses(), 2);
}

TEST(RenderCache, VectorOutputNeverUsesIt) {
    const MapSettings s = layeredMap();
    RenderCache cache;
    MapRenderer::renderImage(s, nullptr, &cache);
    cache.resetCounters();
    QBuffer svg;
    svg.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&svg);
    generator.setSize(s.outputSize);
    {
        QPainter p(&generator);
        MapRenderer::render(p, s, nullptr, &cache);
    }
    EXPECT_EQ(cache.hits() + cache.misses() + cache.scrolls(), 0);
    EXPECT_FALSE(svg.data().contains("<image")) << "the map must stay vector";
    EXPECT_TRUE(svg.data().contains("<path") || svg.data().contains("<polyline"));
}

TEST(RenderCache, ScaledPainterNeverUsesIt) {
    const MapSettings s = layeredMap();
    RenderCache cache;
    QImage image(s.outputSize * 2, QImage::Format_ARGB32_Premultiplied);
    QPainter p(&image);
    p.scale(2, 2);
    MapRenderer::render(p, s, nullptr, &cache);
    EXPECT_EQ(cache.hits() + cache.misses() + cache.scrolls(), 0);
}

TEST(RenderCache, CancelledFrameLeavesNothingBehind) {
    const MapSettings s = layeredMap();
    RenderCache cache;
    std::atomic<bool> cancel{true};
    MapRenderer::renderImage(s, &cancel, &cache);
    EXPECT_EQ(cache.bytes(), 0);
    cache.resetCounters();
    const QImage cached = MapRenderer::renderImage(s, nullptr, &cache);
    EXPECT_EQ(cache.misses(), 2);
    expectSameAsDirect(s, cached, "cache-after-cancel");
}
