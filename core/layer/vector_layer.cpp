#include "layer/vector_layer.h"

#include "geo/coordinate_transform.h"
#include "geo/douglas_peucker.h"

#include <algorithm>
#include <array>

namespace borderlens {
namespace {

PartKind mostCommonKind(const GeometryColumns& g) {
    std::array<std::size_t, 3> counts{};
    for (PartKind k : g.partKinds)
        ++counts[static_cast<std::size_t>(k)];
    return static_cast<PartKind>(std::max_element(counts.begin(), counts.end()) - counts.begin());
}

} // namespace

VectorLayer::VectorLayer(QString name, QString sourcePath, Crs sourceCrs, QString geometryTypeName,
                         GeometryColumns lonLat, AttributeTable attributes, QStringList warnings)
    : m_name(std::move(name)), m_sourcePath(std::move(sourcePath)),
      m_sourceCrs(std::move(sourceCrs)), m_geometryTypeName(std::move(geometryTypeName)),
      m_lonLat(std::move(lonLat)), m_attributes(std::move(attributes)),
      m_warnings(std::move(warnings)), m_lonLatExtent(m_lonLat.totalExtent()),
      m_dominantKind(mostCommonKind(m_lonLat)) {}

Result<std::shared_ptr<const GeometryColumns>> VectorLayer::projected(const Crs& crs) const {
    std::lock_guard lock(m_cacheMutex);
    if (auto it = m_projectedCache.find(crs.definition()); it != m_projectedCache.end())
        return it->second;
    auto transform = TransformCache::get(Crs::wgs84(), crs);
    if (!transform)
        return transform.error();
    auto copy = std::make_shared<GeometryColumns>(m_lonLat);
    if (!transform.value()->isIdentity()) {
        transform.value()->transformInPlace(copy->xy);
        copy->updateExtents();
    }
    std::shared_ptr<const GeometryColumns> result = std::move(copy);
    m_projectedCache.emplace(crs.definition(), result);
    return result;
}

Result<std::shared_ptr<const DrawableGeometry>> VectorLayer::drawable(const Crs& crs) const {
    {
        std::lock_guard lock(m_cacheMutex);
        if (auto it = m_drawableCache.find(crs.definition()); it != m_drawableCache.end())
            return it->second;
    }
    auto columns = projected(crs);
    if (!columns)
        return columns.error();
    // Ranked outside the lock, so identify on the GUI thread never waits for it; two threads
    // racing here both rank and the first result is kept.
    auto ranked = std::make_shared<DrawableGeometry>();
    ranked->columns = columns.value();
    ranked->tolerances = douglasPeuckerTolerances(*ranked->columns);
    std::lock_guard lock(m_cacheMutex);
    return m_drawableCache.emplace(crs.definition(), std::move(ranked)).first->second;
}

} // namespace borderlens
