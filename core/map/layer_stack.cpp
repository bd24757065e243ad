#include "map/layer_stack.h"

#include <algorithm>

namespace borderlens {

void LayerStack::add(std::shared_ptr<const MapLayer> layer, bool visible) {
    m_entries.push_back({std::move(layer), visible});
}

std::size_t LayerStack::addByKind(std::shared_ptr<const MapLayer> layer, bool visible, bool base) {
    const DrawRank rank = layer->drawRank();
    const auto above = std::find_if(m_entries.begin(), m_entries.end(), [&](const Entry& e) {
        return e.layer->drawRank() > rank || (base && !e.base && e.layer->drawRank() == rank);
    });
    const auto at = m_entries.insert(above, Entry{std::move(layer), visible, base});
    return static_cast<std::size_t>(at - m_entries.begin());
}

bool LayerStack::remove(const QString& id) {
    const auto it = std::find_if(m_entries.begin(), m_entries.end(),
                                 [&](const Entry& e) { return e.layer->id() == id; });
    if (it == m_entries.end())
        return false;
    m_entries.erase(it);
    return true;
}

bool LayerStack::replace(std::shared_ptr<const MapLayer> layer) {
    for (Entry& e : m_entries) {
        if (e.layer->id() == layer->id()) {
            e.layer = std::move(layer);
            return true;
        }
    }
    return false;
}

bool LayerStack::setVisible(const QString& id, bool visible) {
    for (Entry& e : m_entries) {
        if (e.layer->id() == id) {
            e.visible = visible;
            return true;
        }
    }
    return false;
}

void LayerStack::reorderTopFirst(const std::vector<QString>& topFirstIds) {
    std::vector<Entry> named;
    for (auto it = topFirstIds.rbegin(); it != topFirstIds.rend(); ++it) {
        const auto found = std::find_if(m_entries.begin(), m_entries.end(),
                                        [&](const Entry& e) { return e.layer->id() == *it; });
        if (found != m_entries.end()) {
            named.push_back(*found);
            m_entries.erase(found);
        }
    }
    m_entries.insert(m_entries.end(), named.begin(), named.end());
}

std::optional<LayerStack::Entry> LayerStack::find(const QString& id) const {
    for (const Entry& e : m_entries) {
        if (e.layer->id() == id)
            return e;
    }
    return std::nullopt;
}

std::vector<std::shared_ptr<const MapLayer>> LayerStack::visibleLayers() const {
    std::vector<std::shared_ptr<const MapLayer>> out;
    for (const Entry& e : m_entries) {
        if (e.visible)
            out.push_back(e.layer);
    }
    return out;
}

Extent LayerStack::lonLatExtent() const {
    Extent e;
    for (const Entry& entry : m_entries)
        e.include(entry.layer->lonLatExtent());
    return e;
}

} // namespace borderlens
