// Issue 15's analysis at a million incidents (`borderlens-cli synth --count 1000000 --seed 42
// --format native`, written once per run into a temporary folder): district attribution against
// the 58 official districts (../shared/realdata, read in place), distance to the border, a filter
// and the filtered store, a window's district trend table, and the choropleth's window update.
#include "analysis/derived_facts.h"
#include "analysis/district_trends.h"
#include "analysis/incident_filter.h"
#include "data/border_reference.h"
#include "data/data_paths.h"
#include "geo/extent_transform.h"
#include "incidents/import/incident_importer.h"
#include "incidents/synthetic/synthetic_incidents.h"
#include "io/reader_registry.h"
#include "map/district_choropleth_layer.h"
#include "render/map_renderer.h"
#include "render/render_context.h"
#include "util/parallel.h"

#include <QTemporaryDir>

#include <benchmark/benchmark.h>

using namespace borderlens;

namespace {

const QString kOfficialDistricts =
    QStringLiteral(BORDERLENS_SHARED_DIR "/realdata/boundaries/tjk_geoboundaries_adm2/"
                                         "geoBoundaries-TJK-ADM2.shp");

std::shared_ptr<const IncidentStore> millionIncidents() {
    static std::shared_ptr<const IncidentStore> store = [] {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("native_1000000.csv"));
        auto geography = BorderGeography::loadBundled();
        SyntheticOptions options;
        options.count = 1'000'000;
        options.seed = 42;
        options.format = SyntheticFormat::Native;
        if (!geography || !writeSyntheticIncidentsFile(path, geography.value(), options))
            std::abort();
        auto report = importIncidents(path);
        if (!report)
            std::abort();
        return report.value().store;
    }();
    return store;
}

std::shared_ptr<const VectorLayer> officialDistricts() {
    auto layers = ReaderRegistry::withDefaultReaders().read(kOfficialDistricts);
    return layers && !layers.value().empty() ? layers.value().front() : nullptr;
}

// The inputs with the official districts (and no outposts: attribution alone), or null.
const AnalysisInputs* officialInputs() {
    static const std::optional<AnalysisInputs> inputs = []() -> std::optional<AnalysisInputs> {
        const auto districts = officialDistricts();
        if (!districts)
            return std::nullopt;
        auto in = bundledAnalysisInputs(districts);
        if (!in)
            return std::nullopt;
        return in.value();
    }();
    return inputs ? &*inputs : nullptr;
}

// District (and country) attribution of every incident, the index built once per layer as the
// viewer builds it when the layer is loaded (its cost is the second benchmark).
void attributeMillionOfficial(benchmark::State& state) {
    const AnalysisInputs* inputs = officialInputs();
    if (!inputs) {
        state.SkipWithError("../shared/realdata (official districts) is absent");
        return;
    }
    const auto store = millionIncidents();
    AnalysisInputs districtsOnly;
    districtsOnly.areas = inputs->areas;
    for (auto _ : state)
        benchmark::DoNotOptimize(deriveFacts(*store, districtsOnly));
}

void buildOfficialDistrictIndex(benchmark::State& state) {
    const auto districts = officialDistricts();
    if (!districts) {
        state.SkipWithError("../shared/realdata (official districts) is absent");
        return;
    }
    for (auto _ : state)
        benchmark::DoNotOptimize(AdminAreas::build(districts, nullptr, nullptr));
}

// Geodesic km to the border for every incident, on both cores; the grid built once.
void borderDistanceMillion(benchmark::State& state) {
    const auto store = millionIncidents();
    const auto reference = BorderReference::loadBundled();
    const BorderDistance border(reference->border());
    std::vector<float> km(store->size());
    for (auto _ : state) {
        parallelSlices(store->size(), workerCount(), [&](std::size_t a, std::size_t b) {
            for (std::size_t i = a; i < b; ++i)
                km[i] = float(border.distanceMetres(store->lons()[i], store->lats()[i]) / 1000);
        });
        benchmark::DoNotOptimize(km.data());
    }
}

void buildBorderGrid(benchmark::State& state) {
    const auto reference = BorderReference::loadBundled();
    for (auto _ : state)
        benchmark::DoNotOptimize(BorderDistance(reference->border()));
}

