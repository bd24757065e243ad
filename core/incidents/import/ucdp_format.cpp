// UCDP Georeferenced Event Dataset (GED) CSV → incidents; docs/data-format.md §4.2.
#include "incidents/import/incident_format.h"
#include "incidents/import/row_values.h"
#include "time/date_parser.h"

namespace borderlens {

using namespace rowvalues;

namespace {

// "Kunduz province" → "Kunduz": GED names admin units with their kind.
std::string_view withoutUnitSuffix(std::string_view s) {
    for (std::string_view suffix : {" province", " region", " district"}) {
        if (s.size() >= suffix.size()) {
            const std::string_view tail = s.substr(s.size() - suffix.size());
            bool same = true;
            for (std::size_t i = 0; i < tail.size() && same; ++i)
                same = (tail[i] | 0x20) == suffix[i];
            if (same)
                s.remove_suffix(suffix.size());
        }
    }
    return trimmedUtf8(s);
}

class UcdpParser final : public IncidentRowParser {
public:
    QStringList requiredColumns() const override {
        return {QStringLiteral("id"), QStringLiteral("date_start"), QStringLiteral("latitude"),
                QStringLiteral("longitude"), QStringLiteral("best")};
    }

    void bind(const ColumnMap& c) override {
        auto at = [&](const char* name) { return c.index(QString::fromLatin1(name)); };
        m_id = at("id");
        m_start = at("date_start");
        m_end = at("date_end");
        m_datePrec = at("date_prec");
        m_violence = at("type_of_violence");
        m_wherePrec = at("where_prec");
        m_where = at("where_description");
        m_lon = at("longitude");
        m_lat = at("latitude");
        m_country = at("country");
        m_adm1 = at("adm_1");
        m_adm2 = at("adm_2");
        m_low = at("low");
        m_best = at("best");
        m_high = at("high");
        m_sideA = at("side_a");
        m_sideB = at("side_b");
        m_conflict = at("conflict_name");
        m_dyad = at("dyad_name");
        m_article = at("source_article");
    }

    std::optional<QString> parse(const FieldRow& row, ParsedIncident& out) const override {
        out.clear();
        IncidentColumns::Row& r = out.row;
        out.id = "UCDP-";
        out.id.append(row.value(m_id));
        r.id = out.id;
        const std::string_view startText = row.value(m_start);
        const auto start = parseFlexibleDay(startText);
        if (!start)
            return QStringLiteral("unparseable date_start '%1'").arg(qstr(startText));
        std::optional<std::int32_t> lastDay;
        const std::string_view endText = row.value(m_end);
        if (!endText.empty()) {
            const auto end = parseFlexibleDay(endText);
            if (!end)
                return QStringLiteral("unparseable date_end '%1'").arg(qstr(endText));
            if (*end < *start)
                return QStringLiteral("date_end %1 is before date_start %2")
                    .arg(qstr(endText), qstr(startText));
            if (*end != *start)
                lastDay = *end;
        }
        static constexpr DatePrecision precisions[] = {DatePrecision::Day, DatePrecision::Week,
                                                       DatePrecision::Week, DatePrecision::Month,
                                                       DatePrecision::Year};
        const std::string_view dp = row.value(m_datePrec);
        bool ok = false;
        const auto dpv = parseWhole(dp, ok);
        if (!ok || (dpv && (*dpv < 1 || *dpv > 5)))
            return QStringLiteral("unknown date_prec '%1' (expected 1..5)").arg(qstr(dp));
        // A month or year without a last day is named by its first day (the span covers it whole).
        setSpan(r, *start, lastDay, dpv ? precisions[*dpv - 1] : DatePrecision::Day);

        r.type = row.value(m_violence) == "3" ? IncidentType::AttackOnCivilians
                                              : IncidentType::ArmedClash;
        const std::string_view wp = row.value(m_wherePrec);
        const auto wpv = parseWhole(wp, ok);
        if (!ok || (wpv && (*wpv < 1 || *wpv > 7)))
            return QStringLiteral("unknown where_prec '%1' (expected 1..7)").arg(qstr(wp));
        const int w = wpv.value_or(1);
        r.geoPrecision = w == 1   ? GeoPrecision::Exact
                         : w == 2 ? GeoPrecision::Near
                         : w == 3 ? GeoPrecision::District
                                  : GeoPrecision::Region;
        r.place = row.value(m_where);
        bool missing = false;
        if (auto e = readCoordinates(row, m_lon, m_lat, "longitude", "latitude", r.lon, r.lat,
                                     missing))
            return e;
        r.country = countryIso2(row.value(m_country), out.countryBuffer);
        r.province = withoutUnitSuffix(row.value(m_adm1));
        r.district = withoutUnitSuffix(row.value(m_adm2));
        if (auto e = readCount(row, m_low, "low", r.killedLow))
            return e;
        if (auto e = readCount(row, m_best, "best", r.killedBest))
            return e;
        if (auto e = readCount(row, m_high, "high", r.killedHigh))
            return e;
        appendActors(out.actors, row.value(m_sideA), false);
        appendActors(out.actors, row.value(m_sideB), false);
        r.actors = out.actors;
        const std::string_view conflict = row.value(m_conflict);
        r.summary = conflict.empty() ? row.value(m_dyad) : conflict;
        out.sources.push_back({row.value(m_article), "UCDP GED", {}, 0});
        r.sources = out.sources;
        out.needsGeocoding = missing;
        return std::nullopt;
    }

private:
    int m_id = -1, m_start = -1, m_end = -1, m_datePrec = -1, m_violence = -1, m_wherePrec = -1,
        m_where = -1, m_lon = -1, m_lat = -1, m_country = -1, m_adm1 = -1, m_adm2 = -1, m_low = -1,
        m_best = -1, m_high = -1, m_sideA = -1, m_sideB = -1, m_conflict = -1, m_dyad = -1,
        m_article = -1;
};

} // namespace

std::unique_ptr<IncidentRowParser> makeUcdpParser() { return std::make_unique<UcdpParser>(); }

} // namespace borderlens
