#include "layer/vector_layer.h"

#include "geo/coordinate_transform.h"

namespace borderlens {

VectorLayer::VectorLayer(QString name, QString sourcePath, Crs sourceCrs, QString geometryTypeName,
                         GeometryColumns lonLat, AttributeTable attributes, QStringList warnings)
    : m_name(std::move(name)), m_sourcePath(std::move(sourcePath)),
      m_sourceCrs(std::move(sourceCrs)), m_geometryTypeName(std::move(geometryTypeName)),
      m_lonLat(std::move(lonLat)), m_attributes(std::move(attributes)),
      m_warnings(std::move(warnings)), m_lonLatExtent(m_lonLat.totalExtent()) {}

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

} // namespace borderlens
