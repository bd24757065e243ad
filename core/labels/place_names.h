#pragma once

#include "labels/label_request.h"

#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

namespace borderlens {

class Gazetteer;

// How important a named place is: the order names are placed in and the scales they show at.
enum class PlaceRank : std::uint8_t { Capital, ProvinceSeat, DistrictSeat, Town, Village };

struct PlaceName {
    QString name;
    double lon = 0;
    double lat = 0;
    PlaceRank rank = PlaceRank::Village;
    // Whether a bundled layer already draws its symbol (Tajik district seats: the seat squares);
    // the others get a small dot with their name.
    bool hasSymbol = false;
};

// The gazetteer's towns and seats on both banks, ranked, ready to be named on the map.
class PlaceNames {
public:
    explicit PlaceNames(std::vector<PlaceName> places) : m_places(std::move(places)) {}
    // Populated places and district seats; capitals and province seats are recognised by
    // position (a province's entry is placed at its capital), since the file has no such column.
    static std::shared_ptr<const PlaceNames> fromGazetteer(const Gazetteer& gazetteer);
    // The bundled gazetteer's places, read once per process; null when it cannot be read.
    static std::shared_ptr<const PlaceNames> bundled();

    const std::vector<PlaceName>& places() const { return m_places; }
    // The largest scale denominator at which a rank is named: no village at 1:5,000,000, every
    // one at 1:100,000.
    static double maxScale(PlaceRank rank);
    static LabelTextStyle style(PlaceRank rank);
    static double priority(PlaceRank rank);

    // The places in view at the context's scale, as point labels.
    void collect(const LabelContext& ctx, LabelInputs& out) const;

private:
    std::vector<PlaceName> m_places;
};

} // namespace borderlens
