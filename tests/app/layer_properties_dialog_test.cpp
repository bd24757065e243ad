#include "colour_button.h"
#include "layer_properties_dialog.h"
#include "layer_style_widget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSlider>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>

#include <gtest/gtest.h>

using namespace borderlens;

namespace {

// Four district squares with a text field "province", a number "killed" and a date.
std::shared_ptr<VectorLayer> districts() {
    GeometryColumns g;
    for (int i = 0; i < 4; ++i) {
        const double x = 70.0 + i;
        for (auto [dx, dy] : {std::pair{0.0, 0.0}, {1.0, 0.0}, {1.0, 1.0}, {0.0, 1.0}, {0.0, 0.0}})
            g.addVertex(x + dx, 38.0 + dy);
        g.endRing();
        g.endPart(PartKind::Polygon);
        g.endFeature();
    }
    AttributeTable a;
    a.addField({QStringLiteral("province"), QMetaType::QString});
    a.addField({QStringLiteral("killed"), QMetaType::Int});
    a.addField({QStringLiteral("event_date"), QMetaType::QString});
    a.appendRow({QStringLiteral("Khatlon"), 0, QStringLiteral("2025-01-02")});
    a.appendRow({QStringLiteral("GBAO"), 3, QStringLiteral("2025-02-03")});
    a.appendRow({QStringLiteral("Khatlon"), 10, QStringLiteral("2025-03-04")});
    a.appendRow({QStringLiteral("Badakhshan"), 40, QStringLiteral("2025-04-05")});
    return std::make_shared<VectorLayer>("districts", "/data/districts.gpkg", Crs::wgs84(),
                                         "Polygon", std::move(g), std::move(a));
}

LayerStyle bundledLike() {
    LayerStyle s; // as the bundled schematic districts: no fill, a dashed grey outline
    s.fill = QColor(0, 0, 0, 0);
    s.stroke = QColor(0x8c, 0x8c, 0x8c);
    s.strokeWidthMm = 0.2;
    s.strokeStyle = Qt::DashLine;
    return s;
}

} // namespace

TEST(LayerPropertiesDialog, AnUntouchedDialogGivesBackTheLayersOwnStyle) {
    const VectorMapLayer layer("l", districts(), bundledLike());
    const LayerPropertiesDialog dialog(layer);
    EXPECT_EQ(dialog.style(), layer.style());
    QStringList tabs;
    for (int i = 0; i < dialog.tabs()->count(); ++i)
        tabs << dialog.tabs()->tabText(i);
    EXPECT_EQ(tabs, (QStringList{"Source", "Time", "Style", "Labels"}));
    // The time settings work as before: the date field is guessed, the filter off.
    EXPECT_EQ(dialog.timeField(), -1);
    EXPECT_EQ(dialog.fieldCombo()->currentText(), QStringLiteral("event_date"));
    dialog.temporalCheck()->setChecked(true);
    EXPECT_EQ(dialog.timeField(), 2);
}

TEST(LayerPropertiesDialog, ASingleSymbolRoundTrips) {
    const VectorMapLayer layer("l", districts(), LayerStyle::defaultFor(PartKind::Polygon, 0));
    LayerPropertiesDialog dialog(layer);
    LayerStyleWidget* w = dialog.styleWidget();
    w->fillButton()->setColour(QColor(10, 200, 30, 100));
    w->strokeButton()->setColour(QColor(5, 60, 10));
    w->strokeWidthSpin()->setValue(0.8);
    w->opacitySlider()->setValue(55);
    dialog.labelFieldCombo()->setCurrentIndex(dialog.labelFieldCombo()->findText("province"));
    const LayerStyle s = dialog.style();
    EXPECT_EQ(s.renderer, RendererKind::Single);
    EXPECT_EQ(s.fill, QColor(10, 200, 30, 100));
    EXPECT_EQ(s.stroke, QColor(5, 60, 10));
    EXPECT_DOUBLE_EQ(s.strokeWidthMm, 0.8);
    EXPECT_DOUBLE_EQ(s.opacity, 0.55);
    EXPECT_EQ(s.labelField, 0);
    EXPECT_TRUE(s.labels);
    // Labelling is switched off per layer; the field chosen is kept for when it is on again.
    dialog.labelsCheck()->setChecked(false);
    EXPECT_FALSE(dialog.style().labels);
    EXPECT_FALSE(dialog.labelFieldCombo()->isEnabled());
    EXPECT_EQ(dialog.style().labelField, 0);

    const auto restyled = layer.withStyle(s);
    EXPECT_EQ(LayerPropertiesDialog(*restyled).style(), s);
}

