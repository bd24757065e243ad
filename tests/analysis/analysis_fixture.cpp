#include "analysis_fixture.h"

namespace borderlens::test {

namespace {

void addSquare(GeometryColumns& g, double x0, double y0, double x1, double y1) {
    for (const auto& [x, y] : {std::pair{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}})
        g.addVertex(x, y);
    g.endRing();
    g.endPart(PartKind::Polygon);
    g.endFeature();
}

} // namespace

std::shared_ptr<const VectorLayer> squareDistricts(int count, int firstProvince) {
    GeometryColumns g;
    AttributeTable attrs;
    attrs.addField({QStringLiteral("district")});
    attrs.addField({QStringLiteral("province")});
    for (int i = 0; i < count; ++i) {
        addSquare(g, i, 0, i + 1, 1);
        attrs.appendRow({QStringLiteral("D%1").arg(i),
                         i < firstProvince ? QStringLiteral("P1") : QStringLiteral("P2")});
    }
    return std::make_shared<const VectorLayer>(QStringLiteral("squares"),
                                               QStringLiteral("squares.shp"), Crs::wgs84(),
                                               QStringLiteral("Polygon"), std::move(g),
                                               std::move(attrs));
}

std::shared_ptr<const VectorLayer> twoCountries() {
    GeometryColumns g;
    AttributeTable attrs;
    attrs.addField({QStringLiteral("iso_a3")});
    attrs.addField({QStringLiteral("name")});
    addSquare(g, -1, -1, 4, 2);
    attrs.appendRow({QStringLiteral("TJK"), QStringLiteral("Tajikistan")});
    addSquare(g, 4, -1, 9, 2);
    attrs.appendRow({QStringLiteral("AFG"), QStringLiteral("Afghanistan")});
    return std::make_shared<const VectorLayer>(QStringLiteral("countries"),
                                               QStringLiteral("countries.shp"), Crs::wgs84(),
                                               QStringLiteral("Polygon"), std::move(g),
                                               std::move(attrs));
}

AnalysisInputs squareInputs(int count, int firstProvince) {
    AnalysisInputs in;
    in.areas = AdminAreas::build(squareDistricts(count, firstProvince), nullptr, twoCountries())
                   .value();
    in.border = std::make_shared<const BorderDistance>(
        std::vector<std::vector<LonLat>>{{{4, -1}, {4, 0.5}, {4, 2}}});
    return in;
}

Incident incidentAt(const QString& id, std::int64_t day, double lon, double lat, int killed,
                    IncidentType type) {
    Incident i;
    i.id = id;
    i.startDate = QDate::fromJulianDay(day);
    i.lon = lon;
    i.lat = lat;
    i.type = type;
    i.killed.best = killed;
    i.place = QStringLiteral("Somewhere");
    return i;
}

} // namespace borderlens::test
