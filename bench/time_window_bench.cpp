// Selecting a time window from a million incidents: the per-frame cost of the time slider.
// Target (issue 5): a 30-day window from 1,000,000 incidents over 5 years in under 1 ms median.
#include "incidents/incident_store.h"
#include "synthetic_incidents.h"

#include <benchmark/benchmark.h>

#include <memory>
#include <random>

using namespace borderlens;

namespace {

const IncidentStore& millionIncidents() {
    static const auto store =
        std::make_unique<IncidentStore>(bench::syntheticIncidents(1'000'000));
    return *store;
}

// Windows at seeded random positions inside the data, so caches do not flatter the result.
void selectWindow(benchmark::State& state) {
    const IncidentStore& store = millionIncidents();
    const std::int64_t days = state.range(0);
    std::mt19937 rng(1);
    std::uniform_int_distribution<std::int64_t> at(store.timeExtent().begin,
                                                   store.timeExtent().end - days);
    std::vector<std::uint32_t> out;
    std::size_t selected = 0;
    for (auto _ : state) {
        const std::int64_t b = at(rng);
        store.timeIndex().select(TimeRange{b, b + days}, out);
        selected += out.size();
        benchmark::DoNotOptimize(out.data());
    }
    state.counters["incidents/window"] =
        benchmark::Counter(static_cast<double>(selected) / static_cast<double>(state.iterations()));
}

void countWindow(benchmark::State& state) {
    const IncidentStore& store = millionIncidents();
    std::mt19937 rng(2);
    std::uniform_int_distribution<std::int64_t> at(store.timeExtent().begin,
                                                   store.timeExtent().end - 30);
    for (auto _ : state) {
        const std::int64_t b = at(rng);
        benchmark::DoNotOptimize(store.timeIndex().count(TimeRange{b, b + 30}));
    }
}

// A full scan, the O(n) approach the index replaces, for the ratio.
void scanWindow(benchmark::State& state) {
    const IncidentStore& store = millionIncidents();
    std::mt19937 rng(1);
    std::uniform_int_distribution<std::int64_t> at(store.timeExtent().begin,
                                                   store.timeExtent().end - 30);
    std::vector<std::uint32_t> out;
    const auto begins = store.spanBegins();
    const auto ends = store.spanEnds();
    for (auto _ : state) {
        const std::int64_t b = at(rng);
        const TimeRange w{b, b + 30};
        out.clear();
        for (std::uint32_t i = 0; i < begins.size(); ++i)
            if (w.overlaps(begins[i], ends[i]))
                out.push_back(i);
        benchmark::DoNotOptimize(out.data());
    }
}

} // namespace

BENCHMARK(selectWindow)->Arg(1)->Arg(7)->Arg(30)->Arg(365)->Unit(benchmark::kMicrosecond);
BENCHMARK(countWindow)->Unit(benchmark::kMicrosecond);
BENCHMARK(scanWindow)->Unit(benchmark::kMicrosecond);
