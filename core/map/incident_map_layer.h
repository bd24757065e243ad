#pragma once

#include "incidents/incident_store.h"
#include "map/map_layer.h"
#include "map/point_cache.h"

#include <QSet>

#include <memory>

namespace borderlens {

struct IncidentLayerOptions {
    bool labels = false;
    bool clusters = true; // count badges where symbols would pile up
    QSet<QString> selectedIds;
    friend bool operator==(const IncidentLayerOptions&, const IncidentLayerOptions&) = default;
};

// Incidents drawn by type (colour and shape), sized by the number killed, and honest about
// uncertainty: an approximate location is a hollow symbol inside a dashed halo whose radius is
// the location's uncertainty on the ground. Filtered by the render's time window.
class IncidentMapLayer final : public MapLayer {
public:
    IncidentMapLayer(QString id, QString name, std::shared_ptr<const IncidentStore> store,
                     IncidentLayerOptions options = {});

    const std::shared_ptr<const IncidentStore>& store() const { return m_store; }
    const IncidentLayerOptions& options() const { return m_options; }
    std::shared_ptr<IncidentMapLayer> withOptions(IncidentLayerOptions options) const;

    Extent lonLatExtent() const override { return m_extent; }
    void render(RenderContext& ctx) const override;
    std::vector<IdentifyResult> identify(const IdentifyQuery& query) const override;
    bool isTemporal() const override { return true; }
    // A heading, then one entry per type present in the window with its count, then a note on
    // approximate locations if any are shown.
    std::vector<LegendEntry> legendEntries(const TimeRange& window) const override;
    QStringList attributions() const override;

    // Symbol diameter in millimetres for an incident with `killed` dead: grows with the square
    // root so area tracks the count, capped so a massacre does not hide its neighbours.
    static double symbolSizeMm(int killed);

private:
    IncidentMapLayer(QString id, QString name, std::shared_ptr<const IncidentStore> store,
                     std::shared_ptr<const PointCache> points, Extent extent,
                     IncidentLayerOptions options);

    std::shared_ptr<const IncidentStore> m_store;
    std::shared_ptr<const PointCache> m_points;
    Extent m_extent;
    IncidentLayerOptions m_options;
};

// Describes one incident for the identify panel and tooltips.
IdentifyResult describeIncident(const Incident& incident);

} // namespace borderlens
