#pragma once

#include "gazetteer/place_search.h"
#include "map/map_layer.h"

#include <memory>
#include <vector>

namespace borderlens {

// The find-a-place box's answers from loaded layers: features whose name (the layer's label
// field, chosen or guessed) begins like what was typed, in any script NameNormalizer joins,
// placed at the middle of their extent.
std::vector<PlaceHit> searchLayerNames(const std::vector<std::shared_ptr<const MapLayer>>& layers,
                                       const QString& typed, int maxResults = 8);

} // namespace borderlens
