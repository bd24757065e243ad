#include "cli_command.h"
#include "incidents/synthetic/synthetic_incidents.h"

#include <QFileInfo>

namespace borderlens::cli {

namespace {

constexpr std::uint64_t kMaxCount = 100'000'000;

const QString kUsage = QStringLiteral(
    "usage: borderlens-cli synth --out FILE.csv [--count N] [--seed S]\n"
    "                            [--format native|acled|ucdp] [--acled-dates iso|long]\n"
    "                            [--all-columns]\n"
    "Writes N synthetic incidents along the Tajik-Afghan border (2021-2025) for tests and\n"
    "benchmarks: clustered around hot spots, on both banks within 40 km of the line, with the\n"
    "date and place precision mix of real data. The same arguments give the same bytes.\n"
    "  --count N           rows to write (default 1000, at most 100000000)\n"
    "  --seed S            any whole number 0..18446744073709551615 (default 1)\n"
    "  --format F          native (docs/data-format.md §2, default), acled (31-column export)\n"
    "                      or ucdp (GED)\n"
    "  --acled-dates long  ACLED event_date as \"24 December 2025\" (default iso: 2025-12-24)\n"
    "  --all-columns       native: every column of the schema, most empty (default: id to\n"
    "                      killed_best)\n"
    "The file is written atomically: a failed run leaves no partial file.\n"
    "exit codes: 0 ok, 1 failed write, 2 usage error\n");

} // namespace

int runSynth(const QStringList& args, Io io) {
    if (args.contains(QStringLiteral("--help"))) {
        io.out << kUsage;
        return Ok;
    }
    SyntheticOptions options;
    QString out;
    bool longDates = false, datesGiven = false, allColumns = false;
    const auto usageError = [&](const QString& why) {
        io.err << "error: " << why << "\n" << kUsage;
        return Usage;
    };
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        const bool takesValue = a == QLatin1String("--out") || a == QLatin1String("--count") ||
                                a == QLatin1String("--seed") || a == QLatin1String("--format") ||
                                a == QLatin1String("--acled-dates");
        if (takesValue && i + 1 >= args.size())
            return usageError(a + QStringLiteral(" needs a value"));
        if (a == QLatin1String("--out")) {
            out = args[++i];
        } else if (a == QLatin1String("--count")) {
            bool ok = false;
            const QString v = args[++i];
            options.count = v.startsWith(QLatin1Char('+')) ? 0 : v.toULongLong(&ok);
            if (!ok || options.count > kMaxCount)
                return usageError(QStringLiteral("--count must be a whole number from 0 to %1, "
                                                 "not '%2'")
                                      .arg(kMaxCount)
                                      .arg(v));
        } else if (a == QLatin1String("--seed")) {
            bool ok = false;
            const QString v = args[++i];
            options.seed = v.startsWith(QLatin1Char('+')) ? 0 : v.toULongLong(&ok);
            if (!ok)
                return usageError(
                    QStringLiteral("--seed must be a whole number from 0 to 18446744073709551615, "
                                   "not '%1'")
                        .arg(v));
        } else if (a == QLatin1String("--format")) {
            const auto f = syntheticFormatFromString(args[++i]);
            if (!f)
                return usageError(
                    QStringLiteral("unknown format '%1' (native, acled or ucdp)").arg(args[i]));
            options.format = *f;
        } else if (a == QLatin1String("--acled-dates")) {
            const QString v = args[++i];
            if (v != QLatin1String("iso") && v != QLatin1String("long"))
                return usageError(QStringLiteral("--acled-dates is iso or long, not '%1'").arg(v));
            longDates = v == QLatin1String("long");
            datesGiven = true;
        } else if (a == QLatin1String("--all-columns")) {
            allColumns = true;
        } else if (a.startsWith(QLatin1String("-"))) {
            return usageError(QStringLiteral("unknown option %1").arg(a));
        } else {
            return usageError(QStringLiteral("unexpected argument '%1'").arg(a));
        }
    }
    if (out.isEmpty())
        return usageError(QStringLiteral("--out FILE is required"));
    if (datesGiven && options.format != SyntheticFormat::Acled)
        return usageError(QStringLiteral("--acled-dates applies to --format acled only"));
    if (allColumns && options.format != SyntheticFormat::Native)
        return usageError(QStringLiteral("--all-columns applies to --format native only"));
    options.acledLongDates = longDates;
    options.nativeAllColumns = allColumns;

    auto geography = BorderGeography::loadBundled();
    if (!geography) {
        io.err << "error: " << geography.error().toString() << "\n";
        return Failure;
    }
    auto written = writeSyntheticIncidentsFile(out, geography.value(), options);
    if (!written) {
        io.err << "error: " << written.error().toString() << "\n";
        return Failure;
    }
    io.out << "format: " << toString(options.format) << "\n"
           << "rows:   " << options.count << "\n"
           << "seed:   " << options.seed << "\n"
           << "wrote:  " << QFileInfo(out).absoluteFilePath() << " (" << written.value()
           << " bytes)\n";
    return Ok;
}

} // namespace borderlens::cli
