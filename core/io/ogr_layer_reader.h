#pragma once

#include "io/layer_reader.h"

namespace borderlens {

// Reads anything GDAL/OGR opens as vector data (Shapefile, GeoPackage, GeoJSON, KML, CSV with
// coordinate columns, ...). Geometry is reprojected from the declared CRS to lon/lat on load.
class OgrLayerReader final : public LayerReader {
public:
    QString name() const override { return QStringLiteral("GDAL/OGR"); }
    bool accepts(const QString& path) const override;
    Result<LayerList> read(const QString& path) const override;
};

} // namespace borderlens
