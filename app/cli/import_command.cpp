#include "cli_command.h"

#include "incidents/import/bundled_place_resolver.h"
#include "incidents/import/geopackage_writer.h"
#include "incidents/import/incident_importer.h"

#include <QFileInfo>

namespace borderlens::cli {

int runImport(const QStringList& args, Io io) {
    const QString usage = QStringLiteral(
        "usage: borderlens-cli import FILE [--format auto|native|acled|ucdp] --out STORE.gpkg\n"
        "Reads incidents (native CSV, ACLED or UCDP GED CSV, GeoPackage/GeoJSON) and writes them\n"
        "to a GeoPackage in the native schema. Rows without coordinates are placed through the\n"
        "gazetteer, within the country, province and district they give (each such row is\n"
        "listed as 'placed: line N'); rejected rows are listed with their line and reason.\n");
    if (args.contains(QStringLiteral("--help"))) {
        io.out << usage;
        return Ok;
    }
    QString input;
    QString out;
    IncidentFormat format = IncidentFormat::Auto;
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        if ((a == QLatin1String("--format") || a == QLatin1String("--out")) && i + 1 >= args.size()) {
            io.err << "error: " << a << " needs a value\n" << usage;
            return Usage;
        }
        if (a == QLatin1String("--format")) {
            const auto f = incidentFormatFromString(args[++i]);
            if (!f || *f == IncidentFormat::NativeFacilities) {
                io.err << "error: unknown format '" << args[i] << "'\n" << usage;
                return Usage;
            }
            format = *f;
        } else if (a == QLatin1String("--out")) {
            out = args[++i];
        } else if (a.startsWith(QLatin1String("--"))) {
            io.err << "error: unknown option " << a << "\n" << usage;
            return Usage;
        } else if (input.isEmpty()) {
            input = a;
        } else {
            io.err << "error: one input file at a time\n" << usage;
            return Usage;
        }
    }
    if (input.isEmpty() || out.isEmpty()) {
        io.err << usage;
        return Usage;
    }
    // The gazetteer is only needed for rows without coordinates, but loading it is cheap.
    QString problem;
    const auto resolver = bundledPlaceResolver(&problem);
    if (!problem.isEmpty())
        io.err << "warning: no gazetteer (" << problem
               << "); rows without coordinates will be rejected\n";
    auto report = importIncidents(input, format, resolver.get());
    if (!report) {
        io.err << "error: " << report.error().toString() << "\n";
        return Failure;
    }
    const ImportReport& r = report.value();
    for (const RejectedRow& row : r.rejected)
        io.err << input << ": " << r.rowUnit() << ' ' << row.line << ": " << row.reason << "\n";
    auto written = writeGeoPackage(out, *r.store, r.facilities);
    if (!written) {
        io.err << "error: " << written.error().toString() << "\n";
        return Failure;
    }
    io.out << "format:   " << r.format << "\n"
           << "read:     " << r.rowsRead << "\n"
           << "imported: " << r.imported() << " (" << r.store->size() << " incidents, "
           << r.facilities.size() << " facilities; " << r.geocoded << " placed by gazetteer)\n"
           << "rejected: " << r.rejected.size() << "\n"
           << "wrote:    " << QFileInfo(out).absoluteFilePath() << "\n";
    // Every placement the file did not make itself, for the analyst to check.
    for (const GeocodedRow& g : r.geocodedRows)
        io.out << "placed:   line " << g.line << ": " << g.asked.describe() << " -> "
               << g.placed.describe() << "; " << toString(g.placed.precision) << " precision\n";
    // Some rows were bad but the good ones were written: still a success, said on stderr.
    return Ok;
}

} // namespace borderlens::cli
