#pragma once

#include <QColor>
#include <QImage>

namespace borderlens::test {

// Fraction of pixels (0..1) within `tolerance` (per channel) of `colour`.
double shareOfColour(const QImage& image, QColor colour, int tolerance = 6);
// True if the pixel at `at`, or any within `radius`, is within tolerance of `colour`.
bool hasColourNear(const QImage& image, QPoint at, QColor colour, int radius = 0,
                   int tolerance = 6);
// Number of distinct colours: a blank image has 1.
int distinctColours(const QImage& image, int limit = 64);

} // namespace borderlens::test
