#pragma once

#include "map/vector_map_layer.h"

#include <QDialog>

class QCheckBox;
class QComboBox;

namespace borderlens {

// A vector layer's properties: where it comes from, its CRS, features and warnings, and the
// time settings: which attribute holds each feature's date and whether the time slider filters
// the layer. The likely field is preselected; the filter stays off until the user ticks it.
class LayerPropertiesDialog : public QDialog {
    Q_OBJECT
public:
    LayerPropertiesDialog(const VectorMapLayer& layer, QWidget* parent = nullptr);
    // The chosen time field, or -1 for no time filtering.
    int timeField() const;
    QCheckBox* temporalCheck() const { return m_temporal; }
    QComboBox* fieldCombo() const { return m_field; }

private:
    QCheckBox* m_temporal;
    QComboBox* m_field;
};

} // namespace borderlens
