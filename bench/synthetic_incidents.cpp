#include "synthetic_incidents.h"

#include <random>

namespace borderlens::bench {

std::vector<Incident> syntheticIncidents(std::size_t count, unsigned seed) {
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<int> day(0, 5 * 365 - 1);
    std::uniform_real_distribution<double> lon(67.8, 74.9), lat(36.9, 38.6);
    std::discrete_distribution<int> precision({85, 7, 6, 2}); // day, week, month, year
    std::uniform_int_distribution<int> type(0, static_cast<int>(kIncidentTypeCount) - 1);
    std::uniform_int_distribution<int> extraDays(0, 9);
    const QDate start(2021, 1, 1);
    std::vector<Incident> out(count);
    for (std::size_t i = 0; i < count; ++i) {
        Incident& inc = out[i];
        inc.id = QString::number(i);
        inc.startDate = start.addDays(day(rng));
        inc.datePrecision = static_cast<DatePrecision>(precision(rng));
        if (inc.datePrecision == DatePrecision::Day && i % 20 == 0)
            inc.endDate = inc.startDate.addDays(extraDays(rng));
        inc.type = static_cast<IncidentType>(type(rng));
        inc.lon = lon(rng);
        inc.lat = lat(rng);
    }
    return out;
}

} // namespace borderlens::bench
