#pragma once

#include "analysis/district_trends.h"

#include <QWidget>

#include <memory>
#include <vector>

class QCheckBox;
class QLabel;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;

namespace borderlens {

class TrendTableModel;

// "Which districts are heating up?": the district table of the time window shown (incidents,
// killed, the baseline of the windows before it, the change and its Trendfinder band, surges),
// as ACLED's Trendfinder gives it, recomputed when the window, the filter or the data change.
// Selecting districts narrows the chart panel to them; "Colour the map" switches the
// choropleth of the same table on.
class DistrictTrendsPanel : public QWidget {
    Q_OBJECT
public:
    explicit DistrictTrendsPanel(QWidget* parent = nullptr);
    ~DistrictTrendsPanel() override;

    // The incidents to count (the filtered ones) and their facts; null: none yet.
    void setData(std::shared_ptr<const IncidentStore> store,
                 std::shared_ptr<const DerivedFacts> facts);
    void setWindow(const TimeRange& window);
    void setOptions(const TrendOptions& options);
    const TrendOptions& options() const { return m_options; }
    void setMapShown(bool shown);
    // The table shown (computed now if it was left stale while hidden); null without data or
    // a window.
    const TrendTable* table() {
        if (m_stale)
            recomputeNow();
        return m_table.get();
    }
    // District codes of the selected rows (DerivedFacts codes, kNoDistrict for "(none)").
    std::vector<std::uint16_t> selectedCodes() const;

signals:
    void optionsChanged(const TrendOptions& options);
    // The rows selected: their codes and names ("Darvoz, Vanj"); empty for none.
    void districtsSelected(const std::vector<std::uint16_t>& codes, const QString& names);
    void mapShownChanged(bool shown);

protected:
    void showEvent(QShowEvent* e) override;

private:
    // Recomputes now if the panel is on screen; else when it next is (a playback must not pay
    // for a table nobody sees).
    void recompute();
    void recomputeNow();
    bool m_stale = false;

    std::shared_ptr<const IncidentStore> m_store;
    std::shared_ptr<const DerivedFacts> m_facts;
    TimeRange m_window = TimeRange::all();
    TrendOptions m_options;
    std::shared_ptr<const TrendTable> m_table;
    QLabel* m_heading;
    QTableView* m_view;
    TrendTableModel* m_model;
    QSortFilterProxyModel* m_sorted;
    QSpinBox* m_baseline;
    QCheckBox* m_onMap;
};

} // namespace borderlens
