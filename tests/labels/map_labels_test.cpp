// The names of the bundled map: what the default view and briefing name, that nothing overlaps
// or runs off the frame, that names follow the scale, and that a time step reuses the placement.
#include "export/map_exporter.h"
#include "export/sample_briefing.h"
#include "geo/geodesy.h"
#include "render/map_labels.h"
#include "render/map_renderer.h"
#include "render/render_cache.h"
#include "support/bundled_scene.h"
#include "map/vector_map_layer.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

using namespace borderlens;
using namespace borderlens::test;

namespace {

// The CLI's default map: bundled layers, sample incidents and outposts, 1920 × 1080.
MapSettings defaultView() {
    MapSettings s = sampleBriefingMap(TimeRange::all());
    s.outputSize = QSize(1920, 1080);
    return s;
}

std::shared_ptr<const LabelPlacement> place(const MapSettings& s) {
    return placeMapLabels(s, MapViewport::fitting(s.extent, QSizeF(s.outputSize)));
}

std::set<QString> texts(const LabelPlacement& p) {
    std::set<QString> out;
    for (const PlacedLabel& l : p.labels)
        out.insert(l.text);
    return out;
}

std::string listed(const LabelPlacement& p) {
    std::string s;
    for (const QString& t : texts(p))
        s += t.toStdString() + "; ";
    return s;
}

// Every box of every label inside the frame and clear of every other label's boxes.
void expectNoOverlapInside(const LabelPlacement& p, const QRectF& frame) {
    for (std::size_t i = 0; i < p.labels.size(); ++i) {
        for (const QRectF& a : p.labels[i].boxes) {
            EXPECT_TRUE(frame.contains(a)) << p.labels[i].text.toStdString() << " runs off";
            for (std::size_t j = i + 1; j < p.labels.size(); ++j)
                for (const QRectF& b : p.labels[j].boxes)
                    EXPECT_FALSE(a.intersects(b)) << p.labels[i].text.toStdString() << " covers "
                                                  << p.labels[j].text.toStdString();
        }
    }
}

double scaleOf(const MapSettings& s) {
    return scaleDenominator(MapViewport::fitting(s.extent, QSizeF(s.outputSize)), s.crs, s.dpi)
        .value_or(0);
}

MapSettings atScale(const MapSettings& s, double scale, double lon, double lat) {
    return zoomedAbout(s, scaleOf(s) / scale, lon, lat);
}

} // namespace

TEST(MapLabels, DefaultViewNamesCountriesBorderDistrictsTownsAndRivers) {
    const MapSettings view = defaultView();
    const auto placed = place(view);
    ASSERT_TRUE(placed);
    const std::set<QString> names = texts(*placed);
    for (const char* expected :
         {"TAJIKISTAN", "AFGHANISTAN", "Dushanbe", "Khorugh", "Qalaikhumb", "Kunduz", "Fayzabad",
          "Darvoz", "Vanj", "Shamsiddin Shohin", "Panj", "Vakhsh"})
        EXPECT_TRUE(names.count(QString::fromUtf8(expected)))
            << expected << " missing; named: " << listed(*placed);
    expectNoOverlapInside(*placed, QRectF(QPointF(0, 0), QSizeF(view.outputSize)));
}

TEST(MapLabels, ViewerOpeningViewIsNamedWithoutOverlap) {
    const MapSettings view = bundledOpeningView();
    const auto placed = place(view);
    ASSERT_TRUE(placed);
    const std::set<QString> names = texts(*placed);
    for (const char* expected : {"TAJIKISTAN", "AFGHANISTAN", "Khorugh", "Panj"})
        EXPECT_TRUE(names.count(QString::fromUtf8(expected)))
            << expected << " missing; named: " << listed(*placed);
    expectNoOverlapInside(*placed, QRectF(QPointF(0, 0), QSizeF(view.outputSize)));
}

