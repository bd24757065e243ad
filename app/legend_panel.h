#pragma once

#include "map/map_layer.h"

#include <QIcon>
#include <QWidget>
#include <memory>
#include <vector>

class QListWidget;

namespace borderlens {

// The map's legend: for each visible layer, top first, its entries for the current time window
// (incident types present, with counts), drawn with the same swatches as exports.
class LegendPanel : public QWidget {
    Q_OBJECT
public:
    explicit LegendPanel(QWidget* parent = nullptr);
    // `layers` bottom first, as in MapSettings.
    // Rebuilds the icons only when the entries' symbols change; a time step that changes only
    // counts relabels the rows it has.
    void update(const std::vector<std::shared_ptr<const MapLayer>>& layers,
                const LegendContext& context);
    QStringList labels() const;

private:
    QListWidget* m_list;
    std::vector<LegendEntry> m_shown;
    // Swatch pictures by symbol, drawn once and reused across frames.
    std::vector<std::pair<LegendEntry, QIcon>> m_icons;
    QIcon iconFor(const LegendEntry& e);
};

} // namespace borderlens
