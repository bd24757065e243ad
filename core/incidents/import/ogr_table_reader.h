#pragma once

#include "util/result.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <string>
#include <vector>

namespace borderlens {

// A layer of a GeoPackage or GeoJSON in the native schema, as text the row parsers read: each
// feature's fields in UTF-8, with lon/lat taken from its point geometry (in WGS 84), which wins
// over lon/lat attributes: a point moved in QGIS keeps stale attributes.
struct OgrTable {
    struct Feature {
        std::int64_t number = 0; // 1-based, as the importer reports it
        std::vector<std::string> fields;
    };
    std::vector<QString> header;
    std::vector<Feature> features;
};

// The "incidents" and "facilities" layers BorderLens writes, both when present, or else the
// first layer. Warnings (attributes that disagree with the geometry) go to `warnings`.
Result<std::vector<OgrTable>> readOgrTables(const QString& path, QStringList& warnings);

} // namespace borderlens
