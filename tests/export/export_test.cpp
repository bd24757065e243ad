// PNG, PDF and SVG briefing pages and frame series, checked as facts: sizes, text pdftotext
// finds, pixels where the incidents are, valid SVG with its title as text, frame windows.
#include "export/frame_series.h"
#include "export/map_exporter.h"
#include "export/sample_briefing.h"
#include "export/world_file.h"
#include "geo/coordinate_transform.h"
#include "map/incident_map_layer.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <gtest/gtest.h>

using namespace borderlens;
using namespace borderlens::test;

namespace {

const TimeRange kDecember = TimeRange::fromInclusive(QDate(2025, 12, 1), QDate(2025, 12, 31));
const TimeRange kNovDec = TimeRange::fromInclusive(QDate(2025, 11, 1), QDate(2025, 12, 31));
const TimeRange k2019 = TimeRange::fromInclusive(QDate(2019, 1, 1), QDate(2019, 12, 31));

// Shamsiddin Shohin district, where the December 2025 clash was (BL-2025-0003).
constexpr double kShohinLon = 70.05;
constexpr double kShohinLat = 37.84;

ExportOptions options(ExportFormat format, PageSetup page) {
    ExportOptions o;
    o.format = format;
    o.page = page;
    return o;
}

PageSetup a4(double dpi = 300) {
    return PageSetup::paperSize(QPageSize::A4, QPageLayout::Landscape, dpi);
}

// Pixels that differ by more than `tolerance` in any channel, within `radius` of `at`.
int differingPixels(const QImage& a, const QImage& b, QPoint at, int radius, int tolerance = 24) {
    int n = 0;
    for (int y = at.y() - radius; y <= at.y() + radius; ++y)
        for (int x = at.x() - radius; x <= at.x() + radius; ++x) {
            if (!a.rect().contains(x, y))
                continue;
            const QColor p = a.pixelColor(x, y), q = b.pixelColor(x, y);
            if (std::abs(p.red() - q.red()) > tolerance ||
                std::abs(p.green() - q.green()) > tolerance ||
                std::abs(p.blue() - q.blue()) > tolerance)
                ++n;
        }
    return n;
}

QString pdfToText(const QString& pdf) {
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return {};
    // pdftotext may break long lines differently; compare on single spaces.
    return QString::fromUtf8(p.readAllStandardOutput()).simplified();
}

TEST(PngExport, A4Landscape300DpiHas3508By2480Pixels) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a4.png"));
    auto r = MapExporter::exportTo(path, options(ExportFormat::Png, a4()),
                                   sampleBriefingMap(kDecember), sampleLayout());
    ASSERT_TRUE(r) << r.error().toString().toStdString();
    const QImage image(path);
    EXPECT_EQ(image.size(), QSize(3508, 2480));
    EXPECT_EQ(image.dotsPerMeterX(), 11811); // 300 dpi travels with the file
    EXPECT_EQ(r.value().files, QStringList{path});
}

TEST(PngExport, DecemberIncidentsShowInShamsiddinShohinAndAnEmptyWindowDoesNot) {
    const PageSetup page = PageSetup::pixelSize(QSize(1920, 1080));
    LayoutGeometry g;
    const QImage december =
        MapExporter::renderImage(page, sampleBriefingMap(kDecember), sampleLayout(), nullptr, &g);
    const QImage empty = MapExporter::renderImage(page, sampleBriefingMap(k2019), sampleLayout());
    const QPoint at = pagePixelOf(g.mapFrame, g.frameSettings, kShohinLon, kShohinLat).toPoint();
    ASSERT_TRUE(g.mapFrame.contains(at));
    // A symbol is 3–9 mm across: within 4 mm (24 px at 150 dpi) there must be plenty of change.
    EXPECT_GT(differingPixels(december, empty, at, 24), 150);
    // Far from any incident or outpost, in the Pamirs, the two maps agree.
    const QPoint pamirs = pagePixelOf(g.mapFrame, g.frameSettings, 73.8, 38.9).toPoint();
    EXPECT_EQ(differingPixels(december, empty, pamirs, 20), 0);
}

