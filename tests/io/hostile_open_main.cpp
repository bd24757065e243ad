// hostile_open FILE: opens one file through the entry points the viewer uses and prints what
// each gave, one line each, then the growth of its peak resident memory. The hostile-files test
// runs it in a child process per file, so a crash, a hang or a runaway allocation in one file is
// caught, timed and measured without taking the test down with it.
#include "incidents/import/incident_importer.h"
#include "incidents/import/source_kind.h"
#include "io/gdal_support.h"
#include "io/reader_registry.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

namespace {

using namespace borderlens;

// The process's peak resident set so far (VmHWM), in KiB; 0 where /proc is not available.
qint64 peakRssKiB() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

// One line: the entry point, then "loaded N" or "refused<TAB>source<TAB>message".
void report(QTextStream& out, const char* entry, const Error* error, qint64 loaded) {
    out << entry << '\t';
    if (error)
        out << "refused\t" << error->source << '\t' << QString(error->message).replace('\n', ' ');
    else
        out << "loaded\t" << loaded;
    out << '\n';
    out.flush();
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    if (app.arguments().size() != 2) {
        QTextStream(stderr) << "usage: hostile_open FILE\n";
        return 2;
    }
    const QString path = app.arguments().at(1);
    ensureGdalInitialised();
    const ReaderRegistry readers = ReaderRegistry::withDefaultReaders();
    const qint64 baseline = peakRssKiB();

    // As the viewer's loader does: identify from the header, then layers or an import.
    const auto identity = identifySource(path);
    if (!identity)
        report(out, "identify", &identity.error(), 0);
    const bool incidents = identity && identity.value().kind != SourceKind::Layers;
    if (incidents) {
        const auto imported = importIncidents(path);
        report(out, "open", imported ? nullptr : &imported.error(),
               imported ? imported.value().imported() : 0);
    } else {
        const auto layers = readers.read(path);
        report(out, "open", layers ? nullptr : &layers.error(),
               layers ? static_cast<qint64>(layers.value().size()) : 0);
    }
    // As File > Import Incidents does with any CSV, GeoJSON or GeoPackage.
    const QString ext = QFileInfo(path).suffix().toLower();
    if (!incidents && (ext == QLatin1String("csv") || ext == QLatin1String("geojson") ||
                       ext == QLatin1String("json") || ext == QLatin1String("gpkg"))) {
        const auto imported = importIncidents(path);
        report(out, "import", imported ? nullptr : &imported.error(),
               imported ? imported.value().imported() : 0);
    }
    out << "rss-growth-kib\t" << (peakRssKiB() - baseline) << '\n';
    return 0;
}
