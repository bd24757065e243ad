#pragma once

#include "incident_table_model.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QLabel;
class QTableView;

namespace borderlens {

// The incident table dock: every incident layer's incidents in the time window, with a layer
// column and a layer filter; sort by any column, filter by text, selection kept in step with
// the map both ways; double-click zooms to the incident.
class IncidentTablePanel : public QWidget {
    Q_OBJECT
public:
    explicit IncidentTablePanel(QWidget* parent = nullptr);
    void setSources(std::vector<IncidentTableSource> sources, const TimeRange& window);
    void setWindow(const TimeRange& window);
    // Selects these incidents without re-emitting selectionChanged (the map asked).
    void selectIncidents(const IncidentSelection& selection);
    int visibleRowCount() const;
    // The time window the rows are of (the map's frame's).
    const TimeRange& window() const { return m_model->window(); }
    QTableView* view() const { return m_view; }
    QLineEdit* filterEdit() const { return m_filter; }
    QComboBox* layerCombo() const { return m_layer; }
    IncidentTableModel* model() const { return m_model; }

signals:
    void selectionChanged(const borderlens::IncidentSelection& selection);
    void zoomToIncident(const QString& layerId, std::uint32_t index);

private:
    void updateCount();
    void updateLayerCombo();

    IncidentTableModel* m_model;
    QTableView* m_view;
    QLineEdit* m_filter;
    QComboBox* m_layer;
    QLabel* m_count;
    bool m_applyingSelection = false;
};

} // namespace borderlens
