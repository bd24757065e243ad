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
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setIconSize(QSize(22, 16));
    m_list->setFocusPolicy(Qt::NoFocus);
}

void LegendPanel::update(const std::vector<std::shared_ptr<const MapLayer>>& layers,
                         const TimeRange& window) {
    m_list->clear();
    const double pxPerMm = logicalDpiX() / 25.4;
    for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
        for (const LegendEntry& e : (*it)->legendEntries(window)) {
            QString text = e.label;
            if (e.count >= 0)
                text += QStringLiteral(" (%1)").arg(e.count);
            auto* item = new QListWidgetItem(text, m_list);
            if (e.swatch == LegendEntry::Swatch::Heading) {
                QFont f = item->font();
                f.setBold(true);
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
    }
}

QStringList LegendPanel::labels() const {
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        out << m_list->item(i)->text();
    return out;
}

} // namespace borderlens
