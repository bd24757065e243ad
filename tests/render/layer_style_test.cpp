#include "render/classify_field.h"
#include "render/feature_classes.h"
#include "render/layer_style.h"

#include <gtest/gtest.h>

using namespace borderlens;

namespace {

// One text field "kind" and one number field "killed" (null where absent).
AttributeTable table(const std::vector<std::pair<QString, QVariant>>& rows) {
    AttributeTable t;
    t.addField({QStringLiteral("kind"), QMetaType::QString});
    t.addField({QStringLiteral("killed"), QMetaType::Double});
    for (const auto& [kind, killed] : rows)
        t.appendRow({kind.isNull() ? QVariant() : QVariant(kind), killed});
    return t;
}

} // namespace

TEST(LayerStyle, AUserPolygonLayerDefaultsToALightHalfTransparentFill) {
    for (int index = 0; index < 8; ++index) {
        const LayerStyle s = LayerStyle::defaultFor(PartKind::Polygon, index);
        EXPECT_GE(s.fill.alphaF(), 0.35) << index;
        EXPECT_LE(s.fill.alphaF(), 0.5) << index;
        EXPECT_GT(s.fill.lightness(), 140) << index; // light
        // The outline: opaque, darker, the same hue.
        EXPECT_EQ(s.stroke.alpha(), 255);
        EXPECT_LT(s.stroke.lightness(), s.fill.lightness());
        EXPECT_NEAR(s.stroke.hsvHue(), s.fill.hsvHue(), 3) << index;
    }
    // Lines and points keep the palette's distinct colours, layer after layer.
    EXPECT_NE(LayerStyle::defaultFor(PartKind::Line, 0).stroke,
              LayerStyle::defaultFor(PartKind::Line, 1).stroke);
    EXPECT_EQ(LayerStyle::defaultFor(PartKind::Point, 2), LayerStyle::defaultForIndex(2));
    EXPECT_EQ(LayerStyle{}.opacity, 1.0);
    EXPECT_EQ(LayerStyle{}.renderer, RendererKind::Single);
    EXPECT_EQ(LayerStyle{}.labelField, -1);
}

TEST(LayerStyle, CategoriesAreTheSortedDistinctValuesWithQualitativeColours) {
    const AttributeTable t =
        table({{"seizure", 1}, {"clash", 2}, {"seizure", 3}, {{}, 4}, {"Crossing", {}}});
    const auto cats = categoriesFor(t, 0, 120);
    ASSERT_EQ(cats.size(), 4u);
    EXPECT_EQ(cats[0].value, QStringLiteral("clash"));
    EXPECT_EQ(cats[1].value, QStringLiteral("Crossing")); // case folded when sorting
    EXPECT_EQ(cats[2].value, QStringLiteral("seizure"));
    EXPECT_EQ(cats[3].value, QString()); // no value, last
    EXPECT_EQ(cats[3].label, QStringLiteral("(no value)"));
    for (std::size_t i = 0; i < cats.size(); ++i) {
        EXPECT_EQ(cats[i].colour.alpha(), 120);
        EXPECT_TRUE(cats[i].visible);
        for (std::size_t j = 0; j < i; ++j)
            EXPECT_NE(cats[i].colour.rgb(), cats[j].colour.rgb());
    }
    // Numbers sort as numbers, not as text.
    AttributeTable n;
    n.addField({QStringLiteral("code"), QMetaType::Int});
    for (int v : {10, 9, 100})
        n.appendRow({v});
    const auto codes = categoriesFor(n, 0);
    ASSERT_EQ(codes.size(), 3u);
    EXPECT_EQ(codes[0].value, QStringLiteral("9"));
    EXPECT_EQ(codes[2].value, QStringLiteral("100"));
}

TEST(LayerStyle, TooManyValuesKeepTheMostFrequentAndShareAnOtherCategory) {
    AttributeTable t;
    t.addField({QStringLiteral("village"), QMetaType::QString});
    for (int i = 0; i < 80; ++i)
        t.appendRow({QStringLiteral("v%1").arg(i, 2, 10, QLatin1Char('0'))});
    for (int i = 0; i < 5; ++i)
        t.appendRow({QStringLiteral("v79")}); // the most frequent, listed whatever its place
    const auto cats = categoriesFor(t, 0, 255, 50);
    ASSERT_EQ(cats.size(), 51u);
    EXPECT_TRUE(cats.back().other);
    EXPECT_EQ(cats.back().label, QStringLiteral("Other values"));
    EXPECT_TRUE(std::any_of(cats.begin(), cats.end(),
                            [](const auto& c) { return c.value == QLatin1String("v79"); }));

    // Every feature lands in a category: its own, or the other one.
    LayerStyle style;
    style.renderer = RendererKind::Categorised;
    style.classField = 0;
    style.categories = cats;
    const FeatureClasses classes(style, t);
    int other = 0;
    for (std::size_t f = 0; f < classes.featureCount(); ++f) {
        ASSERT_NE(classes.classOf(f), FeatureClasses::kNone);
        other += classes.classOf(f) == 50;
    }
    EXPECT_EQ(other, 30); // 80 values, 50 listed
}

