#include "analysis/area_lookup.h"

#include <bit>
#include <cmath>

namespace borderlens {

namespace {

// About 1 km: a few edges per cell for district outlines, a few MB of grid for a country.
constexpr double kCellDegrees = 0.01;

int firstField(const AttributeTable& attributes, std::initializer_list<const char*> names) {
    for (const char* name : names) {
        const int i = attributes.fieldIndex(QString::fromLatin1(name));
        if (i >= 0)
            return i;
    }
    return -1;
}

} // namespace

int guessDistrictNameField(const AttributeTable& attributes) {
    return firstField(attributes, {"shapeName", "NAME_2", "ADM2_EN", "ADM2_NAME", "district",
                                   "DIST_NAME", "name", "NAME"});
}

int guessProvinceField(const AttributeTable& attributes) {
    return firstField(attributes,
                      {"NAME_1", "ADM1_EN", "ADM1_NAME", "province", "region", "oblast"});
}

AreaLookup::AreaLookup(std::shared_ptr<const VectorLayer> layer, int nameField)
    : m_layer(std::move(layer)) {
    if (!m_layer)
        return;
    const GeometryColumns& g = m_layer->lonLat();
    const AttributeTable& attrs = m_layer->attributes();
    for (std::size_t f = 0; f < g.featureCount(); ++f) {
        QString name;
        if (nameField >= 0 && static_cast<std::size_t>(nameField) < attrs.fieldCount())
            name = attrs.value(f, std::size_t(nameField)).toString().trimmed();
        m_names << (name.isEmpty() ? QStringLiteral("Feature %1").arg(f + 1) : name);
    }
    Extent area = m_layer->lonLatExtent();
    if (area.isEmpty())
        return;
    // A cell's margin, so that points on the layer's outermost edges fall inside the grid.
    area = {area.xMin - kCellDegrees, area.yMin - kCellDegrees, area.xMax + kCellDegrees,
            area.yMax + kCellDegrees};
    for (std::size_t first = 0; first < g.featureCount(); first += PolygonGridIndex::kMaxFeatures)
        m_chunks.emplace_back(g, area, kCellDegrees, first);
}

std::uint32_t AreaLookup::areaAt(double lon, double lat) const {
    std::uint32_t onEdge = kNone;
    for (std::size_t c = 0; c < m_chunks.size(); ++c) {
        const PolygonGridIndex::Location at = m_chunks[c].locate(lon, lat);
        const auto base = static_cast<std::uint32_t>(c * PolygonGridIndex::kMaxFeatures);
        if (at.inside)
            return base + static_cast<std::uint32_t>(std::countr_zero(at.inside));
        if (at.boundary && onEdge == kNone)
            onEdge = base + static_cast<std::uint32_t>(std::countr_zero(at.boundary));
    }
    return onEdge;
}

AreaLookup::Hits AreaLookup::hitsAt(double lon, double lat) const {
    Hits hits;
    for (std::size_t c = 0; c < m_chunks.size(); ++c) {
        const PolygonGridIndex::Location at = m_chunks[c].locate(lon, lat);
        const auto base = static_cast<std::uint32_t>(c * PolygonGridIndex::kMaxFeatures);
        for (std::uint64_t m = at.inside; m; m &= m - 1)
            hits.inside.push_back(base + static_cast<std::uint32_t>(std::countr_zero(m)));
        for (std::uint64_t m = at.boundary; m; m &= m - 1)
            hits.boundary.push_back(base + static_cast<std::uint32_t>(std::countr_zero(m)));
    }
    return hits;
}

} // namespace borderlens
