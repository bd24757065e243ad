// borderlens-cli stats and table: the border desk's analysis from the command line, on the same
// derived facts, filter and trend rules as the viewer (core/analysis).
#include "analysis/district_trends.h"
#include "analysis/incident_counts.h"
#include "analysis_session.h"
#include "cli_command.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace borderlens::cli {

namespace {

const QString kFilterUsage = QStringLiteral(
    "data:\n"
    "  --incidents FILE    incidents (native, ACLED, UCDP GED CSV, or a GeoPackage store)\n"
    "  --districts FILE    district polygons (default: the bundled schematic districts); the\n"
    "                      name is read from shapeName, NAME_2, ADM2_EN, district or name\n"
    "  --provinces FILE    province polygons, for district layers without a province field\n"
    "  --outposts FILE     outposts for the nearest-outpost facts (default: the incident\n"
    "                      file's own, else the bundled sample outposts)\n"
    "time:\n"
    "  --from YYYY-MM-DD --to YYYY-MM-DD   first and last day (inclusive)\n"
    "filter (each given must hold):\n"
    "  --type KEY[,KEY]    incident types (armed_clash, drug_seizure, …)\n"
    "  --actor TEXT        an actor's name contains TEXT (any case)\n"
    "  --killed-min N      at least N killed\n"
    "  --location-precision exact|near|district|region[,…]\n"
    "  --date-precision day|week|month|year[,…]\n"
    "  --side TJ|AF|none   the bank the point lies on (by the countries layer)\n"
    "  --district NAME     in this district (repeatable; '(none)', '(province-level)')\n"
    "  --border-km-max KM  within KM of the border\n"
    "  --near LON,LAT,KM   within KM of a point (an outpost's position, say)\n");

const QString kStatsUsage =
    QStringLiteral(
        "usage: borderlens-cli stats --incidents FILE [--districts FILE] [--from D --to D]\n"
        "                            [--baseline N] [--by district|province|type|week|month]\n"
        "                            [--format csv|json] [filter options]\n"
        "Per district: incidents and killed in the window, the baseline (mean of the N windows\n"
        "of the same length before it, N = 4 by default), the change in percent and its band:\n"
        "strong_increase (> +25 %), increase (+10 … +25 %), stable (−25 … +10 %, both ends\n"
        "included), decrease (< −25 %), or low_baseline (baseline under 3 incidents a window:\n"
        "no percentage). surge: a change of +100 % or more. Incidents count in the window their\n"
        "first day falls in. Outside every district: one row '(none)'; incidents known only to\n"
        "their province: one row per province named '(province-level)'.\n"
        "Without --from/--to: the 30 days up to the last incident's first day.\n"
        "--by province|type|week|month counts incidents and killed by that instead.\n") +
    kFilterUsage + QStringLiteral("exit codes: 0 ok, 1 bad input, 2 usage error\n");

const QString kTableUsage =
    QStringLiteral(
        "usage: borderlens-cli table --incidents FILE [--districts FILE] [--from D --to D]\n"
        "                            [--columns LIST] [--format csv|json] [filter options]\n"
        "One row per incident (those whose dates touch the window, as the map shows them), in\n"
        "time order, with the facts derived from its position:\n"
        "  id date type place lon lat killed country location_precision date_precision actors\n"
        "  district province      by point in polygon ('(none)', '(province-level)')\n"
        "  border_km              geodesic km to the nearest point of the border line\n"
        "  side                   TJ or AF by the countries layer (empty: neither)\n"
        "  side_disagrees         true where the record's own country says otherwise\n"
        "  nearest_outpost nearest_outpost_km   the nearest outpost open on the incident's day\n"
        "--columns: a comma-separated list of those (default: id,date,type,place,lon,lat,killed,\n"
        "district,province,border_km,side,side_disagrees,nearest_outpost,nearest_outpost_km).\n") +
    kFilterUsage + QStringLiteral("exit codes: 0 ok, 1 bad input, 2 usage error\n");

const QStringList kTableColumns = {
    QStringLiteral("id"),           QStringLiteral("date"),
    QStringLiteral("type"),         QStringLiteral("place"),
    QStringLiteral("lon"),          QStringLiteral("lat"),
    QStringLiteral("killed"),       QStringLiteral("district"),
    QStringLiteral("province"),     QStringLiteral("border_km"),
    QStringLiteral("side"),         QStringLiteral("side_disagrees"),
    QStringLiteral("nearest_outpost"), QStringLiteral("nearest_outpost_km")};
const QStringList kExtraColumns = {QStringLiteral("country"), QStringLiteral("location_precision"),
                                   QStringLiteral("date_precision"), QStringLiteral("actors")};

enum class Format { Csv, Json };

std::optional<Format> formatOf(const QMultiHash<QString, QString>& rest, Io io) {
    const QString f = rest.value(QStringLiteral("--format"), QStringLiteral("csv"));
    if (f == QLatin1String("csv"))
        return Format::Csv;
    if (f == QLatin1String("json"))
        return Format::Json;
    io.err << "error: bad --format '" << f << "': expected csv or json\n";
    return std::nullopt;
}

// The window [from, to] the options name; without them, the 30 days up to the data's last
// first day (the time slider's default window).
TimeRange windowOf(const AnalysisOptions& o, const IncidentStore& store) {
    QDate last = store.empty() ? QDate::currentDate()
                               : QDate::fromJulianDay(store.spanBegins().back());
    if (o.from && o.to)
        return TimeRange::fromInclusive(*o.from, *o.to);
    if (o.from)
        return TimeRange::fromInclusive(*o.from, std::max(*o.from, last));
    if (o.to)
        last = *o.to;
    return TimeRange::fromInclusive(last.addDays(-29), last);
}

QString number(double v, int decimals) {
    return std::isfinite(v) ? QString::number(v, 'f', decimals) : QString();
}

QJsonValue jsonNumber(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(); }

bool help(const QStringList& args, const QString& usage, Io io) {
    if (!args.contains(QStringLiteral("--help")))
        return false;
    io.out << usage;
    return true;
}

} // namespace

