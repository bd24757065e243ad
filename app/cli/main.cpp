// borderlens-cli: the headless front end. Links core only (no widgets); commands that draw
// create a QGuiApplication on the offscreen platform themselves.
#include "borderlens_config.h"
#include "cli_command.h"

#include <QCoreApplication>

#include <gdal.h>
#include <proj.h>

#include <cstdio>

using namespace borderlens::cli;

namespace {

void printUsage(QTextStream& s) {
    s << "usage: borderlens-cli [--version] [--help] COMMAND [ARGS]\n\n"
         "commands:\n"
         "  info FILE...      layers, geometry types, feature counts, CRS and extents\n\n"
         "exit codes: 0 ok, 1 bad input or runtime error, 2 usage error\n";
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
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
    err << "borderlens-cli: unknown command '" << command << "'\n";
    printUsage(err);
    return Usage;
}
