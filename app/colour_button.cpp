#include "colour_button.h"

#include <QColorDialog>
#include <QPainter>
#include <QPixmap>

namespace borderlens {

QIcon colourSwatch(const QColor& colour, QSize size) {
    QPixmap pm(size);
    pm.fill(Qt::white);
    QPainter p(&pm);
    const int cell = 4;
    for (int y = 0; y < size.height(); y += cell)
        for (int x = (y / cell) % 2 * cell; x < size.width(); x += 2 * cell)
            p.fillRect(x, y, cell, cell, QColor(0xcc, 0xcc, 0xcc));
    p.fillRect(pm.rect(), colour);
    p.setPen(QColor(0x66, 0x66, 0x66));
    p.drawRect(pm.rect().adjusted(0, 0, -1, -1));
    return QIcon(pm);
}

ColourButton::ColourButton(const QColor& colour, QWidget* parent)
    : QToolButton(parent), m_colour(colour) {
    setIconSize(QSize(36, 14));
    setToolTip(tr("Choose a colour (with its transparency)"));
    updateIcon();
    connect(this, &QToolButton::clicked, this, &ColourButton::choose);
}

void ColourButton::setColour(const QColor& colour) {
    if (colour == m_colour)
        return;
    m_colour = colour;
    updateIcon();
    emit colourChanged(m_colour);
}

void ColourButton::choose() {
    const QColor chosen =
        QColorDialog::getColor(m_colour, this, tr("Colour"), QColorDialog::ShowAlphaChannel);
    if (chosen.isValid())
        setColour(chosen);
}

void ColourButton::updateIcon() {
    setIcon(colourSwatch(m_colour, iconSize()));
}

} // namespace borderlens
