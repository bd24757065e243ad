#include "export/legend_renderer.h"

#include "export/layout_style.h"
#include "render/legend_swatch.h"

#include <QFontMetricsF>
#include <algorithm>
#include <limits>

namespace borderlens {

namespace {

constexpr double kSwatchWMm = 6.0;
constexpr double kSwatchHMm = 3.4;
constexpr double kSwatchGapMm = 2.0;
constexpr double kRowGapMm = 0.9;
constexpr double kGroupGapMm = 2.2;

QFont rowFont(const LegendRenderer::Row& row, double dpi, double pt) {
    const bool heading = row.entry.swatch == LegendEntry::Swatch::Heading && !row.note;
    QFont f = layout::font(heading ? pt + 0.5 : pt, dpi, heading);
    f.setItalic(row.note);
    return f;
}

bool hasSwatch(const LegendRenderer::Row& row) {
    return !row.note && row.entry.swatch != LegendEntry::Swatch::Heading;
}

struct Measured {
    double textWidth;
    double height;
};

Measured measure(const LegendRenderer::Row& row, double width, double dpi, double pt) {
    const QFont font = rowFont(row, dpi, pt);
    const QFontMetricsF fm(font);
    const double textX = hasSwatch(row) ? layout::mmToPx(kSwatchWMm + kSwatchGapMm, dpi) : 0.0;
    const double textW = std::max(1.0, width - textX);
    const QRectF r =
        fm.boundingRect(QRectF(0, 0, textW, 1e6), Qt::TextWordWrap, LegendRenderer::rowText(row));
    const double h = std::max(r.height(), hasSwatch(row) ? layout::mmToPx(kSwatchHMm, dpi) : 0.0);
    return {textW, h};
}

} // namespace

LegendRenderer::LegendRenderer(const std::vector<std::shared_ptr<const MapLayer>>& layers,
                               const LegendContext& context) {
    bool previousHadHeading = false;
    for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
        const std::vector<LegendEntry> entries = (*it)->legendEntries(context);
        if (entries.empty())
            continue;
        // A gap sets off headed groups (incidents, outposts); one-line layers stack closely.
        const bool headed = entries.front().swatch == LegendEntry::Swatch::Heading;
        bool first = true;
        for (const LegendEntry& e : entries) {
            m_rows.push_back({e, first && (headed || previousHadHeading),
                              e.swatch == LegendEntry::Swatch::Note});
            first = false;
        }
        previousHadHeading = headed;
        // A temporal layer with nothing in the window still earns a line: "nothing happened"
        // is news in a briefing.
        if ((*it)->isTemporal() && entries.size() == 1 &&
            entries.front().swatch == LegendEntry::Swatch::Heading) {
            Row note;
            note.entry.swatch = LegendEntry::Swatch::Heading;
            note.entry.label = QStringLiteral("none in this time window");
            note.note = true;
            m_rows.push_back(note);
        }
    }
}

QString LegendRenderer::rowText(const Row& row) {
    return row.note ? row.entry.label : row.entry.text();
}

double LegendRenderer::columnWidth(double width, double dpi, int columns) {
    const int n = std::max(1, columns);
    return std::max(1.0, (width - layout::mmToPx(kColumnGapMm, dpi) * (n - 1)) / n);
}

