#pragma once

#include "incidents/incident_store.h"

#include <QAbstractTableModel>
#include <QSet>
#include <QWidget>

#include <memory>

class QLineEdit;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace borderlens {

// The incidents of one layer that the current time window shows, one row each.
class IncidentTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Date, Type, Place, District, Killed, Precision, Summary, ColumnCount };
    static constexpr int IdRole = Qt::UserRole + 1;
    static constexpr int SortRole = Qt::UserRole + 2;

    using QAbstractTableModel::QAbstractTableModel;
    void setStore(std::shared_ptr<const IncidentStore> store, const TimeRange& window);
    void setWindow(const TimeRange& window);
    const std::shared_ptr<const IncidentStore>& store() const { return m_store; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

private:
    std::shared_ptr<const IncidentStore> m_store;
    std::vector<std::uint32_t> m_rows; // store indices in the window
};

// The incident table dock: sort by any column, filter by text, selection kept in step with the
// map both ways; double-click zooms to the incident.
class IncidentTablePanel : public QWidget {
    Q_OBJECT
public:
    explicit IncidentTablePanel(QWidget* parent = nullptr);
    void setStore(std::shared_ptr<const IncidentStore> store, const TimeRange& window);
    void setWindow(const TimeRange& window);
    // Selects these ids without re-emitting selectionChanged (the map asked).
    void selectIds(const QSet<QString>& ids);
    int visibleRowCount() const;
    QTableView* view() const { return m_view; }
    QLineEdit* filterEdit() const { return m_filter; }

signals:
    void selectionChanged(const QSet<QString>& ids);
    void zoomToIncident(const QString& id);

private:
    void updateCount();

    IncidentTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_view;
    QLineEdit* m_filter;
    QLabel* m_count;
    bool m_applyingSelection = false;
};

} // namespace borderlens
