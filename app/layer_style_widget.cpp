#include "layer_style_widget.h"

#include "colour_button.h"
#include "render/classify_field.h"

#include <QColorDialog>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace borderlens {
namespace {

// The columns of both class tables: a tick to show the class, its colour, what it holds (a
// value, or a range), and its label in the legend.
enum Column { Show, Colour, Holds, Label, ColumnCount };
constexpr int kValueRole = Qt::UserRole;     // Colour: the QColor; Holds: value or lower bound
constexpr int kExtraRole = Qt::UserRole + 1; // Holds: "other" flag or upper bound
constexpr QSize kSwatch(28, 12);

QTableWidget* classTable(const QString& holds, QWidget* parent) {
    auto* t = new QTableWidget(0, ColumnCount, parent);
    t->setHorizontalHeaderLabels(
        {QObject::tr("Show"), QObject::tr("Colour"), holds, QObject::tr("Legend label")});
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->horizontalHeader()->setSectionResizeMode(Show, QHeaderView::ResizeToContents);
    t->horizontalHeader()->setSectionResizeMode(Colour, QHeaderView::ResizeToContents);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setIconSize(kSwatch);
    t->setToolTip(QObject::tr("Untick a class to leave its features off the map and the "
                              "legend; double-click a colour to change it; edit a label to "
                              "change the legend."));
    // A double-click on a colour picks another.
    QObject::connect(t, &QTableWidget::cellDoubleClicked, t, [t](int row, int column) {
        if (column != Colour)
            return;
        QTableWidgetItem* item = t->item(row, Colour);
        const QColor chosen =
            QColorDialog::getColor(item->data(kValueRole).value<QColor>(), t,
                                   QObject::tr("Class colour"), QColorDialog::ShowAlphaChannel);
        if (chosen.isValid()) {
            item->setData(kValueRole, chosen);
            item->setIcon(colourSwatch(chosen, kSwatch));
        }
    });
    return t;
}

// Fills row `row` of a class table (the Holds cell is the caller's).
void setClassRow(QTableWidget* t, int row, bool visible, const QColor& colour,
                 const QString& label) {
    auto* show = new QTableWidgetItem;
    show->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    show->setCheckState(visible ? Qt::Checked : Qt::Unchecked);
    t->setItem(row, Show, show);
    auto* swatch = new QTableWidgetItem;
    swatch->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    swatch->setData(kValueRole, colour);
    swatch->setIcon(colourSwatch(colour, kSwatch));
    t->setItem(row, Colour, swatch);
    t->setItem(row, Label, new QTableWidgetItem(label));
}

bool rowVisible(const QTableWidget* t, int row) {
    return t->item(row, Show)->checkState() == Qt::Checked;
}
QColor rowColour(const QTableWidget* t, int row) {
    return t->item(row, Colour)->data(kValueRole).value<QColor>();
}

} // namespace

LayerStyleWidget::LayerStyleWidget(const LayerStyle& style,
                                   std::shared_ptr<const VectorLayer> layerData, QWidget* parent)
    : QWidget(parent), m_base(style), m_data(std::move(layerData)), m_renderer(new QComboBox(this)),
      m_pages(new QStackedWidget(this)), m_fill(new ColourButton(style.fill, this)),
      m_stroke(new ColourButton(style.stroke, this)), m_strokeWidth(new QDoubleSpinBox(this)),
      m_opacity(new QSlider(Qt::Horizontal, this)), m_opacityText(new QLabel(this)),
      m_categoryField(new QComboBox(this)), m_categories(classTable(tr("Value"), this)),
      m_rangeField(new QComboBox(this)), m_method(new QComboBox(this)),
      m_classCount(new QSpinBox(this)), m_rampFrom(new ColourButton(style.rampFrom, this)),
      m_rampTo(new ColourButton(style.rampTo, this)), m_ranges(classTable(tr("Range"), this)) {
    auto* layout = new QVBoxLayout(this);
    auto* common = new QFormLayout;
    m_renderer->addItem(tr("Single symbol"), int(RendererKind::Single));
    m_renderer->addItem(tr("Categorised (by the value of a field)"),
                        int(RendererKind::Categorised));
    m_renderer->addItem(tr("Graduated (by classes of a number)"), int(RendererKind::Graduated));
    common->addRow(tr("Colour features"), m_renderer);
    common->addRow(tr("Outline colour"), m_stroke);
    m_strokeWidth->setRange(0.0, 5.0);
    m_strokeWidth->setDecimals(2);
    m_strokeWidth->setSingleStep(0.05);
    m_strokeWidth->setSuffix(tr(" mm"));
    m_strokeWidth->setValue(style.strokeWidthMm);
    common->addRow(tr("Outline width"), m_strokeWidth);
    m_opacity->setRange(0, 100);
    m_opacity->setValue(static_cast<int>(std::lround(style.opacity * 100)));
    m_opacity->setToolTip(tr("The whole layer's opacity, applied once over all it draws"));
    auto* opacityRow = new QHBoxLayout;
    opacityRow->addWidget(m_opacity, 1);
    opacityRow->addWidget(m_opacityText);
    auto showOpacity = [this](int v) {
        m_opacityText->setText(QStringLiteral("%1 %").arg(v));
    };
    showOpacity(m_opacity->value());
    connect(m_opacity, &QSlider::valueChanged, this, showOpacity);
    common->addRow(tr("Layer opacity"), opacityRow);
    layout->addLayout(common);

    m_pages->addWidget(buildSinglePage());
    m_pages->addWidget(buildCategorisedPage());
    m_pages->addWidget(buildGraduatedPage());
    layout->addWidget(m_pages, 1);

    fillCategoryTable(style.renderer == RendererKind::Categorised ? style.categories
                                                                  : std::vector<StyleCategory>{});
    fillRangeTable(style.renderer == RendererKind::Graduated ? style.ranges
                                                             : std::vector<StyleRange>{});
    m_renderer->setCurrentIndex(int(style.renderer));
    m_pages->setCurrentIndex(int(style.renderer));
    connect(m_renderer, &QComboBox::currentIndexChanged, this, &LayerStyleWidget::showRenderer);
}

