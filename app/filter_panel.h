#pragma once

#include "analysis/incident_filter.h"
#include "geo/coordinate_parser.h"

#include <QWidget>

#include <array>
#include <utility>
#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;
class QTimer;

namespace borderlens {

// The session's one incident filter, as a form (View ▸ Panels ▸ Filter): type, actor, killed,
// location and date precision, bank, district, distance to the border, distance to a point or
// an outpost. Edits apply by themselves a moment after the last keystroke (filterChanged); the
// main window gives the result to every view. Nothing ticked in a list means "any".
class FilterPanel : public QWidget {
    Q_OBJECT
public:
    explicit FilterPanel(QWidget* parent = nullptr);

    // Shows `filter` (a project opened) without announcing it.
    void setFilter(const IncidentFilter& filter);
    IncidentFilter filter() const;
    // The districts of the active district layer, to pick from; names ticked stay ticked.
    void setDistrictNames(const QStringList& names);
    // Outposts a "within X km of" can be measured from: name and position.
    void setOutposts(std::vector<std::pair<QString, LonLat>> outposts);
    // "12,345 of 1,000,000 incidents", or a word on what is being computed.
    void setStatus(const QString& text);
    // The point picked on the map for "within X km of".
    void setPickedPoint(LonLat point);

signals:
    void filterChanged(const IncidentFilter& filter);
    // The user wants to click the point on the map.
    void pickPointRequested();

private:
    void scheduleApply();
    void apply();
    QWidget* buildTypes();
    QWidget* buildWhere();

    std::array<QCheckBox*, 8> m_types{};
    QLineEdit* m_actor;
    QSpinBox* m_killedMin;
    std::array<QCheckBox*, 4> m_locationPrecisions{};
    std::array<QCheckBox*, 4> m_datePrecisions{};
    QComboBox* m_side;
    QListWidget* m_districts;
    QCheckBox* m_borderOn;
    QDoubleSpinBox* m_borderKm;
    QCheckBox* m_nearOn;
    QDoubleSpinBox* m_nearKm;
    QLineEdit* m_nearPoint;
    QComboBox* m_nearOutpost;
    QLabel* m_status;
    QTimer* m_applyTimer;
    std::vector<std::pair<QString, LonLat>> m_outposts;
    IncidentFilter m_applied;
    bool m_showing = false; // setFilter() is filling the form: no signals
};

} // namespace borderlens
