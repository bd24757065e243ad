#pragma once

#include "analysis/derived_facts.h"
#include "analysis/district_trends.h"
#include "layer/drawable_geometry.h"
#include "map/map_layer.h"

#include <QColor>

#include <memory>
#include <mutex>

namespace borderlens {

// The district layer coloured by trend band for the time window being drawn (ACLED
// Trendfinder's map): each district filled with its band's colour from a diverging palette (blue
// for decreases, a neutral grey for stable, orange and red for increases, pale stone for a low
// baseline), surging districts hatched and outlined in dark red. It is a MapLayer like any other,
// so the screen, PNG/PDF/SVG exports, briefings and video frames draw it through the one drawing
// path, and its legend (band swatches with the number of districts in each) appears in theirs.
//
// The window is the RenderContext's / LegendContext's time: moving the time slider recolours it
// with no new layer. An all-time window has no baseline: districts are drawn as "no window".
// The table of the last window drawn is kept (behind a mutex), so the legend and the map of one
// frame compute it once. Give it the filtered store and its facts to follow the session filter.
class DistrictChoroplethLayer final : public MapLayer {
public:
    DistrictChoroplethLayer(QString id, QString name, std::shared_ptr<const IncidentStore> store,
                            std::shared_ptr<const DerivedFacts> facts, TrendOptions options = {});

    // The band colours (fill), in TrendBand order; the legend and the map use these.
    static QColor bandColour(TrendBand band);
    static QColor surgeOutline() { return QColor(0x67, 0x00, 0x0d); }

    // The table for `window`, computed once per window and shared by map and legend.
    std::shared_ptr<const TrendTable> table(const TimeRange& window) const;
    const TrendOptions& options() const { return m_options; }

    Extent lonLatExtent() const override;
    void render(RenderContext& ctx) const override;
    std::vector<LegendEntry> legendEntries(const LegendContext& context) const override;
    std::vector<IdentifyResult> identify(const IdentifyQuery& query) const override;
    bool isTemporal() const override { return true; }
    DrawRank drawRank() const override { return DrawRank::Areas; }
    QStringList attributions() const override { return {}; }

private:
    // On a raster output, the districts rasterised once per view (a district number per pixel,
    // and their outlines), so that a new window only looks up each pixel's band colour: a time
    // step costs a pass over the pixels, not the filling of every district's outline again.
    struct RasterView;
    std::shared_ptr<const RasterView> rasterView(RenderContext& ctx,
                                                 const DrawableGeometry& d) const;
    void drawVector(RenderContext& ctx, const DrawableGeometry& d, const TrendTable& t) const;
    // Surging districts outlined, and hatched as paths when `hatched` (the picture path hatches
    // them in its pixel pass).
    void drawSurges(RenderContext& ctx, const DrawableGeometry& d, const TrendTable& t,
                    bool hatched) const;

    std::shared_ptr<const IncidentStore> m_store;
    std::shared_ptr<const DerivedFacts> m_facts;
    std::shared_ptr<const VectorLayer> m_districts;
    TrendOptions m_options;
    mutable std::mutex m_cacheMutex;
    mutable std::shared_ptr<const TrendTable> m_cached;
    mutable std::shared_ptr<const RasterView> m_raster;
};

} // namespace borderlens
