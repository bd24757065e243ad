#include "map/layer_stack.h"

#include <gtest/gtest.h>

using namespace borderlens;

namespace {
class FakeLayer final : public MapLayer {
public:
    FakeLayer(QString id, Extent e, DrawRank rank = DrawRank::Points)
        : MapLayer(id, id), m_extent(e), m_rank(rank) {}
    Extent lonLatExtent() const override { return m_extent; }
    void render(RenderContext&) const override {}
    std::vector<LegendEntry> legendEntries(const LegendContext&) const override { return {}; }
    DrawRank drawRank() const override { return m_rank; }

private:
    Extent m_extent;
    DrawRank m_rank;
};
std::shared_ptr<FakeLayer> ranked(const char* id, DrawRank rank) {
    return std::make_shared<FakeLayer>(QString::fromLatin1(id), Extent{0, 0, 1, 1}, rank);
}
std::vector<QString> ids(const std::vector<std::shared_ptr<const MapLayer>>& layers) {
    std::vector<QString> out;
    for (const auto& l : layers)
        out.push_back(l->id());
    return out;
}
} // namespace

TEST(LayerStack, OrderVisibilityAndRemoval) {
    LayerStack s;
    s.add(std::make_shared<FakeLayer>("a", Extent{0, 0, 1, 1}));
    s.add(std::make_shared<FakeLayer>("b", Extent{2, 2, 3, 3}));
    s.add(std::make_shared<FakeLayer>("c", Extent{-1, 0, 0, 1}));
    EXPECT_EQ(ids(s.visibleLayers()), (std::vector<QString>{"a", "b", "c"}));

    // The panel lists top first: c on top, then a, then b at the bottom.
    s.reorderTopFirst({"c", "a", "b"});
    EXPECT_EQ(ids(s.visibleLayers()), (std::vector<QString>{"b", "a", "c"}));

    EXPECT_TRUE(s.setVisible("a", false));
    EXPECT_EQ(ids(s.visibleLayers()), (std::vector<QString>{"b", "c"}));
    EXPECT_EQ(s.lonLatExtent(), (Extent{-1, 0, 3, 3})); // hidden layers still count

    EXPECT_TRUE(s.remove("b"));
    EXPECT_FALSE(s.remove("b"));
    EXPECT_EQ(ids(s.visibleLayers()), (std::vector<QString>{"c"}));
    EXPECT_EQ(s.lonLatExtent(), (Extent{-1, 0, 1, 1}));
}

TEST(LayerStack, ReplaceKeepsPlaceAndVisibility) {
    LayerStack s;
    s.add(std::make_shared<FakeLayer>("a", Extent{0, 0, 1, 1}));
    s.add(std::make_shared<FakeLayer>("b", Extent{0, 0, 1, 1}), false);
    EXPECT_TRUE(s.replace(std::make_shared<FakeLayer>("b", Extent{5, 5, 6, 6})));
    ASSERT_TRUE(s.find("b"));
    EXPECT_FALSE(s.find("b")->visible);
    EXPECT_EQ(s.find("b")->layer->lonLatExtent(), (Extent{5, 5, 6, 6}));
    EXPECT_EQ(s.entries().back().layer->id(), QStringLiteral("b"));
}

TEST(LayerStack, AddByKindPutsAreasUnderLinesUnderPoints) {
    LayerStack s;
    // The viewer's start: base areas, lines, seats, then outposts and incidents on top.
    EXPECT_EQ(s.addByKind(ranked("countries", DrawRank::Areas)), 0u);
    s.addByKind(ranked("districts", DrawRank::Areas));
    s.addByKind(ranked("rivers", DrawRank::Lines));
    s.addByKind(ranked("border", DrawRank::Lines));
    s.add(ranked("incidents", DrawRank::Points));
    EXPECT_EQ(ids(s.visibleLayers()),
              (std::vector<QString>{"countries", "districts", "rivers", "border", "incidents"}));

    // A user's polygon layer, added last, goes above the other areas and under every line
    // and point; a line layer under the points; a point layer on top.
    EXPECT_EQ(s.addByKind(ranked("user-areas", DrawRank::Areas)), 2u);
    EXPECT_EQ(s.addByKind(ranked("user-roads", DrawRank::Lines)), 5u);
    EXPECT_EQ(s.addByKind(ranked("user-points", DrawRank::Points)), 7u);
    EXPECT_EQ(ids(s.visibleLayers()),
              (std::vector<QString>{"countries", "districts", "user-areas", "rivers", "border",
                                    "user-roads", "incidents", "user-points"}));

    // After the user moved an area to the top, a new area still goes under the points.
    s.reorderTopFirst({"user-areas", "user-points", "incidents", "user-roads", "border",
                       "rivers", "districts", "countries"});
    EXPECT_EQ(s.addByKind(ranked("more-areas", DrawRank::Areas), false), 2u);
    EXPECT_FALSE(s.find("more-areas")->visible);
    EXPECT_EQ(s.entries().back().layer->id(), QStringLiteral("user-areas"));
}

// The bundled map and a user's files load at once; whichever lands first, the user's layers
// end up above the base layers of their kind, and the base layers keep their own order.
TEST(LayerStack, BaseLayersGoUnderTheUsersLayersOfTheirKindWhateverArrivesFirst) {
    LayerStack s;
    s.addByKind(ranked("user-areas", DrawRank::Areas));
    s.addByKind(ranked("user-incidents", DrawRank::Points));
    EXPECT_EQ(s.addByKind(ranked("countries", DrawRank::Areas), true, true), 0u);
    EXPECT_EQ(s.addByKind(ranked("districts", DrawRank::Areas), true, true), 1u);
    s.addByKind(ranked("border", DrawRank::Lines), true, true);
    s.addByKind(ranked("seats", DrawRank::Points), true, true);
    s.addByKind(ranked("sample-incidents", DrawRank::Points), true, true);
    EXPECT_EQ(ids(s.visibleLayers()),
              (std::vector<QString>{"countries", "districts", "user-areas", "border", "seats",
                                    "sample-incidents", "user-incidents"}));
    EXPECT_TRUE(s.find("seats")->base);
    EXPECT_FALSE(s.find("user-areas")->base);
}
