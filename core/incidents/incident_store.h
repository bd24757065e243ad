#pragma once

#include "incidents/incident.h"
#include "time/time_index.h"

#include <QHash>

#include <cstdint>
#include <span>
#include <vector>

namespace borderlens {

// Incidents as columns (struct of arrays), sorted by the start of their span, with a time index.
// What a frame touches — span, position, type, precision, killed — lives in flat arrays; the
// text (summary, actors, sources) is read only when one incident is shown. Immutable once built,
// so render threads share it.
class IncidentStore {
public:
    IncidentStore() = default;
    explicit IncidentStore(std::vector<Incident> incidents);

    std::size_t size() const { return m_begin.size(); }
    bool empty() const { return m_begin.empty(); }

    std::span<const std::int64_t> spanBegins() const { return m_begin; }
    std::span<const std::int64_t> spanEnds() const { return m_end; }
    std::span<const double> lons() const { return m_lon; }
    std::span<const double> lats() const { return m_lat; }
    std::span<const IncidentType> types() const { return m_type; }
    std::span<const GeoPrecision> geoPrecisions() const { return m_geoPrecision; }
    std::span<const int> killed() const { return m_killed; } // best-or-zero

    // The whole record of incident i (in store order).
    const Incident& at(std::size_t i) const { return m_rows[i]; }
    // Store index of the incident with this id, or -1.
    int indexOf(const QString& id) const { return m_byId.value(id, -1); }

    const TimeIndex& timeIndex() const { return m_index; }
    // Store indices overlapping `window`, ascending (so also in time order).
    std::vector<std::uint32_t> select(const TimeRange& window) const {
        return m_index.select(window);
    }
    // The union of all spans; empty when the store is.
    TimeRange timeExtent() const { return m_index.extent(); }

private:
    std::vector<std::int64_t> m_begin;
    std::vector<std::int64_t> m_end;
    std::vector<double> m_lon;
    std::vector<double> m_lat;
    std::vector<IncidentType> m_type;
    std::vector<GeoPrecision> m_geoPrecision;
    std::vector<int> m_killed;
    std::vector<Incident> m_rows;
    QHash<QString, int> m_byId;
    TimeIndex m_index;
};

// Facilities with their presence intervals, indexed the same way.
class FacilityStore {
public:
    FacilityStore() = default;
    explicit FacilityStore(std::vector<Facility> facilities);

    std::size_t size() const { return m_rows.size(); }
    const Facility& at(std::size_t i) const { return m_rows[i]; }
    std::vector<std::uint32_t> select(const TimeRange& window) const {
        return m_index.select(window);
    }
    // The span of known opening/closing dates (facilities present for all time excluded).
    TimeRange timeExtent() const;

private:
    std::vector<Facility> m_rows;
    TimeIndex m_index;
};

} // namespace borderlens
