#include "export/layout_renderer.h"

#include "export/graticule.h"
#include "export/layout_style.h"
#include "export/legend_renderer.h"
#include "render/legend_context.h"
#include "export/locator_inset.h"
#include "render/map_renderer.h"

#include <QFontMetricsF>
#include <algorithm>
#include <cmath>

namespace borderlens {

namespace {

using layout::font;
using layout::mmToPx;

// The legend's type sizes, largest first, down to a floor below which it is not read.
constexpr double kLegendSizes[] = {layout::kLegendPt, 7.5, 7.0, 6.5};
constexpr double kLegendFloorPt = 6.5;
struct LegendFit {
    int columns;
    double pt;
};
constexpr double kMinLegendColumnMm = 30.0; // narrower, and every label wraps
constexpr double kMinInsetMm = 10.0;
constexpr double kNorthColumnMm = 30.0; // wide enough for "grid convergence -1.5°"

QRectF snapped(const QRectF& r) {
    const double x0 = std::round(r.left()), y0 = std::round(r.top());
    const double x1 = std::round(r.right()), y1 = std::round(r.bottom());
    return QRectF(x0, y0, std::max(0.0, x1 - x0), std::max(0.0, y1 - y0));
}

double textHeight(const QFont& f, double width, const QString& text) {
    return QFontMetricsF(f).boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, text).height();
}

QString crsNoteText(const Crs& crs) {
    const QString name = crs.displayName();
    if (name == crs.definition() || crs.definition().size() > 24)
        return name;
    return QStringLiteral("%1 (%2)").arg(name, crs.definition());
}

// Sets frameSettings/frameViewport and what depends on the frame alone. With a graticule, the
// map's names keep clear of its labels.
void placeFrame(LayoutGeometry& g, const MapSettings& mapBase, double dpi, bool graticule) {
    g.mapFrame = snapped(g.mapFrame);
    g.frameSettings = mapBase;
    g.frameSettings.outputSize = g.mapFrame.size().toSize();
    g.frameSettings.dpi = dpi;
    g.frameViewport = MapViewport::fitting(mapBase.extent, g.mapFrame.size());
    if (graticule) {
        const auto boxes =
            Graticule::compute(g.frameViewport, g.frameSettings.crs).labelBoxes(dpi);
        g.frameSettings.labelObstacles.insert(g.frameSettings.labelObstacles.end(),
                                              boxes.begin(), boxes.end());
    }
}

// The panel's blocks: the inset on top, north arrow and scale bar at the bottom, the legend
// between. The legend makes room for itself with smaller type and a second column, then a shorter
// inset (down to 0.45 of its width); only when it fits no other way does the inset go, and the
// geometry's notes say so. `legendColumn` is where the legend goes (the panel, or its left part
// in portrait); `sideColumn` holds the inset and the bottom block.
void fillPanel(LayoutGeometry& g, const LegendRenderer* legend, const BriefingLayout& b, double dpi,
               const QRectF& legendColumn, const QRectF& sideColumn, bool stacked) {
    const double gap = mmToPx(layout::kGapMm, dpi);
    // Bottom block: north arrow (left) beside the scale bar (right, level with the arrow's
    // middle), and under both the CRS, on one line across the column.
    const QFont small = font(layout::kSmallPt, dpi);
    const QString note = crsNoteText(g.frameSettings.crs);
    const double noteH = textHeight(small, sideColumn.width(), note);
    g.crsNote = QRectF(sideColumn.left(), sideColumn.bottom() - noteH, sideColumn.width(), noteH);
    const double rowBottom = g.crsNote.top() - mmToPx(1.5, dpi);
    const double northW = b.northArrow ? mmToPx(kNorthColumnMm, dpi) : 0.0;
    const double northH = b.northArrow ? NorthArrow::heightPx(dpi) : 0.0;
    const double scaleH = b.scaleBar ? ScaleBar::heightPx(dpi) : 0.0;
    const double rowH = std::max(northH, scaleH);
    const double blockTop = rowBottom - rowH;
    if (b.northArrow)
        g.northArrow = QRectF(sideColumn.left(), blockTop, northW, northH);
    if (b.scaleBar) {
        const double left = sideColumn.left() + northW + (b.northArrow ? mmToPx(2, dpi) : 0.0);
        g.scaleBar =
            QRectF(left, blockTop + (rowH - scaleH) / 2.0, sideColumn.right() - left, scaleH);
    }

    // Inset: as wide as its column, 0.7 of that high, or what is left above the bottom block.
    double insetH = 0;
    if (b.inset) {
        insetH = sideColumn.width() * 0.7;
        if (!stacked)
            insetH = std::max(0.0, blockTop - gap - sideColumn.top());
    }
    auto legendArea = [&](double ih) {
        if (!stacked)
            return QRectF(legendColumn.left(), legendColumn.top(), legendColumn.width(),
                          legendColumn.height());
        const double top = sideColumn.top() + (ih > 0 ? ih + gap : 0.0);
        return QRectF(legendColumn.left(), top, legendColumn.width(),
                      std::max(0.0, blockTop - gap - top));
    };
    // The largest type at which the legend fits `area` in `columns` columns, if any.
    auto fitIn = [&](const QRectF& area, int columns) -> std::optional<LegendFit> {
        if (columns > 1 && LegendRenderer::columnWidth(area.width(), dpi, columns) <
                               mmToPx(kMinLegendColumnMm, dpi))
            return std::nullopt;
        for (double pt : kLegendSizes)
            if (legend->heightFor(area.width(), dpi, pt, columns) <= area.height() + 0.5)
                return LegendFit{columns, pt};
        return std::nullopt;
    };
    bool insetGivenUp = false; // for the legend, and said so
    if (legend && b.legend) {
        // One column first (smaller type, then a shorter inset), then two columns the same way:
        // a legend that fits one column is laid out as it always was.
        const double fullInsetH = insetH;
        const double minInsetH = sideColumn.width() * 0.45;
        std::optional<LegendFit> fit;
        for (int columns : {1, 2}) {
            insetH = fullInsetH;
            fit = fitIn(legendArea(insetH), columns);
            while (!fit && stacked && b.inset && insetH > minInsetH) {
                insetH = std::max(minInsetH, insetH - mmToPx(3, dpi));
                fit = fitIn(legendArea(insetH), columns);
            }
            if (fit)
                break;
        }
        if (!fit && stacked && b.inset) {
            // The legend matters more than the locator: without the inset, does it fit?
            for (int columns : {1, 2}) {
                if ((fit = fitIn(legendArea(0), columns)))
                    break;
            }
            if (fit) {
                insetH = 0;
                insetGivenUp = true;
                g.notes << QStringLiteral("the locator inset was left out: the legend needs the "
                                          "room; shorten the legend or use a larger page");
            }
        }
        if (fit) {
            g.legendPt = fit->pt;
            g.legendColumns = fit->columns;
            g.legend = legendArea(insetH);
            g.legend.setHeight(legend->heightFor(g.legend.width(), dpi, fit->pt, fit->columns));
        } else {
            // Cut short at the floor, in as many columns as the area takes: the legend's last
            // line says how many rows are left out, and so does a note.
            g.legend = legendArea(insetH);
            g.legendPt = kLegendFloorPt;
            g.legendColumns = LegendRenderer::columnWidth(g.legend.width(), dpi, 2) >=
                                      mmToPx(kMinLegendColumnMm, dpi)
                                  ? 2
                                  : 1;
            const int shown = legend->rowsShown(g.legend, dpi, g.legendPt, g.legendColumns);
            const int rows = static_cast<int>(legend->rows().size());
            g.notes << QStringLiteral("the legend was cut short (%1 of %2 rows shown): shorten "
                                      "the legend or use a larger page")
                           .arg(shown)
                           .arg(rows);
        }
    }
    if (b.inset && insetH > mmToPx(kMinInsetMm, dpi))
        g.inset = snapped(QRectF(sideColumn.left(), sideColumn.top(), sideColumn.width(), insetH));
    else if (b.inset && !insetGivenUp)
        g.notes << QStringLiteral("the locator inset was left out: the panel is too short for "
                                  "it; use a larger or taller page");
}

} // namespace

