// Synthetic incidents as a current 31-column ACLED export (docs/data-format.md §4.1): event and
// sub-event types that map back to the incident's type, ACLED-style actor names, admin units,
// sources and notes built from many templates, so the text is as varied as a real export's.
#include "incidents/synthetic/random_stream.h"
#include "incidents/synthetic/synthetic_rows.h"

#include <QDate>
#include <iterator>
#include <string_view>

namespace borderlens::synthetic {

namespace {

template <typename T, std::size_t N> const T& pick(RandomStream& rng, const T (&items)[N]) {
    return items[rng.below(static_cast<std::uint32_t>(N))];
}

constexpr const char* kMonths[12] = {"January",   "February", "March",    "April",
                                     "May",       "June",     "July",     "August",
                                     "September", "October",  "November", "December"};

// ACLED's inter types, as current exports spell them.
constexpr const char* kStateForces = "State forces";
constexpr const char* kRebels = "Rebel group";
constexpr const char* kMilitia = "Political militia";
constexpr const char* kCivilians = "Civilians";
constexpr const char* kProtesters = "Protesters";
constexpr const char* kExternal = "External/Other forces";

struct Actor {
    const char* name;
    const char* inter;
};

constexpr Actor kTajikForces[] = {
    {"Military Forces of Tajikistan (1994-) Border Troops", kStateForces},
    {"Military Forces of Tajikistan (1994-) Border Troops", kStateForces},
    {"Military Forces of Tajikistan (1994-)", kStateForces},
    {"Military Forces of Tajikistan (1994-) State Committee for National Security", kStateForces},
    {"Police Forces of Tajikistan (1994-)", kStateForces},
};
constexpr Actor kAfghanForces[] = {
    {"Military Forces of Afghanistan (2021-)", kStateForces},
    {"Military Forces of Afghanistan (2021-) Border Forces", kStateForces},
    {"Military Forces of Afghanistan (2021-) Border Forces", kStateForces},
    {"Police Forces of Afghanistan (2021-)", kStateForces},
};
constexpr Actor kTajikDrugPolice[] = {
    {"Police Forces of Tajikistan (1994-) Drug Control Agency", kStateForces},
    {"Military Forces of Tajikistan (1994-) Border Troops", kStateForces},
    {"Police Forces of Tajikistan (1994-)", kStateForces},
};
constexpr Actor kAfghanDrugPolice[] = {
    {"Police Forces of Afghanistan (2021-) Counter-Narcotics Police", kStateForces},
    {"Police Forces of Afghanistan (2021-)", kStateForces},
};
constexpr Actor kArmedGroups[] = {
    {"Unidentified Armed Group (Afghanistan)", kMilitia},
    {"Unidentified Armed Group (Afghanistan)", kMilitia},
    {"Unidentified Armed Group (Tajikistan)", kMilitia},
    {"NRF: National Resistance Front", kRebels},
    {"Islamic State Khorasan Province", kRebels},
    {"Jamaat Ansarullah", kRebels},
};
constexpr Actor kTajikCivilians[] = {
    {"Civilians (Tajikistan)", kCivilians},
    {"Civilians (Tajikistan)", kCivilians},
    {"Civilians (China)", kCivilians},
};
constexpr Actor kAfghanCivilians[] = {{"Civilians (Afghanistan)", kCivilians}};

// How the notes name each side's forces, and the people they meet.
constexpr const char* kTajikForcesText[] = {
    "Tajik border guards", "Tajik border troops", "servicemen of the Tajik Border Troops",
    "officers of the State Committee for National Security (GKNB)", "a Tajik border patrol"};
constexpr const char* kAfghanForcesText[] = {"Taliban border forces", "Taliban fighters",
                                             "forces of the Islamic Emirate",
                                             "Taliban border police", "a Taliban patrol"};
constexpr const char* kOpponents[] = {
    "a group of armed men",      "unidentified gunmen",  "armed smugglers",  "suspected militants",
    "members of an armed group", "a group of intruders", "several armed men"};
constexpr const char* kDrugs[] = {"heroin",          "hashish",  "opium",
                                  "methamphetamine", "cannabis", "raw opium"};
constexpr const char* kWeapons[] = {"{n} Kalashnikov rifles and {m} rounds of ammunition",
                                    "{n} hand grenades",
                                    "explosives and detonators",
                                    "a machine gun and {m} cartridges",
                                    "{n} rocket-propelled grenades",
                                    "{n} pistols and a sniper rifle",
                                    "an anti-tank mine and {n} grenades"};
constexpr const char* kFollowUps[] = {
    "",
    "",
    "",
    "",
    "",
    "",
    " Sources did not give the exact location.",
    " The report could not be independently verified.",
    " Local media reported the incident the following day.",
    " The border service confirmed the incident in a statement.",
    " Officials of the other side denied the account.",
    " A criminal case was opened.",
    " The information was first published on social media.",
};

struct EventChoice {
    const char* eventType;
    const char* subType;
    const char* disorder;
    Actor actor1;
    const char* assoc1;
    Actor actor2;
    const char* assoc2;
    const char* civilianTargeting;
    const char* tags;
    const char* note; // template
};

constexpr const char* kViolence = "Political violence";
constexpr const char* kDemonstrations = "Demonstrations";
constexpr const char* kStrategic = "Strategic developments";
constexpr Actor kNoActor{"", ""};

Actor forcesOf(BorderSide side, RandomStream& rng) {
    return side == BorderSide::Tajikistan ? pick(rng, kTajikForces) : pick(rng, kAfghanForces);
}

EventChoice chooseEvent(const SyntheticIncident& inc, RandomStream& rng) {
    const bool tj = inc.side == BorderSide::Tajikistan;
    EventChoice c{"", "", kStrategic, forcesOf(inc.side, rng), "", kNoActor, "", "", "", ""};
    switch (inc.type) {
    case IncidentType::ArmedClash: {
        static const char* notes[] = {
            "{when}, {a1} clashed with {opp} who tried to cross the {river} from {other} {near}. "
            "{fatal}",
            "{when}, {a1} exchanged fire with {opp} {near} ({where}). The shooting lasted about "
            "{h} hours. {fatal}",
            "{when}, {opp} attacked a post of {a1} {near}. {fatal}",
            "{when}, {a1} intercepted a group of {n} armed men {near} after they crossed from "
            "{other}. {fatal}",
            "{when}, a firefight broke out between {a1} and {opp} on an island of the {river} "
            "{near}. {fatal}"};
        const double u = rng.uniform();
        c.eventType = "Battles";
        c.disorder = kViolence;
        c.subType = u < 0.90   ? "Armed clash"
                    : u < 0.95 ? "Government regains territory"
                               : "Non-state actor overtakes territory";
        c.actor2 = pick(rng, kArmedGroups);
        if (u >= 0.95)
            std::swap(c.actor1, c.actor2);
        c.note = u < 0.90 ? pick(rng, notes)
                 : u < 0.95
                     ? "{when}, {a1} regained control of the border crossing {near} ({where}) "
                       "after fighting with {opp}. {fatal}"
                     : "{when}, {opp} took control of a border post {near} after a short fight "
                       "with {a1}. {fatal}";
        break;
    }
    case IncidentType::AttackOnCivilians: {
        const double u = rng.uniform();
        c.actor1 = pick(rng, kArmedGroups);
        c.actor2 = tj ? pick(rng, kTajikCivilians) : kAfghanCivilians[0];
        c.civilianTargeting = "Civilian targeting";
        c.disorder = kViolence;
        if (u < 0.20) {
            // A drone from across the river on a workers' camp: remote violence aimed at
            // civilians, which the importer files as an attack on civilians.
            c.eventType = "Explosions/Remote violence";
            c.subType = "Air/drone strike";
            c.note = "{when}, a drone launched from {other} struck a workers' camp {near} "
                     "({where}). {fatal}";
        } else if (u < 0.35) {
            c.eventType = "Violence against civilians";
            c.subType = "Abduction/forced disappearance";
            c.note = "{when}, armed men abducted {n} residents of {town} {near}; their fate is "
                     "unknown.";
        } else {
            static const char* notes[] = {
                "{when}, gunmen from {other} opened fire on workers of a Chinese company {near} "
                "({where}). {fatal}",
                "{when}, an armed group attacked residents of {town} {near} and drove off their "
                "livestock. {fatal}",
                "{when}, {opp} shot at farmers working in fields on the bank of the {river} "
                "{near}. {fatal}",
                "{when}, {opp} attacked a car carrying local residents {near} ({where}). {fatal}"};
            c.eventType = "Violence against civilians";
            c.subType = "Attack";
            c.note = pick(rng, notes);
        }
        break;
    }
    case IncidentType::CrossBorderFire: {
        struct Sub {
            const char* sub;
            const char* note;
        };
        static const Sub subs[] = {
            {"Shelling/artillery/missile attack",
             "{when}, {opp} fired mortar rounds across the {river} at positions of {a1} {near}. "
             "{fatal}"},
            {"Shelling/artillery/missile attack",
             "{when}, shells fired from {other} landed {near} ({where}). {fatal}"},
            {"Air/drone strike", "{when}, a drone strike hit a vehicle {near}. {fatal}"},
            {"Remote explosive/landmine/IED",
             "{when}, a landmine exploded under a border patrol {near} ({where}). {fatal}"},
            {"Grenade", "{when}, a grenade was thrown at a border post {near}. {fatal}"}};
        const Sub& s = pick(rng, subs);
        c.eventType = "Explosions/Remote violence";
        c.subType = s.sub;
        c.disorder = kViolence;
        c.actor2 = c.actor1;
        c.actor1 = pick(rng, kArmedGroups);
        c.note = s.note;
        break;
    }
    case IncidentType::DrugSeizure: {
        static const char* notes[] = {
            "{when}, {a1} seized {kg} kg of {drug} from smugglers {near} ({where}). {n} people "
            "were detained.",
            "{when}, officers detained {n} people {near} and confiscated {kg} kg of {drug} "
            "smuggled from {other}.",
            "{when}, {a1} stopped a smuggling attempt across the {river} {near}; {kg} kg of "
            "{drug} were seized. {fatal}",
            "{when}, {a1} found {kg} kg of {drug} hidden in a truck {near} ({where}).",
            "{when}, {a1} reported seizing {kg} kg of narcotics {near} in the course of a "
            "special operation."};
        c.eventType = "Strategic developments";
        c.subType = rng.chance(0.65) ? "Arrests" : "Other";
        c.actor1 = tj ? pick(rng, kTajikDrugPolice) : pick(rng, kAfghanDrugPolice);
        c.note = pick(rng, notes);
        break;
    }
    case IncidentType::WeaponsSeizure: {
        static const char* notes[] = {
            "{when}, {a1} found a cache of {weapons} {near} ({where}). No arrests were reported.",
            "{when}, {a1} detained {n} people {near} and seized {weapons}.",
            "{when}, {a1} stopped a vehicle {near} and confiscated {weapons}.",
            "{when}, {a1} disrupted an attempt to move {weapons} across the {river} {near}."};
        c.eventType = "Strategic developments";
        c.subType = rng.chance(0.6) ? "Disrupted weapons use" : "Arrests";
        c.note = pick(rng, notes);
        break;
    }
    case IncidentType::Crossing: {
        // ACLED has no crossing event: such reports are filed under "Other" (a statement once
        // imported), as real exports do.
        static const char* notes[] = {
            "{when}, {n} Afghan servicemen crossed the {river} into Tajikistan {near} and were "
            "disarmed by Tajik border guards.",
            "{when}, a group of {n} refugees from {other} crossed the border {near} and asked "
            "for asylum.",
            "{when}, {n} people crossed the {river} {near} ({where}) and were detained by {a1}.",
            "{when}, about {m} people gathered on the bank of the {river} {near} hoping to cross "
            "the border."};
        c.eventType = "Strategic developments";
        c.subType = "Other";
        c.note = pick(rng, notes);
        break;
    }
    case IncidentType::Mobilisation: {
        const double u = rng.uniform();
        c.eventType = "Strategic developments";
        if (u < 0.3) {
            c.subType = "Headquarters or base established";
            c.note = "{when}, a new border post was opened {near} ({where}) to strengthen control "
                     "of the {river}.";
        } else {
            static const char* notes[] = {
                "{when}, {a1} reinforced the border {near} with {m} additional servicemen and "
                "armoured vehicles.",
                "{when}, {a1} held exercises {near} ({where}) involving {m} troops.",
                "{when}, {a1} moved {m} troops and heavy weapons to positions {near} "
                "({where}).",
                "{when}, reservists were called up and sent to the border {near} ({where})."};
            c.subType = "Change to group/activity";
            c.note = pick(rng, notes);
            if (tj && rng.chance(0.3)) {
                c.assoc1 = "Military Forces of Russia (2000-)";
                c.note = "{when}, Russian and Tajik troops held a joint drill {near} as part of a "
                         "CSTO readiness check.";
            }
        }
        break;
    }
    case IncidentType::Statement: {
        const double u = rng.uniform();
        if (u < 0.3) {
            c.eventType = "Protests";
            c.subType = "Peaceful protest";
            c.disorder = kDemonstrations;
            c.actor1 = {tj ? "Protesters (Tajikistan)" : "Protesters (Afghanistan)", kProtesters};
            c.tags = "crowd size=no report";
            c.note = "{when}, residents gathered {near} to demand better protection of the "
                     "border. [size=no report]";
        } else if (u < 0.55) {
            c.eventType = "Strategic developments";
            c.subType = "Agreement";
            c.actor1 = {tj ? "Government of Tajikistan (1994-)"
                           : "Government of Afghanistan (2021-)",
                        kExternal};
            c.note = "{when}, officials of Tajikistan and Afghanistan met {near} and agreed to "
                     "exchange information on the situation on the border.";
        } else {
            static const char* notes[] = {
                // Parenthesised: one note split over two lines, not two (Clang's
                // -Wstring-concatenation).
                ("{when}, the border service said that the situation {near} remained under "
                 "control."),
                "{when}, {a1} stated that patrols {near} ({where}) had been strengthened.",
                "{when}, local authorities warned residents {near} not to approach the {river}."};
            c.eventType = "Strategic developments";
            c.subType = "Other";
            c.note = pick(rng, notes);
        }
        break;
    }
    }
    return c;
}

void appendLongDate(std::string& out, qint64 julianDay) {
    int y = 0, m = 0, d = 0;
    QDate::fromJulianDay(julianDay).getDate(&y, &m, &d);
    CsvRowBuffer::appendInteger(out, d);
    out += ' ';
    out += kMonths[m - 1];
    out += ' ';
    CsvRowBuffer::appendInteger(out, y);
}

// The day ACLED would give: the day itself, the middle of the week, the 15th of the month
// (a year, which ACLED cannot express, becomes its July).
qint64 acledDay(const SyntheticIncident& inc) {
    const QDate start = QDate::fromJulianDay(inc.startDay);
    switch (inc.datePrecision) {
    case DatePrecision::Day:
        return inc.startDay;
    case DatePrecision::Week:
        return inc.startDay + 3;
    case DatePrecision::Month:
        return QDate(start.year(), start.month(), 15).toJulianDay();
    case DatePrecision::Year:
        return QDate(start.year(), 7, 15).toJulianDay();
    }
    return inc.startDay;
}

struct NoteContext {
    const SyntheticIncident& inc;
    const SyntheticPlace* place;   // the row's own place, if any
    const SyntheticPlace* nearest; // the place to describe it by (its own or a close town)
    const SyntheticPlace* admin;
    qint64 day;
};

void appendWhen(std::string& out, const NoteContext& c) {
    const QDate d = QDate::fromJulianDay(c.inc.startDay);
    switch (c.inc.datePrecision) {
    case DatePrecision::Day:
        out += "On ";
        appendLongDate(out, c.day);
        break;
    case DatePrecision::Week:
        out += "Around ";
        appendLongDate(out, c.day);
        out += " (week of)";
        break;
    case DatePrecision::Month:
        out += "In ";
        out += kMonths[d.month() - 1];
        out += ' ';
        CsvRowBuffer::appendInteger(out, d.year());
        out += " (month of)";
        break;
    case DatePrecision::Year:
        out += "During ";
        CsvRowBuffer::appendInteger(out, d.year());
        break;
    }
}

void appendNear(std::string& out, const NoteContext& c) {
    switch (c.inc.geoPrecision) {
    case GeoPrecision::Exact:
        if (c.place) {
            out += "in ";
            out += c.place->name;
        } else if (c.nearest) {
            out += "near ";
            out += c.nearest->name;
        } else if (c.admin && c.inc.districtKnown && !c.admin->district.empty()) {
            out += "on the border in ";
            out += c.admin->district;
            out += " district";
        } else {
            out += "on the border";
        }
        return;
    case GeoPrecision::Near:
        if (c.nearest) {
            out += "near ";
            out += c.nearest->name;
        } else {
            out += "in a remote area on the border";
        }
        return;
    case GeoPrecision::District:
        out += "in ";
        out += c.admin && !c.admin->district.empty() ? c.admin->district : std::string("a border");
        out += " district";
        return;
    case GeoPrecision::Region:
        out += "in ";
        out += c.admin && !c.admin->province.empty() ? c.admin->province : std::string("a border");
        out += " province";
        return;
    }
}

void appendWhere(std::string& out, const NoteContext& c) {
    if (c.admin && c.inc.districtKnown && !c.admin->district.empty()) {
        out += c.admin->district;
        out += ", ";
    }
    out += c.admin && !c.admin->province.empty() ? c.admin->province
                                                 : std::string(countryName(c.inc.side));
}

void appendFatal(std::string& out, const NoteContext& c, RandomStream& rng) {
    const int k = c.inc.killed;
    if (k == 0) {
        static const char* none[] = {"No casualties were reported.", "There were no casualties.",
                                     "No fatalities were reported.",
                                     "Nobody was hurt, according to officials."};
        out += pick(rng, none);
    } else if (k == 1) {
        static const char* one[] = {"One person was killed.", "One attacker was killed.",
                                    "A border guard was killed.", "One fatality was reported."};
        out += pick(rng, one);
    } else {
        CsvRowBuffer::appendInteger(out, k);
        static const char* many[] = {" people were killed.", " fatalities were reported.",
                                     " people were killed, most of them attackers.",
                                     " were killed, according to local sources."};
        out += pick(rng, many);
    }
}

void expand(std::string& out, std::string_view pattern, const NoteContext& c, RandomStream& rng);

void appendKey(std::string& out, std::string_view key, const NoteContext& c, RandomStream& rng) {
    const bool tj = c.inc.side == BorderSide::Tajikistan;
    if (key == "when") {
        appendWhen(out, c);
    } else if (key == "near") {
        appendNear(out, c);
    } else if (key == "where") {
        appendWhere(out, c);
    } else if (key == "a1") {
        out += tj ? pick(rng, kTajikForcesText) : pick(rng, kAfghanForcesText);
    } else if (key == "opp") {
        out += pick(rng, kOpponents);
    } else if (key == "other") {
        out += otherCountryName(c.inc.side);
    } else if (key == "river") {
        out += riverAt(c.inc.lon);
    } else if (key == "town") {
        out += c.nearest && c.inc.geoPrecision < GeoPrecision::District ? c.nearest->name
                                                                        : std::string("a village");
    } else if (key == "fatal") {
        appendFatal(out, c, rng);
    } else if (key == "n") {
        CsvRowBuffer::appendInteger(out, rng.between(2, 14));
    } else if (key == "m") {
        CsvRowBuffer::appendInteger(out, 10 * rng.between(3, 150));
    } else if (key == "h") {
        CsvRowBuffer::appendInteger(out, rng.between(1, 6));
    } else if (key == "kg") {
        // Mostly a few kilograms, now and then hundreds.
        const double kg = rng.chance(0.15) ? rng.between(50, 900) + rng.uniform()
                                           : 0.2 + 30.0 * rng.uniform() * rng.uniform();
        CsvRowBuffer::appendFixed(out, kg, 1);
    } else if (key == "drug") {
        out += pick(rng, kDrugs);
    } else if (key == "weapons") {
        expand(out, pick(rng, kWeapons), c, rng);
    }
}

void expand(std::string& out, std::string_view pattern, const NoteContext& c, RandomStream& rng) {
    std::size_t at = 0;
    while (at < pattern.size()) {
        const std::size_t open = pattern.find('{', at);
        if (open == std::string_view::npos) {
            out.append(pattern.substr(at));
            return;
        }
        out.append(pattern.substr(at, open - at));
        const std::size_t close = pattern.find('}', open);
        appendKey(out, pattern.substr(open + 1, close - open - 1), c, rng);
        at = close + 1;
    }
}

constexpr const char* kTajikSources[] = {"Asia-Plus",
                                         "Radio Ozodi",
                                         "Avesta",
                                         "Khovar",
                                         "Sputnik Tajikistan",
                                         "Tajik Border Troops",
                                         "RFE/RL",
                                         "Eurasianet",
                                         "AKIpress",
                                         "Interfax",
                                         "Ministry of Internal Affairs of Tajikistan"};
constexpr const char* kAfghanSources[] = {
    "Pajhwok Afghan News", "TOLOnews",     "Afghanistan International", "Amu TV",
    "8am.media",           "Khaama Press", "Bakhtar News Agency",       "Hasht-e Subh",
    "Afghan Witness",      "Kabul Now"};
constexpr const char* kScales[] = {
    "National",    "National",  "International", "National-International",
    "Subnational", "New media", "Other-National"};

} // namespace

void writeAcledHeader(CsvRowBuffer& out) {
    for (const char* c :
         {"event_id_cnty", "event_date",     "year",     "time_precision", "disorder_type",
          "event_type",    "sub_event_type", "actor1",   "assoc_actor_1",  "inter1",
          "actor2",        "assoc_actor_2",  "inter2",   "interaction",    "civilian_targeting",
          "iso",           "region",         "country",  "admin1",         "admin2",
          "admin3",        "location",       "latitude", "longitude",      "geo_precision",
          "source",        "source_scale",   "notes",    "fatalities",     "tags",
          "timestamp"})
        out.field(c);
    out.endRow();
}

void writeAcledRow(CsvRowBuffer& out, const SyntheticIncident& inc, const BorderGeography& geo,
                   RandomStream& rng, bool longDates, std::string& scratch) {
    const bool tj = inc.side == BorderSide::Tajikistan;
    const auto& places = geo.places();
    const auto at = [&](int i) {
        return i < 0 ? nullptr : &places[static_cast<std::size_t>(i)];
    };
    const EventChoice choice = chooseEvent(inc, rng);
    const qint64 day = acledDay(inc);
    const SyntheticPlace* admin = at(inc.admin);
    const std::string province = admin ? admin->province : std::string();
    const std::string district = admin && inc.districtKnown ? admin->district : std::string();

    scratch = tj ? "TJK" : "AFG";
    CsvRowBuffer::appendInteger(scratch, static_cast<long long>(inc.index + 1));
    out.field(scratch);
    scratch.clear();
    if (longDates)
        appendLongDate(scratch, day);
    else
        CsvRowBuffer::appendIsoDate(scratch, day);
    out.field(scratch);
    out.integer(QDate::fromJulianDay(day).year());
    out.integer(inc.datePrecision == DatePrecision::Day    ? 1
                : inc.datePrecision == DatePrecision::Week ? 2
                                                           : 3);
    out.field(choice.disorder);
    out.field(choice.eventType);
    out.field(choice.subType);
    out.field(choice.actor1.name);
    out.field(choice.assoc1);
    out.field(choice.actor1.inter);
    out.field(choice.actor2.name);
    out.field(choice.assoc2);
    out.field(choice.actor2.inter);
    scratch = choice.actor1.inter;
    scratch += *choice.actor2.inter ? std::string("-") + choice.actor2.inter : std::string(" only");
    out.field(scratch);
    out.field(choice.civilianTargeting);
    out.integer(tj ? 762 : 4);
    out.field(tj ? "Caucasus and Central Asia" : "South Asia");
    out.field(countryName(inc.side));
    out.field(province);
    out.field(district);
    out.emptyField(); // admin3: not known for these places

    // location: the place itself; the district for district rows; the province (= admin1, which
    // is how ACLED marks a province-level row) for region rows.
    const SyntheticPlace* named = at(describedPlace(inc));
    switch (inc.geoPrecision) {
    case GeoPrecision::Exact:
    case GeoPrecision::Near:
        scratch = named ? named->name : district.empty() ? province : district;
        break;
    case GeoPrecision::District:
        scratch = district.empty() ? (named ? named->name : std::string()) : district;
        if (scratch.empty() || QString::fromStdString(scratch).compare(
                                   QString::fromStdString(province), Qt::CaseInsensitive) == 0)
            scratch += " District";
        break;
    case GeoPrecision::Region:
        scratch = province;
        break;
    }
    out.field(scratch);
    out.fixed(inc.lat, 4);
    out.fixed(inc.lon, 4);
    out.integer(inc.geoPrecision == GeoPrecision::Exact  ? 1
                : inc.geoPrecision == GeoPrecision::Near ? 2
                                                         : 3);
    scratch = tj ? pick(rng, kTajikSources) : pick(rng, kAfghanSources);
    if (rng.chance(0.35)) {
        scratch += "; ";
        scratch += rng.chance(0.5) ? pick(rng, kTajikSources) : pick(rng, kAfghanSources);
    }
    out.field(scratch);
    out.field(pick(rng, kScales));

    scratch.clear();
    const NoteContext context{inc, at(inc.place), named, admin, day};
    expand(scratch, choice.note, context, rng);
    scratch += pick(rng, kFollowUps);
    out.field(scratch);
    out.integer(inc.killed);
    out.field(choice.tags);
    // Uploaded a few days to a few weeks after the event.
    const qint64 uploadDay = inc.lastDay + rng.between(2, 30);
    out.integer((uploadDay - 2440588) * 86400 + rng.between(0, 86399));
    out.endRow();
}

} // namespace borderlens::synthetic
