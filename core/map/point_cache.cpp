#include "map/point_cache.h"

#include "geo/coordinate_transform.h"
#include "geo/interpolated_transform.h"
#include "util/parallel.h"
#include "util/phase_timer.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace borderlens {

PointCache::PointCache(std::span<const double> lons, std::span<const double> lats,
                       std::shared_ptr<const void> owner)
    : m_lons(lons), m_lats(lats), m_owner(std::move(owner)) {}

PointCache::PointCache(std::vector<double> lons, std::vector<double> lats)
    : m_ownedLons(std::move(lons)), m_ownedLats(std::move(lats)), m_lons(m_ownedLons),
      m_lats(m_ownedLats) {}

PointCache::Projection PointCache::project(const Crs& crs) const {
    PhaseTimer timer("points.project");
    const std::size_t n = m_lons.size();
    auto out = std::make_shared<ProjectedPoints>();
    out->xy.resize(2 * n);
    // The origin: the projected middle of the points' extent, so offsets stay small.
    if (n > 0) {
        auto t = TransformCache::get(Crs::wgs84(), crs);
        if (!t)
            return t.error();
        const auto [lonLo, lonHi] = std::minmax_element(m_lons.begin(), m_lons.end());
        const auto [latLo, latHi] = std::minmax_element(m_lats.begin(), m_lats.end());
        double ox = (*lonLo + *lonHi) / 2, oy = (*latLo + *latHi) / 2;
        if (t.value()->transform(ox, oy)) {
            out->originX = ox;
            out->originY = oy;
        }
    }
    // Many points: PROJ on a grid and bicubic patches between, checked against PROJ to a
    // millimetre (InterpolatedTransform); few points: PROJ for each.
    std::optional<InterpolatedTransform> grid;
    if (n > 100'000) {
        auto t = TransformCache::get(Crs::wgs84(), crs);
        if (!t)
            return t.error();
        Extent lonLat;
        const auto [lonLo, lonHi] = std::minmax_element(m_lons.begin(), m_lons.end());
        const auto [latLo, latHi] = std::minmax_element(m_lats.begin(), m_lats.end());
        lonLat = Extent{*lonLo, *latLo, *lonHi, *latHi};
        grid = InterpolatedTransform::build(*t.value(), lonLat, crs.isGeographic() ? 1e-9 : 1e-3,
                                            n / 50);
    }
    // Each slice on its own thread with that thread's PROJ transform (PROJ objects may not cross
    // threads), in blocks so the double-precision scratch stays in cache.
    std::mutex errorMutex;
    std::optional<Error> error;
    const unsigned parts = n > 50'000 ? workerCount() : 1;
    parallelSlices(n, parts, [&](std::size_t a, std::size_t b) {
        auto t = TransformCache::get(Crs::wgs84(), crs);
        if (!t) {
            std::lock_guard lock(errorMutex);
            error = t.error();
            return;
        }
        constexpr std::size_t kBlock = 16384;
        std::vector<double> xy(2 * kBlock);
        for (std::size_t s = a; s < b; s += kBlock) {
            const std::size_t m = std::min(kBlock, b - s);
            for (std::size_t k = 0; k < m; ++k) {
                xy[2 * k] = m_lons[s + k];
                xy[2 * k + 1] = m_lats[s + k];
            }
            const std::span<double> block(xy.data(), 2 * m);
            if (grid)
                grid->transform(block, *t.value());
            else
                t.value()->transformInPlace(block);
            for (std::size_t k = 0; k < m; ++k) {
                const double x = xy[2 * k], y = xy[2 * k + 1];
                const bool ok = std::isfinite(x) && std::isfinite(y);
                out->xy[2 * (s + k)] = ok ? static_cast<float>(x - out->originX) : NAN;
                out->xy[2 * (s + k) + 1] = ok ? static_cast<float>(y - out->originY) : NAN;
            }
        }
    });
    if (error)
        return *error;
    return std::shared_ptr<const ProjectedPoints>(std::move(out));
}

Result<std::shared_ptr<const ProjectedPoints>> PointCache::projected(const Crs& crs) const {
    std::shared_future<Projection> future;
    std::promise<Projection> promise;
    bool mine = false;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_cache.find(crs.definition());
        if (it == m_cache.end()) {
            future = promise.get_future().share();
            m_cache.emplace(crs.definition(), future);
            mine = true;
        } else {
            future = it->second;
        }
    }
    if (mine)
        promise.set_value(project(crs)); // outside the lock: others keep their own answers
    return future.get();
}

std::shared_ptr<const ProjectedPoints> PointCache::ready(const Crs& crs) const {
    std::lock_guard lock(m_mutex);
    auto it = m_cache.find(crs.definition());
    if (it == m_cache.end() ||
        it->second.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return nullptr;
    const Projection& p = it->second.get();
    return p ? p.value() : nullptr;
}

} // namespace borderlens
