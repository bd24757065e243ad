// ACLED CSV exports → incidents. The mapping is documented in docs/data-format.md §4.1; keep
// the two in step.
#include "incidents/import/incident_format.h"
#include "incidents/import/row_values.h"
#include "time/civil_days.h"
#include "time/date_parser.h"

namespace borderlens {

using namespace rowvalues;

namespace {

char lowerAscii(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

bool is(std::string_view a, std::string_view b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lowerAscii(a[i]) != lowerAscii(b[i]))
            return false;
    return true;
}

bool containsIgnoringCase(std::string_view text, std::string_view word) {
    if (word.size() > text.size())
        return false;
    for (std::size_t i = 0; i + word.size() <= text.size(); ++i) {
        if (lowerAscii(text[i]) == word[0] && is(text.substr(i, word.size()), word))
            return true;
    }
    return false;
}

bool containsAny(std::string_view text, std::initializer_list<std::string_view> words) {
    for (std::string_view w : words) {
        if (containsIgnoringCase(text, w))
            return true;
    }
    return false;
}

// Rules of §4.1.1, in order; `known` is false for the final catch-all.
IncidentType mapAcledType(std::string_view eventType, std::string_view subType,
                          std::string_view notes, std::string_view civilianTargeting, bool& known) {
    known = true;
    const bool strategic = is(eventType, "Strategic developments");
    if (strategic && (is(subType, "Arrests") || is(subType, "Disrupted weapons use") ||
                      is(subType, "Looting/property destruction") || is(subType, "Other")) &&
        containsAny(notes, {"drug", "narcotic", "heroin", "opium", "hashish", "cannabis",
                            "marijuana", "methamphetamine", "poppy"}))
        return IncidentType::DrugSeizure;
    if (is(eventType, "Explosions/Remote violence") && is(civilianTargeting, "Civilian targeting"))
        return IncidentType::AttackOnCivilians;

    struct Rule {
        std::string_view event;
        std::string_view sub;
        IncidentType type;
    };
    static constexpr Rule table[] = {
        {"Battles", "Armed clash", IncidentType::ArmedClash},
        {"Battles", "Government regains territory", IncidentType::ArmedClash},
        {"Battles", "Non-state actor overtakes territory", IncidentType::ArmedClash},
        {"Explosions/Remote violence", "Shelling/artillery/missile attack",
         IncidentType::CrossBorderFire},
        {"Explosions/Remote violence", "Air/drone strike", IncidentType::CrossBorderFire},
        {"Explosions/Remote violence", "Remote explosive/landmine/IED",
         IncidentType::CrossBorderFire},
        {"Explosions/Remote violence", "Grenade", IncidentType::CrossBorderFire},
        {"Explosions/Remote violence", "Chemical weapon", IncidentType::CrossBorderFire},
        {"Explosions/Remote violence", "Suicide bomb", IncidentType::ArmedClash},
        {"Violence against civilians", "Attack", IncidentType::AttackOnCivilians},
        {"Violence against civilians", "Abduction/forced disappearance",
         IncidentType::AttackOnCivilians},
        {"Violence against civilians", "Sexual violence", IncidentType::AttackOnCivilians},
        {"Protests", "Peaceful protest", IncidentType::Statement},
        {"Protests", "Protest with intervention", IncidentType::Statement},
        {"Protests", "Excessive force against protesters", IncidentType::Statement},
        {"Riots", "Violent demonstration", IncidentType::Statement},
        {"Riots", "Mob violence", IncidentType::Statement},
        {"Strategic developments", "Agreement", IncidentType::Statement},
        {"Strategic developments", "Arrests", IncidentType::WeaponsSeizure},
        {"Strategic developments", "Disrupted weapons use", IncidentType::WeaponsSeizure},
        {"Strategic developments", "Looting/property destruction", IncidentType::AttackOnCivilians},
        {"Strategic developments", "Change to group/activity", IncidentType::Mobilisation},
        {"Strategic developments", "Headquarters or base established", IncidentType::Mobilisation},
        {"Strategic developments", "Non-violent transfer of territory", IncidentType::ArmedClash},
        {"Strategic developments", "Other", IncidentType::Statement},
    };
    for (const Rule& r : table) {
        if (is(eventType, r.event) && is(subType, r.sub))
            return r.type;
    }
    // Event-type fallback, including pre-2019 ACLED types.
    if ((eventType.size() >= 6 && is(eventType.substr(0, 6), "Battle")) ||
        is(eventType, "Non-violent transfer of territory"))
        return IncidentType::ArmedClash;
    if (is(eventType, "Explosions/Remote violence") || is(eventType, "Remote violence"))
        return IncidentType::CrossBorderFire;
    if (is(eventType, "Violence against civilians"))
        return IncidentType::AttackOnCivilians;
    if (is(eventType, "Protests") || is(eventType, "Riots") || is(eventType, "Riots/Protests") ||
        strategic || is(eventType, "Strategic development"))
        return IncidentType::Statement;
    if (is(eventType, "Headquarters or base established"))
        return IncidentType::Mobilisation;
    known = false;
    return IncidentType::Statement;
}

class AcledParser final : public IncidentRowParser {
public:
    QStringList requiredColumns() const override {
        return {QStringLiteral("event_id_cnty"), QStringLiteral("event_date"),
                QStringLiteral("event_type"), QStringLiteral("latitude"),
                QStringLiteral("longitude")};
    }

