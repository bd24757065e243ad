#include "labels/place_names.h"

#include "gazetteer/gazetteer.h"
#include "geo/coordinate_transform.h"
#include "geo/geodesy.h"

#include <cmath>
#include <limits>

namespace borderlens {
namespace {

// The gazetteer has no column for national capitals; these two are the map's.
bool isNationalCapital(const PlaceEntry& e) {
    return e.id == QLatin1String("tj.dushanbe") || e.id == QLatin1String("af.kabul");
}

} // namespace

std::shared_ptr<const PlaceNames> PlaceNames::fromGazetteer(const Gazetteer& gazetteer) {
    std::vector<const PlaceEntry*> provinces;
    for (const PlaceEntry& e : gazetteer.entries())
        if (e.kind == PlaceKind::Province)
            provinces.push_back(&e);
    std::vector<PlaceName> out;
    for (const PlaceEntry& e : gazetteer.entries()) {
        if (e.kind != PlaceKind::PopulatedPlace && e.kind != PlaceKind::DistrictSeat)
            continue;
        PlaceName p;
        p.name = e.name;
        p.lon = e.lon;
        p.lat = e.lat;
        const bool provinceSeat = std::any_of(provinces.begin(), provinces.end(), [&](auto* pr) {
            return geodesicDistance(pr->lon, pr->lat, e.lon, e.lat) < 3000;
        });
        // GeoNames' cities (exact positions) are towns; curated hamlets and jamoats known only
        // to a district's precision are villages.
        p.rank = isNationalCapital(e)                     ? PlaceRank::Capital
                 : provinceSeat                           ? PlaceRank::ProvinceSeat
                 : e.kind == PlaceKind::DistrictSeat      ? PlaceRank::DistrictSeat
                 : e.precision == GeoPrecision::Exact     ? PlaceRank::Town
                                                          : PlaceRank::Village;
        p.hasSymbol = e.kind == PlaceKind::DistrictSeat && e.country == QLatin1String("TJ");
        out.push_back(std::move(p));
    }
    return std::make_shared<const PlaceNames>(std::move(out));
}

std::shared_ptr<const PlaceNames> PlaceNames::bundled() {
    static const std::shared_ptr<const PlaceNames> names = []() -> std::shared_ptr<const PlaceNames> {
        auto gazetteer = Gazetteer::loadBundled();
        return gazetteer ? fromGazetteer(gazetteer.value()) : nullptr;
    }();
    return names;
}

namespace {

// Per rank: the largest scale denominator it is named at, its priority, its type.
struct RankLook {
    double maxScale;
    double priority;
    double sizePt;
    bool bold;
    QColor colour;
};

const RankLook& look(PlaceRank rank) {
    static const QColor ink(0x22, 0x22, 0x22);
    static const RankLook table[] = {
        {std::numeric_limits<double>::infinity(), 95, 10, true, QColor(0x11, 0x11, 0x11)},
        {12e6, 85, 8.5, true, ink},   // province seat
        {4e6, 55, 7.5, false, ink},   // district seat
        {2.5e6, 35, 7, false, ink},   // town
        {7e5, 20, 6.5, false, QColor(0x44, 0x44, 0x44)}, // village
    };
    return table[std::size_t(rank)];
}

} // namespace

double PlaceNames::maxScale(PlaceRank rank) { return look(rank).maxScale; }

double PlaceNames::priority(PlaceRank rank) { return look(rank).priority; }

LabelTextStyle PlaceNames::style(PlaceRank rank) {
    LabelTextStyle s;
    s.sizePt = look(rank).sizePt;
    s.bold = look(rank).bold;
    s.colour = look(rank).colour;
    return s;
}

void PlaceNames::collect(const LabelContext& ctx, LabelInputs& out) const {
    auto t = TransformCache::get(Crs::wgs84(), ctx.crs);
    if (!t)
        return;
    const QRectF frame(QPointF(0, 0), ctx.viewport.outputSize());
    const double dotRadius = ctx.mmToPixels(0.6);
    const double seatRadius = ctx.mmToPixels(0.8); // half the seat squares' 1.6 mm
    for (const PlaceName& p : m_places) {
        if (ctx.scale > 0 && ctx.scale > maxScale(p.rank))
            continue;
        double x = p.lon, y = p.lat;
        if (!t.value()->transform(x, y))
            continue;
        const QPointF at = ctx.viewport.toPixel(x, y);
        if (!frame.contains(at))
            continue;
        const double k = p.hasSymbol ? seatRadius : dotRadius;
        // Another name must not cover the place it does not name.
        out.obstacles.push_back(QRectF(at.x() - k, at.y() - k, 2 * k, 2 * k));
        LabelRequest r;
        r.text = p.name;
        r.style = style(p.rank);
        r.priority = priority(p.rank);
        r.shape = LabelShape::Point;
        r.points = {at};
        r.symbolRadiusPx = k;
        r.dot = !p.hasSymbol;
        out.requests.push_back(std::move(r));
    }
}

} // namespace borderlens
