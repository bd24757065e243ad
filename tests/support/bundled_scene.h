#pragma once

#include "render/map_settings.h"

#include <QString>

namespace borderlens::test {

// The full (not simplified) official districts, read in place from ../shared/realdata; empty
// when that is absent.
QString officialDistrictsPath();

// The map the viewer opens on: the bundled base layers at 1920×1080 in UTM 42N over the
// Tajik–Afghan border's extent plus 12 % (MainWindow), fitted as MapCanvas fits it. With
// `official`, the official districts are drawn on top and the schematic ones left out, as
// File ▸ Load Official District Boundaries… leaves the map.
MapSettings bundledOpeningView(bool official = false);

// `view` zoomed by `factor` (2 = twice as close) about the point lon/lat.
MapSettings zoomedAbout(MapSettings view, double factor, double lon, double lat);

} // namespace borderlens::test
