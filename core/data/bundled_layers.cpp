#include "data/bundled_layers.h"

namespace borderlens {

std::vector<BundledLayer> bundledBaseLayers() {
    LayerStyle countries;
    countries.fill = QColor(0xee, 0xea, 0xdf);
    countries.stroke = QColor(0x9a, 0x8f, 0x80);
    countries.strokeWidthMm = 0.25;

    LayerStyle districts;
    districts.fill = QColor(0, 0, 0, 0);
    districts.stroke = QColor(0x8c, 0x8c, 0x8c);
    districts.strokeWidthMm = 0.2;
    districts.strokeStyle = Qt::DashLine; // dashed: schematic, not an official boundary

    LayerStyle rivers;
    rivers.stroke = QColor(0x4a, 0x90, 0xc8);
    rivers.strokeWidthMm = 0.3;

    LayerStyle border;
    border.stroke = QColor(0xc0, 0x1f, 0x2f);
    border.strokeWidthMm = 0.7;

    LayerStyle seats;
    seats.fill = QColor(0x33, 0x33, 0x33);
    seats.stroke = QColor(0xff, 0xff, 0xff);
    seats.markerSizeMm = 1.6;
    seats.marker = MarkerShape::Square;

    return {
        {QStringLiteral("countries.shp"), QStringLiteral("Countries"), countries},
        {QStringLiteral("districts_schematic.shp"),
         QStringLiteral("Districts (schematic, not official)"), districts},
        {QStringLiteral("rivers.shp"), QStringLiteral("Rivers"), rivers},
        {QStringLiteral("border_tj_af.shp"), QStringLiteral("Tajik–Afghan border"), border},
        {QStringLiteral("district_seats.shp"), QStringLiteral("District seats"), seats},
    };
}

} // namespace borderlens
