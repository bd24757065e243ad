#include "cli_command.h"

#include "io/reader_registry.h"

namespace borderlens::cli {
namespace {

QString lonLat(double lon, double lat) {
    return QStringLiteral("%1 %2, %3 %4")
        .arg(std::abs(lon), 0, 'f', 5)
        .arg(lon < 0 ? QLatin1Char('W') : QLatin1Char('E'))
        .arg(std::abs(lat), 0, 'f', 5)
        .arg(lat < 0 ? QLatin1Char('S') : QLatin1Char('N'));
}

} // namespace

int runInfo(const QStringList& args, Io io) {
    if (args.isEmpty() || args.contains(QStringLiteral("--help"))) {
        (args.isEmpty() ? io.err : io.out) << "usage: borderlens-cli info FILE...\n"
                                              "Prints each layer's name, geometry type, feature "
                                              "count, CRS and lon/lat extent.\n";
        return args.isEmpty() ? Usage : Ok;
    }
    const ReaderRegistry readers = ReaderRegistry::withDefaultReaders();
    int status = Ok;
    for (const QString& path : args) {
        auto layers = readers.read(path);
        if (!layers) {
            io.err << "error: " << layers.error().toString() << "\n";
            status = Failure;
            continue;
        }
        io.out << path << "\n";
        for (const auto& layer : layers.value()) {
            const Extent e = layer->lonLatExtent();
            io.out << "  layer:    " << layer->name() << "\n"
                   << "  geometry: " << layer->geometryTypeName() << "\n"
                   << "  features: " << layer->featureCount() << "\n"
                   << "  crs:      " << layer->sourceCrs().definition().left(80);
            if (layer->sourceCrs().displayName() != layer->sourceCrs().definition())
                io.out << " (" << layer->sourceCrs().displayName() << ")";
            io.out << "\n  extent:   ";
            if (e.isEmpty())
                io.out << "empty\n";
            else
                io.out << lonLat(e.xMin, e.yMin) << " – " << lonLat(e.xMax, e.yMax)
                       << " (lon/lat, WGS 84)\n";
            for (const QString& w : layer->warnings())
                io.err << "warning: " << w << "\n";
        }
        io.out.flush();
    }
    return status;
}

} // namespace borderlens::cli
