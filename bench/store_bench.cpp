// The incident store: what one save costs (an analyst's add or edit, each its own transaction
// with its log lines), and opening a store of N incidents in the viewer.
#include "incidents/import/incident_importer.h"
#include "store/incident_database.h"

#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <map>

using namespace borderlens;

namespace {

Incident sampleIncident(int n) {
    Incident i;
    i.startDate = QDate(2025, 1, 1).addDays(n % 365);
    i.type = IncidentType::ArmedClash;
    i.place = QStringLiteral("Shamsiddin Shohin");
    i.lon = 70.0 + (n % 1000) * 0.001;
    i.lat = 37.8 + (n % 700) * 0.001;
    i.geoPrecision = GeoPrecision::Near;
    i.country = QStringLiteral("TJ");
    i.killed.best = n % 5;
    i.actors = {QStringLiteral("Border guards")};
    i.summary = QStringLiteral("Incident %1 logged by the bench").arg(n);
    i.sources = {{QStringLiteral("Report %1").arg(n), QStringLiteral("Asia-Plus"), i.startDate, {}}};
    return i;
}

// A store holding `count` incidents, made once per run.
QString storeOf(int count) {
    static QTemporaryDir dir;
    static std::map<int, QString> made;
    if (auto it = made.find(count); it != made.end())
        return it->second;
    const QString path = dir.filePath(QStringLiteral("store_%1.gpkg").arg(count));
    auto db = IncidentDatabase::create(path);
    for (int n = 0; n < count; ++n)
        db.value()->add(sampleIncident(n));
    made[count] = path;
    return path;
}

void BM_StoreAdd(benchmark::State& state) {
    QTemporaryDir dir;
    auto db = IncidentDatabase::create(dir.filePath(QStringLiteral("add.gpkg")));
    int n = 0;
    for (auto _ : state) {
        auto added = db.value()->add(sampleIncident(n++));
        benchmark::DoNotOptimize(added);
    }
}
BENCHMARK(BM_StoreAdd)->Unit(benchmark::kMillisecond);

void BM_StoreEditWithVersionCheck(benchmark::State& state) {
    QTemporaryDir dir;
    auto db = IncidentDatabase::create(dir.filePath(QStringLiteral("edit.gpkg")));
    Incident i = db.value()->add(sampleIncident(0)).value().incident;
    std::int64_t version = 1;
    for (auto _ : state) {
        i.killed.best = static_cast<int>(version);
        version = db.value()->update(i, version).value().version;
    }
}
BENCHMARK(BM_StoreEditWithVersionCheck)->Unit(benchmark::kMillisecond);

// What the viewer does after each save: the whole store read back as a layer.
void BM_StoreLoadAsLayer(benchmark::State& state) {
    const QString path = storeOf(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        auto report = importIncidents(path);
        if (!report || report.value().store->size() != std::size_t(state.range(0)))
            state.SkipWithError("the store did not load");
        benchmark::DoNotOptimize(report);
    }
}
BENCHMARK(BM_StoreLoadAsLayer)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

} // namespace
