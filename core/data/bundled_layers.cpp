#include "data/bundled_layers.h"

namespace borderlens {

std::vector<BundledLayer> bundledBaseLayers() {
    LayerStyle countries;
    countries.fill = QColor(0xee, 0xea, 0xdf);
    countries.stroke = QColor(0x9a, 0x8f, 0x80);
    countries.strokeWidthMm = 0.25;
    countries.labelCapitals = true;

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
    border.labels = false; // its segments' names are notes, not names for the map

    LayerStyle seats;
    seats.fill = QColor(0x33, 0x33, 0x33);
    seats.stroke = QColor(0xff, 0xff, 0xff);
    seats.markerSizeMm = 1.6;
    seats.marker = MarkerShape::Square;
    seats.labels = false; // the gazetteer names seats on both banks (PlaceNames)

    const QString osm = QStringLiteral("© OpenStreetMap contributors, ODbL 1.0");
    const QString geonames = QStringLiteral("GeoNames, CC-BY 4.0");
    return {
        {QStringLiteral("countries.shp"), QStringLiteral("Countries"), countries, {osm}},
        {QStringLiteral("districts_schematic.shp"),
         QStringLiteral("Districts (schematic, not an official boundary)"), districts,
         {geonames, osm}},
        {QStringLiteral("rivers.shp"), QStringLiteral("Rivers"), rivers,
         {QStringLiteral("GSHHG/WDBII rivers (Wessel & Smith), LGPL-3")}},
        {QStringLiteral("border_tj_af.shp"), QStringLiteral("Tajik–Afghan border"), border, {osm}},
        {QStringLiteral("district_seats.shp"), QStringLiteral("District seats"), seats,
         {geonames}},
    };
}

} // namespace borderlens

namespace borderlens {

QString bundledIncidentsFile() { return QStringLiteral("sample_incidents.csv"); }
QString bundledFacilitiesFile() { return QStringLiteral("sample_outposts.csv"); }

LayerStyle officialDistrictsStyle() {
    LayerStyle style;
    style.fill = QColor(0, 0, 0, 0);
    style.stroke = QColor(0x55, 0x55, 0x55);
    style.strokeWidthMm = 0.3;
    return style;
}

} // namespace borderlens
