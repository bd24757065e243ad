#pragma once

#include "layer/vector_layer.h"
#include "map/map_layer.h"
#include "render/layer_style.h"

#include <memory>

namespace borderlens {

// A VectorLayer drawn with a LayerStyle.
class VectorMapLayer final : public MapLayer {
public:
    VectorMapLayer(QString id, std::shared_ptr<const VectorLayer> data, LayerStyle style);

    const std::shared_ptr<const VectorLayer>& data() const { return m_data; }
    const LayerStyle& style() const { return m_style; }
    // The same layer in another style (layers are immutable; see MapLayer).
    std::shared_ptr<VectorMapLayer> withStyle(LayerStyle style) const;

    Extent lonLatExtent() const override { return m_data->lonLatExtent(); }
    void render(RenderContext& ctx) const override;

private:
    std::shared_ptr<const VectorLayer> m_data;
    LayerStyle m_style;
};

} // namespace borderlens
