// borderlens-cli store: the incident store for scripts and the desk's daily routine.
#include "cli_command.h"
#include "option_values.h"

#include "gazetteer/gazetteer.h"
#include "store/incident_database.h"
#include "store/record_fields.h"
#include "store/record_validation.h"
#include "store/store_export.h"

#include <QFileInfo>
#include <QMap>
#include <QSet>

namespace borderlens::cli {
namespace {

const QString kUsage = QStringLiteral(
    "usage: borderlens-cli store SUBCOMMAND STORE [OPTIONS]\n"
    "STORE is a GeoPackage file (S.gpkg) or a PostgreSQL connection string (\"PG:host=… dbname=…\").\n\n"
    "  store create STORE\n"
    "  store add STORE --date D [--end D] [--date-precision day|week|month|year] --type KEY\n"
    "            (--place NAME | --lon X --lat Y) [--precision exact|near|district|region]\n"
    "            [--killed N] [--killed-low N] [--killed-high N] [--injured N] [--actors \"A;B\"]\n"
    "            [--summary TEXT] [--country CC] [--province P] [--district D] [--id ID]\n"
    "            [--source-title T --source-outlet O --source-date D --source-url U]\n"
    "                    prints the new incident's id\n"
    "  store add STORE --facility --name NAME [--kind border_outpost|base|training_ground|crossing|bridge]\n"
    "            (--place NAME | --lon X --lat Y) [--opened D] [--opened-precision P] [--closed D]\n"
    "            [--notes TEXT] [--precision P] [source flags]     an outpost or facility\n"
    "  store edit STORE --id ID [--if-version V] [any field flag of add]\n"
    "                    prints the new version; refuses (exit 1) if the record changed since V\n"
    "  store delete STORE --id ID [--if-version V]\n"
    "  store log STORE [--id ID]      the edit history: when, who, what, before → after\n"
    "  store list STORE               every record: id, version, date, type, place\n"
    "  store export STORE --format csv|geojson|kml [--from D --to D] --out FILE\n\n"
    "Dates are YYYY-MM-DD. Each add, edit and delete is one transaction, logged under the\n"
    "operating-system user name.\n");

const QSet<QString> kValueFlags = {
    QStringLiteral("--date"),          QStringLiteral("--end"),          QStringLiteral("--date-precision"),
    QStringLiteral("--type"),          QStringLiteral("--place"),        QStringLiteral("--lon"),
    QStringLiteral("--lat"),           QStringLiteral("--precision"),    QStringLiteral("--killed"),
    QStringLiteral("--killed-low"),    QStringLiteral("--killed-high"),  QStringLiteral("--injured"),
    QStringLiteral("--actors"),        QStringLiteral("--summary"),      QStringLiteral("--country"),
    QStringLiteral("--province"),      QStringLiteral("--district"),     QStringLiteral("--id"),
    QStringLiteral("--source-title"),  QStringLiteral("--source-outlet"), QStringLiteral("--source-date"),
    QStringLiteral("--source-url"),    QStringLiteral("--name"),         QStringLiteral("--kind"),
    QStringLiteral("--opened"),        QStringLiteral("--opened-precision"), QStringLiteral("--closed"),
    QStringLiteral("--notes"),         QStringLiteral("--if-version"),   QStringLiteral("--format"),
    QStringLiteral("--from"),          QStringLiteral("--to"),           QStringLiteral("--out"),
};

struct Options {
    QString store;
    QMap<QString, QString> values;
    bool facility = false;

