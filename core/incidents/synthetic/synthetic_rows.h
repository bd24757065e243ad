#pragma once

// The three row writers behind writeSyntheticIncidents(), one file each.
#include "incidents/synthetic/synthetic_incident_generator.h"
#include "io/csv_row_buffer.h"

#include <string>

namespace borderlens {

class RandomStream;

namespace synthetic {

void writeNativeHeader(CsvRowBuffer& out, bool allColumns);
void writeNativeRow(CsvRowBuffer& out, const SyntheticIncident& inc, const BorderGeography& geo,
                    bool allColumns);

void writeAcledHeader(CsvRowBuffer& out);
void writeAcledRow(CsvRowBuffer& out, const SyntheticIncident& inc, const BorderGeography& geo,
                   RandomStream& rng, bool longDates, std::string& scratch);

void writeUcdpHeader(CsvRowBuffer& out);
void writeUcdpRow(CsvRowBuffer& out, const SyntheticIncident& inc, const BorderGeography& geo,
                  RandomStream& rng, std::string& scratch);

// The place a row is described by: its own, or the nearest town when it is close enough to name
// ("near Shurobod"); -1 when neither (the district or province is named instead).
inline int describedPlace(const SyntheticIncident& inc) {
    if (inc.place >= 0)
        return inc.place;
    return inc.nearest >= 0 && inc.nearestKm <= 20.0 ? inc.nearest : -1;
}

// Shared wording: "Gorno-Badakhshan", the other country's name, the river at a longitude.
const char* countryName(BorderSide side);
const char* otherCountryName(BorderSide side);
const char* riverAt(double lon);

} // namespace synthetic
} // namespace borderlens
