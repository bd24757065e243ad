#include "map/layer_name_search.h"

#include "gazetteer/name_normalizer.h"
#include "map/vector_map_layer.h"

namespace borderlens {

std::vector<PlaceHit> searchLayerNames(const std::vector<std::shared_ptr<const MapLayer>>& layers,
                                       const QString& typed, int maxResults) {
    std::vector<PlaceHit> out;
    const QString key = NameNormalizer::key(typed);
    if (key.isEmpty())
        return out;
    for (const auto& layer : layers) {
        const auto* v = dynamic_cast<const VectorMapLayer*>(layer.get());
        const int field = v ? v->labelFieldIndex() : -1;
        if (field < 0)
            continue;
        const AttributeTable& attrs = v->data()->attributes();
        const GeometryColumns& g = v->data()->lonLat();
        // A key per keystroke and feature: fine for boundary layers, not for a million points.
        const std::size_t n = std::min<std::size_t>(g.featureCount(), 20000);
        for (std::size_t f = 0; f < n && int(out.size()) < maxResults; ++f) {
            const QString name = attrs.value(f, std::size_t(field)).toString().trimmed();
            if (name.isEmpty() || !NameNormalizer::key(name).startsWith(key))
                continue;
            const Extent& e = g.featureExtents[f];
            if (e.isEmpty())
                continue;
            PlaceHit h;
            h.name = name;
            h.description = QStringLiteral("%1 — %2").arg(name, v->name());
            h.lon = e.centerX();
            h.lat = e.centerY();
            out.push_back(std::move(h));
        }
    }
    return out;
}

} // namespace borderlens