LayoutGeometry LayoutRenderer::layout(QSizeF pageSize, double dpi, const MapSettings& mapBase,
                                      const BriefingLayout& b) {
    LayoutGeometry g;
    g.page = QRectF(QPointF(0, 0), pageSize);
    g.subtitle = b.subtitleFor(mapBase.time);
    if (b.mapOnly) {
        g.mapFrame = g.page;
        placeFrame(g, mapBase, dpi, false);
        return g;
    }
    const double m = mmToPx(layout::kMarginMm, dpi);
    const double gap = mmToPx(layout::kGapMm, dpi);
    const double contentW = pageSize.width() - 2 * m;
    double top = m;
    double bottom = pageSize.height() - m;

    if (!b.banner.trimmed().isEmpty()) {
        const double h = QFontMetricsF(font(layout::kBannerPt, dpi, true)).height();
        // Banners sit in the margin, closer to the edge than anything else.
        g.bannerTop = QRectF(m, m * 0.5, contentW, h);
        g.bannerBottom = QRectF(m, pageSize.height() - m * 0.5 - h, contentW, h);
        top = g.bannerTop.bottom() + gap * 0.5;
        bottom = g.bannerBottom.top() - gap * 0.5;
    }
    double headerH = 0;
    if (!b.title.isEmpty())
        headerH += QFontMetricsF(font(layout::kTitlePt, dpi, true)).lineSpacing();
    if (!g.subtitle.isEmpty())
        headerH += QFontMetricsF(font(layout::kSubtitlePt, dpi)).lineSpacing();
    if (headerH > 0) {
        g.header = QRectF(m, top, contentW, headerH);
        top = g.header.bottom() + gap * 0.6;
    }
    if (b.attribution) {
        g.attributionText = b.attributionParts(mapBase.layers).join(QStringLiteral(" · "));
        const double h = textHeight(font(layout::kSmallPt, dpi), contentW, g.attributionText);
        g.attribution = QRectF(m, bottom - h, contentW, h);
        bottom = g.attribution.top() - gap * 0.6;
    }
    const QRectF body(m, top, contentW, std::max(0.0, bottom - top));
    const bool panel = b.legend || b.inset || b.northArrow || b.scaleBar;
    const bool landscape = pageSize.width() >= pageSize.height() * 1.15;
    // The legend describes the map as its frame draws it (a crowded frame shows density), so it
    // is made once the frame is placed.
    std::optional<LegendRenderer> legend;
    auto makeLegend = [&] {
        if (b.legend)
            legend.emplace(g.frameSettings.layers, legendContextFor(g.frameSettings, true));
    };

    if (!panel) {
        g.mapFrame = body;
        placeFrame(g, mapBase, dpi, b.graticule);
    } else if (landscape) {
        const double panelW = std::clamp(body.width() * 0.25, mmToPx(48, dpi), mmToPx(82, dpi));
        g.mapFrame = QRectF(body.left(), body.top(), body.width() - panelW - gap, body.height());
        placeFrame(g, mapBase, dpi, b.graticule);
        makeLegend();
        g.panel = QRectF(g.mapFrame.right() + gap, body.top(),
                         body.right() - g.mapFrame.right() - gap, body.height());
        fillPanel(g, legend ? &*legend : nullptr, b, dpi, g.panel, g.panel, true);
    } else {
        const double panelH = std::clamp(body.height() * 0.3, mmToPx(55, dpi), mmToPx(95, dpi));
        g.mapFrame = QRectF(body.left(), body.top(), body.width(), body.height() - panelH - gap);
        placeFrame(g, mapBase, dpi, b.graticule);
        makeLegend();
        g.panel = QRectF(body.left(), g.mapFrame.bottom() + gap, body.width(),
                         body.bottom() - g.mapFrame.bottom() - gap);
        const double sideW = std::clamp(g.panel.width() * 0.42, mmToPx(60, dpi), mmToPx(90, dpi));
        const QRectF side(g.panel.right() - sideW, g.panel.top(), sideW, g.panel.height());
        const QRectF legendColumn(g.panel.left(), g.panel.top(),
                                  b.legend ? side.left() - gap - g.panel.left() : 0.0,
                                  g.panel.height());
        fillPanel(g, legend ? &*legend : nullptr, b, dpi, legendColumn, side, false);
    }
    if (b.scaleBar && !g.scaleBar.isEmpty()) {
        // Room for the end label, which is centred on the end tick with its unit hanging right.
        const QFontMetricsF fm(font(layout::kSmallPt, dpi));
        const double unitRoom = fm.horizontalAdvance(QStringLiteral("000 km")) -
                                fm.horizontalAdvance(QStringLiteral("000")) / 2.0 +
                                fm.horizontalAdvance(QStringLiteral("0"));
        g.scale = ScaleBar::compute(g.frameViewport, mapBase.crs,
                                    std::max(1.0, g.scaleBar.width() - unitRoom));
    }
    if (b.northArrow)
        g.north = NorthArrow::compute(g.frameViewport, mapBase.crs);
    return g;
}

