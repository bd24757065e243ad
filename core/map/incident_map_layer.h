#pragma once

#include "incidents/incident_store.h"
#include "map/map_layer.h"
#include "map/point_cache.h"
#include "render/map_viewport.h"

#include <atomic>
#include <mutex>
#include "util/enum_table.h"

#include <memory>
#include <optional>

namespace borderlens {

// How incidents are drawn: symbols (with count badges where they crowd), a density surface of
// hexagons, or whichever suits the number in view (Auto).
enum class IncidentDisplay : std::uint8_t { Auto, Symbols, Density };
inline constexpr std::array<EnumKey<IncidentDisplay>, 3> kIncidentDisplayKeys{{
    {IncidentDisplay::Auto, "auto"},
    {IncidentDisplay::Symbols, "symbols"},
    {IncidentDisplay::Density, "density"},
}};

struct IncidentLayerOptions {
    bool labels = false;
    bool clusters = true; // count badges where symbols would pile up
    IncidentDisplay display = IncidentDisplay::Auto;
    // Store indices the user selected (the table's selection), ascending: drawn highlighted
    // above any aggregation.
    std::shared_ptr<const std::vector<std::uint32_t>> selected;
    // The incident last clicked on the map: highlighted and never folded into a badge.
    std::optional<std::uint32_t> focused;

    bool isSelected(std::uint32_t index) const;
    friend bool operator==(const IncidentLayerOptions& a, const IncidentLayerOptions& b);
};

// Incidents drawn by type (colour and shape), sized by the number killed, and honest about
// uncertainty: an approximate location is a hollow symbol inside a dashed halo whose radius is
// the location's uncertainty on the ground; in the density view it is spread over that area
// instead of piled on its centre. Filtered by the render's time window.
class IncidentMapLayer final : public MapLayer {
public:
    IncidentMapLayer(QString id, QString name, std::shared_ptr<const IncidentStore> store,
                     IncidentLayerOptions options = {});

    const std::shared_ptr<const IncidentStore>& store() const { return m_store; }
    const IncidentLayerOptions& options() const { return m_options; }
    std::shared_ptr<IncidentMapLayer> withOptions(IncidentLayerOptions options) const;
    const PointCache& points() const { return *m_points; }

    Extent lonLatExtent() const override { return m_extent; }
    void render(RenderContext& ctx) const override;
    std::vector<IdentifyResult> identify(const IdentifyQuery& query) const override;
    bool isTemporal() const override { return true; }
    // A heading with the window's count; then, as drawn in the context's view, either one entry
    // per type present with its count and notes on approximate places and badges, or the
    // density classes with their meaning per km².
    std::vector<LegendEntry> legendEntries(const LegendContext& context) const override;
    QStringList attributions() const override;
    // Every incident's symbol in view is an obstacle for names (any time: see MapLayer).
    void collectLabels(const LabelContext& ctx, LabelInputs& out) const override;

    // Symbol diameter in millimetres for an incident with `killed` dead: grows with the square
    // root so area tracks the count, capped so a massacre does not hide its neighbours.
    static double symbolSizeMm(int killed);
    // Above this many incidents in view, Auto shows the density view: more symbols than this
    // cannot be read one by one, even with badges.
    static constexpr std::size_t kDensityAbove = 3000;
    // The hexagons' circumradius in millimetres on the output.
    static constexpr double kHexRadiusMm = 3.0;
    // What the layer draws when `inView` incidents of the window are in view.
    IncidentDisplay displayFor(std::size_t inView) const;
    // Incidents of the context's window inside its view (the whole window without a view, or
    // while the view's projection is still being computed).
    std::size_t countInView(const LegendContext& context) const;

private:
    IncidentMapLayer(QString id, QString name, std::shared_ptr<const IncidentStore> store,
                     std::shared_ptr<const PointCache> points, Extent extent,
                     IncidentLayerOptions options);
    // False when cancelled.
    // A view of the layer's points for one frame: the projection, where map units land, the
    // window, and the scale. Both render() and legendEntries() work from one, so the legend
    // describes what the frame draws.
    struct View {
        const ProjectedPoints* points = nullptr;
        MapViewport viewport;
        TimeRange window;
        double metresPerPixel = 0;
        double pixelsPerMm = 0;
    };
    struct FramePoint {
        float x, y;
        std::uint32_t index;
    };
    // The view of a legend context; false without a view or before its projection is ready.
    bool viewFor(const LegendContext& context, std::shared_ptr<const ProjectedPoints>& keep,
                 View& view) const;
    // Visits the window's points that draw into the frame (those a little outside count too:
    // their halos, badges and spread density reach in) as visit(x, y, index, insideTheView).
    // False when cancelled.
    template <typename Visit>
    bool scan(const View& view, const std::atomic<bool>* cancel, Visit visit) const;
    std::size_t countInView(const View& view) const;
    // Bins the view's points (those drawn as themselves, selected ones, left out) and returns
    // how many are in view.
    std::size_t binDensity(const View& view, class HexDensity& density,
                           const std::atomic<bool>* cancel) const;

    // The density of a view, as binned: how many were in view and its classes. The
    // legend needs both and the frame computed them; a few recent views are remembered so
    // the legend of a drawn frame costs nothing, and an export's legend is binned once.
    struct DensityFacts {
        const ProjectedPoints* points = nullptr;
        double cx = 0, cy = 0, upp = 0, w = 0, h = 0, radiusPx = 0;
        TimeRange window;
        std::size_t inView = 0;
        std::vector<double> classes; // the density scale's lower bounds
    };
    std::optional<DensityFacts> recall(const View& view, double radiusPx) const;
    void remember(const View& view, double radiusPx, std::size_t inView,
                  const std::vector<double>& classes) const;

    std::shared_ptr<const IncidentStore> m_store;
    std::shared_ptr<const PointCache> m_points;
    Extent m_extent;
    IncidentLayerOptions m_options;
    mutable std::mutex m_factsMutex;
    mutable std::vector<DensityFacts> m_facts; // most recent last
};

// Describes one incident for the identify panel and tooltips.
IdentifyResult describeIncident(const Incident& incident);

} // namespace borderlens
