// The fast drawing path (strips for fills, pieces and bevels for strokes, simplification) must
// look like plain QPainter drawing of the whole geometry with round pens, as the renderer drew
// before it was made fast. Set BORDERLENS_TEST_OUTPUT=<dir> to keep the images.
#include "map/vector_map_layer.h"
#include "render/area_filler.h"
#include "render/map_renderer.h"
#include "render/marker.h"
#include "render/stroke_painter.h"
#include "support/bundled_scene.h"
#include "support/image_checks.h"

#include <QDir>
#include <QPainterPath>

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace borderlens;
using namespace borderlens::test;

namespace {

QImage blank(QSize size = QSize(1000, 800)) {
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(QColor(0xf7, 0xf5, 0xf0));
    return image;
}

void keep(const QString& name, const QImage& reference, const QImage& fast) {
    const QString dir = qEnvironmentVariable("BORDERLENS_TEST_OUTPUT");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    reference.save(dir + QStringLiteral("/%1-reference.png").arg(name));
    fast.save(dir + QStringLiteral("/%1-fast.png").arg(name));
    differenceImage(reference, fast).save(dir + QStringLiteral("/%1-difference.png").arg(name));
}

// A wiggly star with a hole, crossing most of a 1000×800 output, with 2,000 vertices.
PixelRings starWithHole() {
    PixelRings rings;
    for (int i = 0; i < 2000; ++i) {
        const double a = 2 * M_PI * i / 2000;
        const double r = 300 + 80 * std::sin(7 * a) + 6 * std::sin(131 * a);
        rings.points.emplace_back(500 + 1.5 * r * std::cos(a), 400 + r * std::sin(a));
    }
    rings.endRing();
    for (int i = 0; i < 50; ++i) {
        const double a = -2 * M_PI * i / 50;
        rings.points.emplace_back(480 + 60 * std::cos(a), 390 + 45 * std::sin(a));
    }
    rings.endRing();
    return rings;
}

std::vector<QPointF> randomWalk(int n, unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<double> turn(0.0, 0.5);
    std::vector<QPointF> points;
    QPointF p(100, 400);
    double heading = 0;
    for (int i = 0; i < n; ++i) {
        points.push_back(p);
        heading += turn(rng);
        p += QPointF(4 * std::cos(heading), 4 * std::sin(heading));
        p.setX(std::clamp(p.x(), 10.0, 990.0));
        p.setY(std::clamp(p.y(), 10.0, 790.0));
    }
    return points;
}

} // namespace

TEST(AreaFiller, StripsGiveThePixelsOfTheWholePath) {
    const PixelRings rings = starWithHole();
    QImage reference = blank();
    {
        QPainter p(&reference);
        p.setRenderHint(QPainter::Antialiasing);
        QPainterPath path;
        path.setFillRule(Qt::OddEvenFill);
        for (int i = 0; i < rings.count(); ++i)
            path.addPolygon(QPolygonF(
                QList<QPointF>(rings.ring(i), rings.ring(i) + rings.size(i))));
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(30, 90, 160, 200));
        p.drawPath(path);
    }
    QImage fast = blank();
    {
        QPainter p(&fast);
        p.setRenderHint(QPainter::Antialiasing);
        AreaFiller(p, QRectF(0, 0, 1000, 800)).fill(rings, QColor(30, 90, 160, 200));
    }
    keep(QStringLiteral("area-strips"), reference, fast);
    const ImageDifference d = compareImages(reference, fast, 2, 0);
    EXPECT_EQ(d.differing, 0.0) << "largest difference " << d.maxDelta;
}

TEST(StrokePainter, PiecesLookLikeOneLine) {
    const std::vector<QPointF> line = randomWalk(600, 3);
    for (double width : {1.5, 2.7, 4.0}) {
        for (Qt::PenStyle style : {Qt::SolidLine, Qt::DashLine}) {
            const QPen pen = StrokePainter::pen(QColor(0xc0, 0x1f, 0x2f), width, style);
            QImage reference = blank();
            {
                QPainter p(&reference);
                p.setRenderHint(QPainter::Antialiasing);
                p.setPen(pen);
                p.drawPolyline(line.data(), static_cast<int>(line.size()));
            }
            QImage fast = blank();
            {
                QPainter p(&fast);
                p.setRenderHint(QPainter::Antialiasing);
                StrokePainter(p, pen, QRectF(0, 0, 1000, 800))
                    .strokeLine(line.data(), static_cast<int>(line.size()));
            }
            const QString name = QStringLiteral("stroke-%1-%2").arg(width).arg(int(style));
            keep(name, reference, fast);
            // Where two pieces meet, their antialiased caps overlap: a few pixels there blend
            // twice (measured: ≤ 0.001 % unmatched, single pixels). Dashes must continue across
            // pieces, else whole dashes would move.
            const ImageDifference d = compareImages(reference, fast, 40, 1);
            EXPECT_LT(d.unmatched, 0.0002) << name.toStdString();
            EXPECT_LE(d.largestUnmatchedBlob, 4) << name.toStdString();
        }
    }
}

