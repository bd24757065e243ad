#include "incident_table.h"

#include "map/legend_entry.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace borderlens {

IncidentTablePanel::IncidentTablePanel(QWidget* parent)
    : QWidget(parent), m_model(new IncidentTableModel(this)), m_view(new QTableView(this)),
      m_filter(new QLineEdit(this)), m_layer(new QComboBox(this)), m_count(new QLabel(this)) {
    m_view->setModel(m_model);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(IncidentTableModel::Date, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->hide();
    // Rows of one height, so the view never measures a million rows' text.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->setWordWrap(false);
    m_filter->setPlaceholderText(tr("Filter (id, place, type, district, actors, layer…)"));
    m_filter->setClearButtonEnabled(true);
    m_layer->setToolTip(tr("Show the incidents of one layer, or of all of them"));
    m_layer->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_layer->setMaximumWidth(260);
    updateLayerCombo();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    auto* top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_layer);
    // Wide enough for a million of a million: a count that resized the label would relayout
    // the window at every time step.
    m_count->setFixedWidth(
        m_count->fontMetrics().horizontalAdvance(QStringLiteral("9,999,999 of 9,999,999")) + 8);
    m_count->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    top->addWidget(m_count);
    layout->addLayout(top);
    layout->addWidget(m_view);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_model->setFilterText(text);
        updateCount();
    });
    connect(m_layer, &QComboBox::currentIndexChanged, this, [this] {
        m_model->setLayerFilter(m_layer->currentData().toString());
        updateCount();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (m_applyingSelection)
            return;
        IncidentSelection selection;
        for (const QModelIndex& idx : m_view->selectionModel()->selectedRows())
            selection[m_model->layerIdAt(idx.row())].push_back(m_model->storeIndex(idx.row()));
        for (auto& [layer, indices] : selection)
            std::sort(indices.begin(), indices.end());
        emit selectionChanged(selection);
    });
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex& idx) {
        emit zoomToIncident(m_model->layerIdAt(idx.row()), m_model->storeIndex(idx.row()));
    });
}

void IncidentTablePanel::setSources(std::vector<IncidentTableSource> sources,
                                    const TimeRange& window) {
    const bool firstRows = m_model->sources().empty();
    m_model->setSources(std::move(sources), window);
    updateLayerCombo();
    // With one layer its name in every row says nothing.
    m_view->setColumnHidden(IncidentTableModel::Layer, m_model->sources().size() < 2);
    if (firstRows) {
        // Column widths from the header and a sample of rows, not from every row; once, so
        // that widths the user set (or a restored layout) are kept when layers come and go.
        m_view->horizontalHeader()->setResizeContentsPrecision(64);
        m_view->resizeColumnsToContents();
    }
    updateCount();
}

void IncidentTablePanel::updateLayerCombo() {
    const QSignalBlocker block(m_layer);
    const QString current = m_model->layerFilter();
    m_layer->clear();
    m_layer->addItem(tr("All layers"), QString());
    for (const IncidentTableSource& s : m_model->sources())
        m_layer->addItem(s.name, s.layerId);
    m_layer->setCurrentIndex(std::max(0, m_layer->findData(current)));
    m_layer->setVisible(m_model->sources().size() > 1);
}

void IncidentTablePanel::setWindow(const TimeRange& window) {
    // The model moves the selection with its incidents; nothing to re-select here.
    m_applyingSelection = true;
    m_model->setWindow(window);
    m_applyingSelection = false;
    updateCount();
}

void IncidentTablePanel::selectIncidents(const IncidentSelection& wanted) {
    m_applyingSelection = true;
    QItemSelection selection;
    for (const auto& [layerId, indices] : wanted) {
        for (std::uint32_t i : indices) {
            const int row = m_model->rowOf(layerId, i);
            if (row >= 0)
                selection.select(m_model->index(row, 0),
                                 m_model->index(row, IncidentTableModel::ColumnCount - 1));
        }
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (!selection.isEmpty())
        m_view->scrollTo(selection.indexes().first());
    m_applyingSelection = false;
}

int IncidentTablePanel::visibleRowCount() const {
    return m_model->rowCount();
}

void IncidentTablePanel::updateCount() {
    m_count->setText(
        tr("%1 of %2")
            .arg(groupedNumber(m_model->rowCount()), groupedNumber(m_model->windowCount())));
}

} // namespace borderlens