    bool has(const char* flag) const { return values.contains(QLatin1String(flag)); }
    QString value(const char* flag) const { return values.value(QLatin1String(flag)); }
};

// Problems with what the user typed: reported with the usage, exit 2.
struct UsageError {
    QString message;
};

std::optional<UsageError> parse(const QStringList& args, Options& o) {
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        if (a == QLatin1String("--facility") || a == QLatin1String("--outpost")) {
            o.facility = true;
        } else if (kValueFlags.contains(a)) {
            if (i + 1 >= args.size())
                return UsageError{QStringLiteral("%1 needs a value").arg(a)};
            o.values.insert(a, args[++i]);
        } else if (a.startsWith(QLatin1String("--"))) {
            return UsageError{QStringLiteral("unknown option %1").arg(a)};
        } else if (o.store.isEmpty()) {
            o.store = a;
        } else {
            return UsageError{QStringLiteral("one store at a time ('%1' is extra)").arg(a)};
        }
    }
    if (o.store.isEmpty())
        return UsageError{QStringLiteral("no store given")};
    return std::nullopt;
}

// Field values the flags set, each parsed; a bad value is a usage error naming the flag.
class FlagReader {
public:
    explicit FlagReader(const Options& o) : m_o(o) {}

    std::optional<QDate> date(const char* flag) {
        if (!m_o.has(flag))
            return std::nullopt;
        const auto d = parseDate(m_o.value(flag));
        if (!d)
            fail(flag, QStringLiteral("a date YYYY-MM-DD"));
        return d;
    }
    std::optional<int> count(const char* flag) {
        if (!m_o.has(flag))
            return std::nullopt;
        bool ok = false;
        const int v = m_o.value(flag).toInt(&ok);
        if (!ok || v < 0)
            fail(flag, QStringLiteral("a whole number, 0 or more"));
        return ok ? std::optional<int>(v) : std::nullopt;
    }
    std::optional<double> number(const char* flag) {
        if (!m_o.has(flag))
            return std::nullopt;
        bool ok = false;
        const double v = m_o.value(flag).toDouble(&ok);
        if (!ok)
            fail(flag, QStringLiteral("a number"));
        return ok ? std::optional<double>(v) : std::nullopt;
    }
    template <typename E, typename Parse> std::optional<E> key(const char* flag, Parse parse, const QString& keys) {
        if (!m_o.has(flag))
            return std::nullopt;
        const auto v = parse(m_o.value(flag));
        if (!v)
            fail(flag, QStringLiteral("one of %1").arg(keys));
        return v;
    }
    std::optional<UsageError> error() const { return m_error; }

private:
    void fail(const char* flag, const QString& expected) {
        if (!m_error)
            m_error = UsageError{QStringLiteral("%1 '%2' is not %3")
                                     .arg(QLatin1String(flag), m_o.value(flag), expected)};
    }
    const Options& m_o;
    std::optional<UsageError> m_error;
};

// Where --place puts a record: the gazetteer's best match, with its precision and admin names.
struct Placed {
    double lon = 0;
    double lat = 0;
    GeoPrecision precision = GeoPrecision::Exact;
    PlaceEntry entry;
};

Result<Placed> placeByName(const QString& name) {
    static const Result<Gazetteer> gazetteer = Gazetteer::loadBundled();
    if (!gazetteer)
        return gazetteer.error();
    const auto found = gazetteer.value().lookup(name, 3);
    if (found.empty())
        return Error{name, QStringLiteral("the gazetteer knows no such place; give --lon and --lat")};
    const GeocodeCandidate& best = found.front();
    if (!best.exact) {
        QStringList names;
        for (const auto& c : found)
            names << c.place.name;
        return Error{name, QStringLiteral("not found exactly (did you mean %1?); give a known name or --lon/--lat")
                               .arg(names.join(QStringLiteral(", ")))};
    }
    return Placed{best.place.lon, best.place.lat, best.place.precision, best.place};
}

std::vector<SourceRef> sourceFromFlags(const Options& o, FlagReader& flags) {
    if (!o.has("--source-title") && !o.has("--source-outlet") && !o.has("--source-url") &&
        !o.has("--source-date"))
        return {};
    SourceRef s;
    s.title = o.value("--source-title");
    s.outlet = o.value("--source-outlet");
    s.date = flags.date("--source-date").value_or(QDate());
    s.url = o.value("--source-url");
    return {s};
}

// Applies the flags given to `i` (all of them for add; the ones given for edit).
std::optional<UsageError> applyIncidentFlags(const Options& o, Incident& i, Placed* placed) {
    FlagReader flags(o);
    if (auto d = flags.date("--date"))
        i.startDate = *d;
    if (o.has("--end"))
        i.endDate = o.value("--end").isEmpty() ? std::nullopt : flags.date("--end");
    if (auto p = flags.key<DatePrecision>("--date-precision", [](const QString& t) { return datePrecisionFromString(t); },
                                          QStringLiteral("day, week, month, year")))
        i.datePrecision = *p;
    if (auto t = flags.key<IncidentType>("--type", [](const QString& k) { return incidentTypeFromKey(k); },
                                         QStringLiteral("the incident type keys (docs/data-format.md)")))
        i.type = *t;
    if (placed) {
        i.lon = placed->lon;
        i.lat = placed->lat;
        i.geoPrecision = placed->precision;
        i.place = placed->entry.name;
        i.country = placed->entry.country;
        i.province = placed->entry.province;
        i.district = placed->entry.district;
    }
    if (auto v = flags.number("--lon"))
        i.lon = *v;
    if (auto v = flags.number("--lat"))
        i.lat = *v;
    if (auto p = flags.key<GeoPrecision>("--precision", [](const QString& t) { return geoPrecisionFromString(t); },
                                         QStringLiteral("exact, near, district, region")))
        i.geoPrecision = *p;
    if (o.has("--killed"))
        i.killed.best = flags.count("--killed");
    if (o.has("--killed-low"))
        i.killed.low = flags.count("--killed-low");
    if (o.has("--killed-high"))
        i.killed.high = flags.count("--killed-high");
    if (o.has("--injured"))
        i.injured = flags.count("--injured");
    if (o.has("--actors"))
        i.actors = o.value("--actors").isEmpty() ? QStringList() : o.value("--actors").split(QLatin1Char(';'));
    if (o.has("--summary"))
        i.summary = o.value("--summary");
    if (o.has("--country"))
        i.country = o.value("--country").toUpper();
    if (o.has("--province"))
        i.province = o.value("--province");
    if (o.has("--district"))
        i.district = o.value("--district");
    if (o.has("--place") && !placed)
        i.place = o.value("--place");
    if (auto s = sourceFromFlags(o, flags); !s.empty())
        i.sources = s;
    return flags.error();
}

std::optional<UsageError> applyFacilityFlags(const Options& o, Facility& f, Placed* placed) {
    FlagReader flags(o);
    if (o.has("--name"))
        f.name = o.value("--name");
    if (auto k = flags.key<FacilityKind>("--kind", [](const QString& t) { return facilityKindFromKey(t); },
                                         QStringLiteral("border_outpost, base, training_ground, crossing, bridge")))
        f.kind = *k;
    if (placed) {
        f.lon = placed->lon;
        f.lat = placed->lat;
        f.geoPrecision = placed->precision;
        f.country = placed->entry.country;
        f.province = placed->entry.province;
        f.district = placed->entry.district;
        if (f.name.isEmpty())
            f.name = placed->entry.name;
    }
    if (auto v = flags.number("--lon"))
        f.lon = *v;
    if (auto v = flags.number("--lat"))
        f.lat = *v;
    if (auto p = flags.key<GeoPrecision>("--precision", [](const QString& t) { return geoPrecisionFromString(t); },
                                         QStringLiteral("exact, near, district, region")))
        f.geoPrecision = *p;
    if (o.has("--opened"))
        f.opened = o.value("--opened").isEmpty() ? std::nullopt : flags.date("--opened");
    if (auto p = flags.key<DatePrecision>("--opened-precision",
                                          [](const QString& t) { return datePrecisionFromString(t); },
                                          QStringLiteral("day, week, month, year")))
        f.openedPrecision = *p;
    if (o.has("--closed"))
        f.closed = o.value("--closed").isEmpty() ? std::nullopt : flags.date("--closed");
    if (o.has("--notes"))
        f.notes = o.value("--notes");
    if (o.has("--country"))
        f.country = o.value("--country").toUpper();
    if (auto s = sourceFromFlags(o, flags); !s.empty())
        f.sources = s;
    return flags.error();
}

int usage(Io io, const QString& message) {
    io.err << "error: " << message << "\n" << kUsage;
    return Usage;
}

int failure(Io io, const Error& e) {
    io.err << "error: " << e.toString() << "\n";
    return Failure;
}

int invalid(Io io, const std::vector<FieldProblem>& problems) {
    for (const FieldProblem& p : problems)
        io.err << "error: " << p.field << ": " << p.message << "\n";
    return Failure;
}

Result<std::unique_ptr<IncidentDatabase>> openStore(const Options& o, bool writable = true) {
    return IncidentDatabase::open(o.store, writable);
}

std::optional<std::int64_t> ifVersion(const Options& o, std::optional<UsageError>& error) {
    if (!o.has("--if-version"))
        return std::nullopt;
    bool ok = false;
    const qint64 v = o.value("--if-version").toLongLong(&ok);
    if (!ok || v < 0)
        error = UsageError{QStringLiteral("--if-version '%1' is not a version number").arg(o.value("--if-version"))};
    return v;
}

int conflict(Io io, const EditConflict& c) {
    io.err << "conflict: " << c.describe() << "; nothing was saved (reload it and edit again)\n";
    return Failure;
}

int runAdd(const Options& o, Io io) {
    if (o.has("--place") && (o.has("--lon") || o.has("--lat")))
        return usage(io, QStringLiteral("give --place or --lon/--lat, not both"));
    if (!o.has("--place") && !(o.has("--lon") && o.has("--lat")))
        return usage(io, QStringLiteral("where: --place NAME, or --lon X --lat Y"));
    std::optional<Placed> placed;
    if (o.has("--place")) {
        auto p = placeByName(o.value("--place"));
        if (!p)
            return failure(io, p.error());
        placed = p.value();
    }
    auto db = openStore(o);
    if (!db)
        return failure(io, db.error());
    const QDate today = QDate::currentDate();
    if (o.facility) {
        if (!o.has("--name") && !placed)
            return usage(io, QStringLiteral("a facility needs --name"));
        Facility f;
        f.id = o.value("--id");
        if (auto e = applyFacilityFlags(o, f, placed ? &*placed : nullptr))
            return usage(io, e->message);
        if (auto problems = validateFacility(f, today); !problems.empty())
            return invalid(io, problems);
        auto added = db.value()->add(std::move(f));
        if (!added)
            return failure(io, added.error());
        io.out << added.value().facility.id << "\n";
        return Ok;
    }
    if (!o.has("--date") || !o.has("--type"))
        return usage(io, QStringLiteral("an incident needs --date and --type"));
    Incident i;
    i.id = o.value("--id");
    if (auto e = applyIncidentFlags(o, i, placed ? &*placed : nullptr))
        return usage(io, e->message);
    if (auto problems = validateIncident(i, today); !problems.empty())
        return invalid(io, problems);
    auto added = db.value()->add(std::move(i));
    if (!added)
        return failure(io, added.error());
    io.out << added.value().incident.id << "\n";
    return Ok;
}

int runEdit(const Options& o, Io io) {
    if (!o.has("--id"))
        return usage(io, QStringLiteral("edit needs --id"));
    std::optional<UsageError> bad;
    const auto expected = ifVersion(o, bad);
    if (bad)
        return usage(io, bad->message);
    if (o.has("--place") && (o.has("--lon") || o.has("--lat")))
        return usage(io, QStringLiteral("give --place or --lon/--lat, not both"));
    std::optional<Placed> placed;
    if (o.has("--place")) {
        auto p = placeByName(o.value("--place"));
        if (!p)
            return failure(io, p.error());
        placed = p.value();
    }
    auto opened = openStore(o);
    if (!opened)
        return failure(io, opened.error());
    IncidentDatabase& db = *opened.value();
    const QString id = o.value("--id");
    const QDate today = QDate::currentDate();
    Result<SaveOutcome> saved = Error{};
    if (auto inc = db.incident(id); !inc) {
        return failure(io, inc.error());
    } else if (inc.value()) {
        Incident i = inc.value()->incident;
        if (auto e = applyIncidentFlags(o, i, placed ? &*placed : nullptr))
            return usage(io, e->message);
        if (auto problems = validateIncident(i, today); !problems.empty())
            return invalid(io, problems);
        // Without --if-version, over the version just read: a save by someone else in between
        // is a conflict, not silently reverted in the fields this edit did not touch.
        saved = db.update(i, expected.value_or(inc.value()->version));
    } else if (auto fac = db.facility(id); !fac) {
        return failure(io, fac.error());
    } else if (fac.value()) {
        Facility f = fac.value()->facility;
        if (auto e = applyFacilityFlags(o, f, placed ? &*placed : nullptr))
            return usage(io, e->message);
        if (auto problems = validateFacility(f, today); !problems.empty())
            return invalid(io, problems);
        saved = db.update(f, expected.value_or(fac.value()->version));
    } else {
        return failure(io, Error{db.location(), QStringLiteral("there is no incident or facility %1").arg(id)});
    }
    if (!saved)
        return failure(io, saved.error());
    if (saved.value().conflict)
        return conflict(io, *saved.value().conflict);
    io.out << saved.value().version << "\n";
    return Ok;
}

int runDelete(const Options& o, Io io) {
    if (!o.has("--id"))
        return usage(io, QStringLiteral("delete needs --id"));
    std::optional<UsageError> bad;
    const auto expected = ifVersion(o, bad);
    if (bad)
        return usage(io, bad->message);
    auto opened = openStore(o);
    if (!opened)
        return failure(io, opened.error());
    IncidentDatabase& db = *opened.value();
    const QString id = o.value("--id");
    auto fac = db.facility(id);
    if (!fac)
        return failure(io, fac.error());
    const RecordKind kind = fac.value() ? RecordKind::Facility : RecordKind::Incident;
    auto removed = db.remove(kind, id, expected);
    if (!removed)
        return failure(io, removed.error());
    if (removed.value().conflict)
        return conflict(io, *removed.value().conflict);
    io.out << "deleted " << toString(kind) << " " << id << "\n";
    return Ok;
}

int runLog(const Options& o, Io io) {
    auto db = openStore(o, false);
    if (!db)
        return failure(io, db.error());
    auto log = db.value()->log(o.value("--id"));
    if (!log)
        return failure(io, log.error());
    for (const EditLogEntry& e : log.value()) {
        io.out << e.at.toString(Qt::ISODate) << '\t' << e.editor << '\t' << e.action << '\t' << e.kind
               << '\t' << e.recordId << '\t' << "v" << e.version;
        if (e.action == QLatin1String("edit"))
            io.out << '\t' << e.field << ": " << e.before << " → " << e.after;
        else
            io.out << '\t' << (e.action == QLatin1String("add") ? e.after : e.before);
        io.out << "\n";
    }
    return Ok;
}

int runList(const Options& o, Io io) {
    auto db = openStore(o, false);
    if (!db)
        return failure(io, db.error());
    auto incidents = db.value()->incidents();
    if (!incidents)
        return failure(io, incidents.error());
    for (const StoredIncident& s : incidents.value())
        io.out << s.incident.id << "\tv" << s.version << '\t' << s.incident.startDate.toString(Qt::ISODate)
               << '\t' << toKey(s.incident.type) << '\t' << s.incident.place << "\n";
    auto facilities = db.value()->facilities();
    if (!facilities)
        return failure(io, facilities.error());
    for (const StoredFacility& s : facilities.value())
        io.out << s.facility.id << "\tv" << s.version << '\t'
               << (s.facility.opened ? s.facility.opened->toString(Qt::ISODate) : QStringLiteral("-"))
               << '\t' << toKey(s.facility.kind) << '\t' << s.facility.name << "\n";
    return Ok;
}

int runExportStore(const Options& o, Io io) {
    if (!o.has("--out") || !o.has("--format"))
        return usage(io, QStringLiteral("export needs --format and --out"));
    StoreExportOptions options;
    const auto format = storeExportFormatFromString(o.value("--format"));
    if (!format)
        return usage(io, QStringLiteral("--format '%1' is not csv, geojson or kml").arg(o.value("--format")));
    options.format = *format;
    FlagReader flags(o);
    const auto from = flags.date("--from");
    const auto to = flags.date("--to");
    if (auto e = flags.error())
        return usage(io, e->message);
    if (from || to) {
        options.window = TimeRange::all();
        if (from)
            options.window.begin = from->toJulianDay();
        if (to)
            options.window.end = to->toJulianDay() + 1; // --to is the last day, inclusive
        if (options.window.isEmpty())
            return usage(io, QStringLiteral("--from is after --to"));
    }
    // Never over a store (the one exported, or any other): an export replaces its target.
    if (!IncidentDatabase::isConnectionString(o.store) &&
        QFileInfo(o.value("--out")).canonicalFilePath() == QFileInfo(o.store).canonicalFilePath())
        return usage(io, QStringLiteral("--out is the store itself; export to another file"));
    if (IncidentDatabase::isStoreFile(o.value("--out")))
        return usage(io, QStringLiteral("--out %1 is an incident store; export to another file").arg(o.value("--out")));
    auto db = openStore(o, false);
    if (!db)
        return failure(io, db.error());
    auto incidents = db.value()->incidents();
    if (!incidents)
        return failure(io, incidents.error());
    auto facilities = db.value()->facilities();
    if (!facilities)
        return failure(io, facilities.error());
    auto written = exportStore(incidents.value(), facilities.value(), o.value("--out"), options);
    if (!written)
        return failure(io, written.error());
    io.out << "wrote " << o.value("--out") << ": " << written.value().incidents << " incidents, "
           << written.value().facilities << " facilities\n";
    return Ok;
}

} // namespace

