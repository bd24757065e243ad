// The native BorderLens schemas (docs/data-format.md): incidents and facilities.
#include "incidents/import/incident_format.h"
#include "incidents/import/row_values.h"
#include "time/civil_days.h"
#include "time/date_parser.h"

namespace borderlens {

using namespace rowvalues;

namespace {

QString isoDate(std::int32_t day) { return QDate::fromJulianDay(day).toString(Qt::ISODate); }

// A date column: ISO full date; "YYYY-MM" or "YYYY" imply month/year precision.
std::optional<QString> readDate(const FieldRow& row, int column, const char* name, bool required,
                                std::optional<IsoDay>& out) {
    const std::string_view text = row.value(column);
    if (text.empty()) {
        if (required)
            return QStringLiteral("%1 is empty").arg(QString::fromLatin1(name));
        return std::nullopt;
    }
    out = parseIsoDay(text);
    if (!out)
        return QStringLiteral("unparseable %1 '%2' (expected YYYY-MM-DD)")
            .arg(QString::fromLatin1(name), qstr(text));
    return std::nullopt;
}

constexpr int kMaxSources = 9;

class NativeIncidentParser final : public IncidentRowParser {
public:
    QStringList requiredColumns() const override {
        return {QStringLiteral("start_date"), QStringLiteral("type")};
    }

    void bind(const ColumnMap& c) override {
        auto at = [&](const char* name) { return c.index(QString::fromLatin1(name)); };
        m_id = at("id");
        m_start = at("start_date");
        m_end = at("end_date");
        m_precision = at("date_precision");
        m_type = at("type");
        m_place = at("place");
        m_lon = at("lon");
        m_lat = at("lat");
        m_geo = at("geo_precision");
        m_country = at("country");
        m_province = at("province");
        m_district = at("district");
        m_killedLow = at("killed_low");
        m_killedBest = at("killed_best");
        m_killedHigh = at("killed_high");
        m_injured = at("injured");
        m_actors = at("actors");
        m_summary = at("summary");
        for (int n = 1; n <= kMaxSources; ++n) {
            const QString p = QStringLiteral("source%1_").arg(n);
            m_sources[n - 1] = {c.index(p + QStringLiteral("title")),
                                c.index(p + QStringLiteral("outlet")),
                                c.index(p + QStringLiteral("date")),
                                c.index(p + QStringLiteral("url"))};
        }
    }

