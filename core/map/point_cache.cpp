#include "map/point_cache.h"

#include "geo/coordinate_transform.h"

namespace borderlens {

PointCache::PointCache(std::span<const double> lons, std::span<const double> lats) {
    m_lonLat.reserve(lons.size() * 2);
    for (std::size_t i = 0; i < lons.size(); ++i) {
        m_lonLat.push_back(lons[i]);
        m_lonLat.push_back(lats[i]);
    }
}

Result<std::shared_ptr<const std::vector<double>>> PointCache::projected(const Crs& crs) const {
    std::lock_guard lock(m_mutex);
    if (auto it = m_cache.find(crs.definition()); it != m_cache.end())
        return it->second;
    auto t = TransformCache::get(Crs::wgs84(), crs);
    if (!t)
        return t.error();
    auto xy = std::make_shared<std::vector<double>>(m_lonLat);
    t.value()->transformInPlace(*xy);
    std::shared_ptr<const std::vector<double>> result = std::move(xy);
    m_cache.emplace(crs.definition(), result);
    return result;
}

} // namespace borderlens
