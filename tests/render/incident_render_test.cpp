#include "data/data_paths.h"
#include "geo/extent_transform.h"
#include "incidents/import/incident_importer.h"
#include "render/incident_symbols.h"
#include "map/incident_map_layer.h"
#include "render/map_renderer.h"
#include "support/image_checks.h"

#include <gtest/gtest.h>

using namespace borderlens;
using namespace borderlens::test;

TEST(IncidentRender, EachTypeIsDrawnInItsColourWhereItHappened) {
    auto report = importIncidents(bundledGeodataDir() + QStringLiteral("/sample_incidents.csv"));
    ASSERT_TRUE(report);
    auto store = report.value().store;
    IncidentLayerOptions options;
    options.clusters = false; // this test is about symbols, not badges
    MapSettings s;
    s.crs = Crs::utm42n();
    s.extent = transformExtent(Extent{67.5, 36.8, 72.5, 39.0}, Crs::wgs84(), s.crs);
    s.outputSize = QSize(1600, 900);
    s.background = Qt::white;
    s.layers.push_back(std::make_shared<IncidentMapLayer>("i", "incidents", store, options));
    const QImage img = MapRenderer::renderImage(s);
    const MapViewport vp = MapViewport::fitting(s.extent, QSizeF(s.outputSize));
    int checked = 0;
    for (std::size_t i = 0; i < store->size(); ++i) {
        const Incident inc = store->incident(i);
        const Extent e = transformExtent(Extent{inc.lon, inc.lat, inc.lon, inc.lat}, Crs::wgs84(),
                                         s.crs, 2);
        const QPoint px = vp.toPixel(e.xMin, e.yMin).toPoint();
        if (!img.rect().contains(px))
            continue;
        // Exact ones are filled in the type colour; approximate ones are hollow with an outline
        // in the type colour: either way that colour is within the symbol's radius.
        EXPECT_TRUE(hasColourNear(img, px, symbolFor(inc.type).colour, 8, 12))
            << inc.id.toStdString() << " " << displayName(inc.type).toStdString();
        ++checked;
    }
    EXPECT_GE(checked, 12);
    // And nothing in the type colours far from every incident (the top-left corner is empty).
    for (IncidentType t : kAllIncidentTypes)
        EXPECT_FALSE(hasColourNear(img, QPoint(40, 40), symbolFor(t).colour, 30, 10));
}

TEST(IncidentRender, TheTimeWindowFiltersWhatIsDrawn) {
    auto report = importIncidents(bundledGeodataDir() + QStringLiteral("/sample_incidents.csv"));
    ASSERT_TRUE(report);
    auto store = report.value().store;
    MapSettings s;
    s.crs = Crs::utm42n();
    s.extent = transformExtent(Extent{67.5, 36.8, 72.5, 39.0}, Crs::wgs84(), s.crs);
    s.outputSize = QSize(800, 450);
    s.background = Qt::white;
    s.layers.push_back(std::make_shared<IncidentMapLayer>("i", "incidents", store));
    s.time = TimeRange::fromInclusive(QDate(2019, 1, 1), QDate(2019, 12, 31));
    EXPECT_EQ(distinctColours(MapRenderer::renderImage(s)), 1); // nothing happened in 2019
    s.time = TimeRange::fromInclusive(QDate(2025, 12, 1), QDate(2025, 12, 31));
    EXPECT_GT(distinctColours(MapRenderer::renderImage(s)), 3);
}
