#include "incident_table.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace borderlens {

namespace {

// Rank of each dictionary value in alphabetical order, for sorting rows by code.
std::vector<std::uint32_t> alphabeticalRanks(const StringDictionary& dict) {
    std::vector<QString> values(dict.size());
    for (std::uint32_t c = 0; c < dict.size(); ++c) {
        const std::string_view v = dict.value(c);
        values[c] = QString::fromUtf8(v.data(), qsizetype(v.size()));
    }
    std::vector<std::uint32_t> order(dict.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return values[a].localeAwareCompare(values[b]) < 0;
    });
    std::vector<std::uint32_t> rank(dict.size());
    for (std::uint32_t r = 0; r < order.size(); ++r)
        rank[order[r]] = r;
    return rank;
}

bool containsFolded(std::string_view haystack, const QByteArray& needleLower) {
    if (needleLower.isEmpty())
        return true;
    const auto n = std::size_t(needleLower.size());
    for (std::size_t i = 0; i + n <= haystack.size(); ++i) {
        std::size_t k = 0;
        while (k < n) {
            char c = haystack[i + k];
            if (c >= 'A' && c <= 'Z')
                c = char(c - 'A' + 'a');
            if (c != needleLower[qsizetype(k)])
                break;
            ++k;
        }
        if (k == n)
            return true;
    }
    return false;
}

} // namespace

void IncidentTableModel::setStore(std::shared_ptr<const IncidentStore> store,
                                  const TimeRange& window) {
    beginResetModel();
    m_store = std::move(store);
    m_window = window;
    m_placeRank = m_store ? alphabeticalRanks(m_store->columns().place.dictionary())
                          : std::vector<std::uint32_t>{};
    m_districtRank = m_store ? alphabeticalRanks(m_store->columns().district.dictionary())
                             : std::vector<std::uint32_t>{};
    if (!m_filter.isEmpty() && m_store) {
        m_placeMatch = matchingCodes(m_store->columns().place);
        m_districtMatch = matchingCodes(m_store->columns().district);
        m_actorsMatch = matchingCodes(m_store->columns().actors);
    }
    m_rows.clear();
    m_windowCount = 0;
    if (m_store) {
        m_store->select(m_window, m_rows);
        m_windowCount = m_rows.size();
    }
    endResetModel();
    if (m_store && (!m_filter.isEmpty() || m_sortColumn != Date || m_sortOrder != Qt::AscendingOrder))
        rebuild();
}

void IncidentTableModel::setWindow(const TimeRange& window) {
    m_window = window;
    if (m_store)
        rebuild();
}

std::vector<bool> IncidentTableModel::matchingCodes(const DictColumn& column) const {
    const QByteArray needle = m_filter.toLower().toUtf8();
    const StringDictionary& dict = column.dictionary();
    std::vector<bool> match(dict.size());
    for (std::uint32_t c = 0; c < dict.size(); ++c)
        match[c] = containsFolded(dict.value(c), needle);
    return match;
}

void IncidentTableModel::setFilterText(const QString& text) {
    m_filter = text.trimmed();
    if (!m_store)
        return;
    if (!m_filter.isEmpty()) {
        m_placeMatch = matchingCodes(m_store->columns().place);
        m_districtMatch = matchingCodes(m_store->columns().district);
        m_actorsMatch = matchingCodes(m_store->columns().actors);
    }
    rebuild();
}

