#pragma once

#include "layer/attribute_table.h"
#include "render/layer_style.h"

#include <cstdint>
#include <limits>
#include <vector>

namespace borderlens {

// Which category or range of a style each feature falls in, worked out once when the style is
// set, so that a frame only looks the class up (QGIS evaluates it per feature per frame).
class FeatureClasses {
public:
    static constexpr std::uint16_t kNone = std::numeric_limits<std::uint16_t>::max();

    // Sorts the rows of `attributes` into the categories or ranges of `style`. A feature whose
    // value no category lists (and there is no "other" one), or no range holds, or that has no
    // number for a graduated style, is in none and is not drawn, as in QGIS.
    FeatureClasses(const LayerStyle& style, const AttributeTable& attributes);

    // The class of feature f (an index into the style's categories or ranges), or kNone.
    std::uint16_t classOf(std::size_t f) const { return m_classOf[f]; }
    std::size_t featureCount() const { return m_classOf.size(); }

private:
    std::vector<std::uint16_t> m_classOf;
};

} // namespace borderlens
