// The native BorderLens schemas (docs/data-format.md): incidents and facilities.
#include "incidents/import/incident_format.h"
#include "incidents/import/row_helpers.h"

namespace borderlens {

using namespace rowhelpers;

namespace {

std::vector<SourceRef> readSources(const TableRow& row) {
    std::vector<SourceRef> out;
    for (int n = 1; n <= 9; ++n) {
        const QString p = QStringLiteral("source%1_").arg(n);
        SourceRef s{row.value(p + QStringLiteral("title")), row.value(p + QStringLiteral("outlet")),
                    {}, row.value(p + QStringLiteral("url"))};
        if (const auto d = parseIsoDate(row.value(p + QStringLiteral("date"))))
            s.date = d->date;
        if (!s.title.isEmpty() || !s.outlet.isEmpty() || !s.url.isEmpty())
            out.push_back(std::move(s));
    }
    return out;
}

// A date column: ISO full date; "YYYY-MM" or "YYYY" imply month/year precision.
std::optional<QString> readDate(const TableRow& row, const QString& column, bool required,
                                std::optional<QDate>& date,
                                std::optional<DatePrecision>& implied) {
    const QString text = row.value(column);
    if (text.isEmpty()) {
        if (required)
            return QStringLiteral("%1 is empty").arg(column);
        return std::nullopt;
    }
    const auto parsed = parseIsoDate(text);
    if (!parsed)
        return QStringLiteral("unparseable %1 '%2' (expected YYYY-MM-DD)").arg(column, text);
    date = parsed->date;
    implied = parsed->impliedPrecision;
    return std::nullopt;
}

class NativeIncidentParser final : public RowParser {
public:
    QStringList requiredColumns() const override {
        return {QStringLiteral("start_date"), QStringLiteral("type")};
    }

    Result<ParsedRow> parse(const TableRow& row) const override {
        Incident inc;
        inc.id = row.value(QStringLiteral("id"));
        if (inc.id.isEmpty())
            inc.id = QStringLiteral("row-%1").arg(row.line);
        std::optional<QDate> start, end;
        std::optional<DatePrecision> implied, ignored;
        if (auto e = readDate(row, QStringLiteral("start_date"), true, start, implied))
            return Error{{}, *e};
        if (auto e = readDate(row, QStringLiteral("end_date"), false, end, ignored))
            return Error{{}, *e};
        inc.startDate = *start;
        // "2025-12" as a last day means the last day of December, not the first.
        if (end && ignored)
            end = eventSpan(*end, std::nullopt, *ignored).lastDate();
        inc.endDate = end;
        if (end && *end < *start)
            return Error{{}, QStringLiteral("end_date %1 is before start_date %2")
                                 .arg(end->toString(Qt::ISODate), start->toString(Qt::ISODate))};
        const QString precText = row.value(QStringLiteral("date_precision"));
        const auto prec = datePrecisionFromString(precText);
        if (!prec)
            return Error{{}, QStringLiteral("unknown date_precision '%1'").arg(precText)};
        inc.datePrecision = precText.isEmpty() && implied ? *implied : *prec;
        // A month or a year is named by its first day (docs/data-format.md §2.2); any other day
        // would make the span start mid-period and hide the incident from windows before it.
        if (!end && inc.datePrecision == DatePrecision::Month && start->day() != 1)
            return Error{{}, QStringLiteral("start_date %1 with month precision must be the 1st")
                                 .arg(start->toString(Qt::ISODate))};
        if (!end && inc.datePrecision == DatePrecision::Year &&
            (start->day() != 1 || start->month() != 1))
            return Error{{}, QStringLiteral("start_date %1 with year precision must be 1 January")
                                 .arg(start->toString(Qt::ISODate))};

        const QString typeText = row.value(QStringLiteral("type"));
        const auto type = incidentTypeFromKey(typeText);
        if (!type)
            return Error{{}, QStringLiteral("unknown type '%1'").arg(typeText)};
        inc.type = *type;

        const QString geoText = row.value(QStringLiteral("geo_precision"));
        const auto geo = geoText.isEmpty() ? std::optional(GeoPrecision::Exact)
                                           : geoPrecisionFromString(geoText);
        if (!geo)
            return Error{{}, QStringLiteral("unknown geo_precision '%1'").arg(geoText)};
        inc.geoPrecision = *geo;
        inc.place = row.value(QStringLiteral("place"));
        bool missing = false;
        if (auto e = readCoordinates(row, QStringLiteral("lon"), QStringLiteral("lat"), inc.lon,
                                     inc.lat, missing))
            return Error{{}, *e};
        inc.country = countryToIso2(row.value(QStringLiteral("country")));
        inc.province = row.value(QStringLiteral("province"));
        inc.district = row.value(QStringLiteral("district"));
        if (auto e = readCount(row, QStringLiteral("killed_low"), inc.killed.low))
            return Error{{}, *e};
        if (auto e = readCount(row, QStringLiteral("killed_best"), inc.killed.best))
            return Error{{}, *e};
        if (auto e = readCount(row, QStringLiteral("killed_high"), inc.killed.high))
            return Error{{}, *e};
        if (auto e = readCount(row, QStringLiteral("injured"), inc.injured))
            return Error{{}, *e};
        for (const QString& a : row.value(QStringLiteral("actors")).split(QLatin1Char(';')))
            if (!a.trimmed().isEmpty())
                inc.actors << a.trimmed();
        inc.summary = row.value(QStringLiteral("summary"));
        inc.sources = readSources(row);

        ParsedRow out;
        out.needsGeocoding = missing;
        if (missing && inc.place.isEmpty())
            return Error{{}, QStringLiteral("no coordinates and no place name")};
        out.incident = std::move(inc);
        return out;
    }
};

class NativeFacilityParser final : public RowParser {
public:
    QStringList requiredColumns() const override {
        return {QStringLiteral("name"), QStringLiteral("kind")};
    }

