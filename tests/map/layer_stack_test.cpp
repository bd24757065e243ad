#include "map/layer_stack.h"

#include <gtest/gtest.h>

using namespace borderlens;

namespace {
class FakeLayer final : public MapLayer {
public:
    FakeLayer(QString id, Extent e) : MapLayer(id, id), m_extent(e) {}
    Extent lonLatExtent() const override { return m_extent; }
    void render(RenderContext&) const override {}
    std::vector<LegendEntry> legendEntries(const LegendContext&) const override { return {}; }

private:
    Extent m_extent;
};
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
