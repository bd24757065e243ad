#pragma once

#include "layer/vector_layer.h"
#include "render/layer_style.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;
class QStackedWidget;
class QTableWidget;

namespace borderlens {

class ColourButton;

// The Style tab of Layer Properties: outline, width and opacity for the whole layer, and how
// features are coloured: one fill (single symbol), by the value of a field (categorised: a
// table of values with their colour, label and a tick to show them), or by the class of a
// number (graduated: field, method, classes and colour ramp, and the table of ranges). As in
// QGIS, choosing a field, method, class count or ramp classifies again; Classify rebuilds the
// table from the data, undoing edits. Only what the user changes departs from the layer's
// style, so OK on an untouched dialog gives back the very same style.
class LayerStyleWidget : public QWidget {
    Q_OBJECT
public:
    LayerStyleWidget(const LayerStyle& style, std::shared_ptr<const VectorLayer> layerData,
                     QWidget* parent = nullptr);

    // The style the widgets describe (labelField is the dialog's: it keeps the layer's).
    LayerStyle style() const;

    void classifyCategories();
    void classifyRanges();

    QComboBox* rendererCombo() const { return m_renderer; }
    ColourButton* fillButton() const { return m_fill; }
    ColourButton* strokeButton() const { return m_stroke; }
    QDoubleSpinBox* strokeWidthSpin() const { return m_strokeWidth; }
    QSlider* opacitySlider() const { return m_opacity; }
    QComboBox* categoryFieldCombo() const { return m_categoryField; }
    QTableWidget* categoryTable() const { return m_categories; }
    QComboBox* rangeFieldCombo() const { return m_rangeField; }
    QComboBox* methodCombo() const { return m_method; }
    QSpinBox* classCountSpin() const { return m_classCount; }
    ColourButton* rampFromButton() const { return m_rampFrom; }
    ColourButton* rampToButton() const { return m_rampTo; }
    QTableWidget* rangeTable() const { return m_ranges; }

private:
    QWidget* buildSinglePage();
    QWidget* buildCategorisedPage();
    QWidget* buildGraduatedPage();
    void showRenderer(int index);
    // The alpha class colours get: a polygon layer keeps its fill's transparency, so that what
    // lies beneath still reads; lines and points are opaque.
    int classAlpha() const;
    void fillCategoryTable(const std::vector<StyleCategory>& categories);
    void fillRangeTable(const std::vector<StyleRange>& ranges);

    LayerStyle m_base;
    std::shared_ptr<const VectorLayer> m_data;
    QComboBox* m_renderer;
    QStackedWidget* m_pages;
    ColourButton* m_fill;
    ColourButton* m_stroke;
    QDoubleSpinBox* m_strokeWidth;
    QSlider* m_opacity;
    QLabel* m_opacityText;
    QComboBox* m_categoryField;
    QTableWidget* m_categories;
    QComboBox* m_rangeField;
    QComboBox* m_method;
    QSpinBox* m_classCount;
    ColourButton* m_rampFrom;
    ColourButton* m_rampTo;
    QTableWidget* m_ranges;
};

} // namespace borderlens