QWidget* LayerStyleWidget::buildSinglePage() {
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Fill colour"), m_fill);
    auto* note = new QLabel(tr("Every feature is drawn alike: areas and markers with this fill, "
                               "lines in the outline colour."),
                            page);
    note->setWordWrap(true);
    form->addRow(note);
    return page;
}

QWidget* LayerStyleWidget::buildCategorisedPage() {
    auto* page = new QWidget(this);
    auto* column = new QVBoxLayout(page);
    column->setContentsMargins(0, 0, 0, 0);
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Field"), page));
    const auto& fields = m_data->attributes().fields();
    for (std::size_t i = 0; i < fields.size(); ++i)
        m_categoryField->addItem(fields[i].name, static_cast<int>(i));
    if (m_base.renderer == RendererKind::Categorised && m_base.classField >= 0)
        m_categoryField->setCurrentIndex(m_categoryField->findData(m_base.classField));
    row->addWidget(m_categoryField, 1);
    auto* classify = new QPushButton(tr("Classify"), page);
    classify->setToolTip(tr("One category per value of the field (the 50 most frequent; the "
                            "rest share “Other values”), with fresh colours"));
    row->addWidget(classify);
    column->addLayout(row);
    column->addWidget(m_categories, 1);
    connect(classify, &QPushButton::clicked, this, &LayerStyleWidget::classifyCategories);
    connect(m_categoryField, &QComboBox::currentIndexChanged, this,
            &LayerStyleWidget::classifyCategories);
    return page;
}

QWidget* LayerStyleWidget::buildGraduatedPage() {
    auto* page = new QWidget(this);
    auto* column = new QVBoxLayout(page);
    column->setContentsMargins(0, 0, 0, 0);
    auto* form = new QFormLayout;
    const auto& fields = m_data->attributes().fields();
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (isNumericField(fields[i]))
            m_rangeField->addItem(fields[i].name, static_cast<int>(i));
    }
    if (m_base.renderer == RendererKind::Graduated && m_base.classField >= 0)
        m_rangeField->setCurrentIndex(m_rangeField->findData(m_base.classField));
    m_rangeField->setPlaceholderText(tr("(no numeric field)"));
    form->addRow(tr("Numeric field"), m_rangeField);
    for (ClassificationMethod m :
         {ClassificationMethod::EqualInterval, ClassificationMethod::Quantile,
          ClassificationMethod::NaturalBreaks})
        m_method->addItem(displayName(m), int(m));
    m_method->setCurrentIndex(m_method->findData(int(m_base.method)));
    form->addRow(tr("Method"), m_method);
    m_classCount->setRange(2, 12);
    m_classCount->setValue(std::clamp(m_base.classCount, 2, 12));
    form->addRow(tr("Classes"), m_classCount);
    auto* ramp = new QHBoxLayout;
    ramp->addWidget(m_rampFrom);
    ramp->addWidget(new QLabel(QStringLiteral("→"), page));
    ramp->addWidget(m_rampTo);
    ramp->addStretch(1);
    auto* classify = new QPushButton(tr("Classify"), page);
    ramp->addWidget(classify);
    form->addRow(tr("Colour ramp"), ramp);
    column->addLayout(form);
    column->addWidget(m_ranges, 1);
    connect(classify, &QPushButton::clicked, this, &LayerStyleWidget::classifyRanges);
    connect(m_rangeField, &QComboBox::currentIndexChanged, this, &LayerStyleWidget::classifyRanges);
    connect(m_method, &QComboBox::currentIndexChanged, this, &LayerStyleWidget::classifyRanges);
    connect(m_classCount, &QSpinBox::valueChanged, this, &LayerStyleWidget::classifyRanges);
    connect(m_rampFrom, &ColourButton::colourChanged, this, &LayerStyleWidget::classifyRanges);
    connect(m_rampTo, &ColourButton::colourChanged, this, &LayerStyleWidget::classifyRanges);
    return page;
}