    std::optional<QString> parse(const FieldRow& row, ParsedIncident& out) const override {
        out.clear();
        IncidentColumns::Row& r = out.row;
        r.id = row.value(m_id);
        // No id: "row-<line>", which only the importer can write (it alone knows the line
        // number in the file when rows are parsed in parallel).
        out.idFromLine = r.id.empty();
        std::optional<IsoDay> start, end;
        if (auto e = readDate(row, m_start, "start_date", true, start))
            return e;
        if (auto e = readDate(row, m_end, "end_date", false, end))
            return e;
        std::optional<std::int32_t> lastDay;
        if (end) {
            // "2025-12" as a last day means the last day of December, not the first.
            if (end->impliedPrecision) {
                IncidentColumns::Row period;
                setSpan(period, end->day, std::nullopt, *end->impliedPrecision);
                lastDay = period.end - 1;
            } else {
                lastDay = end->day;
            }
            if (*lastDay < start->day)
                return QStringLiteral("end_date %1 is before start_date %2")
                    .arg(isoDate(*lastDay), isoDate(start->day));
        }
        const std::string_view precText = row.value(m_precision);
        const auto prec = datePrecisionFromKey(precText);
        if (!prec)
            return QStringLiteral("unknown date_precision '%1'").arg(qstr(precText));
        const DatePrecision precision =
            precText.empty() && start->impliedPrecision ? *start->impliedPrecision : *prec;
        // A month or a year is named by its first day (docs/data-format.md §2.2); any other day
        // would make the span start mid-period and hide the incident from windows before it.
        const CivilDate startDate = civilDate(start->day);
        if (!lastDay && precision == DatePrecision::Month && startDate.day != 1)
            return QStringLiteral("start_date %1 with month precision must be the 1st")
                .arg(isoDate(start->day));
        if (!lastDay && precision == DatePrecision::Year &&
            (startDate.day != 1 || startDate.month != 1))
            return QStringLiteral("start_date %1 with year precision must be 1 January")
                .arg(isoDate(start->day));
        setSpan(r, start->day, lastDay, precision);

        const std::string_view typeText = row.value(m_type);
        const auto type = incidentTypeFromKey(typeText);
        if (!type)
            return QStringLiteral("unknown type '%1'").arg(qstr(typeText));
        r.type = *type;

        const std::string_view geoText = row.value(m_geo);
        const auto geo =
            geoText.empty() ? std::optional(GeoPrecision::Exact) : enumFromKey(kGeoPrecisionKeys, geoText);
        if (!geo)
            return QStringLiteral("unknown geo_precision '%1'").arg(qstr(geoText));
        r.geoPrecision = *geo;
        r.place = row.value(m_place);
        bool missing = false;
        if (auto e = readCoordinates(row, m_lon, m_lat, "lon", "lat", r.lon, r.lat, missing))
            return e;
        r.country = countryIso2(row.value(m_country), out.countryBuffer);
        r.province = row.value(m_province);
        r.district = row.value(m_district);
        if (auto e = readCount(row, m_killedLow, "killed_low", r.killedLow))
            return e;
        if (auto e = readCount(row, m_killedBest, "killed_best", r.killedBest))
            return e;
        if (auto e = readCount(row, m_killedHigh, "killed_high", r.killedHigh))
            return e;
        if (auto e = readCount(row, m_injured, "injured", r.injured))
            return e;
        appendActors(out.actors, row.value(m_actors), true);
        r.actors = out.actors;
        r.summary = row.value(m_summary);
        for (const SourceColumns& s : m_sources) {
            IncidentColumns::Row::Source src{row.value(s.title), row.value(s.outlet),
                                             row.value(s.url), 0};
            if (const auto d = parseIsoDay(row.value(s.date)))
                src.day = d->day;
            if (!src.title.empty() || !src.outlet.empty() || !src.url.empty())
                out.sources.push_back(src);
        }
        r.sources = out.sources;
        out.needsGeocoding = missing;
        if (missing && r.place.empty())
            return QStringLiteral("no coordinates and no place name");
        return std::nullopt;
    }

private:
    struct SourceColumns {
        int title = -1, outlet = -1, date = -1, url = -1;
    };
    int m_id = -1, m_start = -1, m_end = -1, m_precision = -1, m_type = -1, m_place = -1,
        m_lon = -1, m_lat = -1, m_geo = -1, m_country = -1, m_province = -1, m_district = -1,
        m_killedLow = -1, m_killedBest = -1, m_killedHigh = -1, m_injured = -1, m_actors = -1,
        m_summary = -1;
    std::array<SourceColumns, kMaxSources> m_sources{};
};

} // namespace

struct FacilityRowParser::Columns {
    int id, name, kind, geo, lon, lat, opened, closed, openedPrecision, country, province,
        district, notes;
    std::array<std::array<int, 4>, kMaxSources> sources;
};

void FacilityRowParser::bind(const ColumnMap& c) {
    auto at = [&](const char* name) { return c.index(QString::fromLatin1(name)); };
    auto cols = std::make_shared<Columns>();
    *cols = {at("id"),      at("name"),   at("kind"),     at("geo_precision"),
             at("lon"),     at("lat"),    at("opened"),   at("closed"),
             at("opened_precision"), at("country"), at("province"), at("district"),
             at("notes"),   {}};
    for (int n = 1; n <= kMaxSources; ++n) {
        const QString p = QStringLiteral("source%1_").arg(n);
        cols->sources[std::size_t(n - 1)] = {
            c.index(p + QStringLiteral("title")), c.index(p + QStringLiteral("outlet")),
            c.index(p + QStringLiteral("date")), c.index(p + QStringLiteral("url"))};
    }
    m_columns = std::move(cols);
}

Result<std::pair<Facility, bool>> FacilityRowParser::parse(const FieldRow& row) const {
    const Columns& c = *m_columns;
    auto text = [&](int column) { return qstr(row.value(column)); };
    Facility f;
    f.id = text(c.id);
    f.name = text(c.name);
    if (f.id.isEmpty())
        f.id = QStringLiteral("row-%1").arg(row.line);
    if (f.name.isEmpty())
        return Error{{}, QStringLiteral("name is empty")};
    const QString kindText = text(c.kind);
    const auto kind = facilityKindFromKey(kindText);
    if (!kind)
        return Error{{}, QStringLiteral("unknown kind '%1'").arg(kindText)};
    f.kind = *kind;
    const QString geoText = text(c.geo);
    const auto geo = geoText.isEmpty() ? std::optional(GeoPrecision::Exact)
                                       : geoPrecisionFromString(geoText);
    if (!geo)
        return Error{{}, QStringLiteral("unknown geo_precision '%1'").arg(geoText)};
    f.geoPrecision = *geo;
    bool missing = false;
    if (auto e = readCoordinates(row, c.lon, c.lat, "lon", "lat", f.lon, f.lat, missing))
        return Error{{}, *e};
    std::optional<IsoDay> opened, closed;
    if (auto e = readDate(row, c.opened, "opened", false, opened))
        return Error{{}, *e};
    if (auto e = readDate(row, c.closed, "closed", false, closed))
        return Error{{}, *e};
    if (closed && closed->impliedPrecision)
        return Error{{}, QStringLiteral("closed must be a full date (YYYY-MM-DD), the first "
                                        "day the facility no longer existed")};
    if (opened)
        f.opened = QDate::fromJulianDay(opened->day);
    if (closed)
        f.closed = QDate::fromJulianDay(closed->day);
    const std::string_view precText = row.value(c.openedPrecision);
    const auto prec = datePrecisionFromKey(precText);
    if (!prec)
        return Error{{}, QStringLiteral("unknown opened_precision '%1'").arg(qstr(precText))};
    f.openedPrecision = precText.empty() && opened && opened->impliedPrecision
                            ? *opened->impliedPrecision
                            : *prec;
    char buffer[2];
    f.country = qstr(countryIso2(row.value(c.country), buffer));
    f.province = text(c.province);
    f.district = text(c.district);
    f.notes = text(c.notes);
    for (const auto& s : c.sources) {
        SourceRef src{text(s[0]), text(s[1]), {}, text(s[3])};
        if (const auto d = parseIsoDay(row.value(s[2])))
            src.date = QDate::fromJulianDay(d->day);
        if (!src.title.isEmpty() || !src.outlet.isEmpty() || !src.url.isEmpty())
            f.sources.push_back(std::move(src));
    }
    return std::pair{std::move(f), missing};
}

std::unique_ptr<IncidentRowParser> makeNativeIncidentParser() {
    return std::make_unique<NativeIncidentParser>();
}

} // namespace borderlens
