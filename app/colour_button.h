#pragma once

#include <QColor>
#include <QToolButton>

namespace borderlens {

// A button showing a colour swatch (over a checkerboard, so transparency shows) that opens a
// colour dialog with an alpha channel.
class ColourButton : public QToolButton {
    Q_OBJECT
public:
    explicit ColourButton(const QColor& colour, QWidget* parent = nullptr);
    QColor colour() const { return m_colour; }
    // Sets the colour as if the user had chosen it (emits colourChanged when it changes).
    void setColour(const QColor& colour);

signals:
    void colourChanged(const QColor& colour);

private:
    void choose();
    void updateIcon();

    QColor m_colour;
};

// A swatch icon for `colour` over a checkerboard, for buttons and table cells alike.
QIcon colourSwatch(const QColor& colour, QSize size);

} // namespace borderlens