// Everything the desk derives at once (districts, provinces, countries, border, no outposts).
std::shared_ptr<const DerivedFacts> millionFacts() {
    static std::shared_ptr<const DerivedFacts> facts = [] {
        const AnalysisInputs* inputs = officialInputs();
        return inputs ? deriveFacts(*millionIncidents(), *inputs) : nullptr;
    }();
    return facts;
}

// Filtering a million: matching rows, then the filtered store and its facts (the "subset
// string" every view then uses). Arg 0: a type and killed ≥ 1 (about a third pass); arg 1: the
// same within 10 km of the border on the Tajik side.
void filterMillion(benchmark::State& state) {
    const auto facts = millionFacts();
    if (!facts) {
        state.SkipWithError("../shared/realdata (official districts) is absent");
        return;
    }
    const auto store = millionIncidents();
    IncidentFilter f;
    f.types = {IncidentType::ArmedClash, IncidentType::CrossBorderFire, IncidentType::DrugSeizure};
    f.killedMin = 1;
    if (state.range(0) == 1) {
        f.borderKmMax = 10;
        f.sides = {BankSide::TJ};
    }
    std::size_t kept = 0;
    for (auto _ : state) {
        const FilteredIncidents out = filterIncidents(store, facts, f);
        kept = out.store->size();
        benchmark::DoNotOptimize(out);
    }
    state.counters["kept"] = double(kept);
}

TimeRange monthWindow(const IncidentStore& store) {
    const std::int64_t last = store.spanBegins().back();
    return TimeRange{last - 30, last};
}

// A 30-day window's district table with its 4 baseline windows.
void windowTableMillion(benchmark::State& state) {
    const auto facts = millionFacts();
    if (!facts) {
        state.SkipWithError("../shared/realdata (official districts) is absent");
        return;
    }
    const auto store = millionIncidents();
    const TimeRange last = monthWindow(*store);
    std::int64_t step = 0;
    for (auto _ : state) {
        // A new window each time, as the slider steps a day back through the last year.
        const std::int64_t back = step++ % 365;
        benchmark::DoNotOptimize(
            districtTrends(*store, *facts, TimeRange{last.begin - back, last.end - back}));
    }
}

// The choropleth drawn at 1600×1000 in UTM 42N over the official districts into the layer's own
// image, as the canvas's render thread draws a temporal layer. Arg 0: a time step (a new window,
// same view: the table, and each pixel's band colour looked up); arg 1: a new view (pan or zoom:
// the districts rasterised again, then the same).
void choroplethWindowUpdateMillion(benchmark::State& state) {
    const auto facts = millionFacts();
    if (!facts) {
        state.SkipWithError("../shared/realdata (official districts) is absent");
        return;
    }
    const auto store = millionIncidents();
    const DistrictChoroplethLayer layer("c", "District trend", store, facts);
    const Crs crs = Crs::utm42n();
    const QSize size(1600, 1000);
    const Extent extent = transformExtent(Extent{67.3, 36.4, 75.2, 41.1}, Crs::wgs84(), crs);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    const TimeRange last = monthWindow(*store);
    std::int64_t step = 0;
    auto draw = [&] {
        const std::int64_t back = step++ % 365;
        // A new view moves the centre by a pixel's worth of map units each frame.
        const double shift = state.range(0) == 1 ? double(step) : 0.0;
        const MapViewport fitted = MapViewport::fitting(extent, size);
        const MapViewport viewport(fitted.centerX() + shift * fitted.unitsPerPixel(),
                                   fitted.centerY(), fitted.unitsPerPixel(), size);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        RenderContext ctx(painter, viewport, crs, 96, TimeRange{last.begin - back, last.end - back});
        ctx.setSimplifyTolerancePx(MapSettings{}.simplifyTolerancePx);
        layer.render(ctx);
    };
    draw(); // the districts projected and (for a time step) rasterised for this view
    for (auto _ : state) {
        draw();
        benchmark::DoNotOptimize(image.bits());
    }
}

} // namespace

BENCHMARK(attributeMillionOfficial)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(buildOfficialDistrictIndex)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(borderDistanceMillion)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(buildBorderGrid)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(filterMillion)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(windowTableMillion)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(choroplethWindowUpdateMillion)
    ->ArgName("newView")
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
