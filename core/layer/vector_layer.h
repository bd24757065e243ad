#pragma once

#include "geo/crs.h"
#include "geo/geometry_columns.h"
#include "layer/drawable_geometry.h"
#include "layer/attribute_table.h"
#include "util/result.h"

#include <QStringList>

#include <map>
#include <memory>
#include <mutex>

namespace borderlens {

// A vector layer held in memory: geometry in lon/lat (EPSG:4326, x = longitude) whatever the
// source CRS, attributes by column. Immutable once loaded, so the render thread can share it
// without copying; the only mutable part is the cache of projected copies, which is locked.
class VectorLayer {
public:
    VectorLayer(QString name, QString sourcePath, Crs sourceCrs, QString geometryTypeName,
                GeometryColumns lonLat, AttributeTable attributes, QStringList warnings = {});

    const QString& name() const { return m_name; }
    const QString& sourcePath() const { return m_sourcePath; }
    // The CRS the source declared (or EPSG:4326 assumed when it declared none; see warnings()).
    const Crs& sourceCrs() const { return m_sourceCrs; }
    // OGR's name for the layer's geometry type, e.g. "Multi Polygon", "Point", "Unknown (any)".
    const QString& geometryTypeName() const { return m_geometryTypeName; }
    const GeometryColumns& lonLat() const { return m_lonLat; }
    const AttributeTable& attributes() const { return m_attributes; }
    std::size_t featureCount() const { return m_lonLat.featureCount(); }
    // The kind of part the layer mostly holds (Point when it holds none): its legend swatch,
    // default style and place among the layers follow it.
    PartKind dominantKind() const { return m_dominantKind; }
    Extent lonLatExtent() const { return m_lonLatExtent; }
    // Non-fatal problems met while reading (assumed CRS, skipped geometries...), each naming the file.
    const QStringList& warnings() const { return m_warnings; }
    // For readers, before the layer is shared.
    void addWarning(const QString& warning) { m_warnings << warning; }

    // The geometry in `crs`, computed once per CRS and then shared. Vertices that cannot be
    // projected are NaN. Thread-safe.
    Result<std::shared_ptr<const GeometryColumns>> projected(const Crs& crs) const;
    // projected(crs) with its Douglas–Peucker ranking, for drawing: computed once per CRS (a few
    // milliseconds for the bundled countries) and shared by every frame at every zoom.
    // Thread-safe.
    Result<std::shared_ptr<const DrawableGeometry>> drawable(const Crs& crs) const;

private:
    QString m_name;
    QString m_sourcePath;
    Crs m_sourceCrs;
    QString m_geometryTypeName;
    GeometryColumns m_lonLat;
    AttributeTable m_attributes;
    QStringList m_warnings;
    Extent m_lonLatExtent;
    PartKind m_dominantKind;

    mutable std::mutex m_cacheMutex;
    mutable std::map<QString, std::shared_ptr<const GeometryColumns>> m_projectedCache;
    mutable std::map<QString, std::shared_ptr<const DrawableGeometry>> m_drawableCache;
};

} // namespace borderlens