int runStats(const QStringList& args, Io io) {
    if (help(args, kStatsUsage, io))
        return Ok;
    AnalysisOptions o;
    QMultiHash<QString, QString> rest;
    if (const int parsed = parseAnalysisOptions(
            args, {QStringLiteral("--baseline"), QStringLiteral("--by"), QStringLiteral("--format")},
            kStatsUsage, o, rest, io);
        parsed != Ok)
        return parsed;
    const auto format = formatOf(rest, io);
    if (!format)
        return Usage;
    TrendOptions trend;
    if (rest.contains(QStringLiteral("--baseline"))) {
        bool ok = false;
        trend.baselineWindows = rest.value(QStringLiteral("--baseline")).toInt(&ok);
        if (!ok || trend.baselineWindows < 1 || trend.baselineWindows > 52) {
            io.err << "error: bad --baseline '" << rest.value(QStringLiteral("--baseline"))
                   << "': expected a number of windows from 1 to 52\n";
            return Usage;
        }
    }
    const QString by = rest.value(QStringLiteral("--by"), QStringLiteral("district"));
    const auto key = countKeyFromKey(by);
    if (by != QLatin1String("district") && !key) {
        io.err << "error: bad --by '" << by << "': expected district, province, type, week or month\n";
        return Usage;
    }
    const auto data = loadAnalysisDataOrReport(o, io);
    if (!data)
        return Failure;
    const IncidentStore& store = *data->store;
    const DerivedFacts& facts = *data->facts;
    const TimeRange window = windowOf(o, store);

    if (key) {
        const std::vector<CountRow> rows = countIncidents(store, &facts, window, *key);
        if (*format == Format::Csv) {
            io.out << by << ",incidents,killed\n";
            for (const CountRow& r : rows)
                io.out << csvField(r.key) << ',' << r.incidents << ',' << r.killed << '\n';
        } else {
            QJsonArray a;
            for (const CountRow& r : rows)
                a.append(QJsonObject{{by, r.key},
                                     {QStringLiteral("incidents"), r.incidents},
                                     {QStringLiteral("killed"), r.killed}});
            io.out << QJsonDocument(QJsonObject{
                                        {QStringLiteral("from"), window.beginDate().toString(Qt::ISODate)},
                                        {QStringLiteral("to"), window.lastDate().toString(Qt::ISODate)},
                                        {QStringLiteral("by"), by},
                                        {QStringLiteral("rows"), a}})
                          .toJson(QJsonDocument::Indented);
        }
        return Ok;
    }

    const TrendTable table = districtTrends(store, facts, window, trend);
    std::vector<const TrendRow*> rows;
    for (const TrendRow& r : table.districts)
        rows.push_back(&r);
    for (const TrendRow& r : table.provinceLevel)
        rows.push_back(&r);
    if (*format == Format::Csv) {
        io.out << "district,province,incidents,killed,baseline,change_pct,band,surge\n";
        for (const TrendRow* r : rows)
            io.out << csvField(r->district) << ',' << csvField(r->province) << ','
                   << r->incidents << ',' << r->killed << ',' << number(r->baseline, 2) << ','
                   << (r->changePct ? number(*r->changePct, 1) : QString()) << ','
                   << toKey(r->band) << ',' << (r->surge ? "true" : "false") << '\n';
        return Ok;
    }
    QJsonArray a;
    for (const TrendRow* r : rows)
        a.append(QJsonObject{
            {QStringLiteral("district"), r->district},
            {QStringLiteral("province"), r->province},
            {QStringLiteral("incidents"), r->incidents},
            {QStringLiteral("killed"), r->killed},
            {QStringLiteral("baseline"), r->baseline},
            {QStringLiteral("change_pct"), r->changePct ? QJsonValue(*r->changePct) : QJsonValue()},
            {QStringLiteral("band"), toKey(r->band)},
            {QStringLiteral("surge"), r->surge}});
    io.out << QJsonDocument(
                  QJsonObject{{QStringLiteral("from"), window.beginDate().toString(Qt::ISODate)},
                              {QStringLiteral("to"), window.lastDate().toString(Qt::ISODate)},
                              {QStringLiteral("baseline_windows"), trend.baselineWindows},
                              {QStringLiteral("rows"), a}})
                  .toJson(QJsonDocument::Indented);
    return Ok;
}

