#pragma once

#include <QPageLayout>
#include <QPageSize>
#include <QSize>
#include <QSizeF>
#include <QString>
#include <optional>

namespace borderlens {

// The output page: a pixel size (slides, web) or a paper size and orientation, at a DPI. Both
// become a page size in device units, which is what the layout is computed in.
struct PageSetup {
    enum class Kind { Pixels, Paper };
    // A 1920×1080 slide at 150 DPI is a 325 × 183 mm page: type and symbols read well projected.
    static constexpr double kDefaultPixelDpi = 150.0;
    static constexpr double kDefaultPaperDpi = 300.0;

    Kind kind = Kind::Pixels;
    QSize pixels{1920, 1080};
    QPageSize::PageSizeId paper = QPageSize::A4;
    QPageLayout::Orientation orientation = QPageLayout::Landscape;
    double dpi = kDefaultPixelDpi;

    static PageSetup pixelSize(QSize size, double dpi = kDefaultPixelDpi);
    // The DPI at which a page of `size` pixels has the proportions of a 1920×1080 page at 150
    // DPI, so a small PNG is the same page scaled down rather than a crowded one.
    static double proportionalDpi(QSize size);
    static PageSetup paperSize(QPageSize::PageSizeId id, QPageLayout::Orientation orientation,
                               double dpi = kDefaultPaperDpi);

    // "A4", "a3", "Letter"; empty on anything else.
    static std::optional<QPageSize::PageSizeId> parsePaper(const QString& name);
    // "1920x1080" (also "1920×1080"); empty on anything else or a side outside 16…20000.
    static std::optional<QSize> parsePixelSize(const QString& text);

    // The page in device units at `dpi`: A4 landscape at 300 DPI is 3508 × 2480.
    QSize sizePx() const;
    // The page in millimetres (a pixel page is as big as its pixels at `dpi`).
    QSizeF sizeMm() const;
    // The page as QPdfWriter and friends want it, in portrait orientation (see pageLayout()).
    QPageLayout pageLayout() const;
    // "A4 landscape, 300 dpi", "1920×1080 px".
    QString describe() const;
};

} // namespace borderlens