TEST(PngExport, MapOnlyWorldFilePlacesTheMapOnTheGround) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("map.png"));
    BriefingLayout b = sampleLayout();
    b.mapOnly = true;
    ExportOptions o = options(ExportFormat::Png, PageSetup::pixelSize(QSize(1000, 700), 96));
    o.worldFile = true;
    const MapSettings map = sampleBriefingMap(kDecember);
    auto r = MapExporter::exportTo(path, o, map, b);
    ASSERT_TRUE(r) << r.error().toString().toStdString();
    EXPECT_EQ(r.value().files, (QStringList{path, dir.filePath(QStringLiteral("map.pgw")),
                                            dir.filePath(QStringLiteral("map.prj"))}));
    QFile pgw(dir.filePath(QStringLiteral("map.pgw")));
    ASSERT_TRUE(pgw.open(QIODevice::ReadOnly));
    const QStringList lines =
        QString::fromLatin1(pgw.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 6);
    double v[6];
    for (int i = 0; i < 6; ++i) {
        bool ok = false;
        v[i] = lines[i].toDouble(&ok); // '.' decimals whatever the locale
        ASSERT_TRUE(ok) << lines[i].toStdString();
    }
    // Pixel (col, row) centre → map: x = C + A·col, y = F + E·row. Check Shohin's pixel.
    const QPointF px = pagePixelOf(r.value().geometry.mapFrame, r.value().geometry.frameSettings,
                                   kShohinLon, kShohinLat);
    auto t = TransformCache::get(Crs::wgs84(), map.crs);
    double x = kShohinLon, y = kShohinLat;
    ASSERT_TRUE(t.value()->transform(x, y));
    EXPECT_NEAR(v[4] + v[0] * (px.x() - 0.5), x, v[0] * 0.01);
    EXPECT_NEAR(v[5] + v[3] * (px.y() - 0.5), y, v[0] * 0.01);
    QFile prj(dir.filePath(QStringLiteral("map.prj")));
    ASSERT_TRUE(prj.open(QIODevice::ReadOnly));
    EXPECT_TRUE(prj.readAll().contains("UTM_Zone_42N"));
}

TEST(Export, AFailedWriteLeavesNoFileUnderTheFinalName) {
    QTemporaryDir dir;
    // A folder that does not exist.
    const QString missing = dir.filePath(QStringLiteral("no/such/folder/out.png"));
    auto r =
        MapExporter::exportTo(missing, options(ExportFormat::Png, PageSetup::pixelSize({400, 300})),
                              sampleBriefingMap(kDecember), sampleLayout());
    ASSERT_FALSE(r);
    EXPECT_TRUE(r.error().toString().contains(QStringLiteral("does not exist")))
        << r.error().toString().toStdString();
    EXPECT_FALSE(QFile::exists(missing));
    // Cancelled half-way: nothing under the name, no temporary file left beside it.
    const QString cancelled = dir.filePath(QStringLiteral("cancelled.pdf"));
    std::atomic<bool> cancel{true};
    auto c = MapExporter::exportTo(cancelled, options(ExportFormat::Pdf, a4(150)),
                                   sampleBriefingMap(kDecember), sampleLayout(), &cancel);
    ASSERT_FALSE(c);
    EXPECT_FALSE(QFile::exists(cancelled));
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files).size(), 0);
    // An empty extent is refused before anything is written.
    MapSettings noExtent = sampleBriefingMap(kDecember);
    noExtent.extent = Extent{};
    const QString emptyPath = dir.filePath(QStringLiteral("empty.png"));
    EXPECT_FALSE(MapExporter::exportTo(emptyPath,
                                       options(ExportFormat::Png, PageSetup::pixelSize({400, 300})),
                                       noExtent, sampleLayout()));
    EXPECT_FALSE(QFile::exists(emptyPath));
}

