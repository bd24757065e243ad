#pragma once

#include "geo/extent.h"
#include "labels/label_request.h"
#include "map/identify.h"
#include "map/legend_entry.h"
#include "time/time_range.h"

#include <QStringList>

#include <cstdint>
#include <vector>

#include <QString>

namespace borderlens {

class RenderContext;

// Where a layer belongs when it is added (LayerStack::addByKind): areas at the bottom, lines
// above them, points and incidents on top, so that a polygon added later never hides a point.
enum class DrawRank : std::uint8_t { Areas, Lines, Points };

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
    // Features within query.radiusPixels of the click, nearest first. Layers that cannot be
    // identified return nothing.
    virtual std::vector<IdentifyResult> identify(const IdentifyQuery& query) const {
        (void)query;
        return {};
    }
    // Whether a time window filters this layer (incidents, facilities, date-field layers).
    virtual bool isTemporal() const { return false; }
    // Incidents and outposts are points; vector layers say what they mostly hold.
    virtual DrawRank drawRank() const { return DrawRank::Points; }
    // The layer's legend: a heading and swatches, with counts for what the context's window shows
    // (a TimeRange converts to a context without a view).
    virtual std::vector<LegendEntry> legendEntries(const LegendContext& context) const = 0;
    // The names this layer asks for in a view (LabelContext) and the symbols names must keep
    // clear of. Called on a render thread once per view, not per time step, so nothing added may
    // depend on the time window: a temporal layer gives its symbols for every time.
    virtual void collectLabels(const LabelContext& ctx, LabelInputs& out) const {
        (void)ctx;
        (void)out;
    }
    // Credits owed for what this layer draws ("© OpenStreetMap contributors, ODbL 1.0").
    virtual QStringList attributions() const { return {}; }

private:
    QString m_id;
    QString m_name;
};

} // namespace borderlens
