#include "analysis_session.h"

#include "data/bundled_layers.h"
#include "data/data_paths.h"
#include "incidents/import/bundled_place_resolver.h"
#include "incidents/import/incident_importer.h"
#include "io/reader_registry.h"
#include "option_values.h"

#include <QDir>

namespace borderlens::cli {

namespace {

const QStringList kDataOptions = {
    QStringLiteral("--incidents"), QStringLiteral("--districts"), QStringLiteral("--provinces"),
    QStringLiteral("--outposts"),  QStringLiteral("--from"),      QStringLiteral("--to"),
    QStringLiteral("--type"),      QStringLiteral("--actor"),     QStringLiteral("--killed-min"),
    QStringLiteral("--location-precision"), QStringLiteral("--date-precision"),
    QStringLiteral("--side"),      QStringLiteral("--district"),  QStringLiteral("--border-km-max"),
    QStringLiteral("--near")};

// Comma-separated keys of an enum ("armed_clash,drug_seizure"), added to `out`.
template <typename E, std::size_t N>
bool readKeys(const QString& text, const std::array<EnumKey<E>, N>& table, std::vector<E>& out) {
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto v = enumFromKey(table, part);
        if (!v)
            return false;
        if (std::find(out.begin(), out.end(), *v) == out.end())
            out.push_back(*v);
    }
    return true;
}

template <typename E, std::size_t N> QString keyList(const std::array<EnumKey<E>, N>& table) {
    QStringList keys;
    for (const auto& row : table)
        keys << QString::fromLatin1(row.key.data(), qsizetype(row.key.size()));
    return keys.join(QStringLiteral(", "));
}

std::shared_ptr<const VectorLayer> readPolygons(const QString& path, Error& error) {
    auto read = ReaderRegistry::withDefaultReaders().read(path);
    if (!read) {
        error = read.error();
        return nullptr;
    }
    if (read.value().empty()) {
        error = Error{path, QStringLiteral("no layer in the file")};
        return nullptr;
    }
    return read.value().front();
}

} // namespace

