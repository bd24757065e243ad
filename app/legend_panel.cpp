#include "legend_panel.h"

#include "render/legend_swatch.h"

#include <QListWidget>
#include <QPainter>
#include <QVBoxLayout>

namespace borderlens {

LegendPanel::LegendPanel(QWidget* parent) : QWidget(parent), m_list(new QListWidget(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    // A narrow dock elides long names (the whole name is in the tooltip) rather than scrolling
    // sideways or forcing the window wider.
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setIconSize(QSize(22, 16));
    m_list->setFocusPolicy(Qt::NoFocus);
}

namespace {

// Whether two entries draw the same swatch (counts and labels aside).
bool sameSymbol(const LegendEntry& a, const LegendEntry& b) {
    return a.swatch == b.swatch && a.fill == b.fill && a.stroke == b.stroke &&
           a.penStyle == b.penStyle && a.strokeWidthMm == b.strokeWidthMm && a.shape == b.shape &&
           a.hollow == b.hollow && a.hexagon == b.hexagon;
}

} // namespace

void LegendPanel::update(const std::vector<std::shared_ptr<const MapLayer>>& layers,
                         const LegendContext& context) {
    std::vector<LegendEntry> entries;
    for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
        for (LegendEntry& e : (*it)->legendEntries(context))
            entries.push_back(std::move(e));
    }
    // Items are kept and changed in place: a time step changes counts, sometimes a class, and
    // rebuilding the list made new swatch pictures at every step (the soak's memory creep, as
    // each new icon went through Qt's pixmap cache).
    const int n = static_cast<int>(entries.size());
    while (m_list->count() > n)
        delete m_list->takeItem(m_list->count() - 1);
    for (int i = 0; i < n; ++i) {
        const LegendEntry& e = entries[std::size_t(i)];
        const bool fresh = i >= m_list->count();
        QListWidgetItem* item = fresh ? new QListWidgetItem(m_list) : m_list->item(i);
        const QString text = e.text();
        if (fresh || item->text() != text) {
            item->setText(text);
            item->setToolTip(text);
        }
        if (!fresh && i < static_cast<int>(m_shown.size()) &&
            sameSymbol(m_shown[std::size_t(i)], e))
            continue;
        const bool textOnly =
            e.swatch == LegendEntry::Swatch::Heading || e.swatch == LegendEntry::Swatch::Note;
        QFont f = m_list->font();
        f.setBold(e.swatch == LegendEntry::Swatch::Heading);
        f.setItalic(e.swatch == LegendEntry::Swatch::Note);
        item->setFont(f);
        item->setIcon(textOnly ? QIcon() : iconFor(e));
    }
    m_shown = std::move(entries);
}

QIcon LegendPanel::iconFor(const LegendEntry& e) {
    for (const auto& [entry, icon] : m_icons)
        if (sameSymbol(entry, e))
            return icon;
    // Symbols come from a few styles and density classes; the bound only guards a session
    // that restyles for hours.
    if (m_icons.size() >= 256)
        m_icons.clear();
    const double pxPerMm = logicalDpiX() / 25.4;
    QPixmap pm(m_list->iconSize() * devicePixelRatioF());
    pm.setDevicePixelRatio(devicePixelRatioF());
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    drawLegendSwatch(p, QRectF(QPointF(0, 0), QSizeF(m_list->iconSize())), e, pxPerMm);
    p.end();
    m_icons.emplace_back(e, QIcon(pm));
    return m_icons.back().second;
}

QStringList LegendPanel::labels() const {
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        out << m_list->item(i)->text();
    return out;
}

} // namespace borderlens
