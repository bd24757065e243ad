#pragma once

#include "map/vector_map_layer.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QTabWidget;

namespace borderlens {

class LayerStyleWidget;

// A vector layer's properties, in tabs: Source (where it comes from, its CRS, features and
// warnings), Time (which attribute holds each feature's date and whether the time slider
// filters the layer; the likely field is preselected, the filter stays off until the user
// ticks it), Style (LayerStyleWidget) and Labels (the field to label features by, kept for the
// labelling engine to come). OK and Apply hand the result to whoever listens (MainWindow
// replaces the layer); Cancel changes nothing that was not applied.
class LayerPropertiesDialog : public QDialog {
    Q_OBJECT
public:
    LayerPropertiesDialog(const VectorMapLayer& layer, QWidget* parent = nullptr);
    // The chosen time field, or -1 for no time filtering.
    int timeField() const;
    // The style the Style and Labels tabs describe; the layer's own if nothing was touched.
    LayerStyle style() const;

    QCheckBox* temporalCheck() const { return m_temporal; }
    QComboBox* fieldCombo() const { return m_field; }
    LayerStyleWidget* styleWidget() const { return m_style; }
    QComboBox* labelFieldCombo() const { return m_labelField; }
    QCheckBox* labelsCheck() const { return m_labelsOn; }
    QTabWidget* tabs() const { return m_tabs; }

signals:
    // Apply was pressed: take timeField() and style() now, the dialog stays open.
    void applied();

private:
    QWidget* buildSourceTab(const VectorLayer& source);
    QWidget* buildTimeTab(const VectorMapLayer& layer);
    QWidget* buildLabelsTab(const VectorMapLayer& layer);

    QTabWidget* m_tabs;
    QCheckBox* m_temporal;
    QComboBox* m_field;
    LayerStyleWidget* m_style;
    QComboBox* m_labelField;
    QCheckBox* m_labelsOn;
};

} // namespace borderlens