    void bind(const ColumnMap& c) override {
        auto at = [&](const char* name) { return c.index(QString::fromLatin1(name)); };
        m_id = at("event_id_cnty");
        m_date = at("event_date");
        m_timePrecision = at("time_precision");
        m_eventType = at("event_type");
        m_subType = at("sub_event_type");
        m_notes = at("notes");
        m_civilian = at("civilian_targeting");
        m_location = at("location");
        m_admin1 = at("admin1");
        m_admin2 = at("admin2");
        m_geo = at("geo_precision");
        m_lon = at("longitude");
        m_lat = at("latitude");
        m_iso = at("iso");
        m_country = at("country");
        m_fatalities = at("fatalities");
        m_actors = {at("actor1"), at("assoc_actor_1"), at("actor2"), at("assoc_actor_2")};
        m_source = at("source");
    }

    std::optional<QString> parse(const FieldRow& row, ParsedIncident& out) const override {
        out.clear();
        IncidentColumns::Row& r = out.row;
        r.id = row.value(m_id);
        const std::string_view dateText = row.value(m_date);
        const auto date = parseFlexibleDay(dateText);
        if (!date)
            return QStringLiteral("unparseable event_date '%1'").arg(qstr(dateText));
        const std::string_view tp = row.value(m_timePrecision);
        if (tp.empty() || tp == "1") {
            setSpan(r, *date, std::nullopt, DatePrecision::Day);
        } else if (tp == "2") {
            // ACLED dates a week-precise event to a day inside that week: centre a week on it.
            setSpan(r, *date - 3, std::nullopt, DatePrecision::Week);
        } else if (tp == "3") {
            const CivilDate d = civilDate(*date);
            setSpan(r, julianDay(d.year, d.month, 1), std::nullopt, DatePrecision::Month);
        } else {
            return QStringLiteral("unknown time_precision '%1' (expected 1, 2 or 3)").arg(qstr(tp));
        }

        bool known = true;
        const std::string_view notes = row.value(m_notes);
        r.type = mapAcledType(row.value(m_eventType), row.value(m_subType), notes,
                              row.value(m_civilian), known);
        r.place = row.value(m_location);
        r.province = row.value(m_admin1);
        r.district = row.value(m_admin2);
        const std::string_view gp = row.value(m_geo);
        if (gp.empty() || gp == "1")
            r.geoPrecision = GeoPrecision::Exact;
        else if (gp == "2")
            r.geoPrecision = GeoPrecision::Near;
        else if (gp == "3")
            r.geoPrecision = is(r.place, r.province) ? GeoPrecision::Region : GeoPrecision::District;
        else
            return QStringLiteral("unknown geo_precision '%1' (expected 1, 2 or 3)").arg(qstr(gp));
        bool missing = false;
        if (auto e = readCoordinates(row, m_lon, m_lat, "longitude", "latitude", r.lon, r.lat,
                                     missing))
            return e;
        r.country = countryIso2(row.value(m_iso), out.countryBuffer);
        if (r.country.empty())
            r.country = countryIso2(row.value(m_country), out.countryBuffer);
        if (auto e = readCount(row, m_fatalities, "fatalities", r.killedBest))
            return e;
        for (int column : m_actors)
            appendActors(out.actors, row.value(column), true);
        r.actors = out.actors;
        r.summary = notes;
        if (!known) {
            const std::string_view eventType = row.value(m_eventType);
            out.summary = "[unknown ACLED event type '";
            out.summary.append(eventType);
            out.summary.append("' mapped to statement] ");
            out.summary.append(notes);
            r.summary = out.summary;
        }
        out.sourceTitle = "ACLED ";
        out.sourceTitle.append(r.id);
        out.sources.push_back({out.sourceTitle, row.value(m_source), {}, 0});
        r.sources = out.sources;
        out.needsGeocoding = missing;
        return std::nullopt;
    }

private:
    int m_id = -1, m_date = -1, m_timePrecision = -1, m_eventType = -1, m_subType = -1,
        m_notes = -1, m_civilian = -1, m_location = -1, m_admin1 = -1, m_admin2 = -1, m_geo = -1,
        m_lon = -1, m_lat = -1, m_iso = -1, m_country = -1, m_fatalities = -1, m_source = -1;
    std::array<int, 4> m_actors{-1, -1, -1, -1};
};

} // namespace

std::unique_ptr<IncidentRowParser> makeAcledParser() { return std::make_unique<AcledParser>(); }

} // namespace borderlens
