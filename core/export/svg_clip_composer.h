#pragma once

#include "export/clipped_area.h"

#include <QByteArray>
#include <QList>
#include <QPair>

namespace borderlens {

// Clipping for SVG. QSvgGenerator in Qt 6.4 ignores the painter's clip, so a map frame drawn
// into it spills over the whole page. This draws each clipped area into an SVG of its own, puts
// a placeholder in the page where it belongs, and afterwards swaps each placeholder for the
// area's content inside <g clip-path> with a <clipPath> rectangle, which browsers, Inkscape and
// rsvg all honour.
class SvgClipComposer {
public:
    explicit SvgClipComposer(double dpi) : m_dpi(dpi) {}

    // The ClippedAreaPainter to hand to the layout.
    ClippedAreaPainter painter();
    // The page's SVG with every placeholder replaced, declared as SVG 1.1 (clipPath is not in
    // the SVG Tiny profile QSvgGenerator declares).
    QByteArray compose(QByteArray page) const;

private:
    struct Area {
        QByteArray placeholder;
        QByteArray fragment;
    };
    void paintArea(QPainter& page, const QRectF& area, const AreaContent& content);

    double m_dpi;
    QList<Area> m_areas;
};

} // namespace borderlens
