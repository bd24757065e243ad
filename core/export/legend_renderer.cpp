#include "export/legend_renderer.h"

#include "export/layout_style.h"
#include "render/legend_swatch.h"

#include <QFontMetricsF>
#include <algorithm>

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

double LegendRenderer::heightFor(double width, double dpi, double pt) const {
    double h = 0;
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (i > 0)
            h += layout::mmToPx(m_rows[i].groupStart ? kGroupGapMm : kRowGapMm, dpi);
        h += measure(m_rows[i], width, dpi, pt).height;
    }
    return h;
}

int LegendRenderer::draw(QPainter& p, const QRectF& area, double dpi, double pt) const {
    p.save();
    double y = area.top();
    int drawn = 0;
    const QFont moreFont = layout::font(pt, dpi);
    // Room for a "… n more" line is kept only when the whole legend does not fit.
    const double moreH = heightFor(area.width(), dpi, pt) <= area.height() + 0.5
                             ? 0.0
                             : QFontMetricsF(moreFont).height();
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const Row& row = m_rows[i];
        const double gap =
            i > 0 ? layout::mmToPx(row.groupStart ? kGroupGapMm : kRowGapMm, dpi) : 0;
        const Measured m = measure(row, area.width(), dpi, pt);
        const bool last = i + 1 == m_rows.size();
        // Leave room for the "… more" line unless this is the last row.
        // Half a pixel of slack: heightFor() summed the same heights in another order.
        if (y + gap + m.height > area.bottom() + 0.5 - (last ? 0.0 : moreH)) {
            p.setFont(moreFont);
            p.setPen(layout::kMuted);
            p.drawText(QRectF(area.left(), y + gap, area.width(), moreH), Qt::AlignLeft,
                       QStringLiteral("… %1 more").arg(m_rows.size() - i));
            break;
        }
        y += gap;
        if (hasSwatch(row)) {
            const double sw = layout::mmToPx(kSwatchWMm, dpi);
            const double sh = layout::mmToPx(kSwatchHMm, dpi);
            const QFontMetricsF fm(rowFont(row, dpi, pt));
            // Centred on the first text line, not the whole (possibly wrapped) row.
            const double lineMid = y + fm.height() / 2.0;
            // The same swatch as the viewer's legend.
            drawLegendSwatch(p, QRectF(area.left(), lineMid - sh / 2.0, sw, sh), row.entry,
                             dpi / 25.4);
        }
        p.setFont(rowFont(row, dpi, pt));
        p.setPen(row.note ? layout::kMuted : layout::kInk);
        const double textX = area.right() - m.textWidth;
        p.drawText(QRectF(textX, y, m.textWidth, m.height), Qt::TextWordWrap | Qt::AlignLeft,
                   rowText(row));
        y += m.height;
        ++drawn;
    }
    p.restore();
    return drawn;
}

} // namespace borderlens
