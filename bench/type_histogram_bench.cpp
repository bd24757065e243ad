// Counting a million incidents per week or month and type: what the chart panel does on the GUI
// thread whenever the filter, the data or the district selection change. Target (issue 15): well
// under 50 ms; it is one pass over the rows.
#include "analysis/type_histogram.h"
#include "synthetic_incidents.h"

#include <benchmark/benchmark.h>
#include <memory>
#include <random>

using namespace borderlens;

namespace {

const IncidentStore& storeOfAMillion() {
    static const auto store = std::make_unique<IncidentStore>(bench::syntheticIncidents(1'000'000));
    return *store;
}

// Arg 0: months, 1: weeks.
void countPerPeriodAndType(benchmark::State& state) {
    const IncidentStore& store = storeOfAMillion();
    const auto period = state.range(0) == 0 ? HistogramPeriod::Month : HistogramPeriod::Week;
    for (auto _ : state) {
        const TypeHistogram h = countByPeriodAndType(store, period);
        benchmark::DoNotOptimize(h.total);
    }
}

// The same restricted to 3 of 58 district codes (seeded, evenly spread).
void countSelectedDistricts(benchmark::State& state) {
    const IncidentStore& store = storeOfAMillion();
    std::vector<std::uint16_t> codes(store.size());
    std::mt19937 rng(3);
    std::uniform_int_distribution<int> district(0, 57);
    for (std::uint16_t& c : codes)
        c = static_cast<std::uint16_t>(district(rng));
    const std::vector<std::uint16_t> wanted = {4, 17, 40};
    const DistrictRestriction only{codes, wanted};
    for (auto _ : state) {
        const TypeHistogram h = countByPeriodAndType(store, HistogramPeriod::Week, {}, &only);
        benchmark::DoNotOptimize(h.total);
    }
}

} // namespace

BENCHMARK(countPerPeriodAndType)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(countSelectedDistricts)->Unit(benchmark::kMillisecond);
