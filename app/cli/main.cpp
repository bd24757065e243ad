// borderlens-cli: the headless front end. Links core only (no widgets); commands that draw
// create a QGuiApplication on the offscreen platform themselves.
#include "borderlens_config.h"
#include "cli_command.h"
#include "data/runtime_environment.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <gdal.h>
#include <proj.h>

#include <cstdio>
#include <cstring>
#include <memory>

using namespace borderlens::cli;

namespace {

void printUsage(QTextStream& s) {
    s << "usage: borderlens-cli [--version] [--help] COMMAND [ARGS]\n\n"
         "commands:\n"
         "  info FILE...      layers, geometry types, feature counts, CRS and extents\n"
         "  geocode NAME...   where a place is: the gazetteer's best match and candidates\n"
         "  import FILE --out STORE.gpkg [--format auto|native|acled|ucdp]   incidents to GeoPackage\n"
         "  export --out FILE.(png|pdf|svg) [OPTIONS]   a briefing map (see export --help)\n"
         "  frames --out-dir DIR --from D --to D --step S [OPTIONS]   one PNG per time step\n"
         "  video --out FILE.(mp4|gif) --from D --to D --step S [--fps N] [OPTIONS]\n"
         "                    the playback as an MP4 or animated GIF (see video --help)\n"
         "  project create P.blproj [OPTIONS] | project info P.blproj   a saved session\n"
         "  store create|add|edit|delete|log|list|export STORE ...   the incident store\n"
         "                    (a GeoPackage or a PG: connection; see store --help)\n"
         "  bench-frames [INCIDENTS] [--window 30d|all] [--frames N] [--size WxH] [--pan]\n"
         "                    times the frames the viewer draws\n"
         "  stats --incidents F [--from D --to D] [--by district|province|type|week|month]\n"
         "                    district trends (change vs. baseline, bands, surges) or counts\n"
         "  table --incidents F [--columns LIST] [filters]   incidents with derived facts\n"
         "                    (district, province, km to border, side, nearest outpost)\n"
         "  synth --out FILE.csv [--count N] [--seed S] [--format native|acled|ucdp]\n"
         "                    seeded synthetic incidents along the border (see synth --help)\n\n"
         "exit codes: 0 ok, 1 bad input or runtime error, 2 usage error\n";
}

// Commands that draw need fonts and a paint engine, hence a QGuiApplication; the others stay
// on a QCoreApplication so they start fast and never look for a display.
bool drawingCommand(int argc, char** argv) {
    return argc > 1 && (std::strcmp(argv[1], "export") == 0 || std::strcmp(argv[1], "frames") == 0 ||
                        std::strcmp(argv[1], "video") == 0 ||
                        std::strcmp(argv[1], "bench-frames") == 0);
}

} // namespace

int main(int argc, char** argv) {
    std::unique_ptr<QCoreApplication> application;
    if (drawingCommand(argc, argv)) {
        // Headless by construction: the offscreen platform, set by the program itself, so
        // scripts and servers need no display (and output never depends on one).
        qputenv("QT_QPA_PLATFORM", "offscreen");
        application = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication& app = *application;
    borderlens::prepareRuntimeEnvironment(); // bundled GDAL/PROJ data on Windows, before any use
    QCoreApplication::setApplicationName(QStringLiteral("borderlens-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BORDERLENS_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    Io io{out, err};
    QStringList args = app.arguments().mid(1);
    if (args.isEmpty()) {
        printUsage(err);
        return Usage;
    }
    const QString command = args.takeFirst();
    if (command == QLatin1String("--version") || command == QLatin1String("-V")) {
        out << "borderlens-cli " << BORDERLENS_VERSION << " (Qt " << qVersion() << ", GDAL "
            << GDALVersionInfo("RELEASE_NAME") << ", PROJ " << proj_info().release << ")\n";
        return Ok;
    }
    if (command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        printUsage(out);
        return Ok;
    }
    if (command == QLatin1String("info"))
        return runInfo(args, io);
    if (command == QLatin1String("import"))
        return runImport(args, io);
    if (command == QLatin1String("geocode"))
        return runGeocode(args, io);
    if (command == QLatin1String("export"))
        return runExport(args, io);
    if (command == QLatin1String("frames"))
        return runFrames(args, io);
    if (command == QLatin1String("video"))
        return runVideo(args, io);
    if (command == QLatin1String("bench-frames"))
        return runBenchFrames(args, io);
    if (command == QLatin1String("synth"))
        return runSynth(args, io);
    if (command == QLatin1String("project"))
        return runProject(args, io);
    if (command == QLatin1String("store"))
        return runStore(args, io);
    if (command == QLatin1String("stats"))
        return runStats(args, io);
    if (command == QLatin1String("table"))
        return runTable(args, io);
    err << "borderlens-cli: unknown command '" << command << "'\n";
    printUsage(err);
    return Usage;
}