LegendRenderer::Plan LegendRenderer::plan(double width, double height, double dpi, double pt,
                                          int columns) const {
    columns = std::max(1, columns);
    const double colW = columnWidth(width, dpi, columns);
    const std::size_t n = m_rows.size();
    std::vector<double> h(n), gap(n);
    for (std::size_t i = 0; i < n; ++i) {
        h[i] = measure(m_rows[i], colW, dpi, pt).height;
        gap[i] = i > 0 ? layout::mmToPx(m_rows[i].groupStart ? kGroupGapMm : kRowGapMm, dpi) : 0;
    }
    const auto isHeading = [this](std::size_t i) {
        return m_rows[i].entry.swatch == LegendEntry::Swatch::Heading && !m_rows[i].note;
    };
    // Fills the columns in turn up to `limit`; in the last one, room for a "… n more" line of
    // `moreH` is kept under every row but the legend's last. A heading never ends a column.
    const auto pack = [&](double limit, double moreH) {
        Plan out;
        int col = 0;
        double y = 0;
        std::size_t inColumn = 0;
        std::size_t i = 0;
        while (i < n) {
            const bool lastColumn = col == columns - 1;
            const double g = inColumn > 0 ? gap[i] : 0.0;
            const double reserve = lastColumn && i + 1 < n ? moreH : 0.0;
            // Half a pixel of slack: heights summed in another order differ in the last bit.
            if (y + g + h[i] <= limit + 0.5 - reserve) {
                out.placed.push_back({i, col, y + g, h[i]});
                out.height = std::max(out.height, y + g + h[i]);
                y += g + h[i];
                ++inColumn;
                ++i;
                continue;
            }
            if (lastColumn) {
                out.column = col;
                out.moreY = y + g;
                break;
            }
            if (inColumn > 1 && isHeading(out.placed.back().row)) {
                i = out.placed.back().row; // the heading goes over with its first row
                out.placed.pop_back();
            }
            ++col;
            y = 0;
            inColumn = 0;
        }
        return out;
    };
    double total = 0;
    for (std::size_t i = 0; i < n; ++i)
        total += gap[i] + h[i];
    // The shortest height at which every row fits in the columns, by bisection.
    double lo = 0, hi = total;
    for (double v : h)
        lo = std::max(lo, v);
    if (columns > 1) {
        for (int k = 0; k < 40 && hi - lo > 0.25; ++k) {
            const double mid = (lo + hi) / 2.0;
            (pack(mid, 0.0).placed.size() == n ? hi : lo) = mid;
        }
    }
    Plan balanced = pack(hi, 0.0);
    if (balanced.placed.size() == n && balanced.height <= height + 0.5)
        return balanced;
    const double moreH = QFontMetricsF(layout::font(pt, dpi)).height();
    return pack(height, moreH);
}

double LegendRenderer::heightFor(double width, double dpi, double pt, int columns) const {
    return plan(width, std::numeric_limits<double>::infinity(), dpi, pt, columns).height;
}

int LegendRenderer::rowsShown(const QRectF& area, double dpi, double pt, int columns) const {
    return static_cast<int>(plan(area.width(), area.height(), dpi, pt, columns).placed.size());
}

int LegendRenderer::draw(QPainter& p, const QRectF& area, double dpi, double pt,
                         int columns) const {
    const Plan pl = plan(area.width(), area.height(), dpi, pt, columns);
    const double colW = columnWidth(area.width(), dpi, columns);
    const double step = colW + layout::mmToPx(kColumnGapMm, dpi);
    p.save();
    for (const Placed& at : pl.placed) {
        const Row& row = m_rows[at.row];
        const double left = area.left() + at.column * step;
        const double y = area.top() + at.y;
        const Measured m = measure(row, colW, dpi, pt);
        if (hasSwatch(row)) {
            const double sw = layout::mmToPx(kSwatchWMm, dpi);
            const double sh = layout::mmToPx(kSwatchHMm, dpi);
            const QFontMetricsF fm(rowFont(row, dpi, pt));
            // Centred on the first text line, not the whole (possibly wrapped) row.
            const double lineMid = y + fm.height() / 2.0;
            // The same swatch as the viewer's legend.
            drawLegendSwatch(p, QRectF(left, lineMid - sh / 2.0, sw, sh), row.entry, dpi / 25.4);
        }
        p.setFont(rowFont(row, dpi, pt));
        p.setPen(row.note ? layout::kMuted : layout::kInk);
        const double textX = left + colW - m.textWidth;
        p.drawText(QRectF(textX, y, m.textWidth, m.height), Qt::TextWordWrap | Qt::AlignLeft,
                   rowText(row));
    }
    if (pl.moreY >= 0) {
        const QFont moreFont = layout::font(pt, dpi);
        p.setFont(moreFont);
        p.setPen(layout::kMuted);
        p.drawText(QRectF(area.left() + pl.column * step, area.top() + pl.moreY, colW,
                          QFontMetricsF(moreFont).height()),
                   Qt::AlignLeft,
                   QStringLiteral("… %1 more").arg(m_rows.size() - pl.placed.size()));
    }
    p.restore();
    return static_cast<int>(pl.placed.size());
}

} // namespace borderlens