int runTable(const QStringList& args, Io io) {
    if (help(args, kTableUsage, io))
        return Ok;
    AnalysisOptions o;
    QMultiHash<QString, QString> rest;
    if (const int parsed = parseAnalysisOptions(
            args, {QStringLiteral("--columns"), QStringLiteral("--format")}, kTableUsage, o, rest,
            io);
        parsed != Ok)
        return parsed;
    const auto format = formatOf(rest, io);
    if (!format)
        return Usage;
    QStringList columns = kTableColumns;
    if (rest.contains(QStringLiteral("--columns"))) {
        columns = rest.value(QStringLiteral("--columns")).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (QString& c : columns) {
            c = c.trimmed();
            if (!kTableColumns.contains(c) && !kExtraColumns.contains(c)) {
                io.err << "error: unknown column '" << c << "' in --columns; the columns are "
                       << (kTableColumns + kExtraColumns).join(QStringLiteral(",")) << "\n";
                return Usage;
            }
        }
        if (columns.isEmpty()) {
            io.err << "error: --columns names no column\n";
            return Usage;
        }
    }
    const auto data = loadAnalysisDataOrReport(o, io);
    if (!data)
        return Failure;
    const IncidentStore& store = *data->store;
    const DerivedFacts& facts = *data->facts;
    const bool timed = o.from || o.to;
    const std::vector<std::uint32_t> rows =
        timed ? store.select(windowOf(o, store)) : std::vector<std::uint32_t>{};
    const std::size_t count = timed ? rows.size() : store.size();

    // A value per column: text for CSV, typed for JSON.
    auto value = [&](const QString& c, std::size_t i) -> QJsonValue {
        if (c == QLatin1String("id"))
            return store.id(i);
        if (c == QLatin1String("date"))
            return QDate::fromJulianDay(store.spanBegins()[i]).toString(Qt::ISODate);
        if (c == QLatin1String("type"))
            return toKey(store.types()[i]);
        if (c == QLatin1String("place"))
            return store.place(i);
        if (c == QLatin1String("lon"))
            return store.lons()[i];
        if (c == QLatin1String("lat"))
            return store.lats()[i];
        if (c == QLatin1String("killed"))
            return store.killedOrZero(i);
        if (c == QLatin1String("district"))
            return facts.districtName(i);
        if (c == QLatin1String("province"))
            return facts.provinceName(i);
        if (c == QLatin1String("border_km"))
            return jsonNumber(facts.borderKm()[i]);
        if (c == QLatin1String("side"))
            return displayCode(facts.sides()[i]);
        if (c == QLatin1String("side_disagrees"))
            return facts.sideDisagrees()[i] != 0;
        if (c == QLatin1String("nearest_outpost"))
            return facts.nearestOutpostName(i);
        if (c == QLatin1String("nearest_outpost_km"))
            return jsonNumber(facts.nearestOutpostKm()[i]);
        if (c == QLatin1String("country"))
            return store.country(i);
        if (c == QLatin1String("location_precision"))
            return toString(store.geoPrecisions()[i]);
        if (c == QLatin1String("date_precision"))
            return toString(store.datePrecision(i));
        return store.incident(i).actors.join(QStringLiteral(";")); // actors
    };
    auto text = [&](const QString& c, std::size_t i) {
        const QJsonValue v = value(c, i);
        if (v.isBool())
            return QString::fromLatin1(v.toBool() ? "true" : "false");
        if (v.isDouble()) {
            const int decimals = c == QLatin1String("lon") || c == QLatin1String("lat") ? 6
                                 : c == QLatin1String("killed")                         ? 0
                                                                                         : 2;
            return number(v.toDouble(), decimals);
        }
        return csvField(v.toString());
    };
    if (*format == Format::Csv) {
        io.out << columns.join(QLatin1Char(',')) << '\n';
        for (std::size_t k = 0; k < count; ++k) {
            const std::size_t i = timed ? rows[k] : k;
            QStringList line;
            for (const QString& c : columns)
                line << text(c, i);
            io.out << line.join(QLatin1Char(',')) << '\n';
        }
        return Ok;
    }
    QJsonArray a;
    for (std::size_t k = 0; k < count; ++k) {
        const std::size_t i = timed ? rows[k] : k;
        QJsonObject row;
        for (const QString& c : columns)
            row[c] = value(c, i);
        a.append(row);
    }
    io.out << QJsonDocument(a).toJson(QJsonDocument::Indented);
    return Ok;
}

} // namespace borderlens::cli