TEST(PdfExport, TextHoldsTitleWindowLegendTypesAndAttribution) {
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("brief.pdf"));
    BriefingLayout b = sampleLayout(QStringLiteral("Tajik–Afghan border"));
    b.banner = QStringLiteral("UNCLASSIFIED // FOR BRIEFING");
    auto r = MapExporter::exportTo(path, options(ExportFormat::Pdf, a4()),
                                   sampleBriefingMap(kNovDec), b);
    ASSERT_TRUE(r) << r.error().toString().toStdString();
    const QString text = pdfToText(path);
    ASSERT_FALSE(text.isEmpty());
    for (const QString& expected : {
             QStringLiteral("Tajik–Afghan border"),
             QStringLiteral("1 Nov 2025 – 31 Dec 2025 (61 days)"),
             QStringLiteral("UNCLASSIFIED // FOR BRIEFING"),
             QStringLiteral("Incidents (3)"),
             QStringLiteral("Armed clash / infiltration (1)"),
             QStringLiteral("Attack on civilians / foreign workers (2)"),
             QStringLiteral("© OpenStreetMap contributors, ODbL 1.0"),
             QStringLiteral("GeoNames, CC-BY 4.0"),
             QStringLiteral("Incidents: "),
             QStringLiteral("Created 2026-11-23 10:00 UTC"),
             QStringLiteral("True north"),
             QStringLiteral("100 km"),
         })
        EXPECT_TRUE(text.contains(expected)) << "missing \"" << expected.toStdString() << "\" in:\n"
                                             << text.toStdString();
    // Types absent from the window are not in the legend.
    EXPECT_FALSE(text.contains(QStringLiteral("Drug seizure")));
    // The page is A4 landscape and the fonts are embedded.
    QProcess info;
    info.start(QStringLiteral("pdfinfo"), {path});
    info.waitForFinished(30000);
    const QString pdfInfo = QString::fromUtf8(info.readAllStandardOutput());
    EXPECT_TRUE(pdfInfo.contains(QStringLiteral("(A4)"))) << pdfInfo.toStdString();
    EXPECT_TRUE(pdfInfo.simplified().contains(QStringLiteral("Title: Tajik–Afghan border")))
        << pdfInfo.toStdString();
    EXPECT_TRUE(pdfInfo.simplified().contains(QStringLiteral("Creator: BorderLens")));
    QProcess fonts;
    fonts.start(QStringLiteral("pdffonts"), {path});
    fonts.waitForFinished(30000);
    const QStringList fontLines =
        QString::fromUtf8(fonts.readAllStandardOutput()).split(QLatin1Char('\n'));
    int dejavu = 0;
    for (const QString& line : fontLines)
        if (line.contains(QStringLiteral("DejaVuSans"))) {
            ++dejavu;
            EXPECT_TRUE(line.contains(QStringLiteral(" yes ")))
                << "not embedded: " << line.toStdString();
        }
    EXPECT_GE(dejavu, 1);
}

TEST(SvgExport, IsValidXmlWithTheTitleAsTextAndClippedFrames) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("brief.svg"));
    auto r =
        MapExporter::exportTo(path, options(ExportFormat::Svg, PageSetup::pixelSize({1600, 1000})),
                              sampleBriefingMap(kDecember), sampleLayout());
    ASSERT_TRUE(r) << r.error().toString().toStdString();
    QSvgRenderer renderer(path);
    EXPECT_TRUE(renderer.isValid());
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QStringList texts;
    int clipPaths = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("text"))
            texts << xml.readElementText().trimmed();
        else if (xml.isStartElement() && xml.name() == QLatin1String("clipPath"))
            ++clipPaths;
    }
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    EXPECT_TRUE(texts.contains(QStringLiteral("Tajik–Afghan border")));
    EXPECT_TRUE(texts.contains(QStringLiteral("1 Dec 2025 – 31 Dec 2025 (31 days)")));
    // The map frame and the inset are clipped (QSvgGenerator alone would let them spill), and
    // no placeholder survives.
    EXPECT_EQ(clipPaths, 2);
    for (const QString& t : texts)
        EXPECT_FALSE(t.startsWith(QStringLiteral("BORDERLENS_CLIPPED_AREA")));
}

