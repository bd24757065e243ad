#include "gazetteer/place_entry.h"

#include <array>
#include <utility>

namespace borderlens {
namespace {

constexpr std::array<std::pair<PlaceKind, const char*>, 7> kKindNames{{
    {PlaceKind::PopulatedPlace, "populated_place"},
    {PlaceKind::DistrictSeat, "district_seat"},
    {PlaceKind::District, "district"},
    {PlaceKind::Province, "province"},
    {PlaceKind::Facility, "facility"},
    {PlaceKind::Crossing, "crossing"},
    {PlaceKind::RiverSection, "river_section"},
}};

} // namespace

QString toString(PlaceKind kind) {
    for (const auto& [k, name] : kKindNames) {
        if (k == kind)
            return QLatin1String(name);
    }
    return {};
}

std::optional<PlaceKind> placeKindFromString(const QString& text) {
    const QString t = text.trimmed().toLower();
    for (const auto& [k, name] : kKindNames) {
        if (t == QLatin1String(name))
            return k;
    }
    return std::nullopt;
}

} // namespace borderlens