void LayoutRenderer::render(QPainter& painter, QSizeF pageSize, double dpi,
                            const MapSettings& mapBase, const BriefingLayout& briefing,
                            const std::atomic<bool>* cancel) {
    render(painter, layout(pageSize, dpi, mapBase, briefing), briefing, cancel);
}

void LayoutRenderer::render(QPainter& p, const LayoutGeometry& g, const BriefingLayout& b,
                            const std::atomic<bool>* cancel, const ClippedAreaPainter& clipped,
                            LayoutCache* cache) {
    const double dpi = g.frameSettings.dpi;
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    if (!b.mapOnly)
        p.fillRect(g.page, Qt::white);

    // The map frame: the one drawing path, translated and clipped to the frame.
    clipped(p, g.mapFrame, [&](QPainter& fp) {
        MapRenderer::render(fp, g.frameSettings, cancel, cache ? &cache->map : nullptr);
        if (b.graticule && !b.mapOnly)
            Graticule::compute(g.frameViewport, g.frameSettings.crs).draw(fp, dpi);
    });
    if (b.mapOnly) {
        p.restore();
        return;
    }
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(layout::kInk, mmToPx(layout::kFrameLineMm, dpi), Qt::SolidLine, Qt::SquareCap,
                  Qt::MiterJoin));
    p.drawRect(g.mapFrame);

    if (!g.bannerTop.isEmpty()) {
        p.setFont(font(layout::kBannerPt, dpi, true));
        p.setPen(layout::kInk);
        p.drawText(g.bannerTop, Qt::AlignCenter, b.banner.trimmed());
        p.drawText(g.bannerBottom, Qt::AlignCenter, b.banner.trimmed());
    }
    if (!g.header.isEmpty()) {
        double y = g.header.top();
        if (!b.title.isEmpty()) {
            const QFont f = font(layout::kTitlePt, dpi, true);
            const QFontMetricsF fm(f);
            p.setFont(f);
            p.setPen(layout::kInk);
            p.drawText(QPointF(g.header.left(), y + fm.ascent()),
                       fm.elidedText(b.title, Qt::ElideRight, g.header.width()));
            y += fm.lineSpacing();
        }
        if (!g.subtitle.isEmpty()) {
            const QFont f = font(layout::kSubtitlePt, dpi);
            const QFontMetricsF fm(f);
            p.setFont(f);
            p.setPen(layout::kMuted);
            p.drawText(QPointF(g.header.left(), y + fm.ascent()),
                       fm.elidedText(g.subtitle, Qt::ElideRight, g.header.width()));
        }
        // A rule under the header, the page's one strong horizontal.
        p.setPen(QPen(layout::kRule, mmToPx(0.25, dpi)));
        const double ry = g.header.bottom() + mmToPx(layout::kGapMm, dpi) * 0.3;
        p.drawLine(QPointF(g.header.left(), ry), QPointF(g.header.right(), ry));
    }
    if (!g.inset.isEmpty())
        LocatorInset::draw(p, g.inset, dpi, g.frameSettings, g.frameViewport, clipped,
                           cache ? &cache->inset : nullptr);
    if (!g.legend.isEmpty()) {
        const LegendRenderer legend(g.frameSettings.layers, legendContextFor(g.frameSettings, true));
        legend.draw(p, g.legend, dpi, g.legendPt, g.legendColumns);
    }
    if (g.north && !g.northArrow.isEmpty())
        g.north->draw(p, g.northArrow, dpi);
    if (g.scale && !g.scaleBar.isEmpty())
        g.scale->draw(p, g.scaleBar, dpi);
    if (!g.crsNote.isEmpty()) {
        p.setFont(font(layout::kSmallPt, dpi));
        p.setPen(layout::kMuted);
        p.drawText(g.crsNote, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop,
                   crsNoteText(g.frameSettings.crs));
    }
    if (!g.attribution.isEmpty()) {
        p.setFont(font(layout::kSmallPt, dpi));
        p.setPen(layout::kMuted);
        p.drawText(g.attribution, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop,
                   g.attributionText);
    }
    p.restore();
}

} // namespace borderlens
