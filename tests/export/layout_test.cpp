// The briefing layout's parts checked as facts: scale bar against geodesic distance, true north
// against the grid convergence formula, subtitles, attribution, legend counts, and a page whose
// blocks do not overlap.
#include "export/graticule.h"
#include "export/layout_renderer.h"
#include "export/legend_renderer.h"
#include "export/north_arrow.h"
#include "export/page_setup.h"
#include "export/sample_briefing.h"
#include "export/scale_bar.h"
#include "geo/coordinate_transform.h"
#include "geo/extent_transform.h"
#include "geo/geodesy.h"
#include "render/legend_context.h"

#include <QImage>
#include <QPainter>
#include <cmath>
#include <gtest/gtest.h>
#include <numbers>

using namespace borderlens;
using namespace borderlens::test;

namespace {

const TimeRange kDecember = TimeRange::fromInclusive(QDate(2025, 12, 1), QDate(2025, 12, 31));

MapViewport viewportOver(const Extent& lonLat, const Crs& crs, QSizeF size) {
    return MapViewport::fitting(transformExtent(lonLat, Crs::wgs84(), crs), size);
}

// The geodesic length of the bar as drawn, measured here independently of ScaleBar.
double measuredBarMetres(const MapViewport& vp, const Crs& crs, double lengthPx) {
    auto t = TransformCache::get(crs, Crs::wgs84());
    EXPECT_TRUE(t);
    const double cx = vp.outputSize().width() / 2.0, cy = vp.outputSize().height() / 2.0;
    QPointF a = vp.toMap({cx - lengthPx / 2.0, cy});
    QPointF b = vp.toMap({cx + lengthPx / 2.0, cy});
    double ax = a.x(), ay = a.y(), bx = b.x(), by = b.y();
    EXPECT_TRUE(t.value()->transform(ax, ay));
    EXPECT_TRUE(t.value()->transform(bx, by));
    return geodesicDistance(ax, ay, bx, by);
}

const QString kInsetLeftOut = QStringLiteral(
    "the locator inset was left out: the legend needs the room; shorten the legend or use a "
    "larger page");

bool mentions(const QStringList& notes, const QString& start) {
    return std::any_of(notes.begin(), notes.end(),
                       [&](const QString& n) { return n.startsWith(start); });
}

bool isOneTwoFive(double metres) {
    const double decade = std::pow(10.0, std::floor(std::log10(metres)));
    const double lead = metres / decade;
    return std::abs(lead - 1) < 1e-9 || std::abs(lead - 2) < 1e-9 || std::abs(lead - 5) < 1e-9;
}

TEST(PageSetup, A4Landscape300DpiIs3508By2480) {
    const PageSetup a4 = PageSetup::paperSize(QPageSize::A4, QPageLayout::Landscape, 300);
    EXPECT_EQ(a4.sizePx(), QSize(3508, 2480));
    const PageSetup portrait = PageSetup::paperSize(QPageSize::A4, QPageLayout::Portrait, 300);
    EXPECT_EQ(portrait.sizePx(), QSize(2480, 3508));
    EXPECT_EQ(PageSetup::paperSize(QPageSize::Letter, QPageLayout::Landscape, 100).sizePx(),
              QSize(1100, 850));
    EXPECT_EQ(PageSetup::parsePaper(QStringLiteral("a3")), QPageSize::A3);
    EXPECT_FALSE(PageSetup::parsePaper(QStringLiteral("B5")));
    EXPECT_EQ(PageSetup::parsePixelSize(QStringLiteral("1920x1080")), QSize(1920, 1080));
    EXPECT_FALSE(PageSetup::parsePixelSize(QStringLiteral("1920,1080")));
    EXPECT_FALSE(PageSetup::parsePixelSize(QStringLiteral("0x10")));
}

// The labelled length must match the geodesic distance the drawn bar spans, within 2 %, in the
// CRSs a user can pick, including Web Mercator where scale varies strongly with latitude.
TEST(ScaleBar, LabelledLengthMatchesGeodesicDistanceWithinTwoPercent) {
    const Extent region{67.3, 36.4, 75.2, 39.6};
    for (const Crs& crs :
         {Crs::utm42n(), Crs::webMercator(), Crs::wgs84(), Crs(QStringLiteral("EPSG:32643"))}) {
        for (const QSizeF size : {QSizeF(2600, 2000), QSizeF(900, 600)}) {
            const MapViewport vp = viewportOver(region, crs, size);
            const auto bar = ScaleBar::compute(vp, crs, size.width() / 4.0);
            ASSERT_TRUE(bar) << crs.definition().toStdString();
            EXPECT_TRUE(isOneTwoFive(bar->lengthMetres)) << bar->lengthMetres;
            EXPECT_LE(bar->lengthPx, size.width() / 4.0 + 1e-6);
            EXPECT_GE(bar->lengthPx, size.width() / 4.0 * 0.39); // 1-2-5 wastes at most 60 %
            const double measured = measuredBarMetres(vp, crs, bar->lengthPx);
            const double error = std::abs(measured - bar->lengthMetres) / measured;
            EXPECT_LT(error, 0.02) << crs.definition().toStdString() << ": bar says "
                                   << bar->lengthMetres << " m, spans " << measured << " m";
            // In fact the refinement makes it far better than that.
            EXPECT_LT(error, 1e-4);
        }
    }
}

TEST(ScaleBar, OnTheBriefingPageIsRightAtTheMapCentre) {
    const MapSettings map = sampleBriefingMap(kDecember);
    const PageSetup a4 = PageSetup::paperSize(QPageSize::A4, QPageLayout::Landscape, 300);
    const LayoutGeometry g = LayoutRenderer::layout(QSizeF(a4.sizePx()), 300, map, sampleLayout());
    ASSERT_TRUE(g.scale);
    EXPECT_GT(g.scale->lengthPx, 0);
    EXPECT_LE(g.scale->lengthPx, g.scaleBar.width());
    const double measured = measuredBarMetres(g.frameViewport, map.crs, g.scale->lengthPx);
    EXPECT_LT(std::abs(measured - g.scale->lengthMetres) / measured, 0.02);
    EXPECT_EQ(ScaleBar::formatLength(100000), QStringLiteral("100 km"));
    EXPECT_EQ(ScaleBar::formatLength(500), QStringLiteral("500 m"));
}

// True north leans away from grid north by the convergence γ ≈ (λ − λ0)·sin φ in UTM.
TEST(NorthArrow, PointsToTrueNorthAndStatesTheGridConvergence) {
    const double lon = 71.5, lat = 38.0; // UTM 42N's central meridian is 69° E
    const MapViewport vp = viewportOver({lon - 0.5, lat - 0.5, lon + 0.5, lat + 0.5}, Crs::utm42n(),
                                        QSizeF(1000, 1000));
    const auto arrow = NorthArrow::compute(vp, Crs::utm42n());
    ASSERT_TRUE(arrow);
    auto toLonLat = TransformCache::get(Crs::utm42n(), Crs::wgs84());
    double clon = vp.centerX(), clat = vp.centerY();
    ASSERT_TRUE(toLonLat.value()->transform(clon, clat));
    const double expected = (clon - 69.0) * std::sin(clat * std::numbers::pi / 180.0);
    EXPECT_NEAR(arrow->convergenceDeg, expected, 0.02);
    EXPECT_GT(arrow->convergenceDeg, 1.0); // east of the central meridian: grid north is east
    EXPECT_NEAR(arrow->rotationDeg, -arrow->convergenceDeg, 1e-9); // the arrow leans west
    const QStringList label = arrow->labelLines();
    ASSERT_EQ(label.size(), 2);
    EXPECT_EQ(label[0], QStringLiteral("True north"));
    EXPECT_EQ(label[1], QStringLiteral("grid convergence %1°").arg(expected, 0, 'f', 1));

    // On the central meridian, and in lon/lat and Web Mercator, true north is grid north.
    const auto onMeridian = NorthArrow::compute(
        viewportOver({68.5, 37.5, 69.5, 38.5}, Crs::utm42n(), QSizeF(800, 800)), Crs::utm42n());
    ASSERT_TRUE(onMeridian);
    EXPECT_NEAR(onMeridian->convergenceDeg, 0.0, 0.01);
    EXPECT_EQ(onMeridian->labelLines(), QStringList{QStringLiteral("True north")});
    for (const Crs& crs : {Crs::wgs84(), Crs::webMercator()}) {
        const auto a =
            NorthArrow::compute(viewportOver({71, 37.5, 72, 38.5}, crs, QSizeF(800, 800)), crs);
        ASSERT_TRUE(a);
        EXPECT_NEAR(a->rotationDeg, 0.0, 1e-6);
    }
}

TEST(BriefingLayout, SubtitleNamesTheWindowOrSaysThroughWhenCumulative) {
    BriefingLayout b;
    const TimeRange window = TimeRange::fromInclusive(QDate(2025, 11, 24), QDate(2025, 12, 23));
    EXPECT_EQ(b.subtitleFor(window), QStringLiteral("24 Nov 2025 – 23 Dec 2025 (30 days)"));
    b.cumulative = true;
    EXPECT_EQ(b.subtitleFor(TimeRange::fromInclusive(QDate(2025, 11, 1), QDate(2025, 12, 31))),
              QStringLiteral("through 31 Dec 2025 (cumulative from 1 Nov 2025)"));
    EXPECT_EQ(b.subtitleFor(TimeRange::all()), QStringLiteral("All dates"));
    b.subtitle = QStringLiteral("Given");
    EXPECT_EQ(b.subtitleFor(window), QStringLiteral("Given"));
}

TEST(BriefingLayout, AttributionCreditsVisibleLayersThenCutoffThenCreated) {
    const MapSettings map = sampleBriefingMap(kDecember);
    BriefingLayout b = sampleLayout();
    b.dataCutoff = QDate(2025, 12, 31);
    const QStringList parts = b.attributionParts(map.layers);
    ASSERT_GE(parts.size(), 4);
    EXPECT_EQ(parts.front(), QStringLiteral("© OpenStreetMap contributors, ODbL 1.0"));
    EXPECT_TRUE(parts.contains(QStringLiteral("GeoNames, CC-BY 4.0")))
        << parts.join(QStringLiteral(" | ")).toStdString();
    EXPECT_TRUE(std::any_of(parts.begin(), parts.end(), [](const QString& p) {
        return p.startsWith(QStringLiteral("Incidents: "));
    }));
    EXPECT_EQ(parts[parts.size() - 2], QStringLiteral("Data to 31 Dec 2025"));
    EXPECT_EQ(parts.back(), QStringLiteral("Created 2026-11-23 10:00 UTC"));
    EXPECT_EQ(QStringList(parts).removeDuplicates(), 0);
    b.createdDateOnly = true;
    EXPECT_EQ(b.createdText(), QStringLiteral("Created 2026-11-23"));
}

TEST(Legend, ListsTopLayerFirstWithTheTypesPresentAndTheirCounts) {
    const MapSettings map = sampleBriefingMap(kDecember);
    const LegendRenderer legend(map.layers, map.time);
    QStringList texts;
    for (const auto& row : legend.rows())
        texts << LegendRenderer::rowText(row);
    ASSERT_FALSE(texts.isEmpty());
    EXPECT_EQ(texts.front(), QStringLiteral("Incidents (1)"))
        << texts.join(QStringLiteral(" | ")).toStdString();
    EXPECT_TRUE(texts.contains(QStringLiteral("Armed clash / infiltration (1)")));
    EXPECT_FALSE(texts.contains(QStringLiteral("Drug seizure (1)"))); // none in December
    EXPECT_EQ(texts.back(), QStringLiteral("Countries"));             // the bottom layer last

    // A window with no incidents says so rather than leaving the heading bare.
    const LegendRenderer empty(map.layers,
                               TimeRange::fromInclusive(QDate(2019, 1, 1), QDate(2019, 12, 31)));
    ASSERT_GE(empty.rows().size(), 2u);
    EXPECT_EQ(LegendRenderer::rowText(empty.rows()[0]), QStringLiteral("Incidents (0)"));
    EXPECT_EQ(LegendRenderer::rowText(empty.rows()[1]), QStringLiteral("none in this time window"));
}

TEST(Graticule, FollowsTheProjectionAndLabelsRoundDegrees) {
    const MapViewport vp =
        viewportOver({67.3, 36.4, 75.2, 39.6}, Crs::utm42n(), QSizeF(2000, 1400));
    const Graticule g = Graticule::compute(vp, Crs::utm42n());
    EXPECT_DOUBLE_EQ(g.intervalDegrees(), 1.0);
    int meridians = 0;
    for (const auto& line : g.lines()) {
        EXPECT_DOUBLE_EQ(line.degrees, std::round(line.degrees));
        if (!line.meridian)
            continue;
        ++meridians;
        // Away from 69° E a meridian leans in UTM: its x changes along the line.
        if (std::abs(line.degrees - 69.0) > 1.5) {
            EXPECT_GT(std::abs(line.pixels.front().x() - line.pixels.back().x()), 5.0);
        }
    }
    EXPECT_GE(meridians, 8);
    QStringList labels;
    for (const auto& l : g.labels())
        labels << l.text;
    EXPECT_TRUE(labels.contains(QStringLiteral("70°E")))
        << labels.join(QLatin1Char(' ')).toStdString();
    EXPECT_TRUE(labels.contains(QStringLiteral("38°N")));
    EXPECT_EQ(Graticule::formatDegrees(-12.5, true, 0.5), QStringLiteral("12.5°W"));
    EXPECT_EQ(Graticule::formatDegrees(0, false, 1), QStringLiteral("0°"));
}

// Every block inside the page, none overlapping another, for landscape and portrait pages.
TEST(LayoutRenderer, BlocksStayOnThePageAndApart) {
    const MapSettings map = sampleBriefingMap(kDecember);
    BriefingLayout b = sampleLayout();
    b.banner = QStringLiteral("UNCLASSIFIED // FOR BRIEFING");
    for (const PageSetup& page :
         {PageSetup::paperSize(QPageSize::A4, QPageLayout::Landscape, 300),
          PageSetup::paperSize(QPageSize::A4, QPageLayout::Portrait, 300),
          PageSetup::paperSize(QPageSize::Letter, QPageLayout::Landscape, 150),
          PageSetup::pixelSize(QSize(1920, 1080)), PageSetup::pixelSize(QSize(1080, 1080))}) {
        SCOPED_TRACE(page.describe().toStdString());
        const LayoutGeometry g = LayoutRenderer::layout(QSizeF(page.sizePx()), page.dpi, map, b);
        const std::vector<std::pair<const char*, QRectF>> blocks = {
            {"banner top", g.bannerTop},
            {"header", g.header},
            {"map", g.mapFrame},
            {"inset", g.inset},
            {"legend", g.legend},
            {"north", g.northArrow},
            {"scale", g.scaleBar},
            {"crs", g.crsNote},
            {"attribution", g.attribution},
            {"banner bottom", g.bannerBottom}};
        for (const auto& [name, r] : blocks) {
            ASSERT_FALSE(r.isEmpty()) << name;
            EXPECT_TRUE(g.page.contains(r)) << name;
        }
        for (std::size_t i = 0; i < blocks.size(); ++i)
            for (std::size_t j = i + 1; j < blocks.size(); ++j)
                EXPECT_FALSE(blocks[i].second.intersects(blocks[j].second))
                    << blocks[i].first << " overlaps " << blocks[j].first;
        // The map frame is whole pixels and is what its settings draw.
        EXPECT_EQ(g.mapFrame, g.mapFrame.toRect().toRectF());
        EXPECT_EQ(g.frameSettings.outputSize, g.mapFrame.size().toSize());
        EXPECT_DOUBLE_EQ(g.frameSettings.dpi, page.dpi);
        EXPECT_EQ(g.frameSettings.extent, map.extent);
        EXPECT_EQ(g.frameSettings.time, map.time);
        // The map is the page's main content.
        EXPECT_GT(g.mapFrame.width() * g.mapFrame.height(),
                  0.35 * g.page.width() * g.page.height());
    }
}

TEST(LayoutRenderer, MapOnlyIsTheWholePage) {
    const MapSettings map = sampleBriefingMap(kDecember);
    BriefingLayout b = sampleLayout();
    b.mapOnly = true;
    const LayoutGeometry g = LayoutRenderer::layout(QSizeF(1200, 800), 96, map, b);
    EXPECT_EQ(g.mapFrame, QRectF(0, 0, 1200, 800));
    EXPECT_TRUE(g.legend.isEmpty());
    EXPECT_TRUE(g.header.isEmpty());
}

// A long legend makes room for itself (smaller type, a second column, a shorter inset) before
// the locator inset goes; and when the inset does go, or the legend is cut short, the layout says
// so in words the export dialog and the CLI show.
TEST(LayoutRenderer, ALongLegendKeepsTheInsetOrSaysWhy) {
    const MapSettings base = sampleBriefingMap(kDecember);
    const BriefingLayout b = sampleLayout();
    for (const PageSetup& page : {PageSetup::paperSize(QPageSize::A4, QPageLayout::Portrait, 300),
                                  PageSetup::pixelSize(QSize(1920, 1080))}) {
        bool keptWithTwoColumns = false;
        for (int entries : {5, 10, 15, 20, 25, 30, 40, 60, 90, 140}) {
            SCOPED_TRACE(page.describe().toStdString() + ", " + std::to_string(entries) +
                         " entries");
            MapSettings map = base;
            map.layers.push_back(longLegendLayer(entries));
            const LayoutGeometry g =
                LayoutRenderer::layout(QSizeF(page.sizePx()), page.dpi, map, b);
            ASSERT_FALSE(g.legend.isEmpty());
            const LegendRenderer legend(g.frameSettings.layers,
                                        legendContextFor(g.frameSettings, true));
            const int rows = static_cast<int>(legend.rows().size());
            const int shown = legend.rowsShown(g.legend, page.dpi, g.legendPt, g.legendColumns);
            // The inset is there, or a note says why not; never both, never silently.
            EXPECT_EQ(g.inset.isEmpty(), g.notes.contains(kInsetLeftOut))
                << g.notes.join(QStringLiteral(" | ")).toStdString();
            // The whole legend is shown, or a note says how much of it.
            if (shown < rows)
                EXPECT_TRUE(mentions(g.notes, QStringLiteral("the legend was cut short (%1 of %2 "
                                                             "rows shown)")
                                                  .arg(shown)
                                                  .arg(rows)))
                    << g.notes.join(QStringLiteral(" | ")).toStdString();
            else
                EXPECT_FALSE(mentions(g.notes, QStringLiteral("the legend was cut short")));
            // Inset and legend never overlap, and both stay in the panel.
            if (!g.inset.isEmpty()) {
                EXPECT_FALSE(g.inset.intersects(g.legend));
                EXPECT_TRUE(g.panel.adjusted(-1, -1, 1, 1).contains(g.inset));
                keptWithTwoColumns = keptWithTwoColumns || g.legendColumns == 2;
            }
            EXPECT_TRUE(g.panel.adjusted(-1, -1, 1, 1).contains(g.legend));
            EXPECT_GE(g.legendPt, 6.5);
            for (const QRectF& r : {g.northArrow, g.scaleBar, g.crsNote})
                EXPECT_FALSE(g.legend.intersects(r));
            // What is drawn is what was counted.
            QImage image(g.page.size().toSize() / 4, QImage::Format_RGB32);
            image.fill(Qt::white);
            QPainter p(&image);
            p.scale(0.25, 0.25);
            EXPECT_EQ(legend.draw(p, g.legend, page.dpi, g.legendPt, g.legendColumns), shown);
        }
        // A second column is what keeps the inset for a legend that one column cannot hold.
        EXPECT_TRUE(keptWithTwoColumns);
    }
    // The sample's own legend is laid out as before: one column, beside the inset.
    const PageSetup hd = PageSetup::pixelSize(QSize(1920, 1080));
    const LayoutGeometry plain = LayoutRenderer::layout(QSizeF(hd.sizePx()), hd.dpi, base, b);
    EXPECT_TRUE(plain.notes.isEmpty()) << plain.notes.join(QStringLiteral(" | ")).toStdString();
    EXPECT_EQ(plain.legendColumns, 1);
    EXPECT_FALSE(plain.inset.isEmpty());
}

// Two columns are balanced and read down the first, then the second; a heading never ends one.
TEST(Legend, TwoColumnsAreBalancedAndKeepHeadingsWithTheirRows) {
    std::vector<LegendRenderer::Row> rows;
    for (int group = 0; group < 3; ++group) {
        LegendRenderer::Row heading;
        heading.entry.swatch = LegendEntry::Swatch::Heading;
        heading.entry.label = QStringLiteral("Group %1").arg(group);
        heading.groupStart = group > 0;
        rows.push_back(heading);
        for (int i = 0; i < 5; ++i) {
            LegendRenderer::Row row;
            row.entry.swatch = LegendEntry::Swatch::Marker;
            row.entry.label = QStringLiteral("Entry %1.%2").arg(group).arg(i);
            rows.push_back(row);
        }
    }
    const LegendRenderer legend(rows);
    const double dpi = 300, width = 100 * dpi / 25.4;
    const double one = legend.heightFor(width, dpi, 8, 1);
    const double two = legend.heightFor(width, dpi, 8, 2);
    EXPECT_LT(two, one * 0.62);
    EXPECT_GT(two, one * 0.45);
    EXPECT_EQ(legend.rowsShown(QRectF(0, 0, width, two), dpi, 8, 2), 18);
    EXPECT_LT(legend.rowsShown(QRectF(0, 0, width, two * 0.8), dpi, 8, 2), 18);
}

} // namespace