TEST(MapLabels, NamesFollowTheScale) {
    // Kevron, a village in Darvoz named in the news (a curated gazetteer entry).
    constexpr double lon = 70.78902, lat = 38.45373;
    const MapSettings base = defaultView();
    const auto close = place(atScale(base, 100000, lon, lat));
    const auto far = place(atScale(base, 5000000, lon, lat));
    ASSERT_TRUE(close && far);
    EXPECT_TRUE(texts(*close).count(QStringLiteral("Kevron"))) << listed(*close);
    EXPECT_FALSE(texts(*far).count(QStringLiteral("Kevron"))) << listed(*far);
    // The capital stays named at both; a district seat is not named at 1:20,000,000.
    EXPECT_TRUE(texts(*far).count(QStringLiteral("Dushanbe"))) << listed(*far);
    const auto continental = place(atScale(base, 20000000, lon, lat));
    EXPECT_FALSE(texts(*continental).count(QStringLiteral("Qalaikhumb")));
    // Text is sized in points: at 300 DPI a name is about 300/96 times as tall as at 96.
    MapSettings print = base;
    print.dpi = 300;
    print.outputSize = base.outputSize * 300 / 96;
    const auto printed = place(print);
    auto heightOf = [](const LabelPlacement& p, const QString& text) {
        for (const PlacedLabel& l : p.labels)
            if (l.text == text)
                return l.bounds.height();
        return 0.0;
    };
    const auto screen = place(base);
    const double ratio = heightOf(*printed, QStringLiteral("Khorugh")) /
                         heightOf(*screen, QStringLiteral("Khorugh"));
    EXPECT_NEAR(ratio, 300.0 / 96.0, 0.25);
}

TEST(MapLabels, ATimeStepReusesThePlacement) {
    MapSettings view = defaultView();
    view.outputSize = QSize(800, 500);
    RenderCache cache;
    QImage image(view.outputSize, QImage::Format_ARGB32_Premultiplied);
    for (int year = 2019; year <= 2025; ++year) {
        view.time = TimeRange::fromInclusive(QDate(year, 1, 1), QDate(year, 12, 31));
        QPainter p(&image);
        MapRenderer::render(p, view, nullptr, &cache);
    }
    EXPECT_EQ(cache.labels().placements(), 1);
    view.extent = view.extent.buffered(-0.1); // a zoom places again
    QPainter p(&image);
    MapRenderer::render(p, view, nullptr, &cache);
    EXPECT_EQ(cache.labels().placements(), 2);
}

// Names are copied from their picture box by box, not as one full-frame blend: every pixel a
// name inks (halos, dots, letters turned along a river included) must be inside those boxes.
TEST(MapLabels, CopyingTheNamesBoxesLosesNoInk) {
    for (const double dpi : {96.0, 300.0}) {
        MapSettings view = bundledOpeningView();
        view.dpi = dpi;
        view.outputSize = QSize(1200, 700) * (dpi / 96.0);
        const auto placed = place(view);
        ASSERT_TRUE(placed && !placed->labels.empty());
        QImage whole(view.outputSize, QImage::Format_ARGB32_Premultiplied);
        whole.fill(Qt::transparent);
        {
            HaloSprites halos;
            QPainter p(&whole);
            placed->draw(p, TimeRange::all(), LabelPlacement::Which::Timeless, &halos);
        }
        QImage boxed(view.outputSize, QImage::Format_ARGB32_Premultiplied);
        boxed.fill(Qt::transparent);
        {
            QPainter p(&boxed);
            LabelCache().draw(p, ShownNames{placed, {}}, TimeRange::all(), view.outputSize);
        }
        EXPECT_EQ(whole, boxed) << "at " << dpi << " dpi some ink lies outside the copied boxes";
    }
}

