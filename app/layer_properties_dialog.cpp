#include "layer_properties_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

namespace borderlens {

LayerPropertiesDialog::LayerPropertiesDialog(const VectorMapLayer& layer, QWidget* parent)
    : QDialog(parent), m_temporal(new QCheckBox(tr("Filter this layer with the time slider"), this)),
      m_field(new QComboBox(this)) {
    setWindowTitle(tr("Layer Properties — %1").arg(layer.name()));
    const VectorLayer& source = *layer.data();
    auto* layout = new QVBoxLayout(this);
    auto* info = new QFormLayout;
    auto* path = new QLabel(source.sourcePath(), this);
    path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    path->setWordWrap(true);
    info->addRow(tr("Source"), path);
    info->addRow(tr("Geometry"), new QLabel(source.geometryTypeName(), this));
    info->addRow(tr("Features"), new QLabel(QString::number(source.featureCount()), this));
    info->addRow(tr("CRS"), new QLabel(source.sourceCrs().displayName(), this));
    if (!source.warnings().isEmpty()) {
        auto* w = new QLabel(source.warnings().join(QLatin1Char('\n')), this);
        w->setWordWrap(true);
        info->addRow(tr("Warnings"), w);
    }
    layout->addLayout(info);

    auto* time = new QGroupBox(tr("Time"), this);
    auto* form = new QFormLayout(time);
    const AttributeTable& attrs = source.attributes();
    for (const Field& f : attrs.fields())
        m_field->addItem(f.name);
    const int current = layer.times() ? layer.times()->field() : guessDateField(attrs);
    if (current >= 0)
        m_field->setCurrentIndex(current);
    m_temporal->setChecked(layer.isTemporal());
    m_temporal->setEnabled(attrs.fieldCount() > 0);
    m_field->setEnabled(attrs.fieldCount() > 0);
    form->addRow(m_temporal);
    form->addRow(tr("Date field"), m_field);
    auto* hint = new QLabel(
        tr("Dates may be date fields or ISO 8601 text; “2025-12” and “2025” cover the whole "
           "month or year. Features without a date are hidden while the filter is on."),
        this);
    hint->setWordWrap(true);
    form->addRow(hint);
    if (layer.times() && layer.times()->undated() > 0)
        form->addRow(new QLabel(tr("%n feature(s) have no readable date.", nullptr,
                                   static_cast<int>(layer.times()->undated())),
                                this));
    layout->addWidget(time);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

int LayerPropertiesDialog::timeField() const {
    return m_temporal->isChecked() ? m_field->currentIndex() : -1;
}

} // namespace borderlens
