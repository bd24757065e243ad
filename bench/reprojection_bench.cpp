// Reprojection costs: creating a PROJ transform versus reusing the cached one, and projecting a
// border-sized line (4,000 vertices) and a million points.
#include "geo/coordinate_transform.h"

#include <benchmark/benchmark.h>

#include <random>
#include <vector>

using namespace borderlens;

static void BM_CreateTransform(benchmark::State& state) {
    for (auto _ : state) {
        auto t = CoordinateTransform::create(Crs::wgs84(), Crs::utm42n());
        benchmark::DoNotOptimize(t);
    }
}
BENCHMARK(BM_CreateTransform)->Unit(benchmark::kMicrosecond);

static void BM_CachedTransformLookup(benchmark::State& state) {
    for (auto _ : state) {
        auto t = TransformCache::get(Crs::wgs84(), Crs::utm42n());
        benchmark::DoNotOptimize(t);
    }
}
BENCHMARK(BM_CachedTransformLookup)->Unit(benchmark::kMicrosecond);

static void BM_ProjectPoints(benchmark::State& state) {
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> lon(67.5, 75.0), lat(36.5, 39.5);
    std::vector<double> source;
    for (int i = 0; i < state.range(0); ++i)
        source.insert(source.end(), {lon(rng), lat(rng)});
    auto t = TransformCache::get(Crs::wgs84(), Crs::utm42n()).value();
    for (auto _ : state) {
        std::vector<double> xy = source;
        t->transformInPlace(xy);
        benchmark::DoNotOptimize(xy.data());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_ProjectPoints)->Arg(4000)->Arg(1000000)->Unit(benchmark::kMillisecond);


