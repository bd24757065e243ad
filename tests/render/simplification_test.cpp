// Simplifying geometry to the output's pixel tolerance must not change the picture: the bundled
// base layers (and the official districts, when ../shared/realdata is present) drawn with every
// vertex and with the default tolerance, at three zooms, compared pixel by pixel.
// Set BORDERLENS_TEST_OUTPUT=<dir> to keep the images (full, simplified, difference) to look at.
#include "render/map_renderer.h"
#include "support/bundled_scene.h"
#include "support/image_checks.h"

#include <QDir>

#include <gtest/gtest.h>

using namespace borderlens;
using namespace borderlens::test;

namespace {

struct Zoom {
    const char* name;
    double factor; // relative to the opening view
};

void keepForInspection(const QString& name, const QImage& full, const QImage& simplified) {
    const QString dir = qEnvironmentVariable("BORDERLENS_TEST_OUTPUT");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    full.save(dir + QStringLiteral("/%1-full.png").arg(name));
    simplified.save(dir + QStringLiteral("/%1-simplified.png").arg(name));
    differenceImage(full, simplified).save(dir + QStringLiteral("/%1-difference.png").arg(name));
}

void expectSamePicture(const MapSettings& view, const QString& name) {
    MapSettings full = view;
    full.simplifyTolerancePx = 0;
    const QImage a = MapRenderer::renderImage(full);
    const QImage b = MapRenderer::renderImage(view);
    keepForInspection(name, a, b);
    // Half-pixel simplification moves antialiased edges by a fraction of a pixel: a few pixels
    // along lines change, scattered, most matching a neighbour. Measured (2026-11): differing
    // ≤ 0.23 %, unmatched ≤ 0.054 %, largest unmatched group 13 px. A 1 px tolerance already
    // fails these bounds, and a 2 px one leaves groups of 30–70 px; a lost ring or a ring
    // closed wrongly, far more.
    const ImageDifference d = compareImages(a, b, 40, 1);
    const std::string what = name.toStdString();
    EXPECT_LT(d.differing, 0.005) << what;
    EXPECT_LT(d.unmatched, 0.0008) << what;
    EXPECT_LE(d.largestUnmatchedBlob, 20) << what << ": a feature moved or vanished";
}

class Simplification : public ::testing::TestWithParam<Zoom> {};

TEST_P(Simplification, BundledBaseLayersLookTheSame) {
    const Zoom z = GetParam();
    // About Ishkashim, where the border, the Panj and district lines meet.
    const MapSettings view = zoomedAbout(bundledOpeningView(), z.factor, 71.6, 36.72);
    ASSERT_GE(view.layers.size(), 5u) << "bundled geodata missing";
    expectSamePicture(view, QStringLiteral("base-%1").arg(QLatin1String(z.name)));
}

TEST_P(Simplification, OfficialDistrictsLookTheSame) {
    if (officialDistrictsPath().isEmpty())
        GTEST_SKIP() << "../shared/realdata (official districts) is absent; skipping";
    const Zoom z = GetParam();
    const MapSettings view = zoomedAbout(bundledOpeningView(true), z.factor, 71.6, 36.72);
    expectSamePicture(view, QStringLiteral("official-%1").arg(QLatin1String(z.name)));
}

INSTANTIATE_TEST_SUITE_P(Zooms, Simplification,
                         ::testing::Values(Zoom{"region", 0.35}, Zoom{"opening", 1.0},
                                           Zoom{"detail", 8.0}),
                         [](const auto& p) { return std::string(p.param.name); });

} // namespace