TEST(LayerPropertiesDialog, ACategorisedStyleRoundTrips) {
    const VectorMapLayer layer("l", districts(), LayerStyle::defaultFor(PartKind::Polygon, 1));
    LayerPropertiesDialog dialog(layer);
    LayerStyleWidget* w = dialog.styleWidget();
    w->rendererCombo()->setCurrentIndex(int(RendererKind::Categorised)); // classifies field 0
    QTableWidget* table = w->categoryTable();
    ASSERT_EQ(table->rowCount(), 3);                                // Badakhshan, GBAO, Khatlon
    table->item(1, 0)->setCheckState(Qt::Unchecked);                // hide GBAO
    table->item(2, 3)->setText(QStringLiteral("Khatlon province")); // relabel
    const LayerStyle s = dialog.style();
    EXPECT_EQ(s.renderer, RendererKind::Categorised);
    EXPECT_EQ(s.classField, 0);
    ASSERT_EQ(s.categories.size(), 3u);
    EXPECT_EQ(s.categories[0].value, QStringLiteral("Badakhshan"));
    EXPECT_FALSE(s.categories[1].visible);
    EXPECT_EQ(s.categories[2].label, QStringLiteral("Khatlon province"));
    // A polygon layer's classes keep its light fill's transparency.
    EXPECT_EQ(s.categories[0].colour.alpha(), layer.style().fill.alpha());

    const auto restyled = layer.withStyle(s);
    EXPECT_EQ(restyled->classes()->classOf(0), 2); // Khatlon
    const LayerPropertiesDialog again(*restyled);
    EXPECT_EQ(again.style(), s);
    EXPECT_EQ(again.styleWidget()->rendererCombo()->currentIndex(), int(RendererKind::Categorised));
}

TEST(LayerPropertiesDialog, AGraduatedStyleRoundTrips) {
    const VectorMapLayer layer("l", districts(), LayerStyle::defaultFor(PartKind::Polygon, 2));
    LayerPropertiesDialog dialog(layer);
    LayerStyleWidget* w = dialog.styleWidget();
    // Only numbers can be graduated.
    ASSERT_EQ(w->rangeFieldCombo()->count(), 1);
    EXPECT_EQ(w->rangeFieldCombo()->itemText(0), QStringLiteral("killed"));
    w->rendererCombo()->setCurrentIndex(int(RendererKind::Graduated));
    w->methodCombo()->setCurrentIndex(
        w->methodCombo()->findData(int(ClassificationMethod::EqualInterval)));
    w->classCountSpin()->setValue(4);
    w->rampFromButton()->setColour(QColor(255, 255, 255));
    w->rampToButton()->setColour(QColor(0, 0, 255));
    ASSERT_EQ(w->rangeTable()->rowCount(), 4);
    w->rangeTable()->item(3, 3)->setText(QStringLiteral("30 or more"));
    const LayerStyle s = dialog.style();
    EXPECT_EQ(s.renderer, RendererKind::Graduated);
    EXPECT_EQ(s.classField, 1);
    EXPECT_EQ(s.method, ClassificationMethod::EqualInterval);
    EXPECT_EQ(s.classCount, 4);
    EXPECT_EQ(s.rampTo, QColor(0, 0, 255));
    ASSERT_EQ(s.ranges.size(), 4u);
    EXPECT_DOUBLE_EQ(s.ranges[0].lower, 0);
    EXPECT_DOUBLE_EQ(s.ranges[0].upper, 10);
    EXPECT_DOUBLE_EQ(s.ranges[3].upper, 40);
    EXPECT_EQ(s.ranges[0].label, QStringLiteral("0 – 10"));
    EXPECT_EQ(s.ranges[3].label, QStringLiteral("30 or more"));
    EXPECT_EQ(s.ranges[3].colour.rgb(), QColor(0, 0, 255).rgb());

    EXPECT_EQ(LayerPropertiesDialog(*layer.withStyle(s)).style(), s);
}
