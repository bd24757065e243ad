// Frames of the bundled base layers as the viewer opens on them: 1920×1080 device pixels, UTM 42N,
// the Tajik–Afghan border's extent plus 12 % (MainWindow's opening view). Cold frames, time steps
// with a warm RenderCache, and pan sequences, each with and without the official districts (the
// full geoBoundaries ADM2 shapefile from ../shared/realdata, read in place; those cases say so
// and skip when it is absent).
#include "data/bundled_layers.h"
#include "data/data_paths.h"
#include "geo/extent_transform.h"
#include "incidents/import/incident_importer.h"
#include "io/reader_registry.h"
#include "labels/place_names.h"
#include "map/facility_map_layer.h"
#include "map/incident_map_layer.h"
#include "map/vector_map_layer.h"
#include "render/map_labels.h"
#include "render/map_renderer.h"
#include "render/render_cache.h"
#include "synthetic_incidents.h"

#include <QFileInfo>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <vector>

using namespace borderlens;

namespace {

const QString kOfficialDistricts =
    QStringLiteral(BORDERLENS_SHARED_DIR "/realdata/boundaries/tjk_geoboundaries_adm2/"
                                         "geoBoundaries-TJK-ADM2.shp");

std::shared_ptr<const VectorLayer> readFirst(const QString& path) {
    static const ReaderRegistry readers = ReaderRegistry::withDefaultReaders();
    auto layers = readers.read(path);
    return layers && !layers.value().empty() ? layers.value().front() : nullptr;
}

// The viewer's layer stack on opening; with `official`, the official districts on top and the
// schematic ones hidden, as File ▸ Load Official District Boundaries… leaves it.
MapSettings openingView(bool official) {
    MapSettings s;
    s.crs = Crs::utm42n();
    s.outputSize = QSize(1920, 1080);
    Extent border;
    int n = 0;
    for (const BundledLayer& b : bundledBaseLayers()) {
        auto data = readFirst(bundledGeodataDir() + QLatin1Char('/') + b.fileName);
        if (!data)
            continue;
        if (b.fileName == QStringLiteral("border_tj_af.shp"))
            border = data->lonLatExtent();
        if (official && b.fileName == QStringLiteral("districts_schematic.shp"))
            continue;
        s.layers.push_back(std::make_shared<VectorMapLayer>(QString::number(n++), data, b.style));
    }
    if (official) {
        LayerStyle style; // MainWindow::openOfficialDistricts
        style.fill = QColor(0, 0, 0, 0);
        style.stroke = QColor(0x55, 0x55, 0x55);
        style.strokeWidthMm = 0.3;
        s.layers.push_back(
            std::make_shared<VectorMapLayer>("official", readFirst(kOfficialDistricts), style));
    }
    // MapCanvas::zoomToLonLatExtent: 3 % more in map units, then fitted to the output.
    const Extent view = transformExtent(border.buffered(0.12), Crs::wgs84(), s.crs).buffered(0.03);
    s.extent = MapViewport::fitting(view, QSizeF(s.outputSize)).visibleExtent();
    s.placeNames = PlaceNames::bundled(); // as MainWindow::openBundledLayers
    return s;
}

// The bundled sample incidents and outposts on top, as the viewer opens.
void addSamples(MapSettings& s) {
    const QString dir = bundledGeodataDir() + QLatin1Char('/');
    auto incidents = importIncidents(dir + bundledIncidentsFile());
    if (incidents && !incidents.value().store->empty())
        s.layers.push_back(std::make_shared<IncidentMapLayer>(
            "i", "incidents", incidents.value().store));
    auto outposts = importIncidents(dir + bundledFacilitiesFile());
    if (outposts && !outposts.value().facilities.empty())
        s.layers.push_back(std::make_shared<FacilityMapLayer>(
            "f", "outposts", std::make_shared<const FacilityStore>(outposts.value().facilities)));
}

bool officialAbsent(benchmark::State& state) {
    if (QFileInfo::exists(kOfficialDistricts))
        return false;
    state.SkipWithError("../shared/realdata (official districts) is absent");
    return true;
}

// A cold frame: no RenderCache, only the projected geometry kept (the first frame made it).
void baseFrameCold(benchmark::State& state) {
    const bool official = state.range(0) != 0;
    if (official && officialAbsent(state))
        return;
    const MapSettings s = openingView(official);
    MapRenderer::renderImage(s);
    for (auto _ : state)
        benchmark::DoNotOptimize(MapRenderer::renderImage(s));
    state.SetItemsProcessed(state.iterations());
}

// A time step: the 30-day window moves by a day each frame over the base layers, the sample
// incidents and outposts; with a RenderCache (arg cache:1) the base layers come from its picture.
void baseFrameTimeStep(benchmark::State& state) {
    const bool official = state.range(0) != 0;
    if (official && officialAbsent(state))
        return;
    MapSettings s = openingView(official);
    addSamples(s);
    RenderCache cache;
    RenderCache* use = state.range(1) != 0 ? &cache : nullptr;
    const std::int64_t start = QDate(2025, 11, 15).toJulianDay(); // the samples of late 2025
    s.time = TimeRange{start, start + 30};
    MapRenderer::renderImage(s, nullptr, use);
    cache.resetCounters();
    for (auto _ : state) {
        s.time = TimeRange{s.time.begin + 1, s.time.end + 1};
        benchmark::DoNotOptimize(MapRenderer::renderImage(s, nullptr, use));
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["cache_hits"] = cache.hits();
    state.counters["cache_misses"] = cache.misses();
}

// The frame: a 30-day window of 1,000,000 synthetic incidents over the base layers, the
// window stepping a day per frame, with a warm RenderCache.
void millionIncidentsTimeStep(benchmark::State& state) {
    MapSettings s = openingView(false);
    auto store = std::make_shared<IncidentStore>(bench::syntheticIncidents(1'000'000));
    s.layers.push_back(std::make_shared<IncidentMapLayer>("i", "incidents", store));
    RenderCache cache;
    RenderCache* use = state.range(0) != 0 ? &cache : nullptr;
    const std::int64_t start = store->timeExtent().begin + 900;
    s.time = TimeRange{start, start + 30};
    MapRenderer::renderImage(s, nullptr, use);
    for (auto _ : state) {
        s.time = TimeRange{s.time.begin + 1, s.time.end + 1};
        benchmark::DoNotOptimize(MapRenderer::renderImage(s, nullptr, use));
    }
    state.SetItemsProcessed(state.iterations());
}

// The same million with every incident in view (all time): drawn as density, in one pass over
// the points.
void millionIncidentsAllVisible(benchmark::State& state) {
    MapSettings s = openingView(false);
    auto store = std::make_shared<IncidentStore>(bench::syntheticIncidents(1'000'000));
    s.layers.push_back(std::make_shared<IncidentMapLayer>("i", "incidents", store));
    RenderCache cache;
    s.time = TimeRange::all();
    MapRenderer::renderImage(s, nullptr, &cache);
    for (auto _ : state)
        benchmark::DoNotOptimize(MapRenderer::renderImage(s, nullptr, &cache));
    state.SetItemsProcessed(state.iterations() * 1'000'000);
}

// A pan: 40 frames, each moved by a twentieth of the view width, twenty west (a whole view
// width) and twenty back east, starting from the opening view already drawn. With a cache
// (arg cache:1) each frame shifts the base layers' picture and draws only the band that came
// into view; the counters give the median, 90th percentile and worst frame of every run. The
// frames are a drag's (MapSettings::interacting: names slide with the map); settle_ms is the
// frame after the mouse is released a view west (not among the 40), which places the names for
// the view the drag ended on.
void panSequence(benchmark::State& state) {
    const bool official = state.range(0) != 0;
    if (official && officialAbsent(state))
        return;
    MapSettings s = openingView(official); // the base layers alone, as the target says
    const Extent start = s.extent;
    const double step = start.width() / 20.0;
    std::vector<double> frameMs;
    std::vector<double> settleMs;
    for (auto _ : state) {
        state.PauseTiming();
        RenderCache cache;
        RenderCache* use = state.range(1) != 0 ? &cache : nullptr;
        s.extent = start;
        s.interacting = false;
        MapRenderer::renderImage(s, nullptr, use);
        s.interacting = true;
        state.ResumeTiming();
        for (int i = 0; i < 40; ++i) {
            const double dx = i < 20 ? -step : step;
            s.extent.xMin += dx;
            s.extent.xMax += dx;
            const auto t0 = std::chrono::steady_clock::now();
            benchmark::DoNotOptimize(MapRenderer::renderImage(s, nullptr, use));
            frameMs.push_back(
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                    .count());
            if (i == 19) { // the user lets go a view west, then drags back
                s.interacting = false;
                const auto t1 = std::chrono::steady_clock::now();
                benchmark::DoNotOptimize(MapRenderer::renderImage(s, nullptr, use));
                settleMs.push_back(std::chrono::duration<double, std::milli>(
                                       std::chrono::steady_clock::now() - t1)
                                       .count());
                s.interacting = true;
            }
        }
    }
    std::sort(frameMs.begin(), frameMs.end());
    std::sort(settleMs.begin(), settleMs.end());
    if (!frameMs.empty()) {
        state.counters["settle_ms"] = settleMs[settleMs.size() / 2];
        state.counters["frame_median_ms"] = frameMs[frameMs.size() / 2];
        state.counters["frame_p90_ms"] = frameMs[frameMs.size() * 9 / 10];
        state.counters["frame_worst_ms"] = frameMs.back();
    }
    state.SetItemsProcessed(state.iterations() * 41);
}

} // namespace

// Placing the opening view's names (base layers, sample incidents and outposts as obstacles,
// the gazetteer's towns): what a pan or zoom costs the render thread once per view, never per
// time step (LabelCache).
void labelPlacementOpeningView(benchmark::State& state) {
    MapSettings s = openingView(false);
    addSamples(s);
    const MapViewport vp = MapViewport::fitting(s.extent, QSizeF(s.outputSize));
    std::size_t placed = 0;
    placeMapLabels(s, vp); // project the layers once, as the first frame does
    for (auto _ : state) {
        const auto names = placeMapLabels(s, vp);
        placed = names->labels.size();
        benchmark::DoNotOptimize(names);
    }
    state.counters["labels"] = double(placed);
}

// Drawing the placed names over a frame (halos and text): the part of a time step they cost.
void labelDrawingOpeningView(benchmark::State& state) {
    MapSettings s = openingView(false);
    addSamples(s);
    const auto names = placeMapLabels(s, MapViewport::fitting(s.extent, QSizeF(s.outputSize)));
    QImage image(s.outputSize, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    // halos:1 stamps the halos from pictures kept from the iteration before, as the frame
    // after a pan or zoom back finds most of its names' halos drawn (HaloSprites).
    HaloSprites halos;
    HaloSprites* sprites = state.range(0) != 0 ? &halos : nullptr;
    for (auto _ : state) {
        QPainter p(&image);
        names->draw(p, TimeRange::all(), LabelPlacement::Which::All, sprites);
    }
}

BENCHMARK(labelPlacementOpeningView)->Unit(benchmark::kMillisecond);
BENCHMARK(labelDrawingOpeningView)->ArgName("halos")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(baseFrameCold)->ArgName("official")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(baseFrameTimeStep)
    ->ArgNames({"official", "cache"})
    ->ArgsProduct({{0, 1}, {0, 1}})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(millionIncidentsTimeStep)
    ->ArgName("cache")
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(millionIncidentsAllVisible)->Unit(benchmark::kMillisecond);
BENCHMARK(panSequence)
    ->ArgNames({"official", "cache"})
    ->ArgsProduct({{0, 1}, {0, 1}})
    ->Unit(benchmark::kMillisecond);
