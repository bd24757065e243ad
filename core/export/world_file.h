#pragma once

#include "geo/crs.h"
#include "render/map_viewport.h"
#include "util/result.h"

#include <QStringList>

namespace borderlens {

// The six lines of an ESRI world file for an image whose pixels are `viewport`'s: pixel size,
// rotation terms (0), and the map coordinates of the CENTRE of the top-left pixel.
QString worldFileText(const MapViewport& viewport);

// The world file's name for an image: "map.png" → "map.pgw", "map.tif" → "map.tfw".
QString worldFilePath(const QString& imagePath);

// Writes the world file and a .prj (ESRI WKT of `crs`) beside `imagePath`, each atomically.
// Returns the paths written.
Result<QStringList> writeWorldFile(const QString& imagePath, const MapViewport& viewport,
                                   const Crs& crs);

} // namespace borderlens
