// The placement engine on its own: what it does with crowded, edge and line requests.
#include "labels/label_placer.h"

#include <gtest/gtest.h>

using namespace borderlens;

namespace {

LabelRequest pointAt(const QString& text, QPointF at, double priority) {
    LabelRequest r;
    r.text = text;
    r.priority = priority;
    r.shape = LabelShape::Point;
    r.points = {at};
    r.symbolRadiusPx = 3;
    return r;
}

bool anyOverlap(const LabelPlacement& p) {
    for (std::size_t i = 0; i < p.labels.size(); ++i)
        for (std::size_t j = i + 1; j < p.labels.size(); ++j)
            for (const QRectF& a : p.labels[i].boxes)
                for (const QRectF& b : p.labels[j].boxes)
                    if (a.intersects(b))
                        return true;
    return false;
}

const QRectF kFrame(0, 0, 400, 300);

} // namespace

TEST(LabelPlacer, CrowdedPointsAreMovedOrLeftOutButNeverOverlap) {
    LabelInputs in;
    // Twenty places on top of one another: a few fit around, the rest are left out.
    for (int i = 0; i < 20; ++i)
        in.requests.push_back(pointAt(QStringLiteral("Place %1").arg(i), QPointF(200, 150), i));
    const LabelPlacement p = placeLabels(in, kFrame, 96);
    EXPECT_GT(p.labels.size(), 1u);
    EXPECT_LT(p.labels.size(), 20u);
    EXPECT_EQ(int(p.labels.size()) + p.omitted, 20);
    EXPECT_FALSE(anyOverlap(p));
    // The highest priority is placed first, in its preferred position (to the right).
    EXPECT_EQ(p.labels.front().text, QStringLiteral("Place 19"));
    EXPECT_GT(p.labels.front().bounds.left(), 200);
}

TEST(LabelPlacer, StaysInsideTheFrameAndMovesAwayFromItsEdge) {
    LabelInputs in;
    in.requests.push_back(pointAt(QStringLiteral("Eastern edge"), QPointF(395, 150), 1));
    const LabelPlacement p = placeLabels(in, kFrame, 96);
    ASSERT_EQ(p.labels.size(), 1u);
    EXPECT_TRUE(kFrame.contains(p.labels[0].bounds));
    EXPECT_LT(p.labels[0].bounds.right(), 395); // on the left of the point
}

TEST(LabelPlacer, AvoidsObstacles) {
    LabelInputs in;
    in.requests.push_back(pointAt(QStringLiteral("Khorugh"), QPointF(200, 150), 1));
    in.obstacles.push_back(QRectF(203, 100, 150, 100)); // an incident symbol to the right
    const LabelPlacement p = placeLabels(in, kFrame, 96);
    ASSERT_EQ(p.labels.size(), 1u);
    EXPECT_FALSE(p.labels[0].bounds.intersects(in.obstacles[0]));
    // Nowhere to go: left out rather than drawn over the symbol.
    in.obstacles = {kFrame};
    EXPECT_TRUE(placeLabels(in, kFrame, 96).labels.empty());
}

TEST(LabelPlacer, LineLabelsFollowTheLineUprightAndRepeat) {
    LabelRequest river;
    river.text = QStringLiteral("Panj");
    river.shape = LabelShape::Line;
    river.style.italic = true;
    river.repeatPx = 150;
    // Drawn right to left, gently curving: the text must still read left to right.
    for (int x = 390; x >= 10; x -= 10)
        river.points.push_back(QPointF(x, 150 + 20 * std::sin(x / 60.0)));
    LabelInputs in;
    in.requests.push_back(river);
    const LabelPlacement p = placeLabels(in, kFrame, 96);
    ASSERT_GE(p.labels.size(), 2u); // 380 px of river, one name per 150 px stretch
    EXPECT_FALSE(anyOverlap(p));
    for (const PlacedLabel& l : p.labels) {
        ASSERT_EQ(l.glyphs.size(), 4u);
        EXPECT_LT(l.glyphs.front().origin.x(), l.glyphs.back().origin.x()); // upright
        for (const PlacedGlyph& g : l.glyphs)
            EXPECT_LT(std::abs(g.angleDeg), 90.0);
    }
    // A line shorter than its name is not named.
    river.points = {QPointF(10, 10), QPointF(20, 10)};
    in.requests = {river};
    EXPECT_TRUE(placeLabels(in, kFrame, 96).labels.empty());
}

TEST(LabelPlacer, SameInputsSamePlacement) {
    LabelInputs in;
    for (int i = 0; i < 30; ++i)
        in.requests.push_back(
            pointAt(QStringLiteral("P%1").arg(i), QPointF(20 + 12 * i, 40 + 7 * (i % 5)), i % 3));
    const LabelPlacement a = placeLabels(in, kFrame, 96);
    const LabelPlacement b = placeLabels(in, kFrame, 96);
    ASSERT_EQ(a.labels.size(), b.labels.size());
    for (std::size_t i = 0; i < a.labels.size(); ++i)
        EXPECT_EQ(a.labels[i].bounds, b.labels[i].bounds);
}