void LayerStyleWidget::showRenderer(int index) {
    m_pages->setCurrentIndex(index);
    // A first look at a renderer shows its classes rather than an empty table (which would
    // draw nothing).
    if (index == int(RendererKind::Categorised) && m_categories->rowCount() == 0)
        classifyCategories();
    if (index == int(RendererKind::Graduated) && m_ranges->rowCount() == 0)
        classifyRanges();
}

int LayerStyleWidget::classAlpha() const {
    const int fillAlpha = m_fill->colour().alpha();
    return m_data->dominantKind() == PartKind::Polygon && fillAlpha > 0 ? fillAlpha : 255;
}

void LayerStyleWidget::classifyCategories() {
    fillCategoryTable(
        categoriesFor(m_data->attributes(), m_categoryField->currentData().toInt(), classAlpha()));
}

void LayerStyleWidget::classifyRanges() {
    if (m_rangeField->currentIndex() < 0) {
        fillRangeTable({});
        return;
    }
    QColor from = m_rampFrom->colour(), to = m_rampTo->colour();
    from.setAlpha(classAlpha());
    to.setAlpha(classAlpha());
    fillRangeTable(rangesFor(m_data->attributes(), m_rangeField->currentData().toInt(),
                             static_cast<ClassificationMethod>(m_method->currentData().toInt()),
                             m_classCount->value(), from, to));
}

void LayerStyleWidget::fillCategoryTable(const std::vector<StyleCategory>& categories) {
    m_categories->setRowCount(static_cast<int>(categories.size()));
    for (int row = 0; row < m_categories->rowCount(); ++row) {
        const StyleCategory& c = categories[std::size_t(row)];
        setClassRow(m_categories, row, c.visible, c.colour, c.label);
        auto* holds = new QTableWidgetItem(c.other             ? tr("(all other values)")
                                           : c.value.isEmpty() ? tr("(no value)")
                                                               : c.value);
        holds->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        holds->setData(kValueRole, c.value);
        holds->setData(kExtraRole, c.other);
        m_categories->setItem(row, Holds, holds);
    }
}

void LayerStyleWidget::fillRangeTable(const std::vector<StyleRange>& ranges) {
    m_ranges->setRowCount(static_cast<int>(ranges.size()));
    for (int row = 0; row < m_ranges->rowCount(); ++row) {
        const StyleRange& r = ranges[std::size_t(row)];
        setClassRow(m_ranges, row, r.visible, r.colour, r.label);
        auto* holds = new QTableWidgetItem(
            QStringLiteral("%1 – %2").arg(QString::number(r.lower), QString::number(r.upper)));
        holds->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        holds->setData(kValueRole, r.lower);
        holds->setData(kExtraRole, r.upper);
        m_ranges->setItem(row, Holds, holds);
    }
}

LayerStyle LayerStyleWidget::style() const {
    LayerStyle s = m_base;
    s.fill = m_fill->colour();
    s.stroke = m_stroke->colour();
    // Spin boxes and sliders round: keep the layer's exact numbers unless the user moved them.
    if (std::abs(m_strokeWidth->value() - m_base.strokeWidthMm) > 0.004)
        s.strokeWidthMm = m_strokeWidth->value();
    if (m_opacity->value() != static_cast<int>(std::lround(m_base.opacity * 100)))
        s.opacity = m_opacity->value() / 100.0;
    s.renderer = static_cast<RendererKind>(m_renderer->currentData().toInt());
    s.categories.clear();
    s.ranges.clear();
    s.method = static_cast<ClassificationMethod>(m_method->currentData().toInt());
    s.classCount = m_classCount->value();
    s.rampFrom = m_rampFrom->colour();
    s.rampTo = m_rampTo->colour();
    switch (s.renderer) {
    case RendererKind::Single:
        s.classField = m_base.renderer == RendererKind::Single ? m_base.classField : -1;
        break;
    case RendererKind::Categorised:
        s.classField = m_categoryField->currentData().toInt();
        for (int row = 0; row < m_categories->rowCount(); ++row) {
            StyleCategory c;
            c.value = m_categories->item(row, Holds)->data(kValueRole).toString();
            c.other = m_categories->item(row, Holds)->data(kExtraRole).toBool();
            c.colour = rowColour(m_categories, row);
            c.label = m_categories->item(row, Label)->text();
            c.visible = rowVisible(m_categories, row);
            s.categories.push_back(c);
        }
        break;
    case RendererKind::Graduated:
        s.classField = m_rangeField->currentIndex() >= 0 ? m_rangeField->currentData().toInt() : -1;
        for (int row = 0; row < m_ranges->rowCount(); ++row) {
            StyleRange r;
            r.lower = m_ranges->item(row, Holds)->data(kValueRole).toDouble();
            r.upper = m_ranges->item(row, Holds)->data(kExtraRole).toDouble();
            r.colour = rowColour(m_ranges, row);
            r.label = m_ranges->item(row, Label)->text();
            r.visible = rowVisible(m_ranges, row);
            s.ranges.push_back(r);
        }
        break;
    }
    return s;
}

} // namespace borderlens
