#pragma once

#include "geo/crs.h"
#include "util/result.h"

#include <QPointF>
#include <QString>

#include <cmath>
#include <cstdint>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <vector>

namespace borderlens {

// Points in a display CRS, as float offsets from an origin: 8 bytes a point, and still
// centimetre-true within a thousand kilometres of the origin (float32 holds 24 bits). NaN where a
// point cannot be projected.
struct ProjectedPoints {
    double originX = 0;
    double originY = 0;
    std::vector<float> xy; // interleaved offsets

    std::size_t size() const { return xy.size() / 2; }
    bool valid(std::size_t i) const { return !std::isnan(xy[2 * i]); }
    double x(std::size_t i) const { return originX + xy[2 * i]; }
    double y(std::size_t i) const { return originY + xy[2 * i + 1]; }
};

// Lon/lat points projected to a display CRS once, on every core, and shared by every frame and
// every restyled copy of a layer. Thread-safe: render threads and the GUI (identify, hover) use
// it at once; only the thread that asks first projects, the others either wait for it
// (projected()) or go on without (ready()).
class PointCache {
public:
    // Views the coordinates, which `owner` keeps alive (a store's columns).
    PointCache(std::span<const double> lons, std::span<const double> lats,
               std::shared_ptr<const void> owner);
    // Owns a copy (a handful of facilities).
    PointCache(std::vector<double> lons, std::vector<double> lats);

    Result<std::shared_ptr<const ProjectedPoints>> projected(const Crs& crs) const;
    // The projection if it is done; null otherwise. Never waits.
    std::shared_ptr<const ProjectedPoints> ready(const Crs& crs) const;

    std::size_t size() const { return m_lons.size(); }
    std::span<const double> lons() const { return m_lons; }
    std::span<const double> lats() const { return m_lats; }

private:
    using Projection = Result<std::shared_ptr<const ProjectedPoints>>;
    Projection project(const Crs& crs) const;

    std::vector<double> m_ownedLons, m_ownedLats;
    std::span<const double> m_lons, m_lats;
    std::shared_ptr<const void> m_owner;
    mutable std::mutex m_mutex;
    mutable std::map<QString, std::shared_future<Projection>> m_cache;
};

} // namespace borderlens
