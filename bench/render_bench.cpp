// One frame of the viewer: the bundled base layers and sample incidents at 1600×1000 in UTM 42N,
// the work the canvas does after a pan or a time step (on its render thread), and the same with
// a million synthetic incidents.
#include "data/bundled_layers.h"
#include "data/data_paths.h"
#include "geo/extent_transform.h"
#include "incidents/import/incident_importer.h"
#include "io/reader_registry.h"
#include "map/incident_map_layer.h"
#include "map/vector_map_layer.h"
#include "render/map_renderer.h"
#include "synthetic_incidents.h"

#include <QGuiApplication>

#include <benchmark/benchmark.h>

using namespace borderlens;

namespace {

MapSettings baseMap() {
    MapSettings s;
    s.crs = Crs::utm42n();
    s.extent = transformExtent(Extent{67.3, 36.4, 75.2, 39.6}, Crs::wgs84(), s.crs);
    s.outputSize = QSize(1600, 1000);
    const ReaderRegistry readers = ReaderRegistry::withDefaultReaders();
    int n = 0;
    for (const BundledLayer& b : bundledBaseLayers()) {
        auto layers = readers.read(bundledGeodataDir() + QLatin1Char('/') + b.fileName);
        if (layers)
            s.layers.push_back(std::make_shared<VectorMapLayer>(QString::number(n++),
                                                                layers.value().front(), b.style));
    }
    return s;
}

void renderBaseAndSample(benchmark::State& state) {
    MapSettings s = baseMap();
    auto report = importIncidents(bundledGeodataDir() + QLatin1Char('/') + bundledIncidentsFile());
    s.layers.push_back(std::make_shared<IncidentMapLayer>(
        "i", "incidents", report.value().store));
    MapRenderer::renderImage(s); // project once, as the first frame does
    for (auto _ : state)
        benchmark::DoNotOptimize(MapRenderer::renderImage(s));
}

void renderMillionIncidents30Days(benchmark::State& state) {
    MapSettings s = baseMap();
    s.layers.clear(); // incidents only: the part that grows with the data
    auto store = std::make_shared<IncidentStore>(bench::syntheticIncidents(1'000'000));
    s.layers.push_back(std::make_shared<IncidentMapLayer>("i", "incidents", store));
    const std::int64_t start = store->timeExtent().begin + 900;
    s.time = TimeRange{start, start + 30};
    MapRenderer::renderImage(s);
    for (auto _ : state)
        benchmark::DoNotOptimize(MapRenderer::renderImage(s));
}

} // namespace

BENCHMARK(renderBaseAndSample)->Unit(benchmark::kMillisecond);
BENCHMARK(renderMillionIncidents30Days)->Unit(benchmark::kMillisecond);
