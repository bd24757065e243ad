#pragma once

#include <QString>

#include <optional>

namespace borderlens {

struct LonLat {
    double lon = 0;
    double lat = 0;
};

// A position typed by hand, as the find-a-place box takes it:
//   decimal degrees, latitude first      38.06 71.31 · 38.06, 71.31 · -12.5 130.8
//   with hemispheres, either order       38.06N 71.31E · N38.06 E71.31 · 71.31E 38.06N
//   degrees, minutes, seconds            38°03′N 71°18′E · 38°03'36"N 71°18'E · 38 03 N 71 18 E
//   UTM zone and latitude band           42S 544195 4150458 · 42 S 544195mE 4150458mN
// In UTM, the letter is the latitude band (S is 32–40°N), not a hemisphere. Without
// hemisphere letters two plain numbers are latitude then longitude, unless the first cannot be
// a latitude. Empty for anything else, or out of range.
std::optional<LonLat> parseCoordinate(const QString& text);

} // namespace borderlens
