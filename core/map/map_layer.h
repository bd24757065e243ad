#pragma once

#include "geo/extent.h"

#include <QString>

namespace borderlens {

class RenderContext;

// Something the map draws: a vector layer today, incidents and outposts later. Immutable once
// built; a change of style or data makes a new object, so a render thread holding a snapshot
// (a vector of shared_ptr<const MapLayer>) is never surprised by the GUI thread.
class MapLayer {
public:
    explicit MapLayer(QString id, QString name) : m_id(std::move(id)), m_name(std::move(name)) {}
    virtual ~MapLayer() = default;
    MapLayer(const MapLayer&) = default;
    MapLayer& operator=(const MapLayer&) = delete;

    const QString& id() const { return m_id; }
    const QString& name() const { return m_name; }
    virtual Extent lonLatExtent() const = 0;
    // Draws onto ctx.painter(). Called on a render thread.
    virtual void render(RenderContext& ctx) const = 0;

private:
    QString m_id;
    QString m_name;
};

} // namespace borderlens
