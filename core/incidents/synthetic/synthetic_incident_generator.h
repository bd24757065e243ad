#pragma once

#include "geo/geo_precision.h"
#include "incidents/incident_type.h"
#include "incidents/synthetic/border_geography.h"
#include "time/date_precision.h"

#include <QtGlobal>
#include <array>
#include <cstdint>

namespace borderlens {

// One generated incident, before it is written in some format. Dates are Julian day numbers;
// places are indices into BorderGeography::places() (-1: none).
struct SyntheticIncident {
    std::uint64_t index = 0;
    qint64 startDay = 0;
    qint64 lastDay = 0; // inclusive; equals startDay unless hasEnd
    bool hasEnd = false;
    DatePrecision datePrecision = DatePrecision::Day;
    IncidentType type = IncidentType::ArmedClash;
    GeoPrecision geoPrecision = GeoPrecision::Exact;
    double lon = 0;
    double lat = 0;
    BorderSide side = BorderSide::Tajikistan;
    int place = -1;   // the place the row is coded to, named in the row
    int nearest = -1; // the nearest named place on the same bank, for descriptions
    double nearestKm = 0;
    int admin = -1; // the place whose province (and district) the row carries
    bool districtKnown = false;
    bool hotSpot = false;
    int killed = 0;
};

// Seeded, reproducible incidents along the Tajik–Afghan border over 2021-01-01..2025-12-31:
// clustered around a few hot spots (Shamsiddin Shohin, Darvoz, Panj, Vanj, Ishkoshim, …) and
// spread along the whole line, on both banks within 40 km, denser near the river; more in the
// summer of 2021 and late 2025. Dates 85 % to the day (1 in 20 of those spanning several days),
// 7 % week, 6 % month, 2 % year; places 70 % exact, 15 % near, 10 % district (at the district
// seat), 5 % region (at the province point). Each row is drawn from its own stream derived from
// (seed, index), so row i is the same whatever the count.
class SyntheticIncidentGenerator {
public:
    using TypeWeights = std::array<double, kIncidentTypeCount>;
    // Drug seizures most common, then clashes, mobilisations, crossings, …
    static TypeWeights defaultTypeWeights();
    // Only the fatal, organised violence UCDP records: clashes, cross-border fire, attacks.
    static TypeWeights violentTypeWeights();

    static const QDate& firstDay();
    static const QDate& lastDay();

    SyntheticIncidentGenerator(const BorderGeography& geography, std::uint64_t seed,
                               TypeWeights typeWeights = defaultTypeWeights());

    SyntheticIncident incident(std::uint64_t index) const;

    // The seed of row `index`'s own stream number `stream` (0 is the incident itself; writers
    // use others for format-specific details, so that every format shares the same incidents).
    static std::uint64_t rowSeed(std::uint64_t seed, std::uint64_t index, std::uint64_t stream);

private:
    struct HotSpot {
        double km;
        double sigmaKm;
    };

    const BorderGeography& m_geography;
    std::uint64_t m_seed;
    TypeWeights m_typeWeights;
    std::vector<HotSpot> m_hotSpots;
    std::vector<double> m_hotSpotWeights;
};

} // namespace borderlens
