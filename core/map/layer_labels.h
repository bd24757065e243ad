#pragma once

#include "map/map_layer.h"

#include <memory>
#include <vector>

namespace borderlens {

// `layers` with incidents named by place and date and facilities by name (`labels` true), or
// neither (false): what an export's "labels" option does (borderlens-cli --labels, the export
// dialog's checkbox). Layers whose setting differs are replaced by copies, so the screen's own
// layers are never touched; every other layer is shared as it is.
std::vector<std::shared_ptr<const MapLayer>>
withLabels(const std::vector<std::shared_ptr<const MapLayer>>& layers, bool labels);

} // namespace borderlens
