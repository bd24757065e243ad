#pragma once

#include "incidents/incident.h"
#include "incidents/incident_columns.h"
#include "time/time_index.h"

#include <QStringList>

#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <vector>

namespace borderlens {

// Incidents as columns (struct of arrays), sorted by the start of their span (then by id), with
// a time index: a window is two binary searches per span class and a contiguous run. What a
// frame touches — span, position, type, precision, killed — lives in flat arrays; text is
// dictionary-coded or compressed and read only when one incident is shown (incident(i)).
// Immutable once built, so render threads share it.
class IncidentStore {
public:
    IncidentStore() = default;
    // Sorts and indexes `columns` (on every core for a large store).
    explicit IncidentStore(IncidentColumns columns);
    // From the row form: tests, samples, a handful of edits.
    explicit IncidentStore(const std::vector<Incident>& incidents);

    // A store of `rows` of this one (ascending store indices, as a filter gives them): already in
    // store order, so it is only gathered and indexed, never sorted again.
    std::shared_ptr<const IncidentStore> subset(std::span<const std::uint32_t> rows) const;

    std::size_t size() const { return m_columns.size(); }
    bool empty() const { return size() == 0; }

    std::span<const std::int32_t> spanBegins() const { return m_columns.begin; }
    std::span<const std::int32_t> spanEnds() const { return m_columns.end; }
    std::span<const double> lons() const { return m_columns.lon; }
    std::span<const double> lats() const { return m_columns.lat; }
    std::span<const IncidentType> types() const { return m_columns.type; }
    std::span<const GeoPrecision> geoPrecisions() const { return m_columns.geoPrecision; }
    DatePrecision datePrecision(std::size_t i) const {
        return static_cast<DatePrecision>(m_columns.datePrecision[i]);
    }
    // The figure to size symbols and sum legends by: best, else high, else low, else 0.
    int killedOrZero(std::size_t i) const;
    TimeRange span(std::size_t i) const { return {m_columns.begin[i], m_columns.end[i]}; }

    std::string_view idView(std::size_t i) const { return m_columns.id.view(i); }
    QString id(std::size_t i) const { return m_columns.id.text(i); }
    QString place(std::size_t i) const { return m_columns.place.text(i); }
    QString country(std::size_t i) const { return m_columns.country.text(i); }
    QString province(std::size_t i) const { return m_columns.province.text(i); }
    QString district(std::size_t i) const { return m_columns.district.text(i); }
    const IncidentColumns& columns() const { return m_columns; }

    // The whole record of incident i (in store order), assembled from the columns.
    Incident incident(std::size_t i) const { return m_columns.incident(i); }
    // Store index of the incident with this id, or -1. The first call builds an index by id.
    int indexOf(const QString& id) const;

    const TimeIndex& timeIndex() const { return m_index; }
    // Store indices overlapping `window`, ascending (so also in time order).
    std::vector<std::uint32_t> select(const TimeRange& window) const {
        return m_index.select(window);
    }
    void select(const TimeRange& window, std::vector<std::uint32_t>& out) const {
        m_index.select(window, out);
    }
    // The union of all spans; empty when the store is.
    TimeRange timeExtent() const { return m_index.extent(); }
    // The outlets cited by the sources, most cited first (ties by name).
    const QStringList& outletsByCitations() const { return m_outlets; }
    // Bytes held by the columns and indexes.
    std::size_t memoryUsed() const;

private:
    IncidentColumns m_columns;
    TimeIndex m_index;
    QStringList m_outlets;
    mutable std::once_flag m_byIdOnce;
    mutable std::vector<std::uint32_t> m_byId; // store indices sorted by id
};

// Facilities with their presence intervals, indexed the same way. Outposts are counted in
// dozens, so rows are the simplest honest form.
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

// The order an IncidentStore keeps rows in: by span start, then id (bytewise), then the order
// given. Counting sort on days, then each day's rows by id on every core.
std::vector<std::uint32_t> storeOrder(const IncidentColumns& columns);

} // namespace borderlens