TEST(LayerStyle, FeaturesFallInTheirCategoryOrRange) {
    const AttributeTable t =
        table({{"clash", 0}, {"seizure", 25}, {"clash", 26}, {{}, 100}, {"crossing", {}}});
    LayerStyle cat;
    cat.renderer = RendererKind::Categorised;
    cat.classField = 0;
    cat.categories = categoriesFor(t, 0); // clash, crossing, seizure, (no value)
    const FeatureClasses byKind(cat, t);
    EXPECT_EQ(byKind.classOf(0), 0);
    EXPECT_EQ(byKind.classOf(1), 2);
    EXPECT_EQ(byKind.classOf(2), 0);
    EXPECT_EQ(byKind.classOf(3), 3);
    EXPECT_EQ(byKind.classOf(4), 1);
    // A value no category lists, with no "other" category, is in none.
    cat.categories.erase(cat.categories.begin() + 1);
    EXPECT_EQ(FeatureClasses(cat, t).classOf(4), FeatureClasses::kNone);

    LayerStyle grad;
    grad.renderer = RendererKind::Graduated;
    grad.classField = 1;
    grad.ranges = rangesFor(t, 1, ClassificationMethod::EqualInterval, 4, Qt::white, Qt::red);
    ASSERT_EQ(grad.ranges.size(), 4u);
    const FeatureClasses byKilled(grad, t);
    EXPECT_EQ(byKilled.classOf(0), 0);
    EXPECT_EQ(byKilled.classOf(1), 0); // 25, on the break: the lower class (as QGIS)
    EXPECT_EQ(byKilled.classOf(2), 1);
    EXPECT_EQ(byKilled.classOf(3), 3);
    EXPECT_EQ(byKilled.classOf(4), FeatureClasses::kNone); // no number: not drawn
}

TEST(LayerStyle, RangesCarryTheirBoundsLabelsAndRampColours) {
    const AttributeTable t = table({{"a", 0}, {"b", 10}, {"c", 20}, {"d", 1000}, {"e", {}}});
    const auto ranges = rangesFor(t, 1, ClassificationMethod::EqualInterval, 4,
                                  QColor(255, 255, 255), QColor(0, 0, 0));
    ASSERT_EQ(ranges.size(), 4u);
    EXPECT_EQ(ranges[0].lower, 0);
    EXPECT_EQ(ranges[0].upper, 250);
    EXPECT_EQ(ranges[3].upper, 1000);
    EXPECT_EQ(ranges[0].label, QStringLiteral("0 – 250"));
    EXPECT_EQ(ranges[3].label, QStringLiteral("750 – 1,000")); // English grouping, any locale
    EXPECT_EQ(ranges[0].colour, QColor(255, 255, 255));
    EXPECT_EQ(ranges[3].colour, QColor(0, 0, 0));
    EXPECT_EQ(ranges[1].colour, QColor(170, 170, 170));
    // Narrow classes get the decimals that tell them apart.
    const AttributeTable small = table({{"a", 0.1}, {"b", 0.2}, {"c", 0.35}});
    const auto fine = rangesFor(small, 1, ClassificationMethod::Quantile, 2, Qt::white, Qt::black);
    ASSERT_EQ(fine.size(), 2u);
    EXPECT_EQ(fine[0].label, QStringLiteral("0.1 – 0.2"));
    EXPECT_EQ(fine[1].label, QStringLiteral("0.2 – 0.35")); // a bound shown as it is
    // A text field has no numbers to classify.
    EXPECT_TRUE(rangesFor(t, 0, ClassificationMethod::Quantile, 3, Qt::white, Qt::black).empty());
    EXPECT_TRUE(isNumericField(t.fields()[1]));
    EXPECT_FALSE(isNumericField(t.fields()[0]));
}
