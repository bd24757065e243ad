#include "map/layer_labels.h"

#include "map/facility_map_layer.h"
#include "map/incident_map_layer.h"

namespace borderlens {

std::vector<std::shared_ptr<const MapLayer>>
withLabels(const std::vector<std::shared_ptr<const MapLayer>>& layers, bool labels) {
    std::vector<std::shared_ptr<const MapLayer>> out;
    out.reserve(layers.size());
    for (const auto& layer : layers) {
        if (const auto* incidents = dynamic_cast<const IncidentMapLayer*>(layer.get());
            incidents && incidents->options().labels != labels) {
            IncidentLayerOptions options = incidents->options();
            options.labels = labels;
            out.push_back(incidents->withOptions(std::move(options)));
        } else if (const auto* facilities = dynamic_cast<const FacilityMapLayer*>(layer.get());
                   facilities && facilities->labels() != labels) {
            out.push_back(facilities->withLabels(labels));
        } else {
            out.push_back(layer);
        }
    }
    return out;
}

} // namespace borderlens
