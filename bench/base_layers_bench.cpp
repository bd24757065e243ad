// Frames of the bundled base layers as the viewer opens on them: 1920×1080 device pixels, UTM 42N,
// the Tajik–Afghan border's extent plus 12 % (MainWindow's opening view). Cold frames, time steps
// and pan sequences, each with and without the official districts (the full geoBoundaries ADM2
// shapefile from ../shared/realdata, read in place; those cases say so and skip when it is absent).
#include "data/bundled_layers.h"
#include "data/data_paths.h"
#include "geo/extent_transform.h"
#include "io/reader_registry.h"
#include "map/vector_map_layer.h"
#include "render/map_renderer.h"

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
    return s;
}

bool officialAbsent(benchmark::State& state) {
    if (QFileInfo::exists(kOfficialDistricts))
        return false;
    state.SkipWithError("../shared/realdata (official districts) is absent");
    return true;
}

// A cold frame: nothing cached but the projected geometry (the first frame made that).
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

// A pan: 40 frames, each moved by a twentieth of the view width, ten east, twenty west, ten
// east, starting from a view already drawn. Reports the median and worst frame.
void panSequence(benchmark::State& state) {
    const bool official = state.range(0) != 0;
    if (official && officialAbsent(state))
        return;
    MapSettings s = openingView(official);
    const Extent start = s.extent;
    const double step = start.width() / 20.0;
    std::vector<double> frameMs;
    for (auto _ : state) {
        state.PauseTiming();
        s.extent = start;
        MapRenderer::renderImage(s);
        state.ResumeTiming();
        for (int i = 0; i < 40; ++i) {
            const double dx = (i < 10 || i >= 30) ? step : -step;
            s.extent.xMin += dx;
            s.extent.xMax += dx;
            const auto t0 = std::chrono::steady_clock::now();
            benchmark::DoNotOptimize(MapRenderer::renderImage(s));
            frameMs.push_back(
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                    .count());
        }
    }
    std::sort(frameMs.begin(), frameMs.end());
    if (!frameMs.empty()) {
        state.counters["frame_median_ms"] = frameMs[frameMs.size() / 2];
        state.counters["frame_worst_ms"] = frameMs.back();
    }
    state.SetItemsProcessed(state.iterations() * 40);
}

} // namespace

BENCHMARK(baseFrameCold)->ArgName("official")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(panSequence)->ArgName("official")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