int runStore(const QStringList& args, Io io) {
    if (args.isEmpty() || args.contains(QStringLiteral("--help")) || args.first() == QLatin1String("help")) {
        (args.isEmpty() ? io.err : io.out) << kUsage;
        return args.isEmpty() ? Usage : Ok;
    }
    const QString sub = args.first();
    Options o;
    if (auto e = parse(args.mid(1), o))
        return usage(io, e->message);
    if (sub == QLatin1String("create")) {
        if (!o.values.isEmpty())
            return usage(io, QStringLiteral("create takes only the store"));
        auto db = IncidentDatabase::create(o.store);
        if (!db)
            return failure(io, db.error());
        io.out << "created " << db.value()->location() << "\n";
        return Ok;
    }
    if (sub == QLatin1String("add"))
        return runAdd(o, io);
    if (sub == QLatin1String("edit"))
        return runEdit(o, io);
    if (sub == QLatin1String("delete"))
        return runDelete(o, io);
    if (sub == QLatin1String("log"))
        return runLog(o, io);
    if (sub == QLatin1String("list"))
        return runList(o, io);
    if (sub == QLatin1String("export"))
        return runExportStore(o, io);
    return usage(io, QStringLiteral("unknown store subcommand '%1'").arg(sub));
}

} // namespace borderlens::cli
