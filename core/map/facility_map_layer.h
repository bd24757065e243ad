#pragma once

#include "incidents/incident_store.h"
#include "map/map_layer.h"
#include "map/point_cache.h"

#include <memory>

namespace borderlens {

// Outposts, bases, training grounds, crossings and bridges, each kind its own symbol, shown only
// while they exist ([opened, closed)), with the same honesty about approximate sites as incidents.
class FacilityMapLayer final : public MapLayer {
public:
    FacilityMapLayer(QString id, QString name, std::shared_ptr<const FacilityStore> store,
                     bool labels = true);

    const std::shared_ptr<const FacilityStore>& store() const { return m_store; }
    // Whether each facility is named on the map.
    bool labels() const { return m_labels; }
    // The same layer (sharing its store and projected points) with labels on or off.
    std::shared_ptr<FacilityMapLayer> withLabels(bool labels) const;
    Extent lonLatExtent() const override { return m_extent; }
    void render(RenderContext& ctx) const override;
    std::vector<IdentifyResult> identify(const IdentifyQuery& query) const override;
    bool isTemporal() const override { return true; }
    std::vector<LegendEntry> legendEntries(const LegendContext& context) const override;
    // Every facility's symbol in view is an obstacle for names (any time: see MapLayer).
    void collectLabels(const LabelContext& ctx, LabelInputs& out) const override;

    struct KindSymbol {
        QColor colour;
        MarkerShape shape;
    };
    static KindSymbol symbolFor(FacilityKind kind);

private:
    std::shared_ptr<const FacilityStore> m_store;
    std::shared_ptr<const PointCache> m_points;
    Extent m_extent;
    bool m_labels;
};

IdentifyResult describeFacility(const Facility& facility);

} // namespace borderlens
