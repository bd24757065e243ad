#pragma once

#include "render/layer_style.h"

#include <QString>

#include <vector>

namespace borderlens {

// A base layer the viewer opens at start, bottom first, with its cartographic style.
struct BundledLayer {
    QString fileName; // relative to bundledGeodataDir()
    QString title;    // the name shown in the layer panel and legend
    LayerStyle style;
};

std::vector<BundledLayer> bundledBaseLayers();

} // namespace borderlens
