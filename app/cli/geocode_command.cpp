#include "cli_command.h"
#include "gazetteer/gazetteer.h"

namespace borderlens::cli {
namespace {

constexpr int kDefaultCandidates = 5; // the best match and four others

void printUsage(QTextStream& s) {
    s << "usage: borderlens-cli geocode [--all | --limit N] [--country CC] [--gazetteer FILE] "
         "NAME...\n"
         "Looks a place name up in the gazetteer (bundled geodata/gazetteer.csv by default) and\n"
         "prints the best match, then up to four other candidates. Spellings across scripts and\n"
         "transliterations match (Shokhin = Shohin = Шоҳин); words such as \"district\" or\n"
         "\"rayon\" are ignored but prefer districts.\n"
         "  --all            print every candidate\n"
         "  --limit N        print at most N candidates (default 5)\n"
         "  --country CC     only places in this country (ISO-2, e.g. TJ, AF)\n"
         "  --gazetteer FILE use this gazetteer CSV instead of the bundled one\n"
         "exit codes: 0 found, 1 no match or unreadable gazetteer, 2 usage error\n";
}

// Fixed-point degrees with '.' whatever the locale: QString::number never localises.
QString degrees(double v) {
    return QString::number(v, 'f', 5);
}

QString where(const PlaceEntry& p) {
    QStringList parts{p.country};
    if (!p.province.isEmpty())
        parts << p.province;
    if (!p.district.isEmpty())
        parts << p.district;
    return parts.join(QStringLiteral(" / "));
}

void printBest(QTextStream& out, const GeocodeCandidate& c) {
    const PlaceEntry& p = c.place;
    out << "name:      " << p.name << "\n"
        << "lon/lat:   " << degrees(p.lon) << " " << degrees(p.lat) << "\n"
        << "precision: " << toString(p.precision) << "\n"
        << "kind:      " << toString(p.kind) << "\n"
        << "country:   " << p.country << "\n"
        << "province:  " << (p.province.isEmpty() ? QStringLiteral("-") : p.province) << "\n"
        << "district:  " << (p.district.isEmpty() ? QStringLiteral("-") : p.district) << "\n"
        << "id:        " << p.id << "\n"
        << "matched:   " << c.matchedName
        << (c.exact ? QStringLiteral(" (exact") : QStringLiteral(" (fuzzy"))
        << (c.matchedAlias ? QStringLiteral(" alias") : QStringLiteral(" name"))
        << (c.exact ? QString() : QStringLiteral(", score %1").arg(c.score, 0, 'f', 2)) << ")\n"
        << "source:    " << p.source << "\n";
}

QString oneLine(const GeocodeCandidate& c) {
    const PlaceEntry& p = c.place;
    QString s = QStringLiteral("%1  %2 %3  %4, %5, %6")
                    .arg(p.name, degrees(p.lon), degrees(p.lat), toString(p.kind),
                         toString(p.precision), where(p));
    if (c.matchedName != p.name)
        s += QStringLiteral("  (as \"%1\")").arg(c.matchedName);
    s += c.exact ? QStringLiteral("  exact") : QStringLiteral("  score %1").arg(c.score, 0, 'f', 2);
    return s;
}

} // namespace

int runGeocode(const QStringList& args, Io io) {
    QStringList words;
    QString gazetteerPath;
    QString country;
    int limit = kDefaultCandidates;
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        auto value = [&]() -> std::optional<QString> {
            if (i + 1 >= args.size())
                return std::nullopt;
            return args[++i];
        };
        if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            printUsage(io.out);
            return Ok;
        }
        if (a == QLatin1String("--all")) {
            limit = 0;
        } else if (a == QLatin1String("--limit")) {
            const auto v = value();
            bool ok = false;
            const int n = v ? v->toInt(&ok) : 0;
            if (!ok || n < 1) {
                io.err << "geocode: --limit needs a whole number of at least 1\n";
                return Usage;
            }
            limit = n;
        } else if (a == QLatin1String("--gazetteer") || a == QLatin1String("--country")) {
            const auto v = value();
            if (!v || v->isEmpty()) {
                io.err << "geocode: " << a << " needs a value\n";
                return Usage;
            }
            (a == QLatin1String("--country") ? country : gazetteerPath) = *v;
        } else if (a.startsWith(QLatin1String("--"))) {
            io.err << "geocode: unknown option '" << a << "'\n";
            printUsage(io.err);
            return Usage;
        } else {
            words << a;
        }
    }
    const QString query = words.join(QLatin1Char(' ')).simplified();
    if (query.isEmpty()) {
        printUsage(io.err);
        return Usage;
    }

    auto gazetteer =
        gazetteerPath.isEmpty() ? Gazetteer::loadBundled() : Gazetteer::load(gazetteerPath);
    if (!gazetteer) {
        io.err << "error: " << gazetteer.error().toString() << "\n";
        return Failure;
    }
    for (const QString& w : gazetteer.value().warnings())
        io.err << "warning: " << w << "\n";

    Gazetteer::LookupOptions options;
    options.maxResults = limit;
    options.country = country;
    const auto candidates = gazetteer.value().lookup(query, options);
    if (candidates.empty()) {
        io.err << "no match for \"" << query << "\"\n";
        options.minScore = 0;
        options.maxResults = 3;
        const auto nearest = gazetteer.value().lookup(query, options);
        if (!nearest.empty()) {
            io.err << "nearest names:\n";
            for (const auto& c : nearest)
                io.err << "  " << oneLine(c) << "\n";
        }
        return Failure;
    }
    printBest(io.out, candidates.front());
    if (candidates.size() > 1) {
        io.out << "other candidates:\n";
        for (std::size_t i = 1; i < candidates.size(); ++i)
            io.out << "  " << oneLine(candidates[i]) << "\n";
    }
    io.out.flush();
    return Ok;
}

} // namespace borderlens::cli
