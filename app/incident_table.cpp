#include "incident_table.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace borderlens {

void IncidentTableModel::setStore(std::shared_ptr<const IncidentStore> store,
                                  const TimeRange& window) {
    beginResetModel();
    m_store = std::move(store);
    m_rows = m_store ? m_store->select(window) : std::vector<std::uint32_t>{};
    endResetModel();
}

void IncidentTableModel::setWindow(const TimeRange& window) {
    if (!m_store)
        return;
    beginResetModel();
    m_rows = m_store->select(window);
    endResetModel();
}

int IncidentTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int IncidentTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IncidentTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !m_store)
        return {};
    const std::uint32_t i = m_rows[static_cast<std::size_t>(index.row())];
    const Incident& inc = m_store->at(i);
    if (role == IdRole)
        return inc.id;
    if (role == SortRole) {
        switch (index.column()) {
        case Date:
            return static_cast<qlonglong>(m_store->spanBegins()[i]);
        case Killed:
            return inc.killed.bestOrZero();
        default:
            break;
        }
        return data(index, Qt::DisplayRole);
    }
    if (role == Qt::ToolTipRole && index.column() == Summary)
        return inc.summary;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Date: {
        const QString d = QLocale::c().toString(inc.startDate, QStringLiteral("yyyy-MM-dd"));
        if (inc.endDate)
            return d + QStringLiteral(" – ") + inc.endDate->toString(Qt::ISODate);
        return inc.datePrecision == DatePrecision::Day
                   ? d
                   : QStringLiteral("%1 (%2)").arg(d, toString(inc.datePrecision));
    }
    case Type:
        return displayName(inc.type);
    case Place:
        return inc.place;
    case District:
        return inc.district;
    case Killed:
        return inc.killed.best || inc.killed.low || inc.killed.high
                   ? QVariant(inc.killed.bestOrZero())
                   : QVariant(QString());
    case Precision:
        return toString(inc.geoPrecision);
    case Summary:
        return inc.summary;
    default:
        return {};
    }
}

QVariant IncidentTableModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char* names[] = {"Date", "Type", "Place", "District", "Killed", "Location",
                                  "Summary"};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

IncidentTablePanel::IncidentTablePanel(QWidget* parent)
    : QWidget(parent), m_model(new IncidentTableModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_view(new QTableView(this)),
      m_filter(new QLineEdit(this)), m_count(new QLabel(this)) {
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(IncidentTableModel::SortRole);
    m_proxy->setFilterKeyColumn(-1); // any column
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(IncidentTableModel::Date, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->hide();
    m_view->setWordWrap(false);
    m_filter->setPlaceholderText(tr("Filter (place, type, district, summary…)"));
    m_filter->setClearButtonEnabled(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    auto* top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_count);
    layout->addLayout(top);
    layout->addWidget(m_view);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setFilterFixedString(text);
        updateCount();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (m_applyingSelection)
            return;
        QSet<QString> ids;
        for (const QModelIndex& idx : m_view->selectionModel()->selectedRows())
            ids.insert(idx.data(IncidentTableModel::IdRole).toString());
        emit selectionChanged(ids);
    });
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex& idx) {
        emit zoomToIncident(idx.data(IncidentTableModel::IdRole).toString());
    });
}

void IncidentTablePanel::setStore(std::shared_ptr<const IncidentStore> store,
                                  const TimeRange& window) {
    m_model->setStore(std::move(store), window);
    m_view->resizeColumnsToContents();
    updateCount();
}

void IncidentTablePanel::setWindow(const TimeRange& window) {
    // Keep the selection across a time change where the rows survive.
    QSet<QString> selected;
    for (const QModelIndex& idx : m_view->selectionModel()->selectedRows())
        selected.insert(idx.data(IncidentTableModel::IdRole).toString());
    m_model->setWindow(window);
    selectIds(selected);
    updateCount();
}

void IncidentTablePanel::selectIds(const QSet<QString>& ids) {
    m_applyingSelection = true;
    QItemSelection selection;
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        const QModelIndex idx = m_proxy->index(r, 0);
        if (ids.contains(idx.data(IncidentTableModel::IdRole).toString()))
            selection.select(idx, m_proxy->index(r, IncidentTableModel::ColumnCount - 1));
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (!selection.isEmpty())
        m_view->scrollTo(selection.indexes().first());
    m_applyingSelection = false;
}

int IncidentTablePanel::visibleRowCount() const { return m_proxy->rowCount(); }

void IncidentTablePanel::updateCount() {
    m_count->setText(tr("%1 of %2").arg(m_proxy->rowCount()).arg(m_model->rowCount()));
}

} // namespace borderlens
