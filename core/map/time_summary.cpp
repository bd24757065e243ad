#include "map/time_summary.h"

#include "map/facility_map_layer.h"
#include "map/incident_map_layer.h"
#include "map/vector_map_layer.h"

#include <algorithm>

namespace borderlens {

TimeSummary summarizeTime(const LayerStack& layers) {
    TimeSummary out;
    TimeRange full{0, 0};
    auto include = [&full](const TimeRange& r) {
        if (r.isEmpty() || r.isAll())
            return;
        full = full.isEmpty() ? r
                              : TimeRange{std::min(full.begin, r.begin), std::max(full.end, r.end)};
    };
    std::vector<const FacilityStore*> facilities;
    for (const auto& e : layers.entries()) {
        const MapLayer* layer = e.layer.get();
        if (const auto* inc = dynamic_cast<const IncidentMapLayer*>(layer)) {
            out.incidentStores.push_back(inc->store());
            include(inc->store()->timeExtent());
            const auto begins = inc->store()->spanBegins();
            out.eventDays.insert(out.eventDays.end(), begins.begin(), begins.end());
        } else if (const auto* vec = dynamic_cast<const VectorMapLayer*>(layer);
                   vec && vec->times()) {
            include(vec->times()->index().extent());
        } else if (const auto* fac = dynamic_cast<const FacilityMapLayer*>(layer)) {
            facilities.push_back(fac->store().get());
        }
    }
    if (out.incidentStores.empty()) {
        for (const FacilityStore* f : facilities)
            include(f->timeExtent());
    }
    if (full.isEmpty())
        return out;
    for (const FacilityStore* f : facilities) {
        for (std::size_t i = 0; i < f->size(); ++i) {
            const std::int64_t opened = f->at(i).presence().begin;
            if (f->at(i).opened && full.contains(opened))
                out.eventDays.push_back(opened);
        }
    }
    // Whole months either side, so the first and last incidents are not on the bar's edge.
    const QDate first = full.beginDate();
    const QDate last = full.lastDate();
    out.fullRange = TimeRange::fromHalfOpen(QDate(first.year(), first.month(), 1),
                                            QDate(last.year(), last.month(), 1).addMonths(1));
    std::sort(out.eventDays.begin(), out.eventDays.end());
    out.eventDays.erase(std::unique(out.eventDays.begin(), out.eventDays.end()),
                        out.eventDays.end());
    return out;
}

} // namespace borderlens