// A drag slides the names placed for the view it started from; the frame after it places them
// for where it ended. A zoom is never a slide.
TEST(MapLabels, ADragSlidesTheNamesAndTheSettledFramePlacesThem) {
    MapSettings view = bundledOpeningView();
    view.outputSize = QSize(800, 450);
    view.layers.clear(); // the gazetteer's names alone, over the background
    ASSERT_GT(place(view)->labels.size(), 10u);
    RenderCache cache;
    const QImage start = MapRenderer::renderImage(view, nullptr, &cache);
    ASSERT_EQ(cache.labels().placements(), 1);

    const MapViewport vp = MapViewport::fitting(view.extent, QSizeF(view.outputSize));
    const double upp = vp.unitsPerPixel();
    MapSettings dragged = view;
    dragged.interacting = true;
    for (int step = 1; step <= 3; ++step) { // three moves of 20 px west, 10 px south
        dragged.extent.xMin -= 20 * upp;
        dragged.extent.xMax -= 20 * upp;
        dragged.extent.yMin -= 10 * upp;
        dragged.extent.yMax -= 10 * upp;
        MapRenderer::renderImage(dragged, nullptr, &cache);
    }
    const QImage slid = MapRenderer::renderImage(dragged, nullptr, &cache);
    EXPECT_EQ(cache.labels().placements(), 1);
    // The map moved 60 px east and 30 px north on screen: every name with it.
    int compared = 0, differing = 0;
    for (int y = 0; y + 30 < slid.height(); ++y)
        for (int x = 60; x < slid.width(); ++x) {
            ++compared;
            differing += slid.pixel(x, y) != start.pixel(x - 60, y + 30);
        }
    EXPECT_GT(compared, 300000);
    EXPECT_EQ(differing, 0);

    dragged.interacting = false; // the mouse is released
    const QImage settled = MapRenderer::renderImage(dragged, nullptr, &cache);
    EXPECT_EQ(cache.labels().placements(), 2);
    EXPECT_EQ(settled, MapRenderer::renderImage(dragged)) << "the settled frame is a full one";

    dragged.interacting = true;
    dragged.extent = dragged.extent.buffered(-0.1);
    MapRenderer::renderImage(dragged, nullptr, &cache);
    EXPECT_EQ(cache.labels().placements(), 3) << "a zoom places the names again";
}

TEST(MapLabels, CachedFramesShowTheSameNames) {
    MapSettings view = bundledOpeningView();
    view.outputSize = QSize(800, 450);
    RenderCache cache;
    MapRenderer::renderImage(view, nullptr, &cache);
    const QImage cached = MapRenderer::renderImage(view, nullptr, &cache);
    const QImage direct = MapRenderer::renderImage(view);
    // The same names in the same places: at most a few halo-edge pixels round differently.
    int differing = 0;
    for (int y = 0; y < direct.height(); ++y)
        for (int x = 0; x < direct.width(); ++x) {
            const QRgb a = direct.pixel(x, y), b = cached.pixel(x, y);
            differing += std::max({std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)),
                                   std::abs(qBlue(a) - qBlue(b))}) > 8;
        }
    EXPECT_LE(differing, 20);
}

TEST(MapLabels, SwitchedOffPerLayerAndInAll) {
    MapSettings view = defaultView();
    view.placeNames = nullptr;
    // Countries only, with their labelling off: nothing named.
    std::vector<std::shared_ptr<const MapLayer>> countries;
    for (const auto& l : view.layers)
        if (const auto* v = dynamic_cast<const VectorMapLayer*>(l.get());
            v && v->style().labelCapitals) {
            LayerStyle off = v->style();
            off.labels = false;
            countries.push_back(v->withStyle(off));
        }
    ASSERT_EQ(countries.size(), 1u);
    view.layers = countries;
    EXPECT_TRUE(place(view)->labels.empty());
    view = defaultView();
    view.labels = false;
    EXPECT_TRUE(place(view)->labels.empty());
}

namespace {

struct PdfWord {
    QString text;
    QRectF box; // points
};

// pdftotext -bbox: one <word xMin yMin xMax yMax>text</word> per word, in points.
std::vector<PdfWord> pdfWords(const QString& pdf) {
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-bbox"), pdf, QStringLiteral("-")});
    p.waitForFinished(60000);
    const QString html = QString::fromUtf8(p.readAllStandardOutput());
    static const QRegularExpression word(
        QStringLiteral("<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" "
                       "yMax=\"([\\d.]+)\">([^<]*)</word>"));
    std::vector<PdfWord> out;
    for (auto it = word.globalMatch(html); it.hasNext();) {
        const auto m = it.next();
        const double x0 = m.captured(1).toDouble(), y0 = m.captured(2).toDouble();
        out.push_back({m.captured(5), QRectF(QPointF(x0, y0), QPointF(m.captured(3).toDouble(),
                                                                       m.captured(4).toDouble()))});
    }
    return out;
}

} // namespace

