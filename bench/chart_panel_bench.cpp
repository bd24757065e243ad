// The chart panel given a new (filtered) store of a million incidents, as the GUI thread pays for
// it: the count and the bars rebuilt (the chart panel does both on the GUI thread), then a time
// step, which only moves the window band. CPU time of the calling thread.
#include "chart_panel.h"
#include "synthetic_incidents.h"
#include "thread_cpu_time.h"

#include <QCoreApplication>

#include <benchmark/benchmark.h>

#include <memory>

using namespace borderlens;

namespace {

using bench::threadCpuSeconds;

std::shared_ptr<const IncidentStore> storeOfAMillion() {
    static const auto store =
        std::make_shared<const IncidentStore>(bench::syntheticIncidents(1'000'000));
    return store;
}

// Arg 0: months, 1: weeks.
void chartPanelNewData(benchmark::State& state) {
    const auto store = storeOfAMillion();
    ChartPanel panel;
    panel.resize(1200, 400);
    panel.show();
    panel.setPeriodChoice(state.range(0) == 0 ? ChartPanel::PeriodChoice::Month
                                              : ChartPanel::PeriodChoice::Week);
    for (auto _ : state) {
        const double before = threadCpuSeconds();
        panel.setData(store);
        QCoreApplication::processEvents(); // the layout and paint it asked for
        state.SetIterationTime(threadCpuSeconds() - before);
    }
}

void chartPanelTimeStep(benchmark::State& state) {
    ChartPanel panel;
    panel.resize(1200, 400);
    panel.show();
    panel.setPeriodChoice(ChartPanel::PeriodChoice::Week);
    panel.setData(storeOfAMillion());
    const std::int64_t first = QDate(2023, 1, 1).toJulianDay();
    std::int64_t day = 0;
    for (auto _ : state) {
        const double before = threadCpuSeconds();
        panel.setWindow(TimeRange{first + day, first + day + 30});
        QCoreApplication::processEvents();
        state.SetIterationTime(threadCpuSeconds() - before);
        day = (day + 1) % 365;
    }
}

} // namespace

BENCHMARK(chartPanelNewData)->Arg(0)->Arg(1)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(chartPanelTimeStep)->UseManualTime()->Unit(benchmark::kMillisecond);
