// The legend panel across time steps: counts change in place and a swatch is drawn once per
// symbol, not once per frame (a long playback used to pile up swatch pictures).
#include "legend_panel.h"
#include "map/map_layer.h"

#include <QListWidget>
#include <gtest/gtest.h>

using namespace borderlens;

namespace {

class ListedLayer final : public MapLayer {
public:
    explicit ListedLayer(std::vector<LegendEntry> entries)
        : MapLayer(QStringLiteral("l"), QStringLiteral("Listed")), m_entries(std::move(entries)) {}
    Extent lonLatExtent() const override { return Extent{0, 0, 1, 1}; }
    void render(RenderContext&) const override {}
    std::vector<LegendEntry> legendEntries(const LegendContext&) const override {
        return m_entries;
    }

private:
    std::vector<LegendEntry> m_entries;
};

LegendEntry marker(const char* label, QColor fill, int count) {
    LegendEntry e;
    e.swatch = LegendEntry::Swatch::Marker;
    e.label = QString::fromLatin1(label);
    e.fill = fill;
    e.stroke = fill.darker();
    e.count = count;
    return e;
}

std::vector<qint64> iconKeys(const QListWidget& list) {
    std::vector<qint64> keys;
    for (int i = 0; i < list.count(); ++i)
        keys.push_back(list.item(i)->icon().cacheKey());
    return keys;
}

} // namespace

TEST(LegendPanel, AStepKeepsTheSwatchesAndChangesTheCounts) {
    LegendPanel panel;
    auto* list = panel.findChild<QListWidget*>();
    ASSERT_NE(list, nullptr);
    const LegendContext context{TimeRange::all()};
    const auto show = [&](std::vector<LegendEntry> entries) {
        panel.update({std::make_shared<ListedLayer>(std::move(entries))}, context);
    };
    show({marker("Clash", Qt::red, 3), marker("Seizure", Qt::green, 1)});
    const auto first = iconKeys(*list);
    ASSERT_EQ(first.size(), 2u);

    // A class appears (the shape changes) and the counts move: the two swatches stay the same
    // pictures, the new row gets its own.
    show({marker("Clash", Qt::red, 5), marker("Seizure", Qt::green, 2),
          marker("Crossing", Qt::blue, 1)});
    EXPECT_EQ(panel.labels(),
              (QStringList{QStringLiteral("Clash (5)"), QStringLiteral("Seizure (2)"),
                           QStringLiteral("Crossing (1)")}));
    const auto second = iconKeys(*list);
    ASSERT_EQ(second.size(), 3u);
    EXPECT_EQ(second[0], first[0]);
    EXPECT_EQ(second[1], first[1]);
    EXPECT_NE(second[2], first[0]);

    // And back: no new picture for a symbol seen before.
    show({marker("Clash", Qt::red, 4), marker("Seizure", Qt::green, 2)});
    EXPECT_EQ(iconKeys(*list), first);
    EXPECT_EQ(panel.labels(),
              (QStringList{QStringLiteral("Clash (4)"), QStringLiteral("Seizure (2)")}));
}
