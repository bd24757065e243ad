#pragma once

#include "layer/feature_times.h"
#include "layer/vector_layer.h"
#include "map/map_layer.h"
#include "render/feature_classes.h"
#include "render/layer_style.h"

#include <memory>

namespace borderlens {

// A VectorLayer drawn with a LayerStyle: one symbol, or a colour per category or range of a
// field, over the whole layer's opacity.
class VectorMapLayer final : public MapLayer {
public:
    VectorMapLayer(QString id, std::shared_ptr<const VectorLayer> data, LayerStyle style,
                   QString title = {}, QStringList attributions = {});

    const std::shared_ptr<const VectorLayer>& data() const { return m_data; }
    const LayerStyle& style() const { return m_style; }
    // The category or range each feature falls in (null for a single-symbol style).
    const std::shared_ptr<const FeatureClasses>& classes() const { return m_classes; }
    // The same layer in another style (layers are immutable; see MapLayer).
    std::shared_ptr<VectorMapLayer> withStyle(LayerStyle style) const;
    // The same layer filtered by time on attribute `field`, or not filtered (field < 0).
    std::shared_ptr<VectorMapLayer> withTimeField(int field) const;
    // Feature times when the user made the layer temporal; null otherwise.
    const std::shared_ptr<const FeatureTimes>& times() const { return m_times; }
    bool isTemporal() const override { return m_times != nullptr; }
    DrawRank drawRank() const override;

    Extent lonLatExtent() const override { return m_data->lonLatExtent(); }
    void render(RenderContext& ctx) const override;
    std::vector<IdentifyResult> identify(const IdentifyQuery& query) const override;
    std::vector<LegendEntry> legendEntries(const LegendContext& context) const override;
    QStringList attributions() const override { return m_attributions; }
    // Areas named inside their visible part, lines along themselves, points beside their
    // symbols (vector_map_layer_labels.cpp); point symbols are obstacles even when unnamed.
    void collectLabels(const LabelContext& ctx, LabelInputs& out) const override;
    // The field that names features: the style's, or a guessed one; -1 for none.
    int labelFieldIndex() const;

private:
    void draw(RenderContext& ctx) const;
    void classify();

    std::shared_ptr<const VectorLayer> m_data;
    LayerStyle m_style;
    std::shared_ptr<const FeatureClasses> m_classes;
    QStringList m_attributions;
    std::shared_ptr<const FeatureTimes> m_times;
};

} // namespace borderlens