void IncidentTableModel::sortRows(std::vector<std::uint32_t>& rows) const {
    const IncidentStore& s = *m_store;
    const IncidentColumns& c = s.columns();
    auto sortBy = [&](auto key) {
        std::stable_sort(rows.begin(), rows.end(), [&](std::uint32_t a, std::uint32_t b) {
            return key(a) < key(b);
        });
    };
    switch (m_sortColumn) {
    case Date:
        break; // store order is chronological
    case Type: {
        std::array<int, kIncidentTypeCount> rank{};
        std::array<QString, kIncidentTypeCount> names;
        for (IncidentType t : kAllIncidentTypes)
            names[std::size_t(t)] = displayName(t);
        for (std::size_t t = 0; t < kIncidentTypeCount; ++t)
            for (std::size_t u = 0; u < kIncidentTypeCount; ++u)
                rank[t] += names[u] < names[t];
        sortBy([&](std::uint32_t i) { return rank[std::size_t(s.types()[i])]; });
        break;
    }
    case Place:
        sortBy([&](std::uint32_t i) { return m_placeRank[c.place.code(i)]; });
        break;
    case District:
        sortBy([&](std::uint32_t i) { return m_districtRank[c.district.code(i)]; });
        break;
    case Killed:
        sortBy([&](std::uint32_t i) { return s.killedOrZero(i); });
        break;
    case Precision:
        sortBy([&](std::uint32_t i) { return int(s.geoPrecisions()[i]); });
        break;
    case Summary: {
        // The one column that is not in memory as such: read each row's text once.
        std::unordered_map<std::uint32_t, QString> text;
        for (std::uint32_t i : rows) {
            const auto rec = c.records.fields(i);
            text.emplace(i, rec.empty() ? QString() : QString::fromStdString(rec[0]));
        }
        std::stable_sort(rows.begin(), rows.end(), [&](std::uint32_t a, std::uint32_t b) {
            return text[a].localeAwareCompare(text[b]) < 0;
        });
        break;
    }
    default:
        break;
    }
    if (m_sortOrder == Qt::DescendingOrder)
        std::reverse(rows.begin(), rows.end());
}

void IncidentTableModel::rebuild() {
    emit layoutAboutToBeChanged();
    const QModelIndexList persistent = persistentIndexList();
    std::vector<std::uint32_t> followed; // the store index each persistent index points at
    followed.reserve(std::size_t(persistent.size()));
    for (const QModelIndex& p : persistent)
        followed.push_back(p.isValid() && std::size_t(p.row()) < m_rows.size()
                               ? m_rows[std::size_t(p.row())]
                               : UINT32_MAX);

    std::vector<std::uint32_t> rows;
    m_store->select(m_window, rows);
    m_windowCount = rows.size();
    if (!m_filter.isEmpty()) {
        const IncidentColumns& c = m_store->columns();
        const QByteArray needle = m_filter.toLower().toUtf8();
        std::array<bool, kIncidentTypeCount> typeMatch{};
        for (IncidentType t : kAllIncidentTypes)
            typeMatch[std::size_t(t)] = displayName(t).contains(m_filter, Qt::CaseInsensitive);
        std::erase_if(rows, [&](std::uint32_t i) {
            return !(typeMatch[std::size_t(c.type[i])] || m_placeMatch[c.place.code(i)] ||
                     m_districtMatch[c.district.code(i)] || m_actorsMatch[c.actors.code(i)] ||
                     containsFolded(c.id.view(i), needle));
        });
    }
    sortRows(rows);
    m_rows = std::move(rows);

    // Move persistent indexes (selection, current row) to the rows of the same incidents.
    if (!persistent.isEmpty()) {
        std::unordered_map<std::uint32_t, int> rowOfIndex;
        for (std::uint32_t f : followed)
            if (f != UINT32_MAX)
                rowOfIndex.emplace(f, -1);
        for (std::size_t r = 0; r < m_rows.size(); ++r)
            if (auto it = rowOfIndex.find(m_rows[r]); it != rowOfIndex.end())
                it->second = static_cast<int>(r);
        QModelIndexList to;
        for (qsizetype k = 0; k < persistent.size(); ++k) {
            const auto it = rowOfIndex.find(followed[std::size_t(k)]);
            to << (it != rowOfIndex.end() && it->second >= 0
                       ? index(it->second, persistent[k].column())
                       : QModelIndex());
        }
        changePersistentIndexList(persistent, to);
    }
    emit layoutChanged();
}

void IncidentTableModel::sort(int column, Qt::SortOrder order) {
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    if (m_store)
        rebuild();
}

int IncidentTableModel::rowOf(std::uint32_t storeIndex) const {
    if (m_sortColumn == Date && m_sortOrder == Qt::AscendingOrder) {
        const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), storeIndex);
        return it != m_rows.end() && *it == storeIndex ? int(it - m_rows.begin()) : -1;
    }
    const auto it = std::find(m_rows.begin(), m_rows.end(), storeIndex);
    return it != m_rows.end() ? int(it - m_rows.begin()) : -1;
}

int IncidentTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int IncidentTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IncidentTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !m_store || std::size_t(index.row()) >= m_rows.size())
        return {};
    const std::uint32_t i = m_rows[static_cast<std::size_t>(index.row())];
    const IncidentStore& s = *m_store;
    if (role == IndexRole)
        return QVariant::fromValue(qulonglong(i));
    if (role == IdRole)
        return s.id(i);
    auto summary = [&] {
        const auto rec = s.columns().records.fields(i);
        return rec.empty() ? QString() : QString::fromStdString(rec[0]);
    };
    if (role == Qt::ToolTipRole && index.column() == Summary)
        return summary();
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Date: {
        const TimeRange span = s.span(i);
        const QString d = QLocale::c().toString(span.beginDate(), QStringLiteral("yyyy-MM-dd"));
        if (s.columns().flags[i] & IncidentColumns::kHasEndDate)
            return d + QStringLiteral(" – ") + span.lastDate().toString(Qt::ISODate);
        return s.datePrecision(i) == DatePrecision::Day
                   ? d
                   : QStringLiteral("%1 (%2)").arg(d, toString(s.datePrecision(i)));
    }
    case Type:
        return displayName(s.types()[i]);
    case Place:
        return s.place(i);
    case District:
        return s.district(i);
    case Killed: {
        const IncidentColumns& c = s.columns();
        const bool known = IncidentColumns::count(c.killedBest, i) >= 0 ||
                           IncidentColumns::count(c.killedLow, i) >= 0 ||
                           IncidentColumns::count(c.killedHigh, i) >= 0;
        return known ? QVariant(s.killedOrZero(i)) : QVariant(QString());
    }
    case Precision:
        return toString(s.geoPrecisions()[i]);
    case Summary:
        return summary();
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
    : QWidget(parent), m_model(new IncidentTableModel(this)), m_view(new QTableView(this)),
      m_filter(new QLineEdit(this)), m_count(new QLabel(this)) {
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
    m_filter->setPlaceholderText(tr("Filter (id, place, type, district, actors…)"));
    m_filter->setClearButtonEnabled(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    auto* top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_count);
    layout->addLayout(top);
    layout->addWidget(m_view);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_model->setFilterText(text);
        updateCount();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (m_applyingSelection)
            return;
        std::vector<std::uint32_t> indices;
        for (const QModelIndex& idx : m_view->selectionModel()->selectedRows())
            indices.push_back(m_model->storeIndex(idx.row()));
        std::sort(indices.begin(), indices.end());
        emit selectionChanged(indices);
    });
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex& idx) {
        emit zoomToIncident(m_model->storeIndex(idx.row()));
    });
}

void IncidentTablePanel::setStore(std::shared_ptr<const IncidentStore> store,
                                  const TimeRange& window) {
    m_model->setStore(std::move(store), window);
    // Column widths from the header and a sample of rows, not from every row.
    m_view->horizontalHeader()->setResizeContentsPrecision(64);
    m_view->resizeColumnsToContents();
    updateCount();
}

void IncidentTablePanel::setWindow(const TimeRange& window) {
    // The model moves the selection with its incidents; nothing to re-select here.
    m_applyingSelection = true;
    m_model->setWindow(window);
    m_applyingSelection = false;
    updateCount();
}

void IncidentTablePanel::selectIndices(const std::vector<std::uint32_t>& indices) {
    m_applyingSelection = true;
    QItemSelection selection;
    for (std::uint32_t i : indices) {
        const int row = m_model->rowOf(i);
        if (row >= 0)
            selection.select(m_model->index(row, 0),
                             m_model->index(row, IncidentTableModel::ColumnCount - 1));
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (!selection.isEmpty())
        m_view->scrollTo(selection.indexes().first());
    m_applyingSelection = false;
}

int IncidentTablePanel::visibleRowCount() const { return m_model->rowCount(); }

void IncidentTablePanel::updateCount() {
    m_count->setText(tr("%1 of %2").arg(m_model->rowCount()).arg(m_model->windowCount()));
}

} // namespace borderlens
