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

// How two renderings of the same map differ (images of the same size).
struct ImageDifference {
    double differing = 0; // share of pixels with a channel more than `tolerance` apart
    // Share of pixels with no pixel within `radius` in the other image (either way) within
    // `tolerance`: a line moved by a fraction of a pixel matches, a missing or extra one not.
    double unmatched = 0;
    int maxDelta = 0; // largest channel difference anywhere
    // Pixels in the largest 8-connected group of unmatched ones: a line moved by a fraction of
    // a pixel leaves scattered specks, a moved or missing feature a blob or a trail.
    int largestUnmatchedBlob = 0;
};
ImageDifference compareImages(const QImage& a, const QImage& b, int tolerance, int radius = 1);
// |a − b| per channel, amplified ×4 on white, to look at where two renderings differ.
QImage differenceImage(const QImage& a, const QImage& b);

} // namespace borderlens::test
