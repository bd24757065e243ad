// Reading incident files, and the first frame after reading them: the rows of the scale issue's
// table that start from a file. The files are written once per run by the same seeded generator
// as `borderlens-cli synth` (seed 42), into a temporary folder.
#include "data/bundled_layers.h"
#include "data/data_paths.h"
#include "geo/extent_transform.h"
#include "incidents/import/incident_importer.h"
#include "incidents/synthetic/synthetic_incidents.h"
#include "io/reader_registry.h"
#include "map/incident_map_layer.h"
#include "map/vector_map_layer.h"
#include "render/map_renderer.h"

#include <QFile>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <map>

using namespace borderlens;

namespace {

// A synthetic file of `count` rows in `format`, made on first use.
QString syntheticFile(SyntheticFormat format, std::uint64_t count) {
    static QTemporaryDir dir;
    static std::map<std::pair<int, std::uint64_t>, QString> made;
    const auto key = std::pair{static_cast<int>(format), count};
    if (auto it = made.find(key); it != made.end())
        return it->second;
    const QString path = dir.filePath(QStringLiteral("%1_%2.csv").arg(toString(format)).arg(count));
    auto geography = BorderGeography::loadBundled();
    if (!geography) {
        std::fprintf(stderr, "%s\n", qPrintable(geography.error().toString()));
        std::abort();
    }
    SyntheticOptions options;
    options.count = count;
    options.seed = 42;
    options.format = format;
    if (auto written = writeSyntheticIncidentsFile(path, geography.value(), options); !written) {
        std::fprintf(stderr, "%s\n", qPrintable(written.error().toString()));
        std::abort();
    }
    made.emplace(key, path);
    return path;
}

void importFile(benchmark::State& state, SyntheticFormat format) {
    const auto count = static_cast<std::uint64_t>(state.range(0));
    const QString path = syntheticFile(format, count);
    for (auto _ : state) {
        auto report = importIncidents(path);
        if (!report || report.value().store->size() != count)
            state.SkipWithError("import failed or lost rows");
        benchmark::DoNotOptimize(report);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * count));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * QFile(path).size());
}

void importNative(benchmark::State& state) { importFile(state, SyntheticFormat::Native); }
void importAcled(benchmark::State& state) { importFile(state, SyntheticFormat::Acled); }

// A file whose header fits no format: refused from the header, whatever the body.
void refuseUnknownHeader(benchmark::State& state) {
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("unknown.csv"));
    {
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write("when,where,what\n");
        const QByteArray row = "2025-12-24,Shurobod,a clash near the river\n";
        for (int i = 0; i < 2'000'000; ++i) // 86 MB the importer must not read
            f.write(row);
    }
    for (auto _ : state) {
        auto report = importIncidents(path);
        if (report)
            state.SkipWithError("an unknown header was accepted");
        benchmark::DoNotOptimize(report);
    }
}

// File to first frame in process: import, project, and draw the bundled base layers and every
// incident at 1920×1080 in UTM 42N, as `borderlens-cli export` and the viewer's first paint do.
void firstFrame(benchmark::State& state, SyntheticFormat format) {
    const QString path = syntheticFile(format, static_cast<std::uint64_t>(state.range(0)));
    MapSettings base;
    base.crs = Crs::utm42n();
    base.outputSize = QSize(1920, 1080);
    base.extent = transformExtent(Extent{67.3, 36.4, 75.2, 39.6}, Crs::wgs84(), base.crs);
    const ReaderRegistry readers = ReaderRegistry::withDefaultReaders();
    int n = 0;
    for (const BundledLayer& b : bundledBaseLayers()) {
        auto layers = readers.read(bundledGeodataDir() + QLatin1Char('/') + b.fileName);
        if (layers)
            base.layers.push_back(std::make_shared<VectorMapLayer>(QString::number(n++),
                                                                   layers.value().front(), b.style));
    }
    MapRenderer::renderImage(base); // the base layers' projection is not what is measured
    for (auto _ : state) {
        auto report = importIncidents(path);
        MapSettings s = base;
        s.layers.push_back(std::make_shared<IncidentMapLayer>("i", "incidents", report.value().store));
        benchmark::DoNotOptimize(MapRenderer::renderImage(s));
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

void firstFrameNative(benchmark::State& state) { firstFrame(state, SyntheticFormat::Native); }
void firstFrameAcled(benchmark::State& state) { firstFrame(state, SyntheticFormat::Acled); }

} // namespace

BENCHMARK(importNative)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(importAcled)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(refuseUnknownHeader)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(firstFrameNative)->Arg(1'000'000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(firstFrameAcled)->Arg(1'000'000)->Unit(benchmark::kMillisecond)->UseRealTime();
