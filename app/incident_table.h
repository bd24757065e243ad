#pragma once

#include "incidents/incident_store.h"

#include <QAbstractTableModel>
#include <QWidget>

#include <memory>
#include <vector>

class QLineEdit;
class QLabel;
class QTableView;

namespace borderlens {

// The incidents of one layer that the current time window shows, one row each. It is a view of
// the store: rows are store indices, sorted on the columns' own values (codes, days, counts),
// and a time step swaps the index list in place (layoutChanged, with persistent indexes moved to
// the same incidents), so the selection, the current row and the scroll position survive and
// only the visible cells are ever formatted.
class IncidentTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Date, Type, Place, District, Killed, Precision, Summary, ColumnCount };
    static constexpr int IndexRole = Qt::UserRole + 1; // the store index, as qulonglong
    static constexpr int IdRole = Qt::UserRole + 2;

    using QAbstractTableModel::QAbstractTableModel;
    void setStore(std::shared_ptr<const IncidentStore> store, const TimeRange& window);
    void setWindow(const TimeRange& window);
    // Rows whose id, type, place, district or actors contain `text` (case-insensitive).
    void setFilterText(const QString& text);
    const std::shared_ptr<const IncidentStore>& store() const { return m_store; }
    std::uint32_t storeIndex(int row) const { return m_rows[static_cast<std::size_t>(row)]; }
    // The row showing store index `index`, or -1.
    int rowOf(std::uint32_t index) const;
    int windowCount() const { return static_cast<int>(m_windowCount); }
    const TimeRange& window() const { return m_window; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;
    void sort(int column, Qt::SortOrder order) override;

private:
    // Recomputes m_rows for the window, filter and sort; persistent indexes follow their rows.
    void rebuild();
    void sortRows(std::vector<std::uint32_t>& rows) const;
    // Per dictionary code: does the value contain the filter text? Computed once per text.
    std::vector<bool> matchingCodes(const DictColumn& column) const;

    std::shared_ptr<const IncidentStore> m_store;
    TimeRange m_window = TimeRange::all();
    std::vector<std::uint32_t> m_rows; // store indices shown, in display order
    std::size_t m_windowCount = 0;
    int m_sortColumn = Date;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QString m_filter;
    std::vector<bool> m_placeMatch, m_districtMatch, m_actorsMatch;
    std::vector<std::uint32_t> m_placeRank, m_districtRank; // sort keys by dictionary code
};

// The incident table dock: sort by any column, filter by text, selection kept in step with the
// map both ways; double-click zooms to the incident.
class IncidentTablePanel : public QWidget {
    Q_OBJECT
public:
    explicit IncidentTablePanel(QWidget* parent = nullptr);
    void setStore(std::shared_ptr<const IncidentStore> store, const TimeRange& window);
    void setWindow(const TimeRange& window);
    // Selects these store indices without re-emitting selectionChanged (the map asked).
    void selectIndices(const std::vector<std::uint32_t>& indices);
    int visibleRowCount() const;
    // The time window the rows are of (the map's frame's).
    const TimeRange& window() const { return m_model->window(); }
    QTableView* view() const { return m_view; }
    QLineEdit* filterEdit() const { return m_filter; }
    IncidentTableModel* model() const { return m_model; }

signals:
    // Store indices, ascending.
    void selectionChanged(const std::vector<std::uint32_t>& indices);
    void zoomToIncident(std::uint32_t index);

private:
    void updateCount();

    IncidentTableModel* m_model;
    QTableView* m_view;
    QLineEdit* m_filter;
    QLabel* m_count;
    bool m_applyingSelection = false;
};

} // namespace borderlens
