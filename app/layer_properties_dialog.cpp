#include "layer_properties_dialog.h"

#include "layer_style_widget.h"
#include "labels/label_field.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace borderlens {

LayerPropertiesDialog::LayerPropertiesDialog(const VectorMapLayer& layer, QWidget* parent)
    : QDialog(parent), m_tabs(new QTabWidget(this)),
      m_temporal(new QCheckBox(tr("Filter this layer with the time slider"), this)),
      m_field(new QComboBox(this)),
      m_style(new LayerStyleWidget(layer.style(), layer.data(), this)),
      m_labelField(new QComboBox(this)),
      m_labelsOn(new QCheckBox(tr("Name this layer's features on the map"), this)) {
    setWindowTitle(tr("Layer Properties — %1").arg(layer.name()));
    resize(560, 520);
    auto* layout = new QVBoxLayout(this);
    m_tabs->addTab(buildSourceTab(*layer.data()), tr("Source"));
    m_tabs->addTab(buildTimeTab(layer), tr("Time"));
    m_tabs->addTab(m_style, tr("Style"));
    m_tabs->addTab(buildLabelsTab(layer), tr("Labels"));
    layout->addWidget(m_tabs);

    auto* buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this,
            &LayerPropertiesDialog::applied);
    layout->addWidget(buttons);
}

QWidget* LayerPropertiesDialog::buildSourceTab(const VectorLayer& source) {
    auto* page = new QWidget(this);
    auto* info = new QFormLayout(page);
    auto* path = new QLabel(source.sourcePath(), page);
    path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    path->setWordWrap(true);
    info->addRow(tr("Source"), path);
    info->addRow(tr("Geometry"), new QLabel(source.geometryTypeName(), page));
    info->addRow(tr("Features"), new QLabel(QString::number(source.featureCount()), page));
    info->addRow(tr("CRS"), new QLabel(source.sourceCrs().displayName(), page));
    if (!source.warnings().isEmpty()) {
        auto* w = new QLabel(source.warnings().join(QLatin1Char('\n')), page);
        w->setWordWrap(true);
        info->addRow(tr("Warnings"), w);
    }
    return page;
}

QWidget* LayerPropertiesDialog::buildTimeTab(const VectorMapLayer& layer) {
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    const AttributeTable& attrs = layer.data()->attributes();
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
        page);
    hint->setWordWrap(true);
    form->addRow(hint);
    if (layer.times() && layer.times()->undated() > 0)
        form->addRow(new QLabel(tr("%n feature(s) have no readable date.", nullptr,
                                   static_cast<int>(layer.times()->undated())),
                                page));
    return page;
}

QWidget* LayerPropertiesDialog::buildLabelsTab(const VectorMapLayer& layer) {
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    m_labelsOn->setChecked(layer.style().labels);
    form->addRow(m_labelsOn);
    // -1 lets the map guess the name field; say which one it would take.
    const auto& fields = layer.data()->attributes().fields();
    QStringList names;
    for (const auto& f : fields)
        names << f.name;
    const int guessed = guessLabelField(names);
    m_labelField->addItem(guessed >= 0 ? tr("Automatic (%1)").arg(names[guessed])
                                       : tr("Automatic (no name field found)"),
                          -1);
    for (std::size_t i = 0; i < fields.size(); ++i)
        m_labelField->addItem(fields[i].name, static_cast<int>(i));
    m_labelField->setCurrentIndex(std::max(0, m_labelField->findData(layer.style().labelField)));
    m_labelField->setToolTip(tr("The field whose text names each feature on the map and in "
                                "every export; names never overlap, so some may be left out"));
    m_labelField->setEnabled(m_labelsOn->isChecked());
    connect(m_labelsOn, &QCheckBox::toggled, m_labelField, &QWidget::setEnabled);
    form->addRow(tr("Label features by"), m_labelField);
    return page;
}

int LayerPropertiesDialog::timeField() const {
    return m_temporal->isChecked() ? m_field->currentIndex() : -1;
}

LayerStyle LayerPropertiesDialog::style() const {
    LayerStyle s = m_style->style();
    s.labelField = m_labelField->currentData().toInt();
    s.labels = m_labelsOn->isChecked();
    return s;
}

} // namespace borderlens
