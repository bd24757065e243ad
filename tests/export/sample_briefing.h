#pragma once

#include "export/briefing_layout.h"
#include "render/map_settings.h"

#include <QPoint>

namespace borderlens::test {

// The bundled base layers, sample outposts and sample incidents over the Tajik–Afghan border in
// UTM 42N, as the CLI draws them by default; `window` is the time filter.
MapSettings sampleBriefingMap(const TimeRange& window, const Crs& crs = Crs::utm42n());

// A layer that draws nothing and whose legend has a heading and `entries` lines: a legend as
// long as a test needs (a user who added many layers, or a store with many categories).
std::shared_ptr<const MapLayer> longLegendLayer(int entries);

// A layout with a fixed "Created" time, so pages are reproducible.
BriefingLayout sampleLayout(const QString& title = QStringLiteral("Tajik–Afghan border"));

// Where (lon, lat) falls on a page, given the frame's position and viewport from a layout.
QPointF pagePixelOf(const QRectF& mapFrame, const MapSettings& frameSettings, double lon,
                    double lat);

} // namespace borderlens::test
