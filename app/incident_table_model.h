#pragma once

#include "analysis/derived_facts.h"
#include "incidents/incident_store.h"

#include <QAbstractTableModel>

#include <map>
#include <memory>
#include <vector>

namespace borderlens {

// One incident layer the table lists.
struct IncidentTableSource {
    QString layerId;
    QString name;
    std::shared_ptr<const IncidentStore> store;
    // Facts derived for `store` (aligned with its rows), null until derived: the district,
    // province, bank, border and outpost columns then stay empty (District shows the record's).
    std::shared_ptr<const DerivedFacts> facts;
};

// Store indices per incident layer id, ascending: a selection across layers.
using IncidentSelection = std::map<QString, std::vector<std::uint32_t>>;

// The incidents that the current time window shows, of every incident layer (or of one, with
// the layer filter), one row each. It is a view of the stores: a row is (layer, store index),
// rows are sorted on the columns' own values (days, codes ranked across layers, counts), and a
// time step swaps the row list in place (layoutChanged, with persistent indexes moved to the
// same incidents), so the selection, the current row and the scroll position survive and only
// the visible cells are ever formatted.
class IncidentTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // District and Province are where the point lies on the active district layer once facts
    // are derived (the record's own words until then); Border is the distance to the border in
    // km, Bank the side it lies on (flagged where the record names the other country), Outpost
    // the nearest one present on the day and its distance.
    enum Column {
        Date,
        Type,
        Place,
        District,
        Province,
        Killed,
        Precision,
        Border,
        Bank,
        Outpost,
        Layer,
        Summary,
        ColumnCount
    };
    static constexpr int IndexRole = Qt::UserRole + 1; // the store index, as qulonglong
    static constexpr int IdRole = Qt::UserRole + 2;
    static constexpr int LayerIdRole = Qt::UserRole + 3;

    using QAbstractTableModel::QAbstractTableModel;
    void setSources(std::vector<IncidentTableSource> sources, const TimeRange& window);
    const std::vector<IncidentTableSource>& sources() const { return m_sources; }
    void setWindow(const TimeRange& window);
    // Rows whose id, type, place, district or actors contain `text` (case-insensitive).
    void setFilterText(const QString& text);
    // Only this layer's rows; empty for every layer.
    void setLayerFilter(const QString& layerId);
    const QString& layerFilter() const { return m_layerFilter; }

    const QString& layerIdAt(int row) const { return m_sources[sourceOf(row)].layerId; }
    std::uint32_t storeIndex(int row) const {
        return static_cast<std::uint32_t>(m_rows[static_cast<std::size_t>(row)]);
    }
    // The row showing incident `index` of layer `layerId`, or -1.
    int rowOf(const QString& layerId, std::uint32_t index) const;
    // Incidents of the window (before the text and layer filters).
    int windowCount() const { return static_cast<int>(m_windowCount); }
    const TimeRange& window() const { return m_window; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;
    void sort(int column, Qt::SortOrder order) override;

private:
    // A row: the source in the high 32 bits, the store index in the low.
    using RowKey = std::uint64_t;
    static RowKey key(std::size_t source, std::uint32_t index) {
        return (RowKey(source) << 32) | index;
    }
    std::size_t sourceOf(int row) const {
        return static_cast<std::size_t>(m_rows[static_cast<std::size_t>(row)] >> 32);
    }
    // Recomputes m_rows for the window, filters and sort; persistent indexes follow their rows.
    void rebuild();
    std::vector<RowKey> windowRows();
    void sortRows(std::vector<RowKey>& rows) const;
    void computeRanks();
    // The text of a derived column (District, Province, Bank, Outpost) for one row.
    QString cellText(RowKey k, int column) const;
    void computeMatches();

    struct SourceState {
        // Alphabetical rank of each dictionary code, comparable across layers.
        std::vector<std::uint32_t> placeRank, districtRank;
        // Per dictionary code: does the value contain the filter text?
        std::vector<bool> placeMatch, districtMatch, actorsMatch;
    };
    std::vector<IncidentTableSource> m_sources;
    std::vector<SourceState> m_state;
    TimeRange m_window = TimeRange::all();
    std::vector<RowKey> m_rows; // in display order
    std::size_t m_windowCount = 0;
    int m_sortColumn = Date;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QString m_filter;
    QString m_layerFilter;
};

} // namespace borderlens
