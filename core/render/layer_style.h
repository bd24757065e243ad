#pragma once

#include "geo/geometry_columns.h"
#include "render/classification.h"

#include <QColor>
#include <QString>

#include <vector>

namespace borderlens {

enum class MarkerShape { Circle, Square, Triangle, Diamond, Cross };

// How features get their colour: all alike, by the value of a field (text or codes), or by
// the class of a number (QGIS's single symbol, categorised and graduated renderers).
enum class RendererKind : std::uint8_t { Single, Categorised, Graduated };

// One value of a categorised style (QGIS: QgsRendererCategory).
struct StyleCategory {
    QString value; // the field's value as text (categoryKey); empty for features without one
    QColor colour;
    QString label;
    bool visible = true; // unticked: its features are not drawn, nor listed in the legend
    bool other = false;  // every value not listed (when there were too many to list)

    friend bool operator==(const StyleCategory&, const StyleCategory&) = default;
};

// One class of a graduated style (QGIS: QgsRendererRange). A value v belongs to the first
// range with lower <= v <= upper, so a value on a break falls in the lower class.
struct StyleRange {
    double lower = 0;
    double upper = 0;
    QColor colour;
    QString label;
    bool visible = true;

    friend bool operator==(const StyleRange&, const StyleRange&) = default;
};

// How a vector layer is drawn. Sizes are in millimetres so that a 300 DPI export looks like the
// screen, only sharper (pixels would shrink symbols to a third).
//
// A categorised or graduated style colours each feature by its class: the fill of areas and
// markers, the stroke of lines; outlines keep `stroke`.
struct LayerStyle {
    QColor fill{166, 206, 227, 160};
    QColor stroke{31, 120, 180};
    double strokeWidthMm = 0.35;
    Qt::PenStyle strokeStyle = Qt::SolidLine;
    double markerSizeMm = 2.2;
    MarkerShape marker = MarkerShape::Circle;
    // The whole layer's opacity, 0 to 1, applied once over everything the layer draws (QGIS's
    // layer opacity), on top of the colours' own alpha.
    double opacity = 1.0;

    RendererKind renderer = RendererKind::Single;
    int classField = -1; // the attribute categories or ranges read, by index; -1 none
    std::vector<StyleCategory> categories;
    // How the ranges were made, kept so the dialog can classify again the same way.
    ClassificationMethod method = ClassificationMethod::NaturalBreaks;
    int classCount = 5;
    QColor rampFrom{254, 237, 222}; // ColorBrewer Oranges, light to dark
    QColor rampTo{166, 54, 3};
    std::vector<StyleRange> ranges;

    // Whether the layer's features are named on the map (Layer Properties ▸ Labels).
    bool labels = true;
    // The attribute whose text names each feature; -1 guesses one (guessLabelField: shapeName,
    // NAME_2, ADM2_EN, name...).
    int labelField = -1;
    // Names in spaced capitals, larger (countries).
    bool labelCapitals = false;

    // The classes the renderer sorts features into (none for a single symbol), and each one's
    // colour, label and visibility, whether categories or ranges.
    int rendererClasses() const;
    QColor classColour(int k) const;
    QString classLabel(int k) const;
    bool classVisible(int k) const;

    // A distinct default per layer, cycling through a qualitative palette.
    static LayerStyle defaultForIndex(int index);
    // The default for a layer that mostly holds `kind`: areas get a light, half-transparent
    // fill with a darker outline of the same hue, so that what lies under a user's polygons
    // still shows; lines and points keep defaultForIndex's distinct colours.
    static LayerStyle defaultFor(PartKind kind, int index);

    friend bool operator==(const LayerStyle&, const LayerStyle&) = default;
};

} // namespace borderlens
