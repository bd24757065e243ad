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
    const bool sameShape =
        entries.size() == m_shown.size() &&
        std::equal(entries.begin(), entries.end(), m_shown.begin(), sameSymbol);
    if (sameShape) {
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const QString text = entries[i].text();
            QListWidgetItem* item = m_list->item(static_cast<int>(i));
            if (item->text() != text) {
                item->setText(text);
                item->setToolTip(text);
            }
        }
        m_shown = std::move(entries);
        return;
    }
    m_list->clear();
    const double pxPerMm = logicalDpiX() / 25.4;
    for (const LegendEntry& e : entries) {
        const QString text = e.text();
        auto* item = new QListWidgetItem(text, m_list);
        item->setToolTip(text);
        if (e.swatch == LegendEntry::Swatch::Heading || e.swatch == LegendEntry::Swatch::Note) {
            QFont f = item->font();
            f.setBold(e.swatch == LegendEntry::Swatch::Heading);
            f.setItalic(e.swatch == LegendEntry::Swatch::Note);
            item->setFont(f);
            continue;
        }
        QPixmap pm(m_list->iconSize() * devicePixelRatioF());
        pm.setDevicePixelRatio(devicePixelRatioF());
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        drawLegendSwatch(p, QRectF(QPointF(0, 0), QSizeF(m_list->iconSize())), e, pxPerMm);
        p.end();
        item->setIcon(QIcon(pm));
    }
    m_shown = std::move(entries);
}

QStringList LegendPanel::labels() const {
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        out << m_list->item(i)->text();
    return out;
}

} // namespace borderlens
