#pragma once

#include "map/map_layer.h"

#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace borderlens {

// The map's layers in drawing order (index 0 is drawn first, at the bottom) with their
// visibility. Plain data: the viewer's layer panel edits it, renders take snapshots of it.
class LayerStack {
public:
    struct Entry {
        std::shared_ptr<const MapLayer> layer;
        bool visible = true;
        // A base layer (the bundled map) stays under the user's layers of its kind, whichever
        // finished loading first.
        bool base = false;
    };

    void add(std::shared_ptr<const MapLayer> layer, bool visible = true); // on top
    // Inserts `layer` under the lowest layer that outranks it (MapLayer::drawRank: areas under
    // lines under points), so above the others of its kind: a polygon added after the incidents
    // draws beneath them. If the user has moved a point layer to the bottom, the new polygon
    // still goes under it; the user's order is theirs. Returns the new layer's index, bottom
    // first. A `base` layer goes under the non-base layers of its kind instead (above the base
    // layers before it), so the bundled map and a user's files can load at the same time.
    std::size_t addByKind(std::shared_ptr<const MapLayer> layer, bool visible = true,
                          bool base = false);
    bool remove(const QString& id);
    // Replaces the layer with the same id (a restyled copy), keeping its place and visibility.
    bool replace(std::shared_ptr<const MapLayer> layer);
    bool setVisible(const QString& id, bool visible);
    // Reorders to `topFirstIds` (the panel's order, top of the list = drawn last). Ids not
    // present are ignored; layers not named keep their relative order at the bottom.
    void reorderTopFirst(const std::vector<QString>& topFirstIds);

    const std::vector<Entry>& entries() const { return m_entries; }
    std::optional<Entry> find(const QString& id) const;
    // The visible layers, bottom first: what MapSettings::layers wants.
    std::vector<std::shared_ptr<const MapLayer>> visibleLayers() const;
    // The union of all layers' lon/lat extents (visible or not).
    Extent lonLatExtent() const;
    bool isEmpty() const { return m_entries.empty(); }

private:
    std::vector<Entry> m_entries;
};

} // namespace borderlens