QString csvField(const QString& text) {
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

int parseAnalysisOptions(const QStringList& args, const QStringList& ownValueOptions,
                         const QString& usage, AnalysisOptions& o,
                         QMultiHash<QString, QString>& rest, Io io) {
    auto fail = [&](const QString& why, int code) {
        io.err << "error: " << why << "\n";
        if (code == Usage)
            io.err << usage;
        return code;
    };
    IncidentFilter& f = o.filter;
    for (int i = 0; i < args.size(); ++i) {
        QString name = args[i];
        QString value;
        const bool inlineValue = splitInlineValue(name, value);
        const bool known = kDataOptions.contains(name) || ownValueOptions.contains(name);
        if (!known)
            return fail(QStringLiteral("unknown option '%1'").arg(args[i]), Usage);
        if (!inlineValue) {
            if (i + 1 >= args.size())
                return fail(QStringLiteral("%1 needs a value").arg(name), Usage);
            value = args[++i];
        }
        if (ownValueOptions.contains(name)) {
            rest.insert(name, value);
        } else if (name == QLatin1String("--incidents")) {
            o.incidentsFile = value;
        } else if (name == QLatin1String("--districts")) {
            o.districtsFile = value;
        } else if (name == QLatin1String("--provinces")) {
            o.provincesFile = value;
        } else if (name == QLatin1String("--outposts")) {
            o.outpostsFile = value;
        } else if (name == QLatin1String("--from") || name == QLatin1String("--to")) {
            const auto d = parseDate(value);
            if (!d)
                return fail(QStringLiteral("bad date '%1' for %2: expected YYYY-MM-DD, e.g. "
                                           "2025-12-31")
                                .arg(value, name),
                            Failure);
            (name == QLatin1String("--from") ? o.from : o.to) = d;
        } else if (name == QLatin1String("--type")) {
            if (!readKeys(value, kIncidentTypeKeys, f.types))
                return fail(QStringLiteral("bad --type '%1': expected %2").arg(value,
                                                                              keyList(kIncidentTypeKeys)),
                            Usage);
        } else if (name == QLatin1String("--location-precision")) {
            if (!readKeys(value, kGeoPrecisionKeys, f.locationPrecisions))
                return fail(QStringLiteral("bad --location-precision '%1': expected %2")
                                .arg(value, keyList(kGeoPrecisionKeys)),
                            Usage);
        } else if (name == QLatin1String("--date-precision")) {
            if (!readKeys(value, kDatePrecisionKeys, f.datePrecisions))
                return fail(QStringLiteral("bad --date-precision '%1': expected %2")
                                .arg(value, keyList(kDatePrecisionKeys)),
                            Usage);
        } else if (name == QLatin1String("--side")) {
            if (!readKeys(value, kBankSideKeys, f.sides))
                return fail(QStringLiteral("bad --side '%1': expected TJ, AF or none").arg(value),
                            Usage);
        } else if (name == QLatin1String("--actor")) {
            f.actor = value;
        } else if (name == QLatin1String("--district")) {
            f.districts << value;
        } else if (name == QLatin1String("--killed-min")) {
            bool ok = false;
            const int n = value.toInt(&ok);
            if (!ok || n < 0)
                return fail(QStringLiteral("bad --killed-min '%1': expected a whole number from 0")
                                .arg(value),
                            Usage);
            f.killedMin = n;
        } else if (name == QLatin1String("--border-km-max")) {
            bool ok = false;
            const double km = value.toDouble(&ok);
            if (!ok || !(km >= 0) || !std::isfinite(km))
                return fail(QStringLiteral("bad --border-km-max '%1': expected kilometres, 0 or "
                                           "more")
                                .arg(value),
                            Usage);
            f.borderKmMax = km;
        } else if (name == QLatin1String("--near")) {
            const QStringList parts = value.split(QLatin1Char(','));
            bool ok[3] = {false, false, false};
            IncidentFilter::Near n;
            if (parts.size() == 3) {
                n.lon = parts[0].trimmed().toDouble(&ok[0]);
                n.lat = parts[1].trimmed().toDouble(&ok[1]);
                n.km = parts[2].trimmed().toDouble(&ok[2]);
            }
            if (!ok[0] || !ok[1] || !ok[2] || std::abs(n.lon) > 180 || std::abs(n.lat) > 90 ||
                !(n.km >= 0))
                return fail(QStringLiteral("bad --near '%1': expected LON,LAT,KM, e.g. "
                                           "70.1,37.9,10")
                                .arg(value),
                            Usage);
            f.near = n;
        }
    }
    if (o.incidentsFile.isEmpty())
        return fail(QStringLiteral("--incidents FILE is required"), Usage);
    if (o.from && o.to && *o.to < *o.from)
        return fail(QStringLiteral("--to %1 is before --from %2")
                        .arg(o.to->toString(Qt::ISODate), o.from->toString(Qt::ISODate)),
                    Failure);
    return Ok;
}

Result<AnalysisData> loadAnalysisData(const AnalysisOptions& o, Io io) {
    auto resolver = bundledPlaceResolver();
    auto report = importIncidents(o.incidentsFile, IncidentFormat::Auto, resolver.get());
    if (!report)
        return report.error();
    if (!report.value().rejected.empty()) {
        const RejectedRow& first = report.value().rejected.front();
        io.err << "warning: " << o.incidentsFile << ": " << report.value().rejected.size()
               << " row(s) rejected; " << report.value().rowUnit() << ' ' << first.line << ": "
               << first.reason << "\n";
    }
    std::vector<Facility> facilities = std::move(report.value().facilities);
    QString outposts = o.outpostsFile;
    if (outposts.isEmpty() && facilities.empty() && !bundledGeodataDir().isEmpty())
        outposts = QDir(bundledGeodataDir()).filePath(bundledFacilitiesFile());
    if (!outposts.isEmpty()) {
        auto read = importIncidents(outposts, IncidentFormat::Auto, resolver.get());
        if (!read)
            return read.error();
        facilities = std::move(read.value().facilities);
    }
    Error error;
    std::shared_ptr<const VectorLayer> districts, provinces;
    if (!o.districtsFile.isEmpty() && !(districts = readPolygons(o.districtsFile, error)))
        return error;
    if (!o.provincesFile.isEmpty() && !(provinces = readPolygons(o.provincesFile, error)))
        return error;
    auto inputs = bundledAnalysisInputs(districts, provinces,
                                        std::make_shared<const FacilityStore>(std::move(facilities)));
    if (!inputs)
        return inputs.error(); // names the file: a district layer of points, a missing geodata
    const auto store = report.value().store;
    const auto facts = deriveFacts(*store, inputs.value());
    FilteredIncidents filtered = filterIncidents(store, facts, o.filter);
    AnalysisData data;
    data.store = filtered.store;
    data.facts = filtered.facts;
    data.unfiltered = store->size();
    return data;
}

} // namespace borderlens::cli

namespace borderlens::cli {

std::optional<AnalysisData> loadAnalysisDataOrReport(const AnalysisOptions& options, Io io) {
    auto data = loadAnalysisData(options, io);
    if (!data) {
        io.err << "error: " << data.error().toString() << "\n";
        return std::nullopt;
    }
    return std::move(data).value();
}

} // namespace borderlens::cli
