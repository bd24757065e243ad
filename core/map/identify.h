#pragma once

#include "geo/crs.h"
#include "geo/geo_precision.h"
#include "incidents/incident.h"
#include "render/map_viewport.h"
#include "time/time_range.h"

#include <QString>
#include <QStringList>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace borderlens {

// Where the user clicked, in the terms of the map as drawn.
struct IdentifyQuery {
    MapViewport viewport;
    Crs crs;
    TimeRange time;
    QPointF pixel;
    double radiusPixels = 6;
};

// One feature under the cursor, with everything the identify panel shows.
struct IdentifyResult {
    QString layerId;
    QString layerName;
    QString title;
    std::vector<std::pair<QString, QString>> fields; // label, value (in display order)
    std::vector<SourceRef> sources;
    QString featureKey; // e.g. an incident id
    std::optional<std::uint32_t> featureIndex; // the feature's index in its layer's store
    double distancePixels = 0;
    // What is doubtful about the whole layer (e.g. "no .prj: read as lon/lat"), so that the
    // warning icon in the Layers panel explains itself where the feature is shown too.
    QStringList layerWarnings;
};

// The identify fields saying where something is: position, how exactly it is known, country,
// province, district. Incidents and facilities show them the same way.
std::vector<std::pair<QString, QString>> whereFields(double lon, double lat, GeoPrecision precision,
                                                     const QString& country,
                                                     const QString& province,
                                                     const QString& district);

} // namespace borderlens
