#pragma once

#include "geo/polygon_grid_index.h"
#include "layer/vector_layer.h"

#include <QStringList>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace borderlens {

// Which polygon of a layer holds a point, for millions of points: districts, provinces,
// countries. Built once per layer (grid indexes of up to 64 features each over the layer's
// lon/lat geometry); immutable, so any number of threads may ask at once.
//
// The rule, to agree with GDAL/GEOS (OGR_G_Intersects): a point inside a polygon or on its
// boundary belongs to it, decided with exact arithmetic. Where several polygons take it — a point
// on an edge two districts share, a vertex where three meet, or an overlap in a sloppy layer — a
// polygon holding it in its interior wins over one that only has it on its boundary, and among
// equals the lowest feature number wins. So every point of the layer's area lands in exactly one
// polygon, and where GDAL finds exactly one polygon intersecting the point, it is that one.
class AreaLookup {
public:
    static constexpr std::uint32_t kNone = 0xFFFFFFFF;

    AreaLookup() = default;
    // `nameField`: the attribute naming each polygon (its names()); -1 names them "Feature N".
    AreaLookup(std::shared_ptr<const VectorLayer> layer, int nameField);

    // The feature holding (lon, lat) by the rule above, or kNone.
    std::uint32_t areaAt(double lon, double lat) const;
    // Features holding the point in their interior, and those with it on their boundary
    // (exact); for tests and for callers that want the ties themselves.
    struct Hits {
        std::vector<std::uint32_t> inside;
        std::vector<std::uint32_t> boundary;
    };
    Hits hitsAt(double lon, double lat) const;

    std::size_t size() const { return m_names.size(); }
    const QStringList& names() const { return m_names; }
    const std::shared_ptr<const VectorLayer>& layer() const { return m_layer; }

private:
    std::shared_ptr<const VectorLayer> m_layer;
    QStringList m_names;
    std::vector<PolygonGridIndex> m_chunks; // chunk c holds features [64c, 64c + 64)
};

// The attribute that names a feature of an administrative layer: the first of shapeName,
// NAME_2, ADM2_EN, district, name… present (geoBoundaries, GADM, OCHA COD-AB, the bundled
// schematic layer), case-insensitive; -1 when none is.
int guessDistrictNameField(const AttributeTable& attributes);
// The attribute naming the province (admin-1) a district belongs to: NAME_1, ADM1_EN, province,
// region…; -1 when the layer has none (geoBoundaries ADM2 has none: give a province layer).
int guessProvinceField(const AttributeTable& attributes);

} // namespace borderlens
