#include "render/layer_style.h"

#include <array>

namespace borderlens {

LayerStyle LayerStyle::defaultForIndex(int index) {
    // ColorBrewer "Set2"-like hues: tell layers apart without shouting.
    static constexpr std::array<QRgb, 8> palette = {0x66c2a5, 0xfc8d62, 0x8da0cb, 0xe78ac3,
                                                    0xa6d854, 0xffd92f, 0xe5c494, 0xb3b3b3};
    const QColor base = QColor::fromRgb(palette[static_cast<std::size_t>(index) % palette.size()]);
    LayerStyle s;
    s.fill = base;
    s.fill.setAlpha(150);
    s.stroke = base.darker(160);
    return s;
}

} // namespace borderlens
