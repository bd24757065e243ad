// A million points cannot be a million symbols: badges that never overlap, a density view that
// counts what it shows and spreads what is only known to an area, and a fast raster path that
// draws what the vector path draws.
#include "data/data_paths.h"
#include "geo/extent_transform.h"
#include "incidents/import/incident_importer.h"
#include "map/incident_map_layer.h"
#include "render/hex_density.h"
#include "render/incident_clusters.h"
#include "render/legend_context.h"
#include "render/map_renderer.h"
#include "support/image_checks.h"

#include <QPicture>

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <random>

using namespace borderlens;
using namespace borderlens::test;

namespace {

TEST(ClusterBadges, NeverOverlapAndCountEveryPointOnce) {
    std::mt19937 rng(3);
    std::normal_distribution<float> spread(0, 60);
    std::vector<ClusterPoint> points;
    // Dense knots and a sparse scatter, as border incidents look.
    for (int knot = 0; knot < 12; ++knot) {
        const float cx = 100 + 140 * (knot % 4), cy = 100 + 180 * (knot / 4);
        for (int i = 0; i < 3000; ++i)
            points.push_back({cx + spread(rng), cy + spread(rng),
                              static_cast<IncidentType>(i % kIncidentTypeCount), true});
    }
    std::uniform_real_distribution<float> anywhere(0, 700);
    for (int i = 0; i < 500; ++i)
        points.push_back({anywhere(rng), anywhere(rng), IncidentType::Crossing, i % 50 != 0});
    const Clustering c = clusterPoints(points, 30, 4, [](int n) { return 8 + 2 * std::log2(n); });
    ASSERT_FALSE(c.badges.empty());
    for (std::size_t a = 0; a < c.badges.size(); ++a)
        for (std::size_t b = a + 1; b < c.badges.size(); ++b) {
            const auto& p = c.badges[a];
            const auto& q = c.badges[b];
            const double gap = std::hypot(p.centre.x() - q.centre.x(), p.centre.y() - q.centre.y());
            EXPECT_GE(gap, p.radius + q.radius) << "badges " << a << " and " << b << " overlap";
        }
    int counted = static_cast<int>(c.singles.size());
    for (const ClusterBadge& b : c.badges) {
        counted += b.count;
        EXPECT_EQ(std::accumulate(b.byType.begin(), b.byType.end(), 0), b.count);
    }
    EXPECT_EQ(counted, static_cast<int>(points.size()));
    // Points that must stay visible (a selection) are never folded into a badge.
    for (std::uint32_t i = 0; i < points.size(); ++i) {
        if (!points[i].clusterable) {
            EXPECT_NE(std::find(c.singles.begin(), c.singles.end(), i), c.singles.end());
        }
    }
}

TEST(HexDensity, CountsEveryPointAndSpreadsWeightEvenlyOverItsDisc) {
    HexDensity d(QSizeF(1000, 800), 12);
    d.add(500, 400);
    d.add(500.4, 400.2);
    // One incident known to within 80 px: its weight, 1, over every hexagon whose centre lies
    // within 80 px, and nowhere else.
    d.addSpread(300, 300, 80);
    d.finish();
    const HexDensity::Scale scale = d.scale();
    EXPECT_EQ(scale.lowerBounds.front(), 0);
    EXPECT_DOUBLE_EQ(d.maxCount(), 2.0); // the two exact points share a hexagon
    // The spread weight is shared out: no hexagon gets more than a few per cent of it.
    HexDensity spreadOnly(QSizeF(1000, 800), 12);
    spreadOnly.addSpread(500, 400, 80, 1.0);
    spreadOnly.finish();
    EXPECT_GT(spreadOnly.maxCount(), 0.0);
    EXPECT_LT(spreadOnly.maxCount(), 0.05);
}

MapSettings sampleMap(QSize size) {
    MapSettings s;
    s.crs = Crs::utm42n();
    s.extent = transformExtent(Extent{67.5, 36.8, 72.5, 39.0}, Crs::wgs84(), s.crs);
    s.outputSize = size;
    s.background = Qt::white;
    s.extent = MapViewport::fitting(s.extent, QSizeF(size)).visibleExtent();
    return s;
}

TEST(IncidentRender, StampedSymbolsLookLikeTheVectorOnes) {
    // The raster path stamps cached images of symbols; a QPicture (a vector device, as PDF and
    // SVG are) gets the symbols drawn as paths. Played back onto an image, both must agree but
    // for antialiasing at the edges and a symbol's placement rounded to the pixel.
    auto report = importIncidents(bundledGeodataDir() + QStringLiteral("/sample_incidents.csv"));
    ASSERT_TRUE(report);
    IncidentLayerOptions options;
    options.clusters = false;
    MapSettings s = sampleMap(QSize(1200, 700));
    s.layers.push_back(std::make_shared<IncidentMapLayer>("i", "incidents", report.value().store,
                                                          options));
    const QImage stamped = MapRenderer::renderImage(s);
    QPicture picture;
    {
        QPainter p(&picture);
        MapRenderer::render(p, s);
    }
    QImage vector(s.outputSize, QImage::Format_ARGB32_Premultiplied);
    vector.fill(Qt::white);
    {
        QPainter p(&vector);
        p.drawPicture(0, 0, picture);
    }
    const ImageDifference d = compareImages(stamped, vector, 40, 1);
    if (qEnvironmentVariableIsSet("BORDERLENS_KEEP_IMAGES")) {
        stamped.save(QStringLiteral("/tmp/stamped.png"));
        vector.save(QStringLiteral("/tmp/vector.png"));
        differenceImage(stamped, vector).save(QStringLiteral("/tmp/stamped-vs-vector.png"));
    }
    EXPECT_LT(d.unmatched, 0.0005) << "a symbol is missing or misplaced";
    EXPECT_LT(d.largestUnmatchedBlob, 12);
}

TEST(IncidentRender, AManyIncidentViewIsDrawnAsDensityAndItsLegendSaysSo) {
    // Five thousand incidents in view: Auto shows density, and the legend (from the same
    // frame) lists density classes, not types.
    std::vector<Incident> rows;
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> lon(69.0, 71.0), lat(37.2, 38.4);
    for (int i = 0; i < 5000; ++i) {
        Incident inc;
        inc.id = QString::number(i);
        inc.startDate = QDate(2025, 1, 1).addDays(i % 300);
        inc.lon = lon(rng);
        inc.lat = lat(rng);
        inc.geoPrecision = i % 10 == 0 ? GeoPrecision::District : GeoPrecision::Exact;
        rows.push_back(inc);
    }
    auto layer = std::make_shared<IncidentMapLayer>("i", "many",
                                                    std::make_shared<IncidentStore>(rows));
    MapSettings s = sampleMap(QSize(1000, 700));
    s.layers.push_back(layer);
    const QImage img = MapRenderer::renderImage(s);
    const LegendContext context = legendContextFor(s);
    const auto entries = layer->legendEntries(context);
    ASSERT_GE(entries.size(), 3u);
    EXPECT_EQ(entries.front().count, 5000);
    EXPECT_TRUE(entries[1].hexagon) << entries[1].label.toStdString();
    bool spreadNote = false;
    for (const auto& e : entries)
        spreadNote = spreadNote || e.label.contains(QStringLiteral("spread over"));
    EXPECT_TRUE(spreadNote);
    // The densest class's colour, laid over the white background, is on the map.
    const QColor top = entries[entries.size() - 3].fill;
    const double a = top.alphaF();
    const QColor onWhite = QColor::fromRgbF(top.redF() * a + (1 - a), top.greenF() * a + (1 - a),
                                            top.blueF() * a + (1 - a));
    EXPECT_GT(shareOfColour(img, onWhite, 8), 0.0);
    // A view with few incidents: symbols, and the legend lists types.
    const TimeRange oneWeek = TimeRange::fromInclusive(QDate(2025, 3, 1), QDate(2025, 3, 7));
    s.time = oneWeek;
    const auto fewEntries = layer->legendEntries(legendContextFor(s));
    EXPECT_FALSE(fewEntries[1].hexagon);
    EXPECT_EQ(fewEntries[1].label, displayName(IncidentType::ArmedClash));
}

} // namespace
