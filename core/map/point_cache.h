#pragma once

#include "geo/crs.h"
#include "util/result.h"

#include <QString>

#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <vector>

namespace borderlens {

// Lon/lat points projected to a display CRS once and shared by every frame and every restyled
// copy of a layer. Thread-safe: render threads and the GUI (identify) use it concurrently.
class PointCache {
public:
    PointCache(std::span<const double> lons, std::span<const double> lats);
    // Interleaved x,y in `crs`; NaN where a point cannot be projected.
    Result<std::shared_ptr<const std::vector<double>>> projected(const Crs& crs) const;

private:
    std::vector<double> m_lonLat;
    mutable std::mutex m_mutex;
    mutable std::map<QString, std::shared_ptr<const std::vector<double>>> m_cache;
};

} // namespace borderlens
