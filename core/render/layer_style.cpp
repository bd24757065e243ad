#include "render/layer_style.h"

#include <array>

namespace borderlens {

int LayerStyle::rendererClasses() const {
    switch (renderer) {
    case RendererKind::Single:
        return 0;
    case RendererKind::Categorised:
        return static_cast<int>(categories.size());
    case RendererKind::Graduated:
        return static_cast<int>(ranges.size());
    }
    return 0;
}

QColor LayerStyle::classColour(int k) const {
    return renderer == RendererKind::Categorised ? categories[std::size_t(k)].colour
                                                 : ranges[std::size_t(k)].colour;
}

QString LayerStyle::classLabel(int k) const {
    return renderer == RendererKind::Categorised ? categories[std::size_t(k)].label
                                                 : ranges[std::size_t(k)].label;
}

bool LayerStyle::classVisible(int k) const {
    return renderer == RendererKind::Categorised ? categories[std::size_t(k)].visible
                                                 : ranges[std::size_t(k)].visible;
}

LayerStyle LayerStyle::defaultForIndex(int index) {
    // ColorBrewer "Set2"-like hues: tell layers apart without shouting.
    static constexpr std::array<QRgb, 8> palette = {0x66c2a5, 0xfc8d62, 0x8da0cb, 0xe78ac3,
                                                    0xa6d854, 0xffd92f, 0xe5c494, 0xb3b3b3};
    const QColor base = QColor::fromRgb(palette[static_cast<std::size_t>(index) % palette.size()]);
    LayerStyle s;
    s.fill = base;
    s.fill.setAlpha(150);
    // Rounded to 8 bits a channel, as every colour a user picks or a project file holds is:
    // darker() keeps 16, and a style saved and read back would no longer equal itself.
    s.stroke = QColor::fromRgba(base.darker(160).rgba());
    return s;
}

LayerStyle LayerStyle::defaultFor(PartKind kind, int index) {
    LayerStyle s = defaultForIndex(index);
    if (kind == PartKind::Polygon) {
        // 40 %: the base map, rivers and incidents beneath read through it.
        s.fill.setAlpha(102); // 40 %
        s.strokeWidthMm = 0.3;
    }
    return s;
}

} // namespace borderlens