namespace {

// The renderer as it was before it was made fast: each feature one QPainterPath of every vertex,
// filled and stroked in one drawPath with round joins and caps.
QImage referenceRendering(const MapSettings& s) {
    QImage image(s.outputSize, QImage::Format_ARGB32_Premultiplied);
    image.fill(s.background);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const MapViewport vp = MapViewport::fitting(s.extent, QSizeF(s.outputSize));
    const double pxPerMm = s.dpi / 25.4;
    for (const auto& layer : s.layers) {
        const auto* v = dynamic_cast<const VectorMapLayer*>(layer.get());
        if (!v)
            continue;
        const GeometryColumns& g = *v->data()->projected(s.crs).value();
        const LayerStyle& style = v->style();
        const QPen pen(style.stroke, std::max(0.5, style.strokeWidthMm * pxPerMm),
                       style.strokeStyle, Qt::RoundCap, Qt::RoundJoin);
        const Marker marker(style.marker, style.markerSizeMm * pxPerMm);
        for (std::size_t f = 0; f < g.featureCount(); ++f) {
            QPainterPath area;
            area.setFillRule(Qt::OddEvenFill);
            QPainterPath lines;
            for (auto part = g.featureOffsets[f]; part < g.featureOffsets[f + 1]; ++part) {
                for (auto r = g.partOffsets[part]; r < g.partOffsets[part + 1]; ++r) {
                    QPainterPath& path = g.partKinds[part] == PartKind::Polygon ? area : lines;
                    for (auto vtx = g.ringOffsets[r]; vtx < g.ringOffsets[r + 1]; ++vtx) {
                        const QPointF px = vp.toPixel(g.xy[2 * vtx], g.xy[2 * vtx + 1]);
                        if (g.partKinds[part] == PartKind::Point)
                            marker.draw(p, px, style.fill, style.stroke, pen.widthF());
                        else if (vtx == g.ringOffsets[r])
                            path.moveTo(px);
                        else
                            path.lineTo(px);
                    }
                    if (g.partKinds[part] == PartKind::Polygon)
                        area.closeSubpath();
                }
            }
            p.setPen(pen);
            p.setBrush(style.fill);
            p.drawPath(area);
            p.setBrush(Qt::NoBrush);
            p.drawPath(lines);
        }
    }
    return image;
}

void expectLooksLikeReference(const MapSettings& named, const QString& name) {
    // The reference draws geometry only: compare the layers' drawing, without names.
    MapSettings view = named;
    view.labels = false;
    const QImage reference = referenceRendering(view);
    const QImage fast = MapRenderer::renderImage(view);
    keep(name, reference, fast);
    // Bevels instead of round joins on thin lines, half-pixel simplification and overlapping
    // piece caps each move antialiased edge pixels by a fraction of a pixel; measured (2026-11):
    // differing ≤ 0.3 %, unmatched ≤ 0.065 %, largest unmatched group 15 px.
    const ImageDifference d = compareImages(reference, fast, 40, 1);
    const std::string what = name.toStdString();
    EXPECT_LT(d.differing, 0.01) << what;
    EXPECT_LT(d.unmatched, 0.001) << what;
    EXPECT_LE(d.largestUnmatchedBlob, 20) << what << ": a feature moved or vanished";
}

} // namespace

TEST(FastDrawing, BundledBaseLayersLookAsBefore) {
    const MapSettings view = bundledOpeningView();
    ASSERT_GE(view.layers.size(), 5u) << "bundled geodata missing";
    expectLooksLikeReference(view, QStringLiteral("before-after-opening"));
    expectLooksLikeReference(zoomedAbout(view, 6.0, 71.6, 36.72),
                             QStringLiteral("before-after-detail"));
}

TEST(FastDrawing, OfficialDistrictsLookAsBefore) {
    if (officialDistrictsPath().isEmpty())
        GTEST_SKIP() << "../shared/realdata (official districts) is absent; skipping";
    expectLooksLikeReference(bundledOpeningView(true), QStringLiteral("before-after-official"));
}
