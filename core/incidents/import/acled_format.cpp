// ACLED CSV exports → incidents. The mapping is documented in docs/data-format.md §4.1; keep
// the two in step.
#include "incidents/import/incident_format.h"
#include "incidents/import/row_helpers.h"

namespace borderlens {

using namespace rowhelpers;

namespace {

bool containsAny(const QString& text, std::initializer_list<const char*> words) {
    for (const char* w : words) {
        if (text.contains(QLatin1String(w), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// Rules of §4.1.1, in order; `known` is false for the final catch-all.
IncidentType mapAcledType(const QString& eventType, const QString& subType, const QString& notes,
                          const QString& civilianTargeting, bool& known) {
    known = true;
    const auto is = [](const QString& a, const char* b) {
        return a.compare(QLatin1String(b), Qt::CaseInsensitive) == 0;
    };
    const bool strategic = is(eventType, "Strategic developments");
    if (strategic && (is(subType, "Arrests") || is(subType, "Disrupted weapons use") ||
                      is(subType, "Looting/property destruction") || is(subType, "Other")) &&
        containsAny(notes, {"drug", "narcotic", "heroin", "opium", "hashish", "cannabis",
                            "marijuana", "methamphetamine", "poppy"}))
        return IncidentType::DrugSeizure;
    if (is(eventType, "Explosions/Remote violence") && is(civilianTargeting, "Civilian targeting"))
        return IncidentType::AttackOnCivilians;

    struct Rule {
        const char* event;
        const char* sub;
        IncidentType type;
    };
    static const Rule table[] = {
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
    if (eventType.startsWith(QLatin1String("Battle"), Qt::CaseInsensitive) ||
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

class AcledParser final : public RowParser {
public:
    QStringList requiredColumns() const override {
        return {QStringLiteral("event_id_cnty"), QStringLiteral("event_date"),
                QStringLiteral("event_type"), QStringLiteral("latitude"),
                QStringLiteral("longitude")};
    }

    Result<ParsedRow> parse(const TableRow& row) const override {
        Incident inc;
        inc.id = row.value(QStringLiteral("event_id_cnty"));
        const QString dateText = row.value(QStringLiteral("event_date"));
        const auto date = parseFlexibleDate(dateText);
        if (!date)
            return Error{{}, QStringLiteral("unparseable event_date '%1'").arg(dateText)};
        const QString tp = row.value(QStringLiteral("time_precision"));
        if (tp.isEmpty() || tp == QLatin1String("1")) {
            inc.datePrecision = DatePrecision::Day;
            inc.startDate = *date;
        } else if (tp == QLatin1String("2")) {
            // ACLED dates a week-precise event to a day inside that week: centre a week on it.
            inc.datePrecision = DatePrecision::Week;
            inc.startDate = date->addDays(-3);
        } else if (tp == QLatin1String("3")) {
            inc.datePrecision = DatePrecision::Month;
            inc.startDate = QDate(date->year(), date->month(), 1);
        } else {
            return Error{{}, QStringLiteral("unknown time_precision '%1' (expected 1, 2 or 3)")
                                 .arg(tp)};
        }

        bool known = true;
        inc.type = mapAcledType(row.value(QStringLiteral("event_type")),
                                row.value(QStringLiteral("sub_event_type")),
                                row.value(QStringLiteral("notes")),
                                row.value(QStringLiteral("civilian_targeting")), known);
        inc.place = row.value(QStringLiteral("location"));
        inc.province = row.value(QStringLiteral("admin1"));
        inc.district = row.value(QStringLiteral("admin2"));
        const QString gp = row.value(QStringLiteral("geo_precision"));
        if (gp.isEmpty() || gp == QLatin1String("1"))
            inc.geoPrecision = GeoPrecision::Exact;
        else if (gp == QLatin1String("2"))
            inc.geoPrecision = GeoPrecision::Near;
        else if (gp == QLatin1String("3"))
            inc.geoPrecision = inc.place.compare(inc.province, Qt::CaseInsensitive) == 0
                                   ? GeoPrecision::Region
                                   : GeoPrecision::District;
        else
            return Error{{}, QStringLiteral("unknown geo_precision '%1' (expected 1, 2 or 3)")
                                 .arg(gp)};
        bool missing = false;
        if (auto e = readCoordinates(row, QStringLiteral("longitude"), QStringLiteral("latitude"),
                                     inc.lon, inc.lat, missing))
            return Error{{}, *e};
        inc.country = countryToIso2(row.value(QStringLiteral("iso")));
        if (inc.country.isEmpty())
            inc.country = countryToIso2(row.value(QStringLiteral("country")));
        if (auto e = readCount(row, QStringLiteral("fatalities"), inc.killed.best))
            return Error{{}, *e};
        for (const char* c : {"actor1", "assoc_actor_1", "actor2", "assoc_actor_2"}) {
            for (const QString& a : row.value(QString::fromLatin1(c)).split(QLatin1Char(';')))
                if (!a.trimmed().isEmpty())
                    inc.actors << a.trimmed();
        }
        inc.summary = row.value(QStringLiteral("notes"));
        inc.sources.push_back({QStringLiteral("ACLED ") + inc.id,
                               row.value(QStringLiteral("source")), {}, {}});
        if (!known) {
            inc.summary = QStringLiteral("[unknown ACLED event type '%1' mapped to statement] %2")
                              .arg(row.value(QStringLiteral("event_type")), inc.summary);
        }
        ParsedRow out;
        out.needsGeocoding = missing;
        out.incident = std::move(inc);
        return out;
    }
};

class UcdpParser final : public RowParser {
public:
    QStringList requiredColumns() const override {
        return {QStringLiteral("id"), QStringLiteral("date_start"), QStringLiteral("latitude"),
                QStringLiteral("longitude"), QStringLiteral("best")};
    }

    Result<ParsedRow> parse(const TableRow& row) const override {
        Incident inc;
        inc.id = QStringLiteral("UCDP-") + row.value(QStringLiteral("id"));
        const QString startText = row.value(QStringLiteral("date_start"));
        const auto start = parseFlexibleDate(startText);
        if (!start)
            return Error{{}, QStringLiteral("unparseable date_start '%1'").arg(startText)};
        inc.startDate = *start;
        const QString endText = row.value(QStringLiteral("date_end"));
        if (!endText.isEmpty()) {
            const auto end = parseFlexibleDate(endText);
            if (!end)
                return Error{{}, QStringLiteral("unparseable date_end '%1'").arg(endText)};
            if (*end < *start)
                return Error{{}, QStringLiteral("date_end %1 is before date_start %2")
                                     .arg(endText, startText)};
            if (*end != *start)
                inc.endDate = *end;
        }
        static const DatePrecision precisions[] = {DatePrecision::Day, DatePrecision::Week,
                                                   DatePrecision::Week, DatePrecision::Month,
                                                   DatePrecision::Year};
        const QString dp = row.value(QStringLiteral("date_prec"));
        bool ok = false;
        const auto dpv = parseInt(dp, ok);
        if (!ok || (dpv && (*dpv < 1 || *dpv > 5)))
            return Error{{}, QStringLiteral("unknown date_prec '%1' (expected 1..5)").arg(dp)};
        inc.datePrecision = dpv ? precisions[*dpv - 1] : DatePrecision::Day;

        const QString tv = row.value(QStringLiteral("type_of_violence"));
        inc.type = tv == QLatin1String("3") ? IncidentType::AttackOnCivilians
                                            : IncidentType::ArmedClash;
        const QString wp = row.value(QStringLiteral("where_prec"));
        const auto wpv = parseInt(wp, ok);
        if (!ok || (wpv && (*wpv < 1 || *wpv > 7)))
            return Error{{}, QStringLiteral("unknown where_prec '%1' (expected 1..7)").arg(wp)};
        const int w = wpv.value_or(1);
        inc.geoPrecision = w == 1   ? GeoPrecision::Exact
                           : w == 2 ? GeoPrecision::Near
                           : w == 3 ? GeoPrecision::District
                                    : GeoPrecision::Region;
        inc.place = row.value(QStringLiteral("where_description"));
        bool missing = false;
        if (auto e = readCoordinates(row, QStringLiteral("longitude"), QStringLiteral("latitude"),
                                     inc.lon, inc.lat, missing))
            return Error{{}, *e};
        inc.country = countryToIso2(row.value(QStringLiteral("country")));
        auto trimSuffix = [](QString s) {
            for (const char* suffix : {" province", " region", " district"}) {
                if (s.endsWith(QLatin1String(suffix), Qt::CaseInsensitive))
                    s.chop(static_cast<int>(qstrlen(suffix)));
            }
            return s.trimmed();
        };
        inc.province = trimSuffix(row.value(QStringLiteral("adm_1")));
        inc.district = trimSuffix(row.value(QStringLiteral("adm_2")));
        if (auto e = readCount(row, QStringLiteral("low"), inc.killed.low))
            return Error{{}, *e};
        if (auto e = readCount(row, QStringLiteral("best"), inc.killed.best))
            return Error{{}, *e};
        if (auto e = readCount(row, QStringLiteral("high"), inc.killed.high))
            return Error{{}, *e};
        for (const char* c : {"side_a", "side_b"}) {
            const QString a = row.value(QString::fromLatin1(c));
            if (!a.isEmpty())
                inc.actors << a;
        }
        const QString conflict = row.value(QStringLiteral("conflict_name"));
        inc.summary = conflict.isEmpty() ? row.value(QStringLiteral("dyad_name")) : conflict;
        inc.sources.push_back(
            {row.value(QStringLiteral("source_article")), QStringLiteral("UCDP GED"), {}, {}});
        ParsedRow out;
        out.needsGeocoding = missing;
        out.incident = std::move(inc);
        return out;
    }
};

} // namespace

std::unique_ptr<RowParser> makeAcledParser() { return std::make_unique<AcledParser>(); }
std::unique_ptr<RowParser> makeUcdpParser() { return std::make_unique<UcdpParser>(); }

} // namespace borderlens
