// Synthetic incidents as UCDP GED rows (the 49 columns of a GED 24.1 CSV; the importer's mapping
// is in docs/data-format.md §4.2). GED holds only fatal organised violence, so these come from the
// generator's violent type mix: state-based (1), non-state (2) and one-sided (3).
#include "incidents/synthetic/random_stream.h"
#include "incidents/synthetic/synthetic_rows.h"

#include <QDate>
#include <iterator>

namespace borderlens::synthetic {

namespace {

template <typename T, std::size_t N> const T& pick(RandomStream& rng, const T (&items)[N]) {
    return items[rng.below(static_cast<std::uint32_t>(N))];
}

struct Side {
    const char* name;
    int id;
    int gw; // Gleditsch–Ward country code, empty (0) for non-state actors
};
struct Dyad {
    int typeOfViolence;
    const char* conflict;
    int conflictId;
    int dyadId;
    Side a;
    Side b;
};

constexpr Side kAfghanGovernment{"Government of Afghanistan", 130, 700};
constexpr Side kTajikGovernment{"Government of Tajikistan", 131, 702};
constexpr Dyad kAfghanDyads[] = {
    {1, "Afghanistan: Government", 333, 11431, kAfghanGovernment, {"NRF", 7010, 0}},
    {1, "Afghanistan: Government", 333, 810, kAfghanGovernment, {"IS", 234, 0}},
    {1, "Afghanistan: Government", 333, 11462, kAfghanGovernment, {"AFF", 7031, 0}},
    {2, "IS - NRF", 15341, 15341, {"IS", 234, 0}, {"NRF", 7010, 0}},
    {3, "IS - civilians", 463, 463, {"IS", 234, 0}, {"Civilians", 1, 0}},
    {3, "Government of Afghanistan - civilians", 412, 412, kAfghanGovernment, {"Civilians", 1, 0}},
};
constexpr Dyad kTajikDyads[] = {
    {1, "Afghanistan - Tajikistan", 15377, 15377, kTajikGovernment, kAfghanGovernment},
    {1, "Tajikistan: Government", 299, 11601, kTajikGovernment, {"Jamaat Ansarullah", 7050, 0}},
    {2, "Jamaat Ansarullah - IS", 15390, 15390, {"Jamaat Ansarullah", 7050, 0}, {"IS", 234, 0}},
    {3,
     "Jamaat Ansarullah - civilians",
     15402,
     15402,
     {"Jamaat Ansarullah", 7050, 0},
     {"Civilians", 1, 0}},
    {3, "IS - civilians", 463, 463, {"IS", 234, 0}, {"Civilians", 1, 0}},
};

constexpr const char* kOffices[] = {"Asia-Plus",
                                    "Radio Ozodi",
                                    "RFE/RL",
                                    "Reuters",
                                    "Pajhwok Afghan News",
                                    "TOLOnews",
                                    "BBC Monitoring",
                                    "Afghanistan International",
                                    "Agence France Presse",
                                    "Xinhua"};
constexpr const char* kHeadlines[] = {"Clash on the border in {place}",
                                      "Border guards repel attack near {place}",
                                      "Gunmen killed after crossing the {river}",
                                      "Shooting reported near {place}",
                                      "Militants attack border post in {district}",
                                      "Casualties in {district} after cross-border raid",
                                      "Civilians killed near {place}",
                                      "Fighting near {place} leaves dead"};

const Dyad& chooseDyad(const SyntheticIncident& inc, RandomStream& rng) {
    const bool tj = inc.side == BorderSide::Tajikistan;
    const std::size_t n = tj ? std::size(kTajikDyads) : std::size(kAfghanDyads);
    const Dyad* dyads = tj ? kTajikDyads : kAfghanDyads;
    // One-sided for attacks on civilians; state-based (or now and then non-state) otherwise.
    const int want = inc.type == IncidentType::AttackOnCivilians               ? 3
                     : inc.type == IncidentType::ArmedClash && rng.chance(0.2) ? 2
                                                                               : 1;
    std::size_t matches = 0;
    for (std::size_t i = 0; i < n; ++i)
        matches += dyads[i].typeOfViolence == want;
    std::uint32_t k = rng.below(static_cast<std::uint32_t>(matches));
    for (std::size_t i = 0; i < n; ++i)
        if (dyads[i].typeOfViolence == want && k-- == 0)
            return dyads[i];
    return dyads[0];
}

void appendTimestamp(std::string& out, qint64 julianDay) {
    CsvRowBuffer::appendIsoDate(out, julianDay);
    out += " 00:00:00.000";
}

void replaceAll(std::string& s, std::string_view from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
}

} // namespace

void writeUcdpHeader(CsvRowBuffer& out) {
    for (const char* c : {"id",
                          "relid",
                          "year",
                          "active_year",
                          "code_status",
                          "type_of_violence",
                          "conflict_dset_id",
                          "conflict_new_id",
                          "conflict_name",
                          "dyad_dset_id",
                          "dyad_new_id",
                          "dyad_name",
                          "side_a_dset_id",
                          "side_a_new_id",
                          "side_a",
                          "side_b_dset_id",
                          "side_b_new_id",
                          "side_b",
                          "number_of_sources",
                          "source_article",
                          "source_office",
                          "source_date",
                          "source_headline",
                          "source_original",
                          "where_prec",
                          "where_coordinates",
                          "where_description",
                          "adm_1",
                          "adm_2",
                          "latitude",
                          "longitude",
                          "geom_wkt",
                          "priogrid_gid",
                          "country",
                          "country_id",
                          "region",
                          "event_clarity",
                          "date_prec",
                          "date_start",
                          "date_end",
                          "deaths_a",
                          "deaths_b",
                          "deaths_civilians",
                          "deaths_unknown",
                          "best",
                          "high",
                          "low",
                          "gwnoa",
                          "gwnob"})
        out.field(c);
    out.endRow();
}

void writeUcdpRow(CsvRowBuffer& out, const SyntheticIncident& inc, const BorderGeography& geo,
                  RandomStream& rng, std::string& s) {
    const bool tj = inc.side == BorderSide::Tajikistan;
    const auto& places = geo.places();
    const auto at = [&](int i) {
        return i < 0 ? nullptr : &places[static_cast<std::size_t>(i)];
    };
    const SyntheticPlace* admin = at(inc.admin);
    const SyntheticPlace* named = at(describedPlace(inc));
    const std::string district = admin && inc.districtKnown ? admin->district : std::string();
    const std::string province = admin ? admin->province : std::string();
    const std::string placeName = named               ? named->name
                                  : !district.empty() ? district
                                  : !province.empty() ? province
                                                      : std::string(countryName(inc.side));
    const Dyad& dyad = chooseDyad(inc, rng);
    const int year = QDate::fromJulianDay(inc.startDay).year();

    // UCDP's last day: the span the precision names.
    qint64 last = inc.lastDay;
    int datePrec = 1;
    switch (inc.datePrecision) {
    case DatePrecision::Day:
        datePrec = 1;
        break;
    case DatePrecision::Week:
        datePrec = 3;
        last = inc.startDay + 6;
        break;
    case DatePrecision::Month: {
        const QDate d = QDate::fromJulianDay(inc.startDay);
        datePrec = 4;
        last = QDate(d.year(), d.month(), d.daysInMonth()).toJulianDay();
        break;
    }
    case DatePrecision::Year:
        datePrec = 5;
        last = QDate(year, 12, 31).toJulianDay();
        break;
    }
    const int wherePrec = inc.geoPrecision == GeoPrecision::Exact      ? 1
                          : inc.geoPrecision == GeoPrecision::Near     ? 2
                          : inc.geoPrecision == GeoPrecision::District ? 3
                                                                       : 4;
    // GED counts only fatal events: at least one death in the best estimate.
    int best = inc.killed;
    if (best == 0) {
        best = 1;
        while (best < 20 && rng.chance(0.35))
            ++best;
    }
    const int low = best - rng.between(0, best / 3);
    const int high = best + rng.between(0, best / 2 + 1);

    out.integer(static_cast<long long>(500000 + inc.index));
    s = tj ? "TJK-" : "AFG-";
    CsvRowBuffer::appendInteger(s, year);
    s += '-';
    CsvRowBuffer::appendInteger(s, dyad.typeOfViolence);
    s += '-';
    CsvRowBuffer::appendInteger(s, dyad.dyadId);
    s += '-';
    CsvRowBuffer::appendInteger(s, static_cast<long long>(inc.index + 1));
    out.field(s);
    out.integer(year);
    out.integer(1);
    out.field("Clear");
    out.integer(dyad.typeOfViolence);
    out.integer(dyad.conflictId);
    out.integer(dyad.conflictId);
    out.field(dyad.conflict);
    out.integer(dyad.dyadId);
    out.integer(dyad.dyadId);
    // Dyads of one-sided and non-state violence are named like their conflict.
    if (dyad.typeOfViolence == 1) {
        s = dyad.a.name;
        s += " - ";
        s += dyad.b.name;
    } else {
        s = dyad.conflict;
    }
    out.field(s);
    out.integer(dyad.a.id);
    out.integer(dyad.a.id);
    out.field(dyad.a.name);
    out.integer(dyad.b.id);
    out.integer(dyad.b.id);
    out.field(dyad.b.name);

    const int sources = rng.between(1, 3);
    out.integer(sources);
    // source_article: "Office,YYYY-MM-DD,Headline" for each source, separated by ';'.
    std::string headline = pick(rng, kHeadlines);
    replaceAll(headline, "{place}", placeName);
    replaceAll(headline, "{district}", district.empty() ? province : district);
    replaceAll(headline, "{river}", riverAt(inc.lon));
    const char* office = pick(rng, kOffices);
    const qint64 published = inc.lastDay + rng.between(0, 3);
    s.clear();
    for (int i = 0; i < sources; ++i) {
        if (i > 0)
            s += ';';
        s += '"';
        s += i == 0 ? office : pick(rng, kOffices);
        s += ',';
        CsvRowBuffer::appendIsoDate(s, published + i);
        s += ',';
        s += headline;
        s += '"';
    }
    out.field(s);
    out.field(office);
    out.isoDate(published);
    out.field(headline);
    out.field(tj                ? "Tajik border service"
              : rng.chance(0.5) ? "Taliban spokesperson"
                                : "local sources");

    out.integer(wherePrec);
    switch (inc.geoPrecision) {
    case GeoPrecision::Exact:
    case GeoPrecision::Near:
        if (named)
            s = placeName + (rng.chance(0.7) ? " village" : " town");
        else
            s = district.empty() ? placeName : district + " district";
        break;
    case GeoPrecision::District:
        s = (district.empty() ? placeName : district) + " district";
        break;
    case GeoPrecision::Region:
        s = province.empty() ? std::string(countryName(inc.side)) : province + " province";
        break;
    }
    out.field(s);
    if (inc.geoPrecision == GeoPrecision::Near) {
        s = "near " + placeName + ", on the " + riverAt(inc.lon);
    } else if (inc.geoPrecision == GeoPrecision::Region) {
        s = (province.empty() ? std::string(countryName(inc.side)) : province) + " province";
    } else {
        s = inc.geoPrecision == GeoPrecision::District ? district + " district" : placeName;
        if (!province.empty())
            s += ", " + province + " province";
    }
    out.field(s);
    out.field(province.empty() ? std::string() : province + " province");
    out.field(district.empty() ? std::string() : district + " district");
    out.fixed(inc.lat, 5);
    out.fixed(inc.lon, 5);
    s = "POINT (";
    CsvRowBuffer::appendFixed(s, inc.lon, 5);
    s += ' ';
    CsvRowBuffer::appendFixed(s, inc.lat, 5);
    s += ')';
    out.field(s);
    // PRIO-GRID: half-degree cells numbered from (-180, -90), row by row.
    const long long row = static_cast<long long>((inc.lat + 90.0) * 2.0);
    const long long col = static_cast<long long>((inc.lon + 180.0) * 2.0);
    out.integer(row * 720 + col + 1);
    out.field(countryName(inc.side));
    out.integer(tj ? 702 : 700);
    out.field("Asia");
    out.integer(rng.chance(0.9) ? 1 : 2);
    out.integer(datePrec);
    s.clear();
    appendTimestamp(s, inc.startDay);
    out.field(s);
    s.clear();
    appendTimestamp(s, last);
    out.field(s);

    // Deaths by side: the split adds up to the best estimate.
    int remaining = best;
    int deaths[4] = {0, 0, 0, 0};
    if (dyad.typeOfViolence == 3) {
        deaths[2] = remaining;
    } else {
        deaths[0] = rng.between(0, remaining);
        remaining -= deaths[0];
        deaths[1] = rng.between(0, remaining);
        remaining -= deaths[1];
        deaths[3] = remaining;
    }
    for (int d : deaths)
        out.integer(d);
    out.integer(best);
    out.integer(high);
    out.integer(low);
    out.integer(dyad.a.gw ? dyad.a.gw : (tj ? 702 : 700));
    if (dyad.b.gw)
        out.integer(dyad.b.gw);
    else
        out.emptyField();
    out.endRow();
}

} // namespace borderlens::synthetic
