#include "incidents/incident_store.h"

#include <algorithm>

namespace borderlens {

IncidentStore::IncidentStore(std::vector<Incident> incidents) {
    // Sort by span start (then id, for a stable order across runs), so a time window maps to a
    // contiguous run and the table lists incidents chronologically.
    std::vector<std::pair<TimeRange, std::size_t>> order;
    order.reserve(incidents.size());
    for (std::size_t i = 0; i < incidents.size(); ++i)
        order.emplace_back(incidents[i].span(), i);
    std::stable_sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
        if (a.first.begin != b.first.begin)
            return a.first.begin < b.first.begin;
        return incidents[a.second].id < incidents[b.second].id;
    });
    const std::size_t n = incidents.size();
    m_begin.reserve(n);
    m_end.reserve(n);
    m_lon.reserve(n);
    m_lat.reserve(n);
    m_type.reserve(n);
    m_geoPrecision.reserve(n);
    m_killed.reserve(n);
    m_rows.reserve(n);
    for (const auto& [span, i] : order) {
        Incident& inc = incidents[i];
        m_begin.push_back(span.begin);
        m_end.push_back(span.end);
        m_lon.push_back(inc.lon);
        m_lat.push_back(inc.lat);
        m_type.push_back(inc.type);
        m_geoPrecision.push_back(inc.geoPrecision);
        m_killed.push_back(inc.killed.bestOrZero());
        m_byId.insert(inc.id, static_cast<int>(m_rows.size()));
        m_rows.push_back(std::move(inc));
    }
    m_index = TimeIndex(m_begin, m_end);
}

FacilityStore::FacilityStore(std::vector<Facility> facilities) : m_rows(std::move(facilities)) {
    std::vector<std::int64_t> begins;
    std::vector<std::int64_t> ends;
    for (const Facility& f : m_rows) {
        const TimeRange p = f.presence();
        begins.push_back(p.begin);
        ends.push_back(p.end);
    }
    m_index = TimeIndex(begins, ends);
}

TimeRange FacilityStore::timeExtent() const {
    TimeRange r{0, 0};
    bool any = false;
    for (const Facility& f : m_rows) {
        if (!f.opened)
            continue;
        const TimeRange p = f.presence();
        const std::int64_t b = p.begin;
        const std::int64_t e = b + 1;
        r = any ? TimeRange{std::min(r.begin, b), std::max(r.end, e)} : TimeRange{b, e};
        any = true;
    }
    return r;
}

} // namespace borderlens
