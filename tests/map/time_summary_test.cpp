#include "map/facility_map_layer.h"
#include "map/incident_map_layer.h"
#include "map/time_summary.h"

#include <gtest/gtest.h>

using namespace borderlens;

namespace {

std::shared_ptr<FacilityMapLayer> baseOpenedIn2004() {
    Facility f;
    f.id = QStringLiteral("base");
    f.name = QStringLiteral("201st base");
    f.opened = QDate(2004, 10, 16);
    Facility o = f;
    o.id = QStringLiteral("outpost");
    o.opened = QDate(2025, 12, 24);
    return std::make_shared<FacilityMapLayer>("f", "f", std::make_shared<FacilityStore>(
                                                            std::vector<Facility>{f, o}));
}

TEST(TimeSummary, IncidentsSetTheSpanInWholeMonthsAndFacilitiesAddOnlyEvents) {
    Incident a;
    a.id = QStringLiteral("a");
    a.startDate = QDate(2021, 7, 5);
    Incident b = a;
    b.id = QStringLiteral("b");
    b.startDate = QDate(2025, 12, 24);
    LayerStack layers;
    layers.add(baseOpenedIn2004());
    layers.add(std::make_shared<IncidentMapLayer>(
        "i", "i", std::make_shared<IncidentStore>(std::vector<Incident>{a, b})));
    const TimeSummary s = summarizeTime(layers);
    EXPECT_EQ(s.fullRange, TimeRange::fromHalfOpen(QDate(2021, 7, 1), QDate(2026, 1, 1)));
    EXPECT_EQ(s.incidentStores.size(), 1u);
    // Both incident days; the outpost's opening (same day as b) once; not the 2004 base.
    EXPECT_EQ(s.eventDays, (std::vector<std::int64_t>{QDate(2021, 7, 5).toJulianDay(),
                                                      QDate(2025, 12, 24).toJulianDay()}));
}

TEST(TimeSummary, FacilitiesAloneSetTheSpanAndNothingTimedGivesNone) {
    LayerStack layers;
    EXPECT_TRUE(summarizeTime(layers).fullRange.isEmpty());
    layers.add(baseOpenedIn2004());
    EXPECT_EQ(summarizeTime(layers).fullRange,
              TimeRange::fromHalfOpen(QDate(2004, 10, 1), QDate(2026, 1, 1)));
}

} // namespace