TEST(MapLabels, BriefingPdfHoldsTheNamesAsTextWithoutOverlap) {
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed: the PDF's names are not "
                        "checked";
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("names.pdf"));
    ExportOptions o;
    o.format = ExportFormat::Pdf;
    o.page = PageSetup::paperSize(QPageSize::A4, QPageLayout::Landscape, 300);
    auto r = MapExporter::exportTo(path, o, sampleBriefingMap(TimeRange::all()), sampleLayout());
    ASSERT_TRUE(r) << r.error().toString().toStdString();
    const QRectF frame(r.value().geometry.mapFrame.topLeft() * 72.0 / 300,
                       r.value().geometry.mapFrame.size() * 72.0 / 300);
    std::vector<PdfWord> words;
    for (const PdfWord& w : pdfWords(path))
        if (frame.contains(w.box.center()))
            words.push_back(w);
    ASSERT_FALSE(words.empty());
    // Lines of text as read, spaces dropped: spaced capitals and curved letters come out as
    // several words.
    std::map<int, QString> lines;
    QString all;
    for (const PdfWord& w : words) {
        lines[qRound(w.box.top())] += w.text;
        all += w.text + QLatin1Char(' ');
    }
    auto found = [&](const QString& name) {
        QString joined = name;
        joined.remove(QLatin1Char(' '));
        for (const auto& [y, line] : lines)
            if (line.contains(joined))
                return true;
        return false;
    };
    for (const char* expected : {"TAJIKISTAN", "AFGHANISTAN", "Khorugh", "Dushanbe", "Vanj",
                                 "Darvoz", "Kunduz", "Fayzabad"})
        EXPECT_TRUE(found(QString::fromUtf8(expected)))
            << expected << " is not text in the PDF's map frame: " << all.toStdString();
    // Spaced capitals are spaced little enough that a reader's search finds the country as one
    // word (at 118 % pdftotext read "TA JIK IS TA N").
    for (const char* country : {"TAJIKISTAN", "AFGHANISTAN"}) {
        const bool whole = std::any_of(words.begin(), words.end(), [&](const PdfWord& w) {
            return w.text == QString::fromUtf8(country);
        });
        EXPECT_TRUE(whole) << country << " is not one word: " << all.toStdString();
    }
    // The names along rivers, in points on the page: their letters are words of their own, and
    // pdftotext's boxes of turned letters overlap one another.
    std::vector<QRectF> curved;
    const LayoutGeometry& g = r.value().geometry;
    const auto onPage = place(g.frameSettings); // held: the loop reads its labels
    for (const PlacedLabel& l : onPage->labels)
        if (l.shape == LabelShape::Line)
            curved.push_back(QRectF((g.mapFrame.topLeft() + l.bounds.topLeft()) * 72.0 / 300,
                                    l.bounds.size() * 72.0 / 300)
                                 .adjusted(-1, -1, 1, 1));
    auto sameCurvedName = [&](const QRectF& a, const QRectF& b) {
        return std::any_of(curved.begin(), curved.end(), [&](const QRectF& c) {
            return c.contains(a.center()) && c.contains(b.center());
        });
    };
    // Words of different labels never overlap, and every one is inside the frame (the frame
    // clips, so a name that ran off would be cut).
    for (std::size_t i = 0; i < words.size(); ++i) {
        EXPECT_TRUE(frame.adjusted(-0.5, -0.5, 0.5, 0.5).contains(words[i].box))
            << words[i].text.toStdString();
        for (std::size_t j = i + 1; j < words.size(); ++j) {
            if (sameCurvedName(words[i].box, words[j].box))
                continue;
            const QRectF both = words[i].box.intersected(words[j].box);
            const double smaller = std::min(words[i].box.width() * words[i].box.height(),
                                            words[j].box.width() * words[j].box.height());
            // Letters of one curved name may touch at their corners; names never cross.
            EXPECT_LT(both.width() * both.height(), 0.25 * smaller)
                << words[i].text.toStdString() << " / " << words[j].text.toStdString();
        }
    }
}
