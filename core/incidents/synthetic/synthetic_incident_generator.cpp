#include "incidents/synthetic/synthetic_incident_generator.h"

#include "incidents/synthetic/random_stream.h"

#include <algorithm>
#include <cmath>

namespace borderlens {

namespace {

constexpr double kMaxDistanceKm = 40.0;
constexpr double kChordKm = 6.0;       // half the chord that sets "across the line"
constexpr double kAlongJitterKm = 6.0; // spread along the line, growing with the distance

// Where incidents cluster: the district whose seat marks the spot on the line, its share of the
// clustered incidents and how far along the line they spread (km, one standard deviation).
struct HotSpotSpec {
    const char* district;
    double weight;
    double sigmaKm;
};
constexpr HotSpotSpec kHotSpots[] = {
    {"Shamsiddin Shohin", 0.26, 20},
    {"Darvoz", 0.20, 30},
    {"Panj", 0.15, 14},
    {"Vanj", 0.12, 15},
    {"Ishkoshim", 0.10, 25},
    {"Dusti", 0.09, 10},
    {"Farkhor", 0.08, 15},
};
constexpr double kHotSpotShare = 0.6;

// Killed: the chance of none, the chance of going on past each further death (a geometric tail)
// and the chance of a heavy toll (5–40), by type in IncidentType order.
struct KillProfile {
    double none;
    double more;
    double heavy;
};
constexpr KillProfile kKillProfiles[kIncidentTypeCount] = {
    {0.45, 0.50, 0.04}, // armed_clash
    {0.35, 0.50, 0.03}, // attack_on_civilians
    {0.70, 0.45, 0.01}, // cross_border_fire
    {0.985, 0.30, 0.0}, // drug_seizure
    {0.97, 0.30, 0.0},  // weapons_seizure
    {0.97, 0.30, 0.0},  // crossing
    {0.995, 0.20, 0.0}, // mobilisation
    {0.998, 0.20, 0.0}, // statement
};

// Relative activity by month (the fighting and harvest seasons are busier).
constexpr double kMonthWeight[12] = {0.55, 0.55, 0.70, 0.85, 1.0,  1.0,
                                     1.0,  1.0,  0.95, 0.85, 0.70, 0.60};

// Positions are written with 5 decimals (ACLED: 4); a point within a metre or so of the border
// could change banks in the rounding, so the bank is taken only when both roundings agree.
double rounded(double degrees, double scale) {
    return std::round(degrees * scale) / scale;
}

std::optional<BorderSide> bankOf(const BorderGeography& geo, double& lon, double& lat) {
    lon = rounded(lon, 1e5);
    lat = rounded(lat, 1e5);
    const auto side = geo.sideAt(lon, lat);
    if (side && geo.sideAt(rounded(lon, 1e4), rounded(lat, 1e4)) == side)
        return side;
    return std::nullopt;
}

double kmBetween(const SyntheticPlace& p, double lon, double lat, const BorderPoint& scale) {
    const double dx = (p.lon - lon) * scale.kmPerDegreeLon;
    const double dy = (p.lat - lat) * scale.kmPerDegreeLat;
    return std::sqrt(dx * dx + dy * dy);
}

} // namespace

SyntheticIncidentGenerator::TypeWeights SyntheticIncidentGenerator::defaultTypeWeights() {
    // armed_clash, attack_on_civilians, cross_border_fire, drug_seizure, weapons_seizure,
    // crossing, mobilisation, statement
    return {0.17, 0.05, 0.08, 0.30, 0.09, 0.10, 0.12, 0.09};
}

SyntheticIncidentGenerator::TypeWeights SyntheticIncidentGenerator::violentTypeWeights() {
    return {0.62, 0.23, 0.15, 0, 0, 0, 0, 0};
}

const QDate& SyntheticIncidentGenerator::firstDay() {
    static const QDate d(2021, 1, 1);
    return d;
}

const QDate& SyntheticIncidentGenerator::lastDay() {
    static const QDate d(2025, 12, 31);
    return d;
}

std::uint64_t SyntheticIncidentGenerator::rowSeed(std::uint64_t seed, std::uint64_t index,
                                                  std::uint64_t stream) {
    std::uint64_t x = seed;
    std::uint64_t h = RandomStream::splitMix64(x);
    x = h ^ (index * 0xD1B54A32D192ED03ULL);
    h = RandomStream::splitMix64(x);
    x = h ^ (stream * 0x8CB92BA72F3D8DD7ULL);
    return RandomStream::splitMix64(x);
}

SyntheticIncidentGenerator::SyntheticIncidentGenerator(const BorderGeography& geography,
                                                       std::uint64_t seed, TypeWeights weights)
    : m_geography(geography), m_seed(seed), m_typeWeights(weights) {
    for (const HotSpotSpec& h : kHotSpots) {
        const int seat = geography.districtSeat(BorderSide::Tajikistan, h.district);
        if (seat < 0)
            continue;
        const SyntheticPlace& p = geography.places()[static_cast<std::size_t>(seat)];
        m_hotSpots.push_back({geography.kmAlong(p.lon, p.lat), h.sigmaKm});
        m_hotSpotWeights.push_back(h.weight);
    }
}

SyntheticIncident SyntheticIncidentGenerator::incident(std::uint64_t index) const {
    RandomStream rng(rowSeed(m_seed, index, 0));
    SyntheticIncident inc;
    inc.index = index;

    // When: a surge in the summer of 2021 and in late 2025, otherwise spread with the seasons.
    const qint64 first = firstDay().toJulianDay();
    const qint64 last = lastDay().toJulianDay();
    qint64 day = first;
    const double era = rng.uniform();
    if (era < 0.10) {
        day = QDate(2021, 6, 20).toJulianDay() + rng.between(0, 87);
    } else if (era < 0.15) {
        day = QDate(2025, 11, 15).toJulianDay() + rng.between(0, 46);
    } else {
        for (int attempt = 0; attempt < 8; ++attempt) {
            day = first + rng.between(0, static_cast<int>(last - first));
            int y = 0, m = 0, d = 0;
            QDate::fromJulianDay(day).getDate(&y, &m, &d);
            if (rng.chance(kMonthWeight[m - 1]))
                break;
        }
    }
    const double precision = rng.uniform();
    if (precision < 0.85) {
        inc.datePrecision = DatePrecision::Day;
        if (rng.chance(0.05)) {
            const int span = rng.between(1, 9);
            day = std::min(day, last - span);
            inc.hasEnd = true;
            inc.lastDay = day + span;
        }
    } else if (precision < 0.92) {
        inc.datePrecision = DatePrecision::Week;
        day -= day % 7; // the Monday (Julian day 0 was a Monday)
        if (day < first)
            day += 7;
        if (day + 6 > last)
            day -= 7;
    } else if (precision < 0.98) {
        inc.datePrecision = DatePrecision::Month;
        int y = 0, m = 0, d = 0;
        QDate::fromJulianDay(day).getDate(&y, &m, &d);
        day = QDate(y, m, 1).toJulianDay();
    } else {
        inc.datePrecision = DatePrecision::Year;
        day = QDate(QDate::fromJulianDay(day).year(), 1, 1).toJulianDay();
    }
    inc.startDay = day;
    if (!inc.hasEnd)
        inc.lastDay = day;

    inc.type = static_cast<IncidentType>(rng.weighted(m_typeWeights));

    // Where: a point across the line from a point along it, within 40 km and denser near the
    // river (the product of two uniforms), on whichever bank it falls.
    const BorderGeography& geo = m_geography;
    BorderPoint scale;
    bool placed = false;
    for (int attempt = 0; attempt < 64 && !placed; ++attempt) {
        double km = rng.uniform() * geo.lengthKm();
        inc.hotSpot = !m_hotSpots.empty() && rng.chance(kHotSpotShare);
        if (inc.hotSpot) {
            const HotSpot& h = m_hotSpots[rng.weighted(m_hotSpotWeights)];
            km = h.km + h.sigmaKm * rng.bell();
        }
        scale = geo.pointAlong(km);
        // Across the chord of the next few kilometres each way rather than the segment's own
        // normal, so a meander does not fan points out like spokes.
        const BorderPoint before = geo.pointAlong(km - kChordKm);
        const BorderPoint after = geo.pointAlong(km + kChordKm);
        double east = (after.lon - before.lon) * scale.kmPerDegreeLon;
        double north = (after.lat - before.lat) * scale.kmPerDegreeLat;
        const double chord = std::sqrt(east * east + north * north);
        if (chord > 0.1) {
            east /= chord;
            north /= chord;
        } else {
            east = scale.normalNorth;
            north = -scale.normalEast;
        }
        double across = kMaxDistanceKm * rng.uniform() * rng.uniform();
        if (rng.chance(0.5))
            across = -across;
        const double along = kAlongJitterKm * rng.bell() * (std::abs(across) / kMaxDistanceKm);
        double lon = scale.lon + (-north * across + east * along) / scale.kmPerDegreeLon;
        double lat = scale.lat + (east * across + north * along) / scale.kmPerDegreeLat;
        if (std::abs(across) + std::abs(along) > kMaxDistanceKm &&
            geo.distanceKm(lon, lat) > kMaxDistanceKm)
            continue;
        if (const auto side = bankOf(geo, lon, lat)) {
            inc.lon = lon;
            inc.lat = lat;
            inc.side = *side;
            placed = true;
        }
    }
    if (!placed) { // only with broken geography: fall back to a town near the border
        const auto& towns = geo.placesNearBorder(BorderSide::Tajikistan);
        const SyntheticPlace& p = geo.places()[static_cast<std::size_t>(towns.front())];
        inc.lon = p.lon;
        inc.lat = p.lat;
        inc.side = p.side;
        scale = geo.pointAlong(geo.kmAlong(p.lon, p.lat));
    }

    inc.nearest = geo.nearestPlace(inc.lon, inc.lat, inc.side);
    const auto& places = geo.places();
    const double nearestKm =
        inc.nearest < 0
            ? 1e9
            : kmBetween(places[static_cast<std::size_t>(inc.nearest)], inc.lon, inc.lat, scale);
    inc.nearestKm = nearestKm;
    const auto moveTo = [&](int placeIndex) {
        const SyntheticPlace& p = places[static_cast<std::size_t>(placeIndex)];
        inc.lon = p.lon;
        inc.lat = p.lat;
        inc.place = placeIndex;
        if (placeIndex == inc.nearest)
            inc.nearestKm = 0;
    };
    const int seat = geo.districtSeatAt(inc.lon, inc.lat, inc.side);
    // Tajik rows take their district from the polygons, Afghan ones from the nearest town.
    inc.admin = inc.side == BorderSide::Tajikistan ? seat : inc.nearest;
    inc.districtKnown = inc.admin >= 0;

    const double geoDraw = rng.uniform();
    if (geoDraw < 0.70) {
        inc.geoPrecision = GeoPrecision::Exact;
        if (inc.nearest >= 0 && nearestKm <= 12.0 && rng.chance(0.45))
            moveTo(inc.nearest); // coded to the town itself, as most real rows are
        else if (nearestKm <= 8.0)
            inc.place = inc.nearest;
    } else if (geoDraw < 0.85) {
        inc.geoPrecision = GeoPrecision::Near;
        if (inc.nearest >= 0 && nearestKm <= 25.0) {
            const SyntheticPlace& p = places[static_cast<std::size_t>(inc.nearest)];
            inc.place = inc.nearest;
            inc.lon = p.lon;
            inc.lat = p.lat;
            // A few kilometres off the town, on the same bank.
            const double dx = 1.5 * rng.bell();
            const double dy = 1.5 * rng.bell();
            double lon = p.lon + dx / scale.kmPerDegreeLon;
            double lat = p.lat + dy / scale.kmPerDegreeLat;
            if (bankOf(geo, lon, lat) == inc.side) {
                inc.lon = lon;
                inc.lat = lat;
            }
        }
        // No town close enough: a position "near" the river with no place to name.
    } else if (geoDraw < 0.95) {
        inc.geoPrecision = GeoPrecision::District;
        const int to = seat >= 0 ? seat : inc.nearest;
        if (to >= 0) {
            moveTo(to);
            inc.admin = to;
            inc.districtKnown = true;
        }
    } else {
        inc.geoPrecision = GeoPrecision::Region;
        const int from = seat >= 0 ? seat : inc.nearest;
        const int province =
            from < 0 ? -1
                     : geo.provincePoint(inc.side, places[static_cast<std::size_t>(from)].province);
        if (province >= 0) {
            moveTo(province);
            inc.admin = province;
            inc.districtKnown = false;
        } else if (from >= 0) { // no province point: the district seat is the best there is
            inc.geoPrecision = GeoPrecision::District;
            moveTo(from);
            inc.admin = from;
            inc.districtKnown = true;
        }
    }

    const KillProfile& k = kKillProfiles[static_cast<std::size_t>(inc.type)];
    if (!rng.chance(k.none)) {
        if (rng.chance(k.heavy)) {
            inc.killed = rng.between(5, 40);
        } else {
            inc.killed = 1;
            while (inc.killed < 60 && rng.chance(k.more))
                ++inc.killed;
        }
    }
    return inc;
}

} // namespace borderlens
