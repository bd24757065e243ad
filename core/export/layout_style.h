#pragma once

#include <QColor>
#include <QFont>
#include <QString>
#include <algorithm>
#include <cmath>

namespace borderlens::layout {

// The briefing layout's typography and spacing, in points and millimetres: converted to device
// units with the output's DPI, so a 300 DPI A4 and a 150 DPI slide have the same proportions.
inline constexpr double kTitlePt = 17.0;
inline constexpr double kSubtitlePt = 10.5;
inline constexpr double kBannerPt = 9.0;
inline constexpr double kLegendPt = 8.0;
inline constexpr double kLegendHeadingPt = 8.5;
inline constexpr double kSmallPt = 6.5;  // attribution, graticule and scale-bar labels
inline constexpr double kMarginMm = 8.0; // page edge to content
inline constexpr double kGapMm = 4.0;    // between blocks
inline constexpr double kFrameLineMm = 0.35;

inline const QColor kInk{0x1e, 0x1e, 0x1e};
inline const QColor kMuted{0x55, 0x55, 0x55};
inline const QColor kRule{0x9a, 0x9a, 0x9a};
inline const QColor kExtentRed{0xd0, 0x10, 0x10};

// DejaVu Sans by name: it is installed with the program's dependencies, and an explicit family
// keeps headless (offscreen) output from falling back to a font without the glyphs we use.
inline QString fontFamily() {
    return QStringLiteral("DejaVu Sans");
}

inline double mmToPx(double mm, double dpi) {
    return mm * dpi / 25.4;
}
inline double ptToPx(double pt, double dpi) {
    return pt * dpi / 72.0;
}

// A font of `pt` points on an output of `dpi`. Pixel sizes (device units) rather than point
// sizes, because a QImage, a QPdfWriter and a QSvgGenerator disagree on their logical DPI.
inline QFont font(double pt, double dpi, bool bold = false) {
    QFont f(fontFamily());
    f.setPixelSize(std::max(1, static_cast<int>(std::lround(ptToPx(pt, dpi)))));
    f.setBold(bold);
    // No shaping where the script does not need it: no "fi" ligatures, so text copied or
    // searched in a PDF reads "infiltration", not "in\uFB01ltration". Scripts that need shaping
    // (Arabic, Persian place names) are still shaped.
    f.setStyleStrategy(QFont::StyleStrategy(QFont::PreferAntialias | QFont::PreferNoShaping));
    return f;
}

} // namespace borderlens::layout