    Result<ParsedRow> parse(const TableRow& row) const override {
        Facility f;
        f.id = row.value(QStringLiteral("id"));
        f.name = row.value(QStringLiteral("name"));
        if (f.id.isEmpty())
            f.id = QStringLiteral("row-%1").arg(row.line);
        if (f.name.isEmpty())
            return Error{{}, QStringLiteral("name is empty")};
        const QString kindText = row.value(QStringLiteral("kind"));
        const auto kind = facilityKindFromKey(kindText);
        if (!kind)
            return Error{{}, QStringLiteral("unknown kind '%1'").arg(kindText)};
        f.kind = *kind;
        const QString geoText = row.value(QStringLiteral("geo_precision"));
        const auto geo = geoText.isEmpty() ? std::optional(GeoPrecision::Exact)
                                           : geoPrecisionFromString(geoText);
        if (!geo)
            return Error{{}, QStringLiteral("unknown geo_precision '%1'").arg(geoText)};
        f.geoPrecision = *geo;
        bool missing = false;
        if (auto e = readCoordinates(row, QStringLiteral("lon"), QStringLiteral("lat"), f.lon,
                                     f.lat, missing))
            return Error{{}, *e};
        std::optional<QDate> opened, closed;
        std::optional<DatePrecision> implied, ignored;
        if (auto e = readDate(row, QStringLiteral("opened"), false, opened, implied))
            return Error{{}, *e};
        if (auto e = readDate(row, QStringLiteral("closed"), false, closed, ignored))
            return Error{{}, *e};
        if (closed && ignored)
            return Error{{}, QStringLiteral("closed must be a full date (YYYY-MM-DD), the first "
                                            "day the facility no longer existed")};
        f.opened = opened;
        f.closed = closed;
        const QString precText = row.value(QStringLiteral("opened_precision"));
        const auto prec = datePrecisionFromString(precText);
        if (!prec)
            return Error{{}, QStringLiteral("unknown opened_precision '%1'").arg(precText)};
        f.openedPrecision = precText.isEmpty() && implied ? *implied : *prec;
        f.country = countryToIso2(row.value(QStringLiteral("country")));
        f.province = row.value(QStringLiteral("province"));
        f.district = row.value(QStringLiteral("district"));
        f.notes = row.value(QStringLiteral("notes"));
        f.sources = readSources(row);
        ParsedRow out;
        out.needsGeocoding = missing;
        if (missing)
            out.needsGeocoding = true;
        out.facility = std::move(f);
        return out;
    }
};

} // namespace

std::unique_ptr<RowParser> makeNativeIncidentParser() {
    return std::make_unique<NativeIncidentParser>();
}
std::unique_ptr<RowParser> makeNativeFacilityParser() {
    return std::make_unique<NativeFacilityParser>();
}

} // namespace borderlens