TEST(FrameSeries, SevenDayStepsOverDecemberGiveFiveFramesTheLastIncluded) {
    FrameSeries::Options o;
    o.page = PageSetup::pixelSize(QSize(480, 320), 72);
    o.range = TimeRange::fromInclusive(QDate(2025, 12, 1), QDate(2025, 12, 31));
    o.step = *PlaybackStep::parse(QStringLiteral("7d"));
    o.window = *WindowSpec::parse(QStringLiteral("7d"));
    const auto windows = FrameSeries::windows(o);
    ASSERT_EQ(windows.size(), 5u);
    const QDate ends[] = {QDate(2025, 12, 8), QDate(2025, 12, 15), QDate(2025, 12, 22),
                          QDate(2025, 12, 29), QDate(2026, 1, 1)};
    for (std::size_t i = 0; i < 5; ++i)
        EXPECT_EQ(windows[i].endDate(), ends[i]) << i; // half-open: the 31st is in the last

    QTemporaryDir dir;
    std::vector<std::pair<int, int>> progress;
    auto r = FrameSeries::write(dir.filePath(QStringLiteral("frames")), o,
                                sampleBriefingMap(o.range), sampleLayout(),
                                [&](int done, int total) { progress.emplace_back(done, total); });
    ASSERT_TRUE(r) << r.error().toString().toStdString();
    EXPECT_FALSE(r.value().cancelled);
    ASSERT_EQ(r.value().files.size(), 5);
    for (int i = 1; i <= 5; ++i) {
        const QString f = dir.filePath(QStringLiteral("frames/frame_000%1.png").arg(i));
        EXPECT_TRUE(QFile::exists(f)) << f.toStdString();
        EXPECT_EQ(QImage(f).size(), QSize(480, 320));
    }
    EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("frames/frame_0006.png"))));
    EXPECT_EQ(progress.back(), std::make_pair(5, 5));
    EXPECT_EQ(FrameSeries::fileName(12, 12000), QStringLiteral("frame_00012.png"));
}

TEST(FrameSeries, CumulativeCountsNeverDecreaseAndCancelStopsBetweenFrames) {
    FrameSeries::Options o;
    o.page = PageSetup::pixelSize(QSize(320, 240), 72);
    o.range = TimeRange::fromInclusive(QDate(2021, 6, 1), QDate(2025, 12, 31));
    o.step = *PlaybackStep::parse(QStringLiteral("1m"));
    o.window = *WindowSpec::parse(QStringLiteral("cumulative"));
    const MapSettings map = sampleBriefingMap(o.range);
    const auto* incidents = dynamic_cast<const IncidentMapLayer*>(map.layers.back().get());
    ASSERT_NE(incidents, nullptr);
    const auto windows = FrameSeries::windows(o);
    ASSERT_GT(windows.size(), 50u);
    int previous = -1;
    for (const TimeRange& w : windows) {
        EXPECT_EQ(w.begin, o.range.begin);
        const int count = incidents->legendEntries(w).front().count;
        EXPECT_GE(count, previous) << w.toDisplayString().toStdString();
        previous = count;
    }
    EXPECT_EQ(previous, static_cast<int>(incidents->store()->select(o.range).size()));

    QTemporaryDir dir;
    std::atomic<bool> cancel{false};
    auto r = FrameSeries::write(
        dir.path(), o, map, sampleLayout(),
        [&](int done, int) {
            if (done == 2)
                cancel = true;
        },
        &cancel);
    ASSERT_TRUE(r);
    EXPECT_TRUE(r.value().cancelled);
    EXPECT_EQ(r.value().files.size(), 2);
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files).size(), 2);
}

} // namespace
